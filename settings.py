"""Every setting of careerbot: the project's paths, and each environment variable, read here and
nowhere else. VARIABLES is the table of them (README.md "Settings" lists the same)."""
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

PROJECT_ROOT = Path(__file__).resolve().parent
VAR_DIR = PROJECT_ROOT / "var"  # databases, generated run files and secrets (0700)
RUN_DIR = VAR_DIR / "run"
# careerbot's spaCy pipeline, built from the knowledge base by bot.rasa_ext.nlu.spacy_pipeline;
# config.yml and the NLU components name it relative to the project.
SPACY_MODEL = "var/spacy/careerbot_en"
SPACY_MODEL_DIR = PROJECT_ROOT / SPACY_MODEL
DOMAIN_FILE = PROJECT_ROOT / "bot" / "domain.yml"
BOT_CONTENT = PROJECT_ROOT / "bot" / "content"  # the bot's own wording (not guide facts)
DEFAULT_MODEL = PROJECT_ROOT / "models" / "careerbot.tar.gz"
DEFAULT_KB_CACHE_SECONDS = 30.0
DEFAULT_LOG_DAYS = 90


@dataclass(frozen=True)
class Variable:
    default: str  # as the README shows it; "" when unset means off or generated
    meaning: str


VARIABLES: Dict[str, Variable] = {
    "CAREERBOT_HOST": Variable("127.0.0.1", "address the Rasa server and the demo page bind to"),
    "CAREERBOT_RASA_PORT": Variable("5005", "the Rasa server's port (REST, socket.io, Slack)"),
    "CAREERBOT_ACTIONS_HOST": Variable("127.0.0.1", "where the action server listens and the Rasa server "
                                       "reaches it (the balancer, when scaled out)"),
    "CAREERBOT_ACTIONS_PORT": Variable("5055", "the action server's port"),
    "CAREERBOT_WEB_HOST": Variable("CAREERBOT_HOST", "address the demo page binds to"),
    "CAREERBOT_WEB_PORT": Variable("8000", "the demo page's port"),
    "CAREERBOT_CORS_ORIGINS": Variable("the demo page's origins", "comma-separated origins allowed to use "
                                       "the Rasa server and its socket.io channel"),
    "CAREERBOT_MODEL": Variable("models/careerbot.tar.gz", "the trained Rasa model"),
    "CAREERBOT_DB_URL": Variable("sqlite:///var/careerbot.db", "the knowledge base and the user profiles "
                                 "(any SQLAlchemy URL; PostgreSQL when scaled out)"),
    "CAREERBOT_TRACKER_DB_URL": Variable("sqlite:///var/tracker.db", "Rasa's conversation history"),
    "CAREERBOT_REDIS_URL": Variable("", "Redis for the lock store and Slack retries; required with more "
                                    "than one Rasa server"),
    "CAREERBOT_KB_CACHE_SECONDS": Variable("30", "how long the action server keeps a knowledge-base answer "
                                           "(a `knowledge load` goes live within it; 0: no cache)"),
    "CAREERBOT_REST_TOKEN": Variable("", "bearer token the REST channel requires; without it REST is on "
                                     "only on loopback"),
    "CAREERBOT_API_TOKEN": Variable("", "turns on Rasa's HTTP API with this token (off when unset)"),
    "CAREERBOT_SESSION_SECRET": Variable("generated into var/run/session_secret", "signs widget sessions; "
                                         "the same on every Rasa server"),
    "CAREERBOT_ACTION_TOKEN": Variable("generated into var/run/action_token", "what the Rasa servers "
                                       "present to the action servers"),
    "CAREERBOT_LOG_KEY": Variable("generated into var/run/log_key", "keys the hashes that stand for conversation "
                                  "ids in the answer ratings and the unanswered log, and signs rating tokens; "
                                  "the same on every Rasa and action server"),
    "CAREERBOT_LOG_DAYS": Variable("90", "days answer ratings and the unanswered log are kept (older rows are "
                                   "deleted when the action server or the report starts)"),
    "SLACK_BOT_TOKEN": Variable("", "Slack bot token (xoxb-...); Slack is on with it and the signing secret"),
    "SLACK_SIGNING_SECRET": Variable("", "Slack app signing secret"),
    "SLACK_CHANNEL": Variable("", "answer only in this Slack channel"),
    "CAREERBOT_SLACK_TEAM_ID": Variable("", "the Slack workspace id, needed once to rename Slack "
                                        "conversations stored before ids named their channel"),
    "CAREERBOT_SLACK_API_URL": Variable("", "tests only: a stand-in for Slack's Web API on loopback"),
    "NO_COLOR": Variable("", "any value: `make shell` prints no colours or bold (https://no-color.org)"),
    # Rasa's own, set per Rasa server by `python -m deploy.cluster` (docs/scale-out.md).
    "TICKET_LOCK_LIFETIME": Variable("30 (deploy.cluster)", "seconds a turn holds its conversation's lock"),
    "SANIC_RESPONSE_TIMEOUT": Variable("100 (deploy.cluster)", "seconds Sanic allows a request"),
}
RASA_TIMEOUTS = {"TICKET_LOCK_LIFETIME": "30", "SANIC_RESPONSE_TIMEOUT": "100"}


@dataclass(frozen=True)
class Settings:
    host: str
    rasa_port: int
    actions_host: str
    actions_port: int
    web_host: str
    web_port: int
    model: Path
    db_url: str
    tracker_db_url: str
    # Redis for Rasa's lock store; required as soon as more than one Rasa server runs.
    redis_url: Optional[str]
    kb_cache_seconds: float
    # Required by the REST channel when set; without it REST is on only on loopback.
    rest_token: Optional[str]
    api_token: Optional[str]
    # None: generated once under var/run (bot/shared_secrets.py).
    session_secret: Optional[str]
    action_token: Optional[str]
    log_key: Optional[str]
    # How long answer ratings and the unanswered log are kept (userdata/feedback.py).
    log_days: int
    cors_origins: List[str]
    slack_token: Optional[str]
    slack_signing_secret: Optional[str]
    slack_channel: Optional[str]
    slack_team_id: Optional[str]
    # Only for tests: a stand-in for Slack's Web API on loopback.
    slack_api_url: Optional[str]
    rasa_timeouts: Dict[str, str]

    @property
    def rasa_url(self) -> str:
        return f"http://{_url_host(self.host)}:{self.rasa_port}"

    @property
    def web_url(self) -> str:
        return f"http://{_url_host(self.web_host)}:{self.web_port}"

    @property
    def action_url(self) -> str:
        return f"http://{self.actions_host}:{self.actions_port}/webhook"

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_token and self.slack_signing_secret)


def _url_host(host: str) -> str:
    return "localhost" if host in ("127.0.0.1", "0.0.0.0") else host


def _get(name: str) -> Optional[str]:
    """The variable's value, None when unset or blank; only declared variables can be read."""
    if name not in VARIABLES:
        raise KeyError(f"{name} is not a careerbot setting (declare it in settings.VARIABLES)")
    value = os.environ.get(name, "").strip()
    return value or None


def _port(name: str) -> int:
    raw = _get(name) or VARIABLES[name].default
    try:
        port = int(raw)
    except ValueError:
        raise SystemExit(f"careerbot: setting {name}={raw!r} is not a port number") from None
    if not 0 < port < 65536:
        raise SystemExit(f"careerbot: setting {name}={raw!r} is not a port number (1-65535)")
    return port


def _seconds(name: str, default: float) -> float:
    raw = _get(name)
    if raw is None:
        return default
    try:
        seconds = float(raw)
    except ValueError:
        raise SystemExit(f"careerbot: setting {name}={raw!r} is not a number of seconds") from None
    if seconds < 0:
        raise SystemExit(f"careerbot: setting {name}={raw!r} is negative")
    return seconds


def _days(name: str, default: int) -> int:
    raw = _get(name)
    if raw is None:
        return default
    try:
        days = int(raw)
    except ValueError:
        raise SystemExit(f"careerbot: setting {name}={raw!r} is not a whole number of days") from None
    if days < 1:
        raise SystemExit(f"careerbot: setting {name}={raw!r} is less than one day")
    return days


def no_color() -> bool:
    """Whether the terminal should get plain text (NO_COLOR set to anything but blank)."""
    return _get("NO_COLOR") is not None


def load_settings() -> Settings:
    host = _get("CAREERBOT_HOST") or "127.0.0.1"
    web_port = _port("CAREERBOT_WEB_PORT")
    default_origins = f"http://localhost:{web_port},http://127.0.0.1:{web_port}"
    origins = [o.strip() for o in (_get("CAREERBOT_CORS_ORIGINS") or default_origins).split(",") if o.strip()]
    return Settings(
        host=host,
        rasa_port=_port("CAREERBOT_RASA_PORT"),
        # The action server only ever talks to the Rasa server on this host.
        actions_host=_get("CAREERBOT_ACTIONS_HOST") or "127.0.0.1",
        actions_port=_port("CAREERBOT_ACTIONS_PORT"),
        web_host=_get("CAREERBOT_WEB_HOST") or host,
        web_port=web_port,
        model=Path(_get("CAREERBOT_MODEL") or DEFAULT_MODEL),
        db_url=_get("CAREERBOT_DB_URL") or f"sqlite:///{VAR_DIR / 'careerbot.db'}",
        tracker_db_url=_get("CAREERBOT_TRACKER_DB_URL") or f"sqlite:///{VAR_DIR / 'tracker.db'}",
        redis_url=_get("CAREERBOT_REDIS_URL"),
        kb_cache_seconds=_seconds("CAREERBOT_KB_CACHE_SECONDS", DEFAULT_KB_CACHE_SECONDS),
        rest_token=_get("CAREERBOT_REST_TOKEN"),
        api_token=_get("CAREERBOT_API_TOKEN"),
        session_secret=_get("CAREERBOT_SESSION_SECRET"),
        action_token=_get("CAREERBOT_ACTION_TOKEN"),
        log_key=_get("CAREERBOT_LOG_KEY"),
        log_days=_days("CAREERBOT_LOG_DAYS", DEFAULT_LOG_DAYS),
        cors_origins=origins,
        slack_token=_get("SLACK_BOT_TOKEN"),
        slack_signing_secret=_get("SLACK_SIGNING_SECRET"),
        slack_channel=_get("SLACK_CHANNEL"),
        slack_team_id=_get("CAREERBOT_SLACK_TEAM_ID"),
        slack_api_url=_get("CAREERBOT_SLACK_API_URL"),
        rasa_timeouts={name: _get(name) or default for name, default in RASA_TIMEOUTS.items()},
    )

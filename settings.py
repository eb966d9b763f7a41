"""Run-time settings of careerbot's servers, all from environment variables."""
import os
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

PROJECT_ROOT = Path(__file__).resolve().parent
VAR_DIR = PROJECT_ROOT / "var"  # databases, generated run files and secrets (0700)
RUN_DIR = VAR_DIR / "run"
# careerbot's spaCy pipeline, built from the knowledge base by bot.rasa_ext.nlu.spacy_pipeline;
# config.yml and the NLU components name it relative to the project.
SPACY_MODEL = "var/spacy/careerbot_en"
SPACY_MODEL_DIR = PROJECT_ROOT / SPACY_MODEL
DOMAIN_FILE = PROJECT_ROOT / "bot" / "domain.yml"
BOT_CONTENT = PROJECT_ROOT / "bot" / "content"  # the bot's own wording (not guide facts)


@dataclass(frozen=True)
class Settings:
    host: str
    rasa_port: int
    actions_host: str
    actions_port: int
    web_port: int
    model: Path
    # Required by the REST channel when set; without it REST is on only on loopback.
    rest_token: Optional[str]
    cors_origins: List[str]
    slack_token: Optional[str]
    slack_signing_secret: Optional[str]
    slack_channel: Optional[str]
    tracker_db_url: str
    # Redis for Rasa's lock store; required as soon as more than one Rasa server runs.
    redis_url: Optional[str]
    # Only for tests: a stand-in for Slack's Web API on loopback.
    slack_api_url: Optional[str]

    @property
    def rasa_url(self) -> str:
        return f"http://{_url_host(self.host)}:{self.rasa_port}"

    @property
    def web_url(self) -> str:
        return f"http://{_url_host(self.host)}:{self.web_port}"

    @property
    def action_url(self) -> str:
        return f"http://{self.actions_host}:{self.actions_port}/webhook"

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_token and self.slack_signing_secret)


def _url_host(host: str) -> str:
    return "localhost" if host in ("127.0.0.1", "0.0.0.0") else host


def _port(name: str, default: int) -> int:
    raw = os.environ.get(name, str(default))
    try:
        port = int(raw)
    except ValueError:
        raise SystemExit(f"careerbot: setting {name}={raw!r} is not a port number") from None
    if not 0 < port < 65536:
        raise SystemExit(f"careerbot: setting {name}={raw!r} is not a port number (1-65535)")
    return port


def load_settings() -> Settings:
    env = os.environ.get
    host = env("CAREERBOT_HOST", "127.0.0.1")
    web_port = _port("CAREERBOT_WEB_PORT", 8000)
    default_origins = f"http://localhost:{web_port},http://127.0.0.1:{web_port}"
    origins = [o.strip() for o in env("CAREERBOT_CORS_ORIGINS", default_origins).split(",") if o.strip()]
    return Settings(
        host=host,
        rasa_port=_port("CAREERBOT_RASA_PORT", 5005),
        # The action server only ever talks to the Rasa server on this host.
        actions_host=env("CAREERBOT_ACTIONS_HOST", "127.0.0.1"),
        actions_port=_port("CAREERBOT_ACTIONS_PORT", 5055),
        web_port=web_port,
        model=Path(env("CAREERBOT_MODEL", str(PROJECT_ROOT / "models" / "careerbot.tar.gz"))),
        rest_token=env("CAREERBOT_REST_TOKEN") or None,
        cors_origins=origins,
        slack_token=env("SLACK_BOT_TOKEN") or None,
        slack_signing_secret=env("SLACK_SIGNING_SECRET") or None,
        slack_channel=env("SLACK_CHANNEL") or None,
        tracker_db_url=env("CAREERBOT_TRACKER_DB_URL") or f"sqlite:///{VAR_DIR / 'tracker.db'}",
        redis_url=env("CAREERBOT_REDIS_URL") or None,
        slack_api_url=env("CAREERBOT_SLACK_API_URL") or None,
    )

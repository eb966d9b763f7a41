"""What careerbot's servers are started with: the Rasa config files generated from the
settings (credentials.yml, endpoints.yml under var/run) and each server's command line."""
import os
import sys
from pathlib import Path
from typing import Dict, List, Optional
from urllib.parse import urlparse

import yaml
from sqlalchemy.engine import make_url

from bot.shared_secrets import ACTION_TOKEN, ACTION_TOKEN_HEADER, shared_secret
from settings import RUN_DIR, Settings
from storage.engine import private_dirs, private_sqlite_file

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def rest_credentials(settings: Settings, token_required: bool = False) -> Optional[Dict]:
    """The REST channel's settings, or None when it is off: beyond loopback (or whenever
    token_required) it needs a token, because whoever can reach it can talk as any REST
    conversation."""
    if settings.rest_token:
        return {"token": settings.rest_token}
    if settings.host in LOOPBACK and not token_required:
        return {}
    return None


def rest_status(settings: Settings) -> str:
    rest = rest_credentials(settings)
    if rest is None:
        return "off (set CAREERBOT_REST_TOKEN to turn it on beyond loopback)"
    return f"{settings.rasa_url}/webhooks/rest/webhook" + (" (bearer token required)" if rest else "")


def credentials(settings: Settings, rest_token_required: bool = False) -> Dict:
    creds: Dict = {
        "bot.rasa_ext.channels.socketio.CareerbotSocketIOInput": {
            "user_message_evt": "user_uttered",
            "bot_message_evt": "bot_uttered",
            "session_persistence": True,
            "cors_allowed_origins": settings.cors_origins,
        },
    }
    rest = rest_credentials(settings, rest_token_required)
    if rest is not None:
        creds["bot.rasa_ext.channels.rest.CareerbotRestInput"] = rest
    if settings.slack_enabled:
        creds["bot.rasa_ext.channels.slack.CareerbotSlackInput"] = {
            "slack_token": settings.slack_token,
            "slack_signing_secret": settings.slack_signing_secret,
            "use_threads": True,
            **({"slack_channel": settings.slack_channel} if settings.slack_channel else {}),
            **({"api_url": settings.slack_api_url} if settings.slack_api_url else {}),
            # several Rasa servers share which deliveries were answered (a retry may reach any)
            **({"redis_url": settings.redis_url} if settings.redis_url else {}),
        }
    return creds


def tracker_store(url: str) -> Dict:
    """Rasa's SQL tracker store settings (our subclass: reads incrementally, can forget a user) from a database URL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        private_sqlite_file(parsed.database)  # before Rasa's SQLTrackerStore creates it world-readable
        return {"type": "bot.rasa_ext.tracker_store.CareerbotTrackerStore", "dialect": "sqlite", "db": parsed.database}
    return {"type": "bot.rasa_ext.tracker_store.CareerbotTrackerStore", "dialect": parsed.drivername,
            "url": parsed.host, "port": parsed.port, "db": parsed.database, "username": parsed.username,
            "password": parsed.password}


def lock_store(url: str) -> Dict:
    """careerbot's Redis lock store (bot/rasa_ext/lock_store.py) from a redis://[:password@]host:port/db URL."""
    parsed = urlparse(url)
    return {"type": "bot.rasa_ext.lock_store.AtomicRedisLockStore", "url": parsed.hostname, "port": parsed.port or 6379,
            "password": parsed.password, "db": int(parsed.path.lstrip("/") or 0), "key_prefix": "careerbot"}


def endpoints(settings: Settings) -> Dict:
    # careerbot's actions never read the domain, so Rasa need not send it on every call.
    config = {"action_endpoint": {"url": settings.action_url, "enable_selective_domain": True,
                                  "headers": {ACTION_TOKEN_HEADER: shared_secret(ACTION_TOKEN)}},
              "tracker_store": tracker_store(settings.tracker_db_url)}
    if settings.redis_url:
        config["lock_store"] = lock_store(settings.redis_url)
    return config


def write_run_file(name: str, content: Dict, directory: Path = RUN_DIR) -> Path:
    """Writes a generated Rasa config file (it may hold secrets) under var/run, readable only by
    us from the first byte: a temp file created 0600 and renamed over the old one. Writing in
    place, then chmod, left a moment when anyone could open it, and whoever had the old file
    open would read the new secrets through it."""
    private_dirs(directory)
    path = directory / name
    tmp = directory / f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(yaml.safe_dump(content, sort_keys=False))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def action_server_cmd(settings: Settings) -> List[str]:
    return [sys.executable, "-m", "bot.action_server", "--host", settings.actions_host,
            "--port", str(settings.actions_port)]


def rasa_cmd(settings: Settings, creds: Path, endpoints_file: Path, shell: bool = False) -> List[str]:
    common = ["--model", str(settings.model), "--endpoints", str(endpoints_file),
              "--interface", settings.host, "--port", str(settings.rasa_port)]
    if shell:
        return [sys.executable, "-m", "bot.shell", *common]
    # No API token here: a command line is readable by every user (ps). The Rasa server gets
    # CAREERBOT_API_TOKEN in its environment (SECRETS_FOR) and turns the API on itself.
    return [sys.executable, "-m", "bot.rasa_server", "run", *common, "--credentials", str(creds),
            "--cors", *settings.cors_origins]


def web_cmd(settings: Settings) -> List[str]:
    return [sys.executable, "web/serve.py", "--host", settings.web_host, "--port", str(settings.web_port),
            "--rasa-url", settings.rasa_url]

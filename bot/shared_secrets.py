"""Secrets every server of a deployment must share: from the environment, or generated once
into var/run/ (mode 0600) when unset, so one machine needs no set-up.

Several machines must set the variables themselves (docs/scale-out.md): a file generated on
one machine is not seen by another.
"""
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from settings import RUN_DIR, load_settings
from storage.engine import private_dirs


@dataclass(frozen=True)
class SharedSecret:
    env: str  # the setting that gives it
    field: str  # its name in settings.Settings
    file_name: str  # where it is generated when the setting is unset


SESSION_SECRET = SharedSecret("CAREERBOT_SESSION_SECRET", "session_secret", "session_secret")
ACTION_TOKEN = SharedSecret("CAREERBOT_ACTION_TOKEN", "action_token", "action_token")
# Keys the hashes of conversation ids in the ratings and the unanswered log, and signs rating tokens
# (bot/answering/ratings.py): the Rasa servers and the action servers both use it.
LOG_KEY = SharedSecret("CAREERBOT_LOG_KEY", "log_key", "log_key")
# The header in which the Rasa servers present the action token to the action servers.
ACTION_TOKEN_HEADER = "X-Careerbot-Action-Token"


def shared_secret(which: SharedSecret, run_dir: Path = RUN_DIR) -> str:
    """The setting's value; else the generated file's, generating it if nobody has yet."""
    value = getattr(load_settings(), which.field)
    if value:
        return value
    private_dirs(run_dir)
    path = run_dir / which.file_name
    if not path.exists():
        # Written whole under a temporary name, then linked: a process starting at the same
        # moment either wins the link or reads the winner's complete file, never a partial one.
        tmp = run_dir / f".{which.file_name}.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(32))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    value = path.read_text(encoding="utf-8").strip()
    if not value:
        raise SystemExit(f"careerbot: {path} is empty; delete it or set {which.env}")
    return value

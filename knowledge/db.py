"""One SQLAlchemy engine per process, from CAREERBOT_DB_URL."""
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import QueuePool

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_ROOT / "var" / "careerbot.db"


def database_url() -> str:
    return os.environ.get("CAREERBOT_DB_URL") or f"sqlite:///{DEFAULT_DB_PATH}"


@lru_cache(maxsize=None)
def get_engine(url: Optional[str] = None) -> Engine:
    url = url or database_url()
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True, **sqlite_pool(url))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_settings)
    return engine


def sqlite_pool(url: Any) -> Dict[str, Any]:
    """Keeps SQLite connections open: SQLAlchemy 1.4 opens a new one per session, which a server
    pays on every query. They are shared between the action server's worker threads."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return {}
    return {"poolclass": QueuePool, "connect_args": {"check_same_thread": False}}


def use_write_ahead_log(dbapi_connection: Any) -> None:
    """Readers never wait for a writer (a profile being saved), and a commit skips the fsync
    only a power cut would need: a crash of careerbot loses nothing."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_settings(dbapi_connection: Any, _record: Any) -> None:
    use_write_ahead_log(dbapi_connection)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()

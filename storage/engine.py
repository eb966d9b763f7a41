"""One SQLAlchemy engine per process (CAREERBOT_DB_URL), and the SQLite settings careerbot uses."""
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import QueuePool

from settings import load_settings


def database_url() -> str:
    return load_settings().db_url


@lru_cache(maxsize=None)
def get_engine(url: Optional[str] = None) -> Engine:
    url = url or database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        private_sqlite_file(parsed.database)
    engine = create_engine(url, future=True, pool_pre_ping=True, **sqlite_pool(url))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_settings)
    return engine


def private_dirs(path: Path) -> None:
    """`mkdir -p` whose every new folder is 0700: var/ holds the databases and the run files
    with the secrets. (Path.mkdir(parents=True) makes the parents 0777 minus the umask.)"""
    missing = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)


def private_sqlite_file(database: str) -> None:
    """Creates the SQLite database file 0600 before SQLite does. SQLite would create it 0644
    under the usual umask, and its -wal, -shm and -journal files with the database's mode:
    anyone on the machine could read every conversation and profile."""
    path = Path(database)
    private_dirs(path.parent)
    os.close(os.open(path, os.O_RDONLY | os.O_CREAT, 0o600))
    for file in (Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")):
        try:
            if file.stat().st_mode & 0o077:
                file.chmod(0o600)  # left readable by a careerbot from before this check
        except (FileNotFoundError, PermissionError):  # none, or another user's to change
            pass


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

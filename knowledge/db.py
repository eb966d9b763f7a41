"""One SQLAlchemy engine per process, from CAREERBOT_DB_URL."""
import os
from functools import lru_cache
from pathlib import Path
from typing import Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_ROOT / "var" / "careerbot.db"


def database_url() -> str:
    return os.environ.get("CAREERBOT_DB_URL") or f"sqlite:///{DEFAULT_DB_PATH}"


@lru_cache(maxsize=None)
def get_engine(url: Optional[str] = None) -> Engine:
    url = url or database_url()
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_foreign_keys)
    return engine


def _sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()

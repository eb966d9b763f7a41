"""Schema changes of the application database go through Alembic migrations
(storage/migrations/versions); `upgrade` brings any database to the newest one."""
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).parent / "migrations"
FIRST_REVISION = "0001"


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as connection:
        config = _config(connection)
        tables = set(inspect(connection).get_table_names())
        if "kb_sections" in tables and "alembic_version" not in tables:
            # A database made before migrations existed already has the first revision's tables.
            command.stamp(config, FIRST_REVISION)
        command.upgrade(config, revision)

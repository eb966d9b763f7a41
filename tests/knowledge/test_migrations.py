"""Schema changes go through Alembic: the migrations build exactly the schema the models describe."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from knowledge import migrate
from knowledge.db import get_engine
from knowledge.models import Base


def test_migrating_an_empty_database_gives_the_models_schema(tmp_path):
    engine = get_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_migrating_twice_changes_nothing(tmp_path):
    engine = get_engine(f"sqlite:///{tmp_path / 'twice.db'}")
    migrate.upgrade(engine)
    migrate.upgrade(engine)
    assert "user_profiles" in inspect(engine).get_table_names()


def test_a_database_made_before_migrations_is_upgraded_in_place(tmp_path):
    engine = get_engine(f"sqlite:///{tmp_path / 'old.db'}")
    kb_tables = [t for name, t in Base.metadata.tables.items() if name.startswith("kb_")]
    Base.metadata.create_all(engine, tables=kb_tables)
    migrate.upgrade(engine)
    assert {"user_profiles", "alembic_version"} <= set(inspect(engine).get_table_names())

"""Schema changes go through Alembic: the migrations build exactly the schema the models describe."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from knowledge import KnowledgeBase, migrate
from knowledge.content import read_content
from knowledge.db import get_engine
from knowledge.loader import load
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
    migrate.upgrade(engine, "0001")  # the knowledge-base tables as they were before migrations existed
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE alembic_version")
    migrate.upgrade(engine)
    assert {"user_profiles", "alembic_version"} <= set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_a_database_at_the_previous_revision_upgrades_and_loads(tmp_path):
    engine = get_engine(f"sqlite:///{tmp_path / 'v2.db'}")
    migrate.upgrade(engine, "0002")
    load(read_content(), engine)  # migrates to the newest revision first
    assert [c.text[:9] for c in KnowledgeBase(engine).salary_estimate("mid").caveats] == ["The guide", "Early in "]

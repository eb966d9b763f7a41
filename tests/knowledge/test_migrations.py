"""Schema changes go through Alembic: the migrations build exactly the schema the models describe."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from knowledge import KnowledgeBase
from knowledge.content import read_content
from knowledge.loader import load
from storage import migrate
from storage.engine import get_engine
from storage.tables import all_tables


def test_migrating_an_empty_database_gives_the_models_schema(tmp_path):
    engine = get_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), all_tables()) == []


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
        assert compare_metadata(MigrationContext.configure(connection), all_tables()) == []


def test_a_database_at_the_previous_revision_upgrades_and_loads(tmp_path):
    engine = get_engine(f"sqlite:///{tmp_path / 'v2.db'}")
    migrate.upgrade(engine, "0002")
    load(read_content(), engine)  # migrates to the newest revision first
    assert [c.text[:9] for c in KnowledgeBase(engine).salary_estimate("mid").caveats] == ["The guide", "Growth an"]


def test_profiles_under_old_ids_are_renamed_to_their_channels_namespace(tmp_path, monkeypatch):
    engine = get_engine(f"sqlite:///{tmp_path / 'v3.db'}")
    migrate.upgrade(engine, "0003")
    rows = [("rest", "alice", '{"location": "seattle"}', "2026-01-02"),
            ("socketio", "abc123", '{"level": "mid"}', "2026-01-02"),
            ("slack", "U42", '{"level": "junior"}', "2026-01-02"),
            ("unknown", "alice", '{"location": "chicago"}', "2026-01-03"),  # newer: its data wins
            ("unknown", "bob", '{"level": "senior"}', "2026-01-01")]
    with engine.begin() as connection:
        for channel, sender, data, at in rows:
            connection.exec_driver_sql("INSERT INTO user_profiles (channel, sender_id, data, updated_at) "
                                       "VALUES (?, ?, ?, ?)", (channel, sender, data, at))
    monkeypatch.delenv("CAREERBOT_SLACK_TEAM_ID", raising=False)
    with pytest.raises(Exception, match="CAREERBOT_SLACK_TEAM_ID"):
        migrate.upgrade(engine)
    monkeypatch.setenv("CAREERBOT_SLACK_TEAM_ID", "T9")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        stored = dict(connection.exec_driver_sql("SELECT sender_id, data FROM user_profiles").all())
    assert stored == {"rest:alice": '{"location": "chicago"}', "web:abc123": '{"level": "mid"}',
                      "slack:T9:U42": '{"level": "junior"}', "unknown:bob": '{"level": "senior"}'}

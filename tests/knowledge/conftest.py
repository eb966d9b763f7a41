"""Fixtures of the knowledge-base tests: real SQLite files under tmp_path, and the
query tests also against PostgreSQL when CAREERBOT_TEST_PG_URL is set."""
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from knowledge import KnowledgeBase
from knowledge.content import Content, read_content
from knowledge.loader import load
from storage.engine import get_engine
from tests.knowledge.helpers import CONTENT_DIR, kb_tables

PG_URL = os.environ.get("CAREERBOT_TEST_PG_URL")


@pytest.fixture(scope="session")
def shipped_content() -> Content:
    return read_content(CONTENT_DIR)


@pytest.fixture
def content_dir(tmp_path) -> Path:
    """A private copy of knowledge/content that a test may edit or break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


@pytest.fixture
def db_url(tmp_path) -> str:
    """An empty SQLite database."""
    return f"sqlite:///{tmp_path / 'empty.db'}"


@pytest.fixture
def engine(db_url):
    return get_engine(db_url)


@pytest.fixture(scope="session")
def pristine_db(tmp_path_factory, shipped_content) -> Path:
    path = tmp_path_factory.mktemp("pristine") / "kb.db"
    load(shipped_content, get_engine(f"sqlite:///{path}"))
    return path


@pytest.fixture
def loaded_db_url(tmp_path, pristine_db) -> str:
    """A SQLite database already loaded from the shipped content (a copy, private to the test)."""
    path = tmp_path / "loaded.db"
    shutil.copyfile(pristine_db, path)
    return f"sqlite:///{path}"


@pytest.fixture
def loaded_engine(loaded_db_url):
    return get_engine(loaded_db_url)


def _fresh_postgres_engine():
    engine = get_engine(PG_URL)
    with engine.begin() as conn:
        for table in kb_tables(engine):
            conn.execute(text(f'DROP TABLE IF EXISTS "{table}" CASCADE'))
    return engine


@pytest.fixture(scope="session", params=[
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(
        not PG_URL, reason="set CAREERBOT_TEST_PG_URL to run the query tests against PostgreSQL")),
])
def kb_engine(request, tmp_path_factory, shipped_content):
    """A database loaded from the shipped content, shared by the read-only query tests."""
    if request.param == "sqlite":
        engine = get_engine(f"sqlite:///{tmp_path_factory.mktemp('query') / 'kb.db'}")
    else:
        engine = _fresh_postgres_engine()
    load(shipped_content, engine)
    return engine


@pytest.fixture(scope="session")
def kb(kb_engine) -> KnowledgeBase:
    return KnowledgeBase(kb_engine)

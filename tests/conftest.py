"""Fixtures shared by every test: a real SQLite knowledge base loaded from the content."""
import pytest

from knowledge.content import read_content
from knowledge.loader import load
from storage.engine import get_engine


@pytest.fixture(scope="session")
def kb_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'careerbot.db'}"
    load(read_content(), get_engine(url))
    return url

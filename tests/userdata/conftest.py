"""Fixtures of the user-data tests: a private copy of the loaded knowledge base (real SQLite, at the
newest migration) as the application database, and a log key of the test's own."""
import asyncio
import shutil
import sqlite3
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.answering import knowledge_access, profile_memory, ratings
from storage.engine import get_engine
from tests.actions.conftest import Outcome
from userdata.models import AnswerRating, UnansweredMessage, UserProfile

LOG_KEY = "test-log-key-0123456789abcdef"


@pytest.fixture
def db_url(kb_url, tmp_path, monkeypatch) -> str:
    path = tmp_path / "careerbot.db"
    shutil.copyfile(kb_url[len("sqlite:///"):], path)
    url = f"sqlite:///{path}"
    with sqlite3.connect(path) as db:  # the shared copy may hold what other tests' actions wrote
        for table in (AnswerRating.__tablename__, UnansweredMessage.__tablename__, UserProfile.__tablename__):
            db.execute(f"DELETE FROM {table}")
    monkeypatch.setenv("CAREERBOT_DB_URL", url)
    monkeypatch.setenv("CAREERBOT_LOG_KEY", LOG_KEY)
    for cached in (get_engine, knowledge_access.knowledge_base, profile_memory.profile_store, ratings.log_key):
        cached.cache_clear()
    yield url
    for cached in (get_engine, knowledge_access.knowledge_base, profile_memory.profile_store, ratings.log_key):
        cached.cache_clear()


@pytest.fixture
def engine(db_url):
    return get_engine(db_url)


def tracker(sender: str, text: str, intent: str, ranking: Optional[List[Dict[str, Any]]] = None,
            entities: Optional[List[Dict[str, Any]]] = None, **parse_data: Any) -> Tracker:
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or [],
               "intent_ranking": ranking or [{"name": intent, "confidence": 0.9}], **parse_data}
    return Tracker(sender, {}, message, [], False, None, {}, "action_listen")


def run(action, sender: str, text: str, intent: str, **kwargs: Any) -> Outcome:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker(sender, text, intent, **kwargs), {}))
    return Outcome(dispatcher.messages, events)


def logged(engine) -> List[UnansweredMessage]:
    with Session(engine, future=True) as s:
        return list(s.execute(select(UnansweredMessage).order_by(UnansweredMessage.id)).scalars())


def rated(engine) -> List[AnswerRating]:
    with Session(engine, future=True) as s:
        return list(s.execute(select(AnswerRating).order_by(AnswerRating.id)).scalars())

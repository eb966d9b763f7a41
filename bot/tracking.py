"""Rasa's SQL tracker store, plus one duty: when a turn ran `action_forget_me`, the
user's whole conversation history is deleted instead of saved."""
import logging
from typing import Any

from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

logger = logging.getLogger(__name__)
FORGET_ACTION = "action_forget_me"


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == FORGET_ACTION:
            return True
    return False


def _fail_loudly(_store: FailSafeTrackerStore, error: Exception) -> None:
    raise error


# Rasa wraps every tracker store in a FailSafeTrackerStore that, when the database fails,
# answers from a blank conversation and keeps the turn in memory only: the user gets a 200
# with a wrong answer and the turn is lost. careerbot fails the message instead.
FailSafeTrackerStore.on_tracker_store_error = _fail_loudly
FailSafeTrackerStore.on_tracker_store_retrieve_error = _fail_loudly


class ForgettingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Rasa's engine has no pre-ping: after a database restart every pooled connection fails once.
        url = self.engine.url
        self.engine.dispose()
        self.engine = create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sessionmaker(bind=self.engine)

    async def save(self, tracker: DialogueStateTracker) -> None:
        if not asked_to_forget(tracker):
            await super().save(tracker)
            return
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == tracker.sender_id).delete()
            session.commit()
        logger.info("forgot the conversation of %s (%d events deleted)", tracker.sender_id, deleted)

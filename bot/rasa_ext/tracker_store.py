"""Rasa's SQL tracker store, with two changes:

- when a turn ran `action_forget_me` successfully, the user's whole conversation history
  is deleted instead of saved;
- long conversations cost what short ones do: a turn reads only the rows written since this
  server last saw the conversation (bot/rasa_ext/event_cache.py), and Rasa gets a tracker of the
  conversation's slot values plus its last WINDOW_EVENTS events, so what the policies and the
  processor replay and copy each turn is bounded. The database keeps every event.
"""
import itertools
import json
import logging
from functools import lru_cache
from typing import Any, Dict, Iterator, List, Optional, Text, Type

from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import ActionExecuted, AllSlotsReset, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, event, func
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.rasa_ext.event_cache import ConversationWindow, EventCache
from storage.engine import sqlite_pool, use_write_ahead_log

# careerbot's policy reads the latest message, its actions the current turn (a turn is
# 5-15 events); careerbot has no forms, whose state would live in older events.
WINDOW_EVENTS = 100
# On a tracker this store made: how many of its first events are already stored.
STORED = "_careerbot_stored_events"

logger = logging.getLogger(__name__)
FORGET_ACTION = "action_forget_me"


@lru_cache(maxsize=None)
def _event_class(type_name: Optional[Text]) -> Optional[Type[Event]]:
    """Rasa's Event.resolve_by_type, which walks every Event subclass for every event it reads."""
    return Event.resolve_by_type(type_name) if type_name else None


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    """Whether this turn ran action_forget_me and it succeeded: it deleted the profile and
    reset the slots. When it failed (or the action server was down) the history stays, as
    the user is told."""
    reset = False
    for past in reversed(tracker.events):
        if isinstance(past, UserUttered):
            return False
        if isinstance(past, AllSlotsReset):
            reset = True
        if isinstance(past, ActionExecuted) and past.action_name == FORGET_ACTION:
            return reset
    return False


def _fail_loudly(_store: FailSafeTrackerStore, error: Exception) -> None:
    raise error


def install() -> None:
    """Rasa wraps every tracker store in a FailSafeTrackerStore that, when the database fails,
    answers from a blank conversation and keeps the turn in memory only: the user gets a 200
    with a wrong answer and the turn is lost. careerbot fails the message instead."""
    FailSafeTrackerStore.on_tracker_store_error = _fail_loudly
    FailSafeTrackerStore.on_tracker_store_retrieve_error = _fail_loudly


class CareerbotTrackerStore(SQLTrackerStore):
    engine: Engine

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Rasa's engine has no pre-ping: after a database restart every pooled connection fails once.
        url = self.engine.url
        self.engine.dispose()
        self.engine = create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url), **sqlite_pool(url))
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", lambda connection, _record: use_write_ahead_log(connection))
        self.sessionmaker = sessionmaker(bind=self.engine)
        self.event_cache = EventCache()

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The conversation's current session as a window (None: no such conversation)."""
        if not self.domain:
            return None
        with self.session_scope() as session:
            window = self._read_window(session, sender_id)
        if window is None:
            return None
        known = [SlotSet(name, value) for name, value in window.base_slots.items()]
        tracker = DialogueStateTracker.from_events(sender_id, known + window.events, self.domain.slots)
        setattr(tracker, STORED, len(tracker.events))
        return tracker

    def _read_window(self, session: Session, sender_id: Text) -> Optional[ConversationWindow]:
        Row = self.SQLEvent
        cached = self.event_cache.get(sender_id)
        if cached is not None:
            still_there = (session.query(func.count(Row.id))
                           .filter(Row.sender_id == sender_id, Row.id <= cached.last_row_id).scalar())
            if still_there == cached.rows_up_to_last:
                new = (session.query(Row.id, Row.type_name, Row.data)
                       .filter(Row.sender_id == sender_id, Row.id > cached.last_row_id).order_by(Row.id).all())
                if not new:
                    return cached
                if all(row.type_name != SessionStarted.type_name for row in new):
                    return self._cache(sender_id, cached.base_slots, cached.events + self._events(new),
                                       new[-1].id, cached.rows_up_to_last + len(new))
        # Not cached, deleted by another server, or a new session began: read the session whole.
        rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
        if not rows:
            self.event_cache.forget(sender_id)
            return None
        up_to_last = (session.query(func.count(Row.id))
                      .filter(Row.sender_id == sender_id, Row.id <= rows[-1].id).scalar())
        return self._cache(sender_id, {}, self._events(rows), rows[-1].id, up_to_last)

    @staticmethod
    def _events(rows: List[Any]) -> List[Event]:
        events = []
        for row in rows:
            data = json.loads(row.data)
            event_class = _event_class(data.get("event"))
            parsed = event_class._from_parameters(data) if event_class else None
            if parsed is not None:
                events.append(parsed)
        return events

    def _cache(self, sender_id: Text, base_slots: Dict[str, Any], events: List[Event], last_row_id: int,
               rows_up_to_last: int) -> ConversationWindow:
        """Slides the window to its last WINDOW_EVENTS events, folding older ones into the slot values."""
        if len(events) > WINDOW_EVENTS:
            older = [SlotSet(name, value) for name, value in base_slots.items()] + events[:-WINDOW_EVENTS]
            before = DialogueStateTracker.from_events(sender_id, older, self.domain.slots)
            base_slots = {name: slot.value for name, slot in before.slots.items() if slot.value != slot.initial_value}
            events = events[-WINDOW_EVENTS:]
        window = ConversationWindow(base_slots, events, last_row_id, rows_up_to_last)
        self.event_cache.put(sender_id, window)
        return window

    def _additional_events(self, session: Session, tracker: DialogueStateTracker) -> Iterator:
        stored = getattr(tracker, STORED, None)
        if stored is None:  # a tracker this store did not make: Rasa's way (count the stored rows)
            return super()._additional_events(session, tracker)
        return itertools.islice(tracker.events, stored, len(tracker.events))

    async def save(self, tracker: DialogueStateTracker) -> None:
        if not asked_to_forget(tracker):
            await super().save(tracker)
            setattr(tracker, STORED, len(tracker.events))  # saved twice, stored once
            return
        self.event_cache.forget(tracker.sender_id)
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == tracker.sender_id).delete()
            session.commit()
        logger.info("forgot the conversation of %s (%d events deleted)", tracker.sender_id, deleted)

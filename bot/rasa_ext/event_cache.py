"""The recent events of recent conversations, kept by the Rasa server between turns.

Rasa 3.6 reads and deserialises every event of a conversation's session from the tracker
store on every message (about 86% of a turn's time at turn 300), and then replays and copies
all of them a few times per turn. Here each conversation is kept as a window: its slot values
before the window plus its last events. The tracker store reads only the rows written since
this server last saw the conversation, and Rasa works on the window (bot/rasa_ext/tracker_store.py).

The database stays the truth: an entry is used only while the rows it was read from are all
still there (another server may have deleted the conversation), and rows other servers added
are read like any new row. Bounded by the number of events held, oldest conversation out first.
"""
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from rasa.shared.core.events import Event

MAX_EVENTS = 100_000  # about 100-200 MB of deserialised events, 1,000 long conversations


@dataclass(frozen=True)
class ConversationWindow:
    base_slots: Dict[str, Any]  # slot values (other than initial) before `events`
    events: List[Event]  # the session's latest events, oldest first; never mutated
    last_row_id: int  # the highest row id read for this conversation
    rows_up_to_last: int  # the conversation's rows (all sessions) with an id <= last_row_id


class EventCache:
    def __init__(self, max_events: int = MAX_EVENTS) -> None:
        self.max_events = max_events
        self._entries: "OrderedDict[str, ConversationWindow]" = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()

    def get(self, sender_id: str) -> Optional[ConversationWindow]:
        with self._lock:
            entry = self._entries.get(sender_id)
            if entry is not None:
                self._entries.move_to_end(sender_id)
            return entry

    def put(self, sender_id: str, entry: ConversationWindow) -> None:
        with self._lock:
            self._drop(sender_id)
            if len(entry.events) > self.max_events:
                return
            self._entries[sender_id] = entry
            self._held += len(entry.events)
            while self._held > self.max_events:
                self._drop(next(iter(self._entries)))

    def forget(self, sender_id: str) -> None:
        with self._lock:
            self._drop(sender_id)

    def _drop(self, sender_id: str) -> None:
        old = self._entries.pop(sender_id, None)
        if old is not None:
            self._held -= len(old.events)

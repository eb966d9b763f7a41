"""Reads and writes Rasa's `events` table (the SQL tracker store) in PostgreSQL directly:
with the HTTP API off, it is the only view of a conversation's stored turns."""
import json
from dataclasses import dataclass
from typing import Dict, List

from psycopg2.extras import execute_values

from tests.scale.services import Postgres
from tests.scale.stack import TRACKER_DB


@dataclass(frozen=True)
class StoredEvent:
    id: int
    type_name: str
    timestamp: float
    intent_name: str
    action_name: str
    data: Dict

    @property
    def text(self) -> str:
        return self.data.get("text") or ""


# bot/rasa_ext/channels/rest.py stores a REST sender's conversation as rest:<sender>.
REST_PREFIX = "rest:"


def events(postgres: Postgres, rest_sender: str) -> List[StoredEvent]:
    """The stored events of the REST conversation `rest_sender`."""
    sender_id = REST_PREFIX + rest_sender
    conn = postgres.connect(TRACKER_DB)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT id, type_name, timestamp, intent_name, action_name, data FROM events "
                        "WHERE sender_id = %s ORDER BY id", (sender_id,))
            return [StoredEvent(i, t, ts, intent, action, json.loads(data)) for i, t, ts, intent, action, data
                    in cur.fetchall()]
    finally:
        conn.close()


@dataclass(frozen=True)
class Turn:
    user_text: str
    events: List[StoredEvent]

    @property
    def complete(self) -> bool:
        """A turn ends when the bot listens again, and it holds no other user message."""
        return bool(self.events) and self.events[-1].action_name == "action_listen"


def turns(stored: List[StoredEvent]) -> List[Turn]:
    """The stored events cut at each user message."""
    found: List[Turn] = []
    for event in stored:
        if event.type_name == "user":
            found.append(Turn(event.text, []))
        elif found:
            found[-1].events.append(event)
    return found


def append_copies(postgres: Postgres, rest_sender: str, body: List[StoredEvent], total: int) -> int:
    """Appends copies of `body` (whole turns) until the REST conversation holds `total` events;
    the copies keep their order and get later timestamps, so they belong to the current session."""
    sender_id = REST_PREFIX + rest_sender
    conn = postgres.connect(TRACKER_DB)
    try:
        with conn, conn.cursor() as cur:
            cur.execute("SELECT count(*), max(timestamp) FROM events WHERE sender_id = %s", (sender_id,))
            count, last = cur.fetchone()
            span = body[-1].timestamp - body[0].timestamp + 1.0
            rows = []
            copy = 0
            while count + len(rows) < total:
                copy += 1
                for event in body:
                    ts = last + copy * span + (event.timestamp - body[0].timestamp)
                    rows.append((sender_id, event.type_name, ts, event.intent_name, event.action_name,
                                 json.dumps({**event.data, "timestamp": ts})))
            execute_values(cur, "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
                                "VALUES %s", rows, page_size=1000)
            return count + len(rows)
    finally:
        conn.close()

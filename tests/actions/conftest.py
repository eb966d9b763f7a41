"""Runs actions the way the action server does: a Tracker in, a CollectingDispatcher
collecting the replies, slot events out; the knowledge base is a real SQLite file."""
import asyncio
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.answering import knowledge_access as base
from bot.answering import profile_memory as memory
from storage.engine import get_engine
from userdata.models import UserProfile


@pytest.fixture(autouse=True)
def knowledge_base_under_test(kb_url, monkeypatch):
    monkeypatch.setenv("CAREERBOT_DB_URL", kb_url)
    base.knowledge_base.cache_clear()
    memory.profile_store.cache_clear()
    get_engine.cache_clear()
    yield
    with get_engine(kb_url).begin() as connection:  # every test starts as a user the bot has never met
        connection.execute(UserProfile.__table__.delete())
    base.knowledge_base.cache_clear()
    memory.profile_store.cache_clear()
    get_engine.cache_clear()


@dataclass
class Outcome:
    messages: List[Dict[str, Any]]
    events: List[Dict[str, Any]]

    @property
    def text(self) -> str:
        return "\n".join(m.get("text") or "" for m in self.messages)

    @property
    def responses(self) -> List[str]:
        return [m["response"] for m in self.messages if m.get("response")]

    @property
    def buttons(self) -> List[Dict[str, str]]:
        return [b for m in self.messages for b in (m.get("buttons") or [])]

    def slot(self, name: str) -> Any:
        values = [e["value"] for e in self.events if e.get("event") == "slot" and e.get("name") == name]
        return values[-1] if values else None

    def sets(self, name: str) -> bool:
        return any(e.get("event") == "slot" and e.get("name") == name for e in self.events)


def make_tracker(text: str, intent: str, entities: Optional[Dict[str, Any]] = None,
                 slots: Optional[Dict[str, Any]] = None, ranking: Optional[List[Dict]] = None) -> Tracker:
    ents = list(entities) if isinstance(entities, list) else []
    for kind, values in (entities if isinstance(entities, dict) else {}).items():
        for value in values if isinstance(values, list) else [values]:
            ents.append({"entity": kind, "value": value})
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": ents,
               "intent_ranking": ranking or [{"name": intent, "confidence": 0.9}]}
    return Tracker("tester", dict(slots or {}), message, [], False, None, {}, "action_listen")


def spans(text: str, **surface_to_id: str) -> List[Dict[str, Any]]:
    """Entities as the NLU finds them, with offsets: spans("I know SQL", skill__SQL="sql") ->
    every mention of "SQL" as the skill "sql" (keyword: <kind>__<surface words, _ for spaces>)."""
    found = []
    for key, value in surface_to_id.items():
        kind, surface = key.split("__")
        surface = surface.replace("_", " ")
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text, re.IGNORECASE):
            found.append({"entity": kind, "value": value, "start": match.start(), "end": match.end()})
    return sorted(found, key=lambda e: e["start"])


def run_action(action: Action, text: str, intent: str, entities=None, slots=None, ranking=None) -> Outcome:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, make_tracker(text, intent, entities, slots, ranking), {}))
    return Outcome(dispatcher.messages, events)


def slots_after(outcome: Outcome, before: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """The slots a conversation has after this action: the next turn's tracker state."""
    slots = dict(before or {})
    for e in outcome.events:
        if e.get("event") == "slot":
            slots[e["name"]] = e["value"]
    return slots

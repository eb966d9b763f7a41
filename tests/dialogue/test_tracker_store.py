"""careerbot's tracker store (bot/rasa_ext/tracker_store.py) on a real SQLite file: a long conversation is
read as a bounded window, yet every event is stored once and no slot is forgotten, also when
two Rasa servers take turns and when one of them deletes the conversation."""
import asyncio
from pathlib import Path
from typing import List

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    AllSlotsReset,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_ext.tracker_store import WINDOW_EVENTS, CareerbotTrackerStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "bot" / "domain.yml"))


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "tracker.db")


def store(domain: Domain, db: str) -> CareerbotTrackerStore:
    return CareerbotTrackerStore(domain, dialect="sqlite", db=db)


def turn(n: int) -> List[Event]:
    return [UserUttered(f"question {n}", {"name": "ask_salary", "confidence": 1.0}),
            SlotSet("context", {"action": "action_salary", "turn": n}),
            ActionExecuted("action_salary"), BotUttered(f"answer {n}"), ActionExecuted("action_listen")]


def take_turn(s: CareerbotTrackerStore, sender: str, events: List[Event]) -> DialogueStateTracker:
    """What the Rasa server does with one message: retrieve, add the turn's events, save."""
    tracker = asyncio.run(s.retrieve(sender)) or s.init_tracker(sender)
    for event in events:
        tracker.update(event)
    asyncio.run(s.save(tracker))
    return tracker


def stored_events(s: CareerbotTrackerStore, sender: str) -> List[Event]:
    return list(asyncio.run(s.retrieve_full_tracker(sender)).events)


def start(s: CareerbotTrackerStore, sender: str) -> None:
    take_turn(s, sender, [ActionExecuted("action_session_start"), SessionStarted(),
                          SlotSet("level", "senior"), SlotSet("location", "seattle"), ActionExecuted("action_listen")])


def test_a_long_conversation_is_read_as_a_window_with_every_slot(domain, db):
    s = store(domain, db)
    start(s, "u1")
    for n in range(100):
        take_turn(s, "u1", turn(n) + ([SlotSet("location", "new_york")] if n == 60 else []))

    tracker = asyncio.run(s.retrieve("u1"))
    full = asyncio.run(s.retrieve_full_tracker("u1"))
    assert len(full.events) == 5 + 100 * 5 + 1
    assert len(tracker.events) <= WINDOW_EVENTS + len(domain.slots)
    assert tracker.current_slot_values() == full.current_slot_values()
    assert tracker.get_slot("level") == "senior" and tracker.get_slot("location") == "new_york"
    assert tracker.latest_message.text == "question 99"
    assert tracker.copy().current_slot_values() == full.current_slot_values()  # Rasa copies it per action


def test_every_event_is_stored_once_even_when_a_tracker_is_saved_twice(domain, db):
    s = store(domain, db)
    start(s, "u2")
    for n in range(40):
        tracker = take_turn(s, "u2", turn(n))
    asyncio.run(s.save(tracker))
    texts = [e.text for e in stored_events(s, "u2") if isinstance(e, UserUttered)]
    assert texts == [f"question {n}" for n in range(40)]


def test_two_servers_taking_turns_see_each_others_turns(domain, db):
    server_1, server_2 = store(domain, db), store(domain, db)
    start(server_1, "u3")
    for n in range(60):
        take_turn(server_1 if n % 2 else server_2, "u3", [*turn(n), SlotSet("asked", [f"q{n}"])])
    for s in (server_1, server_2):
        tracker = asyncio.run(s.retrieve("u3"))
        assert tracker.get_slot("asked") == ["q59"] and tracker.latest_message.text == "question 59"
    texts = [e.text for e in stored_events(server_1, "u3") if isinstance(e, UserUttered)]
    assert texts == [f"question {n}" for n in range(60)]


def test_a_conversation_another_server_deleted_is_gone_here_too(domain, db):
    server_1, server_2 = store(domain, db), store(domain, db)
    start(server_1, "u4")
    take_turn(server_1, "u4", turn(0))
    take_turn(server_2, "u4", forget_turn(succeeded=True))
    assert asyncio.run(server_2.retrieve("u4")) is None
    assert asyncio.run(server_1.retrieve("u4")) is None


def test_a_new_session_starts_from_its_own_events(domain, db):
    s = store(domain, db)
    start(s, "u5")
    for n in range(30):
        take_turn(s, "u5", turn(n))
    take_turn(s, "u5", [ActionExecuted("action_session_start"), SessionStarted(),
                        SlotSet("level", "junior"), ActionExecuted("action_listen")])
    tracker = asyncio.run(s.retrieve("u5"))
    assert tracker.get_slot("level") == "junior" and tracker.get_slot("location") is None
    assert not any(isinstance(e, UserUttered) for e in tracker.events)


def forget_turn(succeeded: bool) -> List[Event]:
    outcome = [BotUttered("Done: I've deleted everything"), AllSlotsReset()] if succeeded else \
        [BotUttered("Sorry, I couldn't delete your data just now. Nothing was changed")]
    return [UserUttered("forget me", {"name": "forget_me", "confidence": 1.0}), ActionExecuted("action_forget_me"),
            *outcome, ActionExecuted("action_listen")]


def test_forget_me_deletes_the_history_when_the_profile_was_deleted(domain, db):
    s = store(domain, db)
    start(s, "u")
    take_turn(s, "u", turn(1))
    take_turn(s, "u", forget_turn(succeeded=True))
    assert asyncio.run(s.retrieve("u")) is None


def test_a_forget_me_that_failed_keeps_the_history_as_the_user_is_told(domain, db):
    s = store(domain, db)
    start(s, "u")
    take_turn(s, "u", turn(1))
    take_turn(s, "u", forget_turn(succeeded=False))
    assert [e.text for e in stored_events(s, "u") if isinstance(e, UserUttered)] == ["question 1", "forget me"]

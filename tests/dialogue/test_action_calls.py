"""How careerbot's Rasa server calls the action server (bot/rasa_ext/action_calls.py): the current turn
only, replies still validated, and an apology instead of silence when the call fails."""
import asyncio
from pathlib import Path

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.processes import free_port
from bot.rasa_ext import action_calls

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def installed():
    saved = {name: getattr(RemoteAction, name) for name in ("run", "_validate_action_result", "_action_call_format")}
    action_calls.install()
    yield
    for name, value in saved.items():
        setattr(RemoteAction, name, value)


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "bot" / "domain.yml"))


def long_tracker(turns: int) -> DialogueStateTracker:
    events = [SlotSet("level", "senior")]
    for n in range(turns):
        events += [UserUttered(f"question {n}", {"name": "ask_salary", "confidence": 1.0}),
                   ActionExecuted("action_salary"), BotUttered(f"answer {n}"), ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events("someone", events[:-3])


def test_the_action_server_gets_the_current_turn_and_every_slot(domain):
    endpoint = EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook", enable_selective_domain=True)
    body = RemoteAction("action_salary", endpoint)._action_call_format(long_tracker(300), domain)
    events = body["tracker"]["events"]
    assert [e["event"] for e in events] == ["user"] and events[0]["text"] == "question 299"
    assert body["tracker"]["slots"]["level"] == "senior"
    assert body["tracker"]["latest_message"]["text"] == "question 299"
    assert "domain" not in body


def test_a_turn_with_many_events_is_cut_to_the_latest(domain):
    tracker = long_tracker(1)
    for n in range(100):
        tracker.update(SlotSet("context", {"n": n}))
    assert len(action_calls.current_turn(tracker.events)) == action_calls.MAX_EVENTS_SENT


def test_invalid_action_server_replies_are_still_rejected():
    action = RemoteAction("action_salary", None)
    assert action._validate_action_result({"events": [{"event": "slot", "name": "level", "value": "x"}]})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": [{"event": "no_such_event"}]})


def test_an_unreachable_action_server_gets_the_user_an_apology(domain):
    action = RemoteAction("action_salary", EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook"))
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    events = asyncio.run(action.run(CollectingOutputChannel(), nlg, long_tracker(2), domain))
    assert [type(e) for e in events] == [BotUttered]
    assert events[0].text == domain.responses[action_calls.APOLOGY][0]["text"]

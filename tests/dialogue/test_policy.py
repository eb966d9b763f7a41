"""The policy answers from the latest intent and learns the answers from rules and stories."""
import pytest
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

from bot.rasa_ext.policy import answers_from


def tracker(*turns):
    events = []
    for intent, action in turns:
        events += [UserUttered("x", {"name": intent}), ActionExecuted(action), ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events("t", events)


def test_each_intent_maps_to_the_action_that_follows_it():
    assert answers_from([tracker(("ask_salary", "action_salary"), ("followup_what_about", "action_follow_up"))]) == {
        "ask_salary": "action_salary", "followup_what_about": "action_follow_up"}


def test_two_answers_for_one_intent_are_an_error_naming_the_intent():
    with pytest.raises(RasaException, match="ask_salary"):
        answers_from([tracker(("ask_salary", "action_salary")), tracker(("ask_salary", "action_phd"))])

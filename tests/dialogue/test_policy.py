"""The policy answers from the latest intent and learns the answers from rules and stories."""
from typing import Any, Dict, Optional

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

from bot.answering.intent_actions import action_for_intent
from bot.rasa_ext.policy import LatestIntentPolicy, answers_from
from settings import DOMAIN_FILE


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


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(DOMAIN_FILE))


def new_policy(tmp_path, **config: Any) -> LatestIntentPolicy:
    return LatestIntentPolicy.create({**LatestIntentPolicy.get_default_config(), **config},
                                     LocalModelStorage(tmp_path), Resource("policy"),
                                     ExecutionContext(GraphSchema({}), "test"))


@pytest.fixture
def policy(tmp_path, domain) -> LatestIntentPolicy:
    policy = new_policy(tmp_path)
    policy.train([], domain)  # the answers of bot/data/rules.yml
    return policy


def asked(intent: Optional[str], *before) -> DialogueStateTracker:
    parse: Dict[str, Any] = {"name": intent, "confidence": 1.0} if intent else {}
    return DialogueStateTracker.from_events("t", [*before, ActionExecuted("action_listen"), UserUttered("x", parse)])


def predicted(policy: LatestIntentPolicy, tracker: DialogueStateTracker, domain: Domain) -> str:
    prediction = policy.predict_action_probabilities(tracker, domain)
    assert sorted(prediction.probabilities)[-2:] == [0.0, 1.0]  # one action, with certainty
    return domain.action_names_or_texts[prediction.max_confidence_index]


def test_the_latest_intent_is_answered_by_its_action_in_the_rules(policy, domain):
    assert predicted(policy, asked("ask_salary"), domain) == "action_salary"
    assert predicted(policy, asked("greet"), domain) == action_for_intent()["greet"] == "utter_greet"


def test_only_the_latest_intent_counts_not_the_earlier_ones(policy, domain):
    earlier = [ActionExecuted("action_listen"), UserUttered("x", {"name": "ask_salary"}),
               ActionExecuted("action_salary"), BotUttered("about 150k")]
    assert predicted(policy, asked("ask_phd", *earlier), domain) == "action_phd"


def test_after_an_answer_the_policy_listens(policy, domain):
    answered = DialogueStateTracker.from_events("t", [*asked("ask_salary").events, ActionExecuted("action_salary"),
                                                      BotUttered("about 150k")])
    assert predicted(policy, answered, domain) == "action_listen"


def test_a_new_conversation_waits_for_the_user(policy, domain):
    assert predicted(policy, DialogueStateTracker.from_events("t", []), domain) == "action_listen"


def test_an_intent_the_rules_do_not_answer_gets_the_unknown_intent_action(policy, domain):
    assert "made_up_intent" not in action_for_intent()
    assert predicted(policy, asked("made_up_intent"), domain) == "action_did_you_mean"
    assert predicted(policy, asked(None), domain) == "action_did_you_mean"  # a message without an intent


def test_the_unknown_intent_action_is_configurable(tmp_path, domain):
    policy = new_policy(tmp_path, unknown_intent_action="action_out_of_scope")
    policy.train([], domain)
    assert predicted(policy, asked("made_up_intent"), domain) == "action_out_of_scope"
    assert predicted(policy, asked("ask_salary"), domain) == "action_salary"


@pytest.mark.parametrize("intent, action", [("restart", "action_restart"), ("back", "action_back"),
                                            ("session_start", "action_session_start")])
def test_rasas_built_in_intents_get_rasas_built_in_actions(policy, domain, intent, action):
    assert intent not in action_for_intent()
    assert predicted(policy, asked(intent), domain) == action


def test_an_untrained_policy_answers_only_built_in_intents(tmp_path, domain):
    policy = new_policy(tmp_path)
    assert predicted(policy, asked("ask_salary"), domain) == "action_did_you_mean"
    assert predicted(policy, asked("restart"), domain) == "action_restart"


def test_the_trained_answers_are_saved_with_the_model_and_loaded_back(tmp_path, policy, domain):
    loaded = LatestIntentPolicy.load(LatestIntentPolicy.get_default_config(), LocalModelStorage(tmp_path),
                                     Resource("policy"), ExecutionContext(GraphSchema({}), "test"))
    assert loaded.answers == policy.answers == action_for_intent()
    assert predicted(loaded, asked("ask_salary"), domain) == "action_salary"


def test_training_data_that_answers_an_intent_unlike_the_rules_table_is_an_error(tmp_path, domain):
    with pytest.raises(RasaException, match="ask_salary"):
        new_policy(tmp_path).train([tracker(("ask_salary", "action_phd"))], domain)

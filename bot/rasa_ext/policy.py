"""A Rasa policy that decides from the latest user intent alone.

careerbot's dialogue is one answer per intent (bot/data/rules.yml); follow-ups and
pending questions live in slots that the actions manage. So the policy never needs
the conversation's history, and unlike RulePolicy/MemoizationPolicy/TED it does not
re-read the whole tracker every turn: a turn costs the same at turn 300 as at turn 1.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

import rasa.shared.utils.io
from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

from bot.answering.intent_actions import RULES_FILE, action_for_intent

ANSWERS_FILE = "answers.json"
# What RulePolicy would do for Rasa's built-in intents (/restart, /back, /session_start).
BUILT_IN_ANSWERS = {"restart": "action_restart", "back": "action_back", "session_start": "action_session_start"}


def answers_from(trackers: List[TrackerWithCachedStates]) -> Dict[str, str]:
    """intent -> the action that follows it in the rules and stories."""
    answers: Dict[str, str] = {}
    for tracker in trackers:
        intent: Optional[str] = None
        for event in tracker.events:
            if isinstance(event, UserUttered):
                intent = event.intent_name
            elif isinstance(event, ActionExecuted) and intent and event.action_name != ACTION_LISTEN_NAME:
                known = answers.setdefault(intent, event.action_name)
                if known != event.action_name:
                    raise RasaException(f"training data: intent '{intent}' is answered by both '{known}' and "
                                        f"'{event.action_name}' (in '{tracker.sender_id}'); "
                                        "careerbot needs one answer per intent")
                intent = None
    return answers


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class LatestIntentPolicy(Policy):
    @staticmethod
    def supported_data() -> SupportedData:
        return SupportedData.ML_AND_RULE_DATA

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": 6, "unknown_intent_action": "action_did_you_mean"}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 execution_context: ExecutionContext, answers: Optional[Dict[str, str]] = None,
                 **kwargs: Any) -> None:
        super().__init__(config, model_storage, resource, execution_context)
        self.answers = answers or {}

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        # The one intent-to-action table is the rules' (the action server reads it too); the
        # training trackers (rules and stories) must agree with it.
        self.answers = action_for_intent()
        original = [t for t in training_trackers if not getattr(t, "is_augmented", False)]
        for intent, action in answers_from(original).items():
            if self.answers.get(intent) != action:
                raise RasaException(f"training data: intent '{intent}' is answered by '{action}', but {RULES_FILE} "
                                    f"answers it with {self.answers.get(intent)!r}; "
                                    "careerbot needs one answer per intent")
        with self._model_storage.write_to(self._resource) as path:
            rasa.shared.utils.io.dump_obj_as_json_to_file(path / ANSWERS_FILE, self.answers)
        return self._resource

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: Optional[Dict[Text, Any]] = None,
                                     **kwargs: Any) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        if tracker.latest_action_name != ACTION_LISTEN_NAME:
            action = ACTION_LISTEN_NAME  # answered: wait for the user
        else:
            intent = (tracker.latest_message.intent or {}).get("name") if tracker.latest_message else None
            answers = {**BUILT_IN_ANSWERS, **self.answers}
            action = answers.get(intent or "", self.config["unknown_intent_action"])
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> LatestIntentPolicy:
        with model_storage.read_from(resource) as path:
            answers = rasa.shared.utils.io.read_json_file(path / ANSWERS_FILE)
        return cls(config, model_storage, resource, execution_context, answers=answers)

"""Rasa NLU component: a message that is mostly not words (keyboard mashing, emoji,
punctuation) becomes `nlu_fallback`, so the bot asks to rephrase instead of answering
whatever intent the classifier happened to rank first."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.english import english_words, looks_like_gibberish

FALLBACK_INTENT = "nlu_fallback"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class GibberishFilter(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"min_known_share": 0.5}

    def __init__(self, min_known_share: float) -> None:
        self._min_known_share = min_known_share
        english_words()  # load the word list at start-up, not on the first message

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> GibberishFilter:
        return cls(config["min_known_share"])

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if looks_like_gibberish(message.get(TEXT), self._min_known_share):
                fallback = {"name": FALLBACK_INTENT, "confidence": 1.0}
                ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != FALLBACK_INTENT]
                message.set(INTENT, fallback, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [fallback, *ranking], add_to_output=True)
        return messages

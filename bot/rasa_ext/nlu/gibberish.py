"""Rasa NLU component: a message that is mostly not words (keyboard mashing, emoji,
punctuation) becomes `nlu_fallback`, so the bot asks to rephrase instead of answering
whatever intent the classifier happened to rank first."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_ext.nlu.english import english_words, looks_like_gibberish
from bot.rasa_ext.nlu.intent_override import override_intent
from bot.rasa_ext.nlu.spelling import CORRECTED_TEXT

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
            text = message.get(CORRECTED_TEXT) or message.get(TEXT)  # "sallary sceince" is words
            if looks_like_gibberish(text, self._min_known_share):
                override_intent(message, FALLBACK_INTENT)
        return messages

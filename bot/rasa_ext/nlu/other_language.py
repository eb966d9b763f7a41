"""Rasa NLU component: a message confidently in another language (bot.rasa_ext.nlu.language) becomes
the intent `other_language`, with `language: {"code": "fr", "confidence": 0.999}` in the
parse data, so the bot says (in that language where it can) that it answers in English,
instead of "did you mean" buttons of unrelated topics. It reads the text the user wrote, not
the spelling-corrected one, and runs last, after the gibberish filter.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_ext.nlu import language
from bot.rasa_ext.nlu.intent_override import override_intent
from bot.rasa_ext.nlu.vocabulary import english_dictionary, kb_words, most_common_english
from settings import SPACY_MODEL

OTHER_LANGUAGE_INTENT = "other_language"
LANGUAGE = "language"  # the parse data's key for the language found
# KB words that are this common in English ("from", "for") still count as English.
COMMON_ENGLISH_WORDS = 300


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class OtherLanguageDetector(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"spacy_model": SPACY_MODEL, "min_words": language.MIN_WORDS,
                "min_letters": language.MIN_LETTERS, "max_english_share": language.MAX_ENGLISH_SHARE,
                "min_confidence": language.MIN_CONFIDENCE}

    def __init__(self, detector: language.OtherLanguage) -> None:
        self._detector = detector

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> OtherLanguageDetector:
        own_words = kb_words(Path(config["spacy_model"])) - most_common_english(COMMON_ENGLISH_WORDS)
        return cls(language.OtherLanguage(set(english_dictionary()), own_words, config["min_words"],
                                          config["min_letters"], config["max_english_share"], config["min_confidence"]))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            guess = self._detector.of(message.get(TEXT) or "")
            if guess:
                override_intent(message, OTHER_LANGUAGE_INTENT)
                message.set(LANGUAGE, {"code": guess.code, "confidence": round(guess.confidence, 4)},
                            add_to_output=True)
        return messages

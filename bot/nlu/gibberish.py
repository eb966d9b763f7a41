"""Rasa NLU component: a message that is mostly not words (keyboard mashing, emoji,
punctuation) becomes `nlu_fallback`, so the bot asks to rephrase instead of answering
whatever intent the classifier happened to rank first."""
from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Text

import spacy_lookups_data
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

# log-probability above which a word counts as real English (spacy-lookups-data's table)
COMMON_WORD_LOGPROB = -17.0
WORD = re.compile(r"[a-z]+")
FALLBACK_INTENT = "nlu_fallback"


@lru_cache(maxsize=None)
def english_words() -> FrozenSet[str]:
    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        probs = json.load(f)
    return frozenset(w for w, p in probs.items() if p > COMMON_WORD_LOGPROB and w.isalpha())


def looks_like_gibberish(text: str, min_known_share: float = 0.5) -> bool:
    words = WORD.findall((text or "").lower())
    if not words:
        return True
    known = english_words()
    return sum(w in known for w in words) / len(words) < min_known_share


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

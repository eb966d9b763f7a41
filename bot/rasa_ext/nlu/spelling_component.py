"""Rasa NLU component: corrects misspelled words (bot.rasa_ext.nlu.spelling) before the tokenizer, so
the featurizers, the classifier and the EntityRuler read "salary for a senior engineer" when
the user typed "sallary for a senior enginer". The message's text stays what the user wrote
(it is what the tracker stores and shows); the corrected text is in the parse data as
`corrected_text`, and entities are mapped back onto the original text.

Its vocabulary: the words of the training data (collected when the model is trained) and
every name and alias in the knowledge base (read from careerbot's spaCy pipeline, so a new
KB alias is a correction target after `make spacy`, without retraining). Words of an English
dictionary are never changed.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Text

import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.shared.exceptions import RasaException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_ext.nlu.english import english_words
from bot.rasa_ext.nlu.spelling import CORRECTED_TEXT, SPELLING_CHANGES, SpellingCorrector
from bot.rasa_ext.nlu.vocabulary import english_dictionary, kb_words, word_counts
from settings import BOT_CONTENT, SPACY_MODEL

VOCABULARY_FILE = "training_words.json"
KNOWN_WORDS_FILE = BOT_CONTENT / "known_words.yml"
# spaCy's word table adds words more frequent than this to the dictionary's ("harbor", "colors");
# misspellings are rarer ("recomend" -14.2, "definetly" -13.5).
FREQUENT_WORD_LOGPROB = -12.5


def corrector(training_words: Dict[str, int], spacy_model_dir: Path) -> SpellingCorrector:
    kb = kb_words(spacy_model_dir)
    vocabulary = dict(training_words)
    for word in kb:
        vocabulary[word] = vocabulary.get(word, 0) + 1
    correct = set(english_dictionary()) | english_words(FREQUENT_WORD_LOGPROB) | kb | known_words()
    return SpellingCorrector(vocabulary, correct)


def known_words(path: Path = KNOWN_WORDS_FILE) -> Set[str]:
    """Words that are right as they are though no dictionary has them (bot/content/known_words.yml);
    a file without a `words` list stops with its name."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    words = data.get("words")
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise RasaException(f"{path}: needs `words:`, a list of words")
    return {w.lower() for w in words}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=True, model_from="SpacyNLP")
class DomainSpellingCorrector(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"spacy_model": SPACY_MODEL}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 training_words: Optional[Dict[str, int]] = None) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._training_words = training_words or {}
        self._corrector = corrector(self._training_words, Path(config["spacy_model"]))

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> DomainSpellingCorrector:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData, model: Optional[SpacyModel] = None) -> Resource:
        self._training_words = word_counts(e.get(TEXT) for e in training_data.training_examples if e.get(TEXT))
        with self._model_storage.write_to(self._resource) as path:
            (path / VOCABULARY_FILE).write_text(json.dumps(self._training_words, sort_keys=True), encoding="utf-8")
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> DomainSpellingCorrector:
        with model_storage.read_from(resource) as path:
            training_words = json.loads((path / VOCABULARY_FILE).read_text(encoding="utf-8"))
        return cls(config, model_storage, resource, training_words)

    def process_training_data(self, training_data: TrainingData, model: SpacyModel) -> TrainingData:
        return training_data  # its words are the vocabulary: nothing to correct

    def process(self, messages: List[Message], model: SpacyModel) -> List[Message]:
        for message in messages:
            correction = self._corrector.correct(message.get(TEXT) or "")
            if correction.changes:
                # what SpacyNLP did with the original text (it lowercases: case_sensitive is off)
                message.set(SPACY_DOCS[TEXT], model.model(correction.text.lower()))
                message.set(CORRECTED_TEXT, correction.text, add_to_output=True)
                message.set(SPELLING_CHANGES, correction.changes)
        return messages

"""Rasa NLU component: a question about something the guide does not cover (resumes, visas,
salaries outside the US, ...) becomes the intent `not_covered`, with the topic in the parse
data (`not_covered: {"topic": id, "matched": phrase}`), so the bot says plainly that the
guide does not cover it instead of answering with unrelated guide content.

The topics and their triggers are knowledge-base content (knowledge/content/not_covered.yml),
saved with careerbot's spaCy pipeline; triggers are matched on the words' lemmas of the
spelling-corrected message (bot.rasa_ext.nlu.lemma_phrases), in its questions only when it also
says something about the user. Commands about the user's own data (`keep_intents`: "forget me")
are never taken over, nor statements about themselves ("I freelance from home") that ask nothing
(`statement_intents`).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Dict, List, Sequence, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.exceptions import RasaException
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.answering.clauses import IS_QUESTION, REQUEST, SELF, question_spans
from bot.rasa_ext.nlu.intent_override import override_intent
from bot.rasa_ext.nlu.lemma_phrases import Phrase, PhraseFinder, PhraseGroup, Word, word
from bot.rasa_ext.nlu.spelling import CORRECTED_TEXT
from bot.rasa_ext.nlu.vocabulary import NOT_COVERED_FILE
from settings import SPACY_MODEL

NOT_COVERED_INTENT = "not_covered"
NOT_COVERED = "not_covered"  # the parse data's key for the topic


def _phrase(forms: Sequence[Sequence[str]]) -> Phrase:
    return tuple(word(*f) for f in forms)


def load_topics(spacy_model_dir: Path) -> List[Dict[str, Any]]:
    path = Path(spacy_model_dir) / NOT_COVERED_FILE
    if not path.exists():
        raise RasaException(f"{path} is missing: rebuild careerbot's spaCy pipeline (make spacy)")
    return json.loads(path.read_text(encoding="utf-8"))


def phrase_groups(topics: List[Dict[str, Any]]) -> List[PhraseGroup]:
    return [PhraseGroup(t["id"], tuple(map(_phrase, t["triggers"])), tuple(map(_phrase, t["context"])))
            for t in topics]


def message_words(message: Message) -> List[Word]:
    """Each word of the (corrected) message as {text, lemma}; punctuation dropped."""
    return [word(t.text.lower(), (t.lemma or "").lower()) for t in message.get(TOKENS_NAMES[TEXT]) or []
            if any(ch.isalnum() for ch in t.text)]


def question_words(message: Message) -> List[Word]:
    """The words of the message's questions when it also says something about the user ("kinda
    burned out, how long would it take me?" asks how long, not about stress); else every word."""
    spans = question_spans(message.get(CORRECTED_TEXT) or message.get(TEXT) or "")  # the tokens' text
    if not spans:
        return message_words(message)
    return [word(t.text.lower(), (t.lemma or "").lower()) for t in message.get(TOKENS_NAMES[TEXT]) or []
            if any(ch.isalnum() for ch in t.text) and any(a <= t.start < b for a, b in spans)]


# A statement that still asks for something: "I need help with my resume".
WANTS = re.compile(r"\b(?:need|needs|want|wanna|help|tips?|advice|looking for|wondering|tell|explain|should|could|can|"
                   r"would|recommend\w*|suggest\w*|any)\b", re.IGNORECASE)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class NotCoveredDetector(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"spacy_model": SPACY_MODEL, "keep_intents": ["forget_me", "inform"], "statement_intents": ["inform"]}

    def __init__(self, topics: List[Dict[str, Any]], keep_intents: Sequence[str],
                 statement_intents: Sequence[str] = ()) -> None:
        """topics: as saved by bot.rasa_ext.nlu.spacy_pipeline (id, triggers and context as [text, lemma] per word)."""
        self._finder = PhraseFinder(phrase_groups(topics))
        self._wording = {(t["id"], _phrase(forms)): " ".join(text for text, _lemma in forms)
                         for t in topics for forms in t["triggers"]}
        self._keep = set(keep_intents)
        self._statements = set(statement_intents)  # kept only when the message asks nothing

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> NotCoveredDetector:
        return cls(load_topics(Path(config["spacy_model"])), config["keep_intents"],
                   config.get("statement_intents", ["inform"]))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            # "I'm on an F-1 visa, will companies sponsor me?" is a statement and a question
            text = (message.get(TEXT) or "").strip()
            asks = bool(IS_QUESTION.search(text) or REQUEST.search(text))
            if intent in self._keep and not (intent in self._statements and asks):
                continue
            if not asks and SELF.search(text) and not WANTS.search(text):
                continue  # "maybe watched one youtube vid on neural nets": a story, nothing asked
            found = self._finder.find(question_words(message))
            if found:
                override_intent(message, NOT_COVERED_INTENT)
                matched = self._wording.get((found.id, found.phrase), "")
                message.set(NOT_COVERED, {"topic": found.id, "matched": matched}, add_to_output=True)
        return messages

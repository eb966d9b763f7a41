"""Rasa NLU component: a question whose words name its topic gets that topic, whatever the
classifier guessed. "what would I make as a senior?" names pay, "is ML eng cooked?" the
outlook: the classifier, trained on a few hundred sentences, reads unseen wording like that as
the nearest training sentence ("career levels", "role pay comparison").

The cues are bot content (bot/content/topic_cues.yml), matched on the lemmas of the
spelling-corrected message (bot.rasa_ext.nlu.lemma_phrases). The classifier's intent stands
when it is one of the cued topics or answers one of them (`answered_by`), and for anything
that is not a question ("I earn 80k as an analyst" is about the user).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

import spacy
import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.exceptions import RasaException
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.answering.clauses import IS_QUESTION, REQUEST
from bot.answering.statements import SETTING_OUT
from bot.rasa_ext.nlu.intent_override import override_intent
from bot.rasa_ext.nlu.lemma_phrases import Phrase, Word, occurs, word
from bot.rasa_ext.nlu.not_covered import message_words
from settings import BOT_CONTENT, SPACY_MODEL

CUES_FILE = BOT_CONTENT / "topic_cues.yml"
# Questions about the conversation itself keep their intent when they read like one: "what do
# you know about me?", "why?", "where is that from?"; "what pay should I expect at my level?" or
# "what should I be making?" do not.
ABOUT_THE_CONVERSATION = {
    "ask_profile": re.compile(r"\b(?:about me|know about|remember|profile|on file|my (?:info|details|data)|so far)\b|"
                              r"\b(?:have|got|noted|stored|saved|recorded|keep|kept)\b[^?.!]{0,25}\b(?:for|on|of) me\b",
                              re.IGNORECASE),
    "ask_why": re.compile(r"^\W*(?:\w+\W+){0,3}\w*\W*$"),
    "ask_source": re.compile(r"\b(?:source|from the guide|where .* from|says? so)\b", re.IGNORECASE),
}
# A short "says who?" asks for the source, unless it names a topic ("what does that pay?") or the
# user ("where am I based?").
SHORT_SOURCE_QUESTION = re.compile(r"^(?!.*\b(?:i|i'm|im|my|me)\b)\W*(?:\w+\W+){0,4}\w*\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class Topic:
    intent: str
    cues: Tuple[Phrase, ...]
    unless: Tuple[Phrase, ...]
    answered_by: frozenset
    # A cue of SPECIFIC_CUE_WORDS or more of this topic wins even over the classifier's cued topic.
    wins_when_specific: bool = False
    # Last words of a question that name this topic whatever else it names: "... likely pay?"
    ends_with: frozenset = frozenset()


def load_topics(path: Path, lemmatize) -> List[Topic]:
    """The topics of the cues file; an entry without an intent or cues stops with its place named."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    topics = []
    for n, entry in enumerate(data.get("topics") or [], start=1):
        if not isinstance(entry, dict) or not entry.get("intent") or not entry.get("cues"):
            raise RasaException(f"{path}: topic {n} needs an intent and a list of cues")

        def phrases(key: str) -> Tuple[Phrase, ...]:
            return tuple(lemmatize(str(p)) for p in entry.get(key) or [])

        topics.append(Topic(entry["intent"], phrases("cues"), phrases("unless"),
                            frozenset(entry.get("answered_by") or []), bool(entry.get("wins_when_specific")),
                            frozenset(str(w).lower() for w in entry.get("ends_with") or [])))
    return topics


# A message of at most this many words is a topic asked for by name when it is a cue ("job hunting").
SHORT_TOPIC_WORDS = 3
# At most this many other words between two words of a cue: "what do new grads make".
CUE_GAP = 3


def cued_intents(topics: Sequence[Topic], words: Sequence[Word]) -> List[str]:
    """The intents whose cues occur in the words (and no `unless` phrase of theirs)."""
    return [t.intent for t in topics if any(occurs(c, words, CUE_GAP) for c in t.cues)
            and not any(occurs(u, words, 0) for u in t.unless)]  # "pay to", not "pay range supposed to"


# A sum of money in a question ("is 165k realistic here?") asks about pay, unless these intents answer it.
MONEY = re.compile(r"\$\s?\d|\b\d{2,3}\s?k\b|\b\d{2,3},\d{3}\b", re.IGNORECASE)
PAY_INTENT = "ask_salary"
PAY_ANSWERS = {PAY_INTENT, "compare_pay", "compare_roles", "ask_specialize", "ask_career_levels", "ask_why",
               "followup_what_about", "ask_job_growth"}
REMOTE = "remote"  # knowledge/content/salary_factors.yml
# The user speaking of themselves: "I work remotely, how long ...?" tells, it doesn't ask about remote work.
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|my)\b", re.IGNORECASE)


def asks_about_remote_work(message: Message) -> bool:
    """"is working remote a realistic option?": the salary answer says what the guide says of remote work."""
    remote = any(e.get("entity") == "location" and e.get("value") == REMOTE for e in message.get(ENTITIES) or [])
    return remote and not FIRST_PERSON.search(message.get(TEXT) or "")


# A message that says the user is setting out on ML and asks nothing tells about them.
SETTING_OUT_INTENT = "inform"
# A cue of this many words of a `wins_when_specific` topic wins over a one-word cue of the
# classifier's topic: "what skills do I have on file?" names the profile, not just skills.
SPECIFIC_CUE_WORDS = 3


def longest_cue(topic: Topic, words: Sequence[Word]) -> int:
    return max((len(c) for c in topic.cues if occurs(c, words, CUE_GAP)), default=0)


# Below this confidence the classifier's topic does not shield a question from the other topics it names.
SURE_OF_ITS_TOPIC = 0.5


def cued_intent(topics: Sequence[Topic], words: Sequence[Word], intent: Optional[str],
                ranking: Sequence[Dict[str, Any]], confidence: float = 1.0) -> Optional[str]:
    """The topic the question names instead of `intent`, or None when `intent` stands."""
    by_intent = {t.intent: t for t in topics}
    last = words[-1] if words else frozenset()
    ending = next((t for t in topics if last & t.ends_with), None)
    cued = cued_intents(topics, words)
    # "what would my first ml engineer job likely pay?": pay, unless the classifier's topic is named
    # too and its answer gives pay ("what are the career levels and what does each one pay?")
    classified = by_intent.get(intent or "")
    if ending is not None and not (intent in cued and classified is not None
                                   and ending.intent in classified.answered_by):
        return None if intent == ending.intent or intent in ending.answered_by else ending.intent
    if not cued:
        return None
    if intent in cued:
        own = longest_cue(by_intent[intent], words)
        specific = [c for c in cued if by_intent[c].wins_when_specific and intent not in by_intent[c].answered_by
                    and longest_cue(by_intent[c], words) >= max(SPECIFIC_CUE_WORDS, own + 2)]
        return specific[0] if specific else None
    # a cued topic the classifier's answer covers is answered ("is an online course realistic?" stays
    # education); when the classifier is unsure and another topic is cued too, the cued topics are
    # ranked ("is remote work a realistic option?": remote work, not education)
    uncovered = [c for c in cued if intent not in by_intent[c].answered_by]
    if len(uncovered) < len(cued) and (not uncovered or confidence >= SURE_OF_ITS_TOPIC):
        return None
    ranked = [r.get("name") for r in ranking]
    return min(cued, key=lambda c: (ranked.index(c) if c in ranked else len(ranked), cued.index(c)))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class TopicCueClassifier(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Intents a question never loses: commands, answers to the bot, and what other
        # components decided.
        # ("help" is not among them: "would working remote help me there?" asks about remote work)
        return {"spacy_model": SPACY_MODEL, "keep_intents": ["forget_me", "affirm", "deny", "greet", "goodbye",
                                                             "thanks"]}

    def __init__(self, topics: List[Topic], keep_intents: Sequence[str]) -> None:
        self._topics = topics
        self._keep = set(keep_intents)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> TopicCueClassifier:
        nlp = spacy.load(config["spacy_model"])

        def lemmatize(phrase: str) -> Phrase:
            return tuple(word(t.text.lower(), t.lemma_.lower()) for t in nlp(phrase)
                         if any(c.isalnum() for c in t.text))

        return cls(load_topics(CUES_FILE, lemmatize), config["keep_intents"])

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            text = message.get(TEXT) or ""
            # a topic typed alone ("job hunting", "salary") asks for it too
            short = len(text.split()) <= SHORT_TOPIC_WORDS
            asks = IS_QUESTION.search(text.strip()) or "?" in text or REQUEST.search(text)
            if intent not in self._keep and not asks and SETTING_OUT.search(text):
                override_intent(message, SETTING_OUT_INTENT)  # "considering a move into ML": no topic asked
                continue
            if intent in self._keep or not (asks or short):
                continue
            if intent in ABOUT_THE_CONVERSATION and ABOUT_THE_CONVERSATION[intent].search(text):
                continue
            words = message_words(message)
            if intent == "ask_source" and SHORT_SOURCE_QUESTION.search(text) and not cued_intents(self._topics, words):
                continue
            topic = cued_intent(self._topics, words, intent, message.get(INTENT_RANKING_KEY) or [],
                                (message.get(INTENT) or {}).get("confidence") or 0.0)
            if (topic or intent) not in PAY_ANSWERS and (MONEY.search(text) or asks_about_remote_work(message)):
                topic = PAY_INTENT  # "is the 165K figure realistic?", "is remote work a realistic option?"
            if topic:
                override_intent(message, topic)
        return messages

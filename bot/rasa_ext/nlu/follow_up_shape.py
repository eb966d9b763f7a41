"""Rasa NLU component: a short message shaped like a follow-up ("and for a regular ml engineer
job?", "what about austin?", "same for seniors?") that names something the knowledge base knows
is a follow-up, whatever topic its nouns suggest to the classifier ("job" is no job-hunting
question here). The follow-up answer then continues the previous answer with that thing.
A short "why ...?" that names nothing the knowledge base knows ("why 12-18 months tho?") asks
why the previous answer says what it says.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_ext.nlu.intent_override import override_intent

FOLLOW_UP_INTENT = "followup_what_about"
# The opening of a follow-up, then at most MAX_WORDS words that ask nothing of their own.
OPENING = re.compile(r"^\W*(?:(?:and|&|ok(?:ay)?|so|hmm+|cool|thanks)\W+)*(?:what about|how about|what of|"
                     r"same (?:for|in|at|with)|and (?:for|in|at|as|with|if)|(?:and )?compared (?:to|with)|"
                     r"(?:and )?(?:vs\.?|versus)|"
                     # "what's it in the US then?", "what would that be at a startup?"
                     r"(?:whats|what|how much)(?:'s|\s+is|\s+are|\s+would|\s+will)?\s+(?:it|that|this|they|those)"
                     r"(?:\s+be)?\s+(?:in|at|for|as|with)|"
                     r"(?P<bare>for|in|at|as))\b", re.IGNORECASE)
# The user speaking of themselves: "and in seattle I'd earn?", "in seattle now", "at a startup these days".
SELF = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|me|my|we|our|now|anymore|these days|moved|living|live|based|"
                  r"work|working)\b", re.IGNORECASE)
OWN_QUESTION = re.compile(r"\b(?:how|what|why|when|which|who|where|do|does|did|is|are|can|could|should|would|will|"
                          r"need|needs|pay|paid|salary|earn|long|demand|growth|outlook|market|hiring|skills?|phd|"
                          r"degree|roadmap)\b", re.IGNORECASE)
MAX_WORDS = 8
WHY_INTENT = "ask_why"
# "why 12-18 months tho, i already know most of it", "how come it's that long?"
WHY = re.compile(r"^\W*(?:(?:but|and|so|ok(?:ay)?|hmm+|wait|huh)\W+)*(?:why|how come)\b", re.IGNORECASE)
MAX_WHY_WORDS = 14


def follow_up_shaped(text: str) -> bool:
    opening = OPENING.match(text or "")
    if opening is None:
        return False
    if opening.group("bare") and not text.rstrip().endswith("?"):
        return False  # "at amazon" may answer what the bot asked, or tell where the user works
    rest = text[opening.end():]
    return len(text.split()) <= MAX_WORDS and not OWN_QUESTION.search(rest) and not SELF.search(text)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class FollowUpShape(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Intents that stand: commands and what earlier components decided.
        return {"keep_intents": ["forget_me", "affirm", "deny", "greet", "goodbye", "thanks"]}

    def __init__(self, keep_intents: List[str]) -> None:
        self._keep = set(keep_intents)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> FollowUpShape:
        return cls(config["keep_intents"])

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            text = message.get(TEXT) or ""
            if (intent not in self._keep and not message.get(ENTITIES) and WHY.match(text)
                    and len(text.split()) <= MAX_WHY_WORDS):
                override_intent(message, WHY_INTENT)
                continue
            if intent in self._keep or intent == FOLLOW_UP_INTENT or not message.get(ENTITIES):
                continue
            if follow_up_shaped(message.get(TEXT) or ""):
                override_intent(message, FOLLOW_UP_INTENT)
        return messages

"""'why?', 'how come?', 'which one is right?': the guide's own reasons behind the previous
answer (bot/content/explanations.yml), or a plain "the guide doesn't say"."""
from functools import lru_cache
from typing import Dict

import yaml

from bot.answering.action_base import KnowledgeAction, Reply, about_previous
from bot.answering.query import Profile, Query
from knowledge import KnowledgeBase
from settings import BOT_CONTENT

EXPLANATIONS_FILE = BOT_CONTENT / "explanations.yml"
NOTHING_BEFORE = "Why what? Ask me something first, e.g. “should I specialise early?”, then ask why."
NO_REASON = "The guide doesn't give a reason for that beyond what I said. Ask me about another part of it?"


@lru_cache(maxsize=None)
def explanations() -> Dict[str, str]:
    return yaml.safe_load(EXPLANATIONS_FILE.read_text(encoding="utf-8"))


class ActionExplainPrevious(KnowledgeAction):
    compares_things = False

    def name(self) -> str:
        return "action_explain_previous"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        previous = query.previous.get("action")
        if not previous:
            return Reply(NOTHING_BEFORE)
        return about_previous(query, explanations().get(previous, NO_REASON))

"""'why?', 'how come?', 'which one is right?': the guide's own reasons behind the previous
answer (bot/content/explanations.yml), or a plain "the guide doesn't say"."""
import re
from functools import lru_cache
from typing import Dict

import yaml

from bot.answering.action_base import (
    CHOOSES,
    KnowledgeAction,
    Reply,
    about_previous,
    action_registry,
    detail_of_last_answer,
)
from bot.answering.query import Profile, Query
from knowledge import KnowledgeBase
from settings import BOT_CONTENT

EXPLANATIONS_FILE = BOT_CONTENT / "explanations.yml"
NOTHING_BEFORE = "Why what? Ask me something first, e.g. “should I specialise early?”, then ask why."
# What a choice is made by: "which one is cheaper / pays more / is faster?" ("which one is right?" is a why).
RANKS_BY = re.compile(r"\b(?:cheap\w*|fast\w*|quick\w*|short\w*|long\w*|better|best|easi\w*|hard\w*|pays?|"
                      r"more|less|cost\w*|expensive)\b", re.IGNORECASE)
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
        chosen_by = action_registry().get(previous)
        if (CHOOSES.search(query.text) and RANKS_BY.search(query.text) and isinstance(chosen_by, KnowledgeAction)
                and previous != self.name()):
            # "which one is cheaper?" after the paths: a choice among what the answer listed, not a why
            among = query.continuing()
            return chosen_by.answer_of_its_kind(profile, among) or chosen_by.answer(kb, profile, among)
        # "so why would anyone stay at an enterprise?": the last answer's line about what it names
        before = query.previous.get("entities") or {}
        new = [v for kind, values in query.entities.items() for v in values if v not in (before.get(kind) or [])]
        detail = detail_of_last_answer(query, must_refer_back=False) if new else None
        return detail or about_previous(query, explanations().get(previous, NO_REASON))

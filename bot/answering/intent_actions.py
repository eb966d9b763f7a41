"""careerbot's one intent-to-action table: the two-step rules of bot/data/rules.yml. The policy
(bot/rasa_ext/policy.py) answers each intent with it, and the actions use it to answer a second
question found in the same message."""
from functools import lru_cache
from typing import Dict, List, Optional

import yaml

from settings import PROJECT_ROOT

RULES_FILE = PROJECT_ROOT / "bot" / "data" / "rules.yml"
QUESTION_WORDS = ("?", "how ", "what ", "which ", "when ", "where ", "should ", "do i ", "can i ", "is it ", "will ",
                  "give me ", "tell me ", "show me ")
# How sure the classifier must be of the second-best intent to answer it as well.
SECOND_QUESTION_CONFIDENCE = 0.02


@lru_cache(maxsize=None)
def action_for_intent() -> Dict[str, str]:
    rules = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))["rules"]
    mapping = {}
    for rule in rules:
        steps = rule.get("steps", [])
        if len(steps) == 2 and "intent" in steps[0] and "action" in steps[1]:
            mapping[steps[0]["intent"]] = steps[1]["action"]
    return mapping


def question_also_asked(text: str, ranking: List[Dict], answered_intent: str) -> Optional[str]:
    """The action for a question asked in the same message as a self-description
    ("I'm a dev in Austin, how much could I make?"), if the classifier saw one."""
    lowered = f" {text.lower()} "
    if not any(word in lowered for word in QUESTION_WORDS):
        return None
    for candidate in ranking:
        name = candidate.get("name")
        confidence = candidate.get("confidence") or 0
        if name in (answered_intent, "nlu_fallback") or confidence < SECOND_QUESTION_CONFIDENCE:
            continue
        action = action_for_intent().get(name, "") if isinstance(name, str) else ""
        return action if action.startswith("action_") else None
    return None

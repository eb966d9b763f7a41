"""Which answer a follow-up or a topic belongs to (bot/content/follow_ups.yml)."""
import re
from functools import lru_cache
from typing import Any, Dict, List, Optional

import yaml

from settings import BOT_CONTENT

FOLLOW_UPS_FILE = BOT_CONTENT / "follow_ups.yml"
DEFAULT_ROLE = "ml_engineer"


@lru_cache(maxsize=None)
def _follow_ups() -> Dict[str, Dict[str, Any]]:
    return yaml.safe_load(FOLLOW_UPS_FILE.read_text(encoding="utf-8"))


def follow_up_action(previous: str, entities: Dict[str, List[str]]) -> str:
    """The previous answer's action, unless the follow-up names something that answer does not
    use ("and in the bay area?" after the role answer): then the answer for that."""
    table = _follow_ups()
    uses = table["uses"].get(previous) or []  # an answer not listed uses no entity
    # "and as a mid-level MLE in NYC?" after a pay comparison: the MLE is every answer's subject
    named = [kind for kind, values in entities.items() if kind in table["answer_for"]
             and not (kind == "role" and set(values or []) <= {DEFAULT_ROLE})]
    if not named or any(kind in uses for kind in named):
        return previous
    return table["answer_for"][named[0]]


def topic_action(current: str, entities: Dict[str, List[str]], kinds: Optional[List[str]] = None) -> Optional[str]:
    """The action for a topic the message names that `current` does not answer, if any
    (kinds: which entity kinds count as topics; default the `topics` of follow_ups.yml)."""
    table = _follow_ups()
    uses = table["uses"].get(current) or []
    for kind in (kinds if kinds is not None else table["topics"]):
        if entities.get(kind) and kind not in uses and kind in table["answer_for"]:
            return table["answer_for"][kind]
    return None


def topic_kinds() -> List[str]:
    """The entity kinds that name a question's topic (follow_ups.yml `topics`)."""
    return list(_follow_ups()["topics"])


def answer_uses(action: str) -> List[str]:
    """The entity kinds an answer takes into account (follow_ups.yml `uses`)."""
    return list(_follow_ups()["uses"].get(action) or [])


def answer_for(kind: str) -> Optional[str]:
    """The answer for a question about a thing of this kind (follow_ups.yml `answer_for`)."""
    return _follow_ups()["answer_for"].get(kind)


# "and then?", "ok, after that?", "now?", "what next": go on from the previous answer.
GO_ON = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|and|then|cool|great|done|finished that too|got it)\W+)*"
                   r"(?:and then|then what|then|after that|after it|afterwards|next|what next|what's next|whats next|"
                   r"now|now what|what now|what then|what after that|next is|next one|next step|the next one|"
                   r"what comes next|and after)\W*$", re.IGNORECASE)


def next_in_sequence(previous: str, text: str) -> Optional[str]:
    """The action that continues a sequence answer when the user asks to go on, if any."""
    if not GO_ON.search(text or ""):
        return None
    return (_follow_ups().get("next_in_sequence") or {}).get(previous)

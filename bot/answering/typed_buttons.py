"""A button's title typed by hand ("Salary by specialization", "Mid-Level"): the button the
user meant, read from the buttons of the bot's last answer (kept in the context slot)."""
import json
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

PAYLOAD = re.compile(r"^/(?P<intent>[a-z_]+)(?P<entities>\{.*\})?$", re.DOTALL)


@dataclass(frozen=True)
class Pressed:
    intent: str
    entities: List[Dict[str, Any]]


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[\w'+#/-]+", text.casefold()))


def typed_button(previous: Dict[str, Any], text: str) -> Optional[Pressed]:
    """The last answer's button whose title the message is, if any (our own payloads only)."""
    for b in previous.get("buttons") or []:
        if _plain(b.get("title") or "") != _plain(text) or not _plain(text):
            continue
        match = PAYLOAD.match(b.get("payload") or "")
        if match is None:
            return None
        values = json.loads(match.group("entities") or "{}")
        return Pressed(match.group("intent"), [{"entity": k, "value": v} for k, v in values.items()])
    return None

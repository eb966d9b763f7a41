"""A message in another language (bot.rasa_ext.nlu.other_language found it): say, in that language
when languages.yml has the words and always in English, that careerbot answers in English."""
from functools import lru_cache
from typing import Any, Dict, List, Optional

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.answering.action_base import ProfileAction
from bot.answering.replies import intent_button
from settings import BOT_CONTENT

LANGUAGES_FILE = BOT_CONTENT / "languages.yml"
LANGUAGE = "language"  # the parse data's key bot.rasa_ext.nlu.other_language sets


@lru_cache(maxsize=None)
def languages() -> Dict[str, Any]:
    return yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))


def reply_text(code: Optional[str]) -> str:
    data = languages()
    entry = data["languages"].get(code or "") or {}
    english = data["english"].format(name=entry.get("name") or data["unknown_name"])
    return f"{entry['reply']}\n\n{english}" if entry.get("reply") else english


def code_of(message: Dict[str, Any]) -> Optional[str]:
    found = message.get(LANGUAGE)
    return found.get("code") if isinstance(found, dict) and isinstance(found.get("code"), str) else None


class ActionOtherLanguage(ProfileAction):
    def name(self) -> str:
        return "action_other_language"

    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        code = code_of(tracker.latest_message or {})
        dispatcher.utter_message(text=reply_text(code), buttons=[intent_button("What can you answer?", "help")])
        return []

"""“Forget me”: every stored profile row, answer rating and unanswered-log entry of this user is deleted
here, in one transaction; the conversation history is deleted by the tracker store
(bot.rasa_ext.tracker_store) in the same turn, and only when this action succeeded (it returns
AllSlotsReset). The reply carries a `forgotten` signal so the widget drops its stored transcript and
session too."""
import asyncio
import logging
import re
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.profile import LIST_ENTITIES, ActionUpdateProfile
from bot.answering.feedback import forget_user
from bot.answering.query import PROFILE_SLOTS
from bot.answering.statements import retracted_fields, taken_back

logger = logging.getLogger(__name__)
EVERYTHING = re.compile(r"\b(?:everything|all (?:my|of|the|about)|all data|whole profile|entire profile|forget me|"
                        r"delete me|erase me)\b", re.IGNORECASE)
FORGOTTEN_SIGNAL = {"careerbot": "forgotten"}


class ActionForgetMe(Action):
    def name(self) -> str:
        return "action_forget_me"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        if names_one_part(tracker.latest_message or {}) or takes_back_the_last_change(tracker):
            # "remove the startup thing from my profile": that part, never everything; "please forget
            # that": the latest change
            return await ActionUpdateProfile().run(dispatcher, tracker, domain)
        try:
            await asyncio.to_thread(forget_user, tracker.sender_id)  # profile, ratings, unanswered log
        except Exception:
            logger.exception("could not delete the profile of %s", tracker.sender_id)
            dispatcher.utter_message(response="utter_forget_failed")
            return []
        dispatcher.utter_message(response="utter_forgotten")
        dispatcher.utter_message(json_message=FORGOTTEN_SIGNAL)
        return [AllSlotsReset()]


def takes_back_the_last_change(tracker: Tracker) -> bool:
    text = (tracker.latest_message or {}).get("text") or ""
    return not EVERYTHING.search(text) and taken_back(text, says_more=False)


def names_one_part(message: Dict[str, Any]) -> bool:
    """Whether a "forget/remove ..." message names a part of the profile (a value or a field) and
    not all of it ("forget everything, my location too" is all of it)."""
    kinds = {*PROFILE_SLOTS, *LIST_ENTITIES}
    text = message.get("text") or ""
    if EVERYTHING.search(text):
        return False
    return (any(e.get("entity") in kinds and isinstance(e.get("start"), int) for e in message.get("entities") or [])
            or bool(retracted_fields(text)))

"""“Forget me”: every stored profile row, answer rating and unanswered-log entry of this user is deleted
here, in one transaction; the conversation history is deleted by the tracker store
(bot.rasa_ext.tracker_store) in the same turn, and only when this action succeeded (it returns
AllSlotsReset). The reply carries a `forgotten` signal so the widget drops its stored transcript and
session too."""
import asyncio
import logging
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset
from rasa_sdk.executor import CollectingDispatcher

from bot.answering.feedback import forget_user

logger = logging.getLogger(__name__)
FORGOTTEN_SIGNAL = {"careerbot": "forgotten"}


class ActionForgetMe(Action):
    def name(self) -> str:
        return "action_forget_me"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        try:
            await asyncio.to_thread(forget_user, tracker.sender_id)  # profile, ratings, unanswered log
        except Exception:
            logger.exception("could not delete the profile of %s", tracker.sender_id)
            dispatcher.utter_message(response="utter_forget_failed")
            return []
        dispatcher.utter_message(response="utter_forgotten")
        dispatcher.utter_message(json_message=FORGOTTEN_SIGNAL)
        return [AllSlotsReset()]

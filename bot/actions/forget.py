"""“Forget me”: the profile is deleted here; the conversation history is deleted by the
tracker store (bot.tracking) when it sees this action in the turn it saves."""
import asyncio
import logging
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.memory import profile_store, user_key

logger = logging.getLogger(__name__)


class ActionForgetMe(Action):
    def name(self) -> str:
        return "action_forget_me"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        try:
            await asyncio.to_thread(profile_store().forget, *user_key(tracker))
        except Exception:
            logger.exception("could not delete the profile of %s", tracker.sender_id)
            dispatcher.utter_message(response="utter_forget_failed")
            return []
        dispatcher.utter_message(response="utter_forgotten")
        return [AllSlotsReset()]

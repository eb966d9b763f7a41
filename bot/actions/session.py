"""Session start: carry the slots over as Rasa does, and bring back a returning user's profile."""
import asyncio
import logging
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.memory import REMEMBERED_SLOTS, profile_store, user_key

logger = logging.getLogger(__name__)


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        events: List[Dict[str, Any]] = [SessionStarted()]
        # carry_over_slots_to_new_session, which a custom session start must do itself
        events += [SlotSet(name, value) for name, value in tracker.slots.items() if value is not None
                   and name not in ("session_started_metadata", "context", "pending")]
        try:
            stored = await asyncio.to_thread(profile_store().get, *user_key(tracker))
        except Exception:  # no profile is better than no conversation
            logger.exception("could not read the stored profile of %s", tracker.sender_id)
            stored = None
        if stored:
            events += [SlotSet(name, value) for name, value in stored.data.items()
                       if name in REMEMBERED_SLOTS and tracker.get_slot(name) in (None, [])]
        events.append(ActionExecuted("action_listen"))
        return events

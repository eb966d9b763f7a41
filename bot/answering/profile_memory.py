"""Keeps the profile in the application database, keyed by the conversation id (which names
its channel), so it survives session expiry and restarts; the slots are the working copy.

A returning user's profile is brought back by the first careerbot action of a conversation.

Rasa's own action_session_start carries the slots over from one session to the next. A
conversation the tracker store does not have (a new chat or device, or one that was deleted)
starts empty, so the first action that runs fills the empty profile slots from the stored
profile. Doing this here rather than in a custom action_session_start saves a call to the
action server on every new conversation, and a failed read costs that turn's
personalisation, not the conversation.
"""
import asyncio
import logging
from functools import lru_cache
from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from bot.answering.query import LIST_SLOTS, PROFILE_SLOTS
from userdata.profiles import ProfileStore

logger = logging.getLogger(__name__)

REMEMBERED_SLOTS = (*PROFILE_SLOTS, *LIST_SLOTS)


@lru_cache(maxsize=None)
def profile_store() -> ProfileStore:
    return ProfileStore()


def profile_changes(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot" and e.get("name") in REMEMBERED_SLOTS}


def remember(tracker: Tracker, events: List[Dict[str, Any]]) -> None:
    """Writes the profile as it is after these events; does nothing when they change no profile slot."""
    changes = profile_changes(events)
    if not changes:
        return
    current = {name: tracker.get_slot(name) for name in REMEMBERED_SLOTS}
    profile_store().save(tracker.get_latest_input_channel(), tracker.sender_id, {**current, **changes})


# Set once the stored profile has been looked up; carried over like every slot.
RESTORED_SLOT = "profile_restored"


async def restore_profile(tracker: Tracker) -> List[Dict[str, Any]]:
    """Fills the tracker's empty profile slots from the stored profile (for this turn too)
    and returns the events that keep them; nothing once the conversation has been restored."""
    if tracker.get_slot(RESTORED_SLOT):
        return []
    try:
        stored = await asyncio.to_thread(profile_store().get, tracker.sender_id)
    except Exception:  # no profile is better than no answer; the next turn tries again
        logger.exception("could not read the stored profile of %s", tracker.sender_id)
        return []
    found = {name: value for name, value in (stored.data.items() if stored else ())
             if name in REMEMBERED_SLOTS and tracker.get_slot(name) in (None, [])}
    tracker.slots.update(found)
    tracker.slots[RESTORED_SLOT] = True
    return [SlotSet(name, value) for name, value in found.items()] + [SlotSet(RESTORED_SLOT, True)]

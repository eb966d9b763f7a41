"""Keeps the profile in the application database, keyed by the conversation id (which names
its channel), so it survives session expiry and restarts; the slots are the working copy."""
from functools import lru_cache
from typing import Any, Dict, List

from rasa_sdk import Tracker

from bot.actions.profile_state import LIST_SLOTS, PROFILE_SLOTS
from knowledge.profile_store import ProfileStore

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

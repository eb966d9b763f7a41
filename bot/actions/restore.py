"""A returning user's profile, brought back by the first careerbot action of a conversation.

Rasa's own action_session_start carries the slots over from one session to the next. A
conversation the tracker store does not have (a new chat or device, or one that was deleted)
starts empty, so the first action that runs fills the empty profile slots from the stored
profile. Doing this here rather than in a custom action_session_start saves a call to the
action server on every new conversation, and a failed read costs that turn's
personalisation, not the conversation.
"""
import asyncio
import logging
from abc import ABCMeta, abstractmethod
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.intents import action_for_intent
from bot.actions.kb_access import knowledge_base
from bot.actions.memory import REMEMBERED_SLOTS, profile_store
from bot.actions.profile_state import drop_unknown_entities
from bot.actions.questions import QUESTION_ENTITY

logger = logging.getLogger(__name__)

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


def ignore_unknown_values(tracker: Tracker, dispatcher: CollectingDispatcher) -> None:
    """Drops entity values the knowledge base does not know and tells the user which are known
    (without repeating what was sent: it may be a planted link)."""
    names = knowledge_base().names
    questions = action_for_intent().keys()  # the `question` entities of bot/clause_parsing.py
    for kind in drop_unknown_entities(tracker, lambda k: questions if k == QUESTION_ENTITY else names(k).keys()):
        try:
            known = sorted(names(kind).values())
        except KeyError:
            continue
        dispatcher.utter_message(text=f"I only keep {kind.replace('_', ' ')} values I know: {', '.join(known)}.")


class ProfileAction(Action, metaclass=ABCMeta):
    """An action that knows who the user is: restores a returning user's profile, then responds."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        if (tracker.latest_message or {}).get("entities"):
            await asyncio.to_thread(ignore_unknown_values, tracker, dispatcher)
        restored = await restore_profile(tracker)
        return restored + await self.respond(dispatcher, tracker, domain)

    @abstractmethod
    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        ...

"""Remembering who the user is: filling the profile from what they say, and showing it back."""
import asyncio
import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.base import action_registry, answer_safely, knowledge_base, remember_safely, send
from bot.actions.intents import question_also_asked
from bot.actions.profile_state import PROFILE_SLOTS, Profile, Query
from bot.actions.replies import bullets, join_words
from bot.actions.restore import ProfileAction

# In a self-description any "N years" is the user's experience.
YEARS = re.compile(r"\b(\d{1,2})\s*\+?\s*(?:years?|yrs?)\b", re.IGNORECASE)
# Entity kinds that add to a list in the profile rather than replace a value.
LIST_ENTITIES = {"skill": "skills_known", "learning_step": "steps_done"}


def profile_updates(profile: Profile, query: Query, level_for_years) -> Dict[str, Any]:
    updates: Dict[str, Any] = {}
    for slot in PROFILE_SLOTS:
        value = query.first(slot)
        if value and value != getattr(profile, slot):
            updates[slot] = value
    years = YEARS.search(query.text)
    # "frontend dev with 2 yrs exp": years of programming, not of ML engineering
    if years and "level" not in updates and not query.first("background"):
        updates["level"] = level_for_years(int(years.group(1)))
    for kind, slot in LIST_ENTITIES.items():
        new = [v for v in query.entities.get(kind, []) if v not in getattr(profile, slot)]
        if new:
            updates[slot] = [*getattr(profile, slot), *new]
    return updates


def describe_profile(profile: Profile, names) -> List[str]:
    lines = []
    if profile.background:
        lines.append("Background: " + ("you already program" if profile.background == "programmer" else "new to coding"))
    for slot, label in (("level", "Level"), ("location", "Location"), ("company_type", "Company"),
                        ("specialization", "Interest")):
        value = getattr(profile, slot)
        if value:
            lines.append(f"{label}: {names(slot).get(value, value)}")
    if profile.skills_known:
        lines.append("Skills: " + join_words([names("skill").get(s, s) for s in profile.skills_known]))
    if profile.steps_done:
        lines.append("Roadmap steps done: " + join_words([names("learning_step").get(s, s) for s in profile.steps_done]))
    return lines


class ActionUpdateProfile(ProfileAction):
    def name(self) -> str:
        return "action_update_profile"

    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        kb = knowledge_base()
        query = Query.from_tracker(tracker)
        profile = Profile.from_tracker(tracker)
        updates = await asyncio.to_thread(profile_updates, profile, query, lambda years: kb.level_for_years(years).id)
        if not updates:
            dispatcher.utter_message(response="utter_profile_nothing_new")
            return []
        for slot, value in updates.items():
            setattr(profile, slot, value)
        events = [SlotSet(slot, value) for slot, value in updates.items()]
        events += await self._answer_too(profile, query, updates, tracker, dispatcher)
        await remember_safely(tracker, events)  # once, with what the answer learned too
        return events

    async def _answer_too(self, profile: Profile, query: Query, updates: Dict[str, Any], tracker: Tracker,
                          dispatcher: CollectingDispatcher) -> List[Dict[str, Any]]:
        """Says what was noted and, when the message (or the bot's pending question) asked
        something, answers it in the same turn with the profile just updated."""
        pending: Optional[dict] = tracker.get_slot("pending")
        action = action_registry().get((pending or {}).get("action", ""))
        if action is None:
            noted = await asyncio.to_thread(describe_profile, Profile(**updates), knowledge_base().names)
            ranking = (tracker.latest_message or {}).get("intent_ranking") or []
            action = action_registry().get(question_also_asked(query.text, ranking, query.intent) or "")
            if action is None:
                dispatcher.utter_message(text="Got it, I'll remember that:\n" + bullets(noted) +
                                         "\nAsk me anything: salary, skills, the roadmap, how long it takes...")
                return []
            # "I'm a dev in Austin, how much could I make?": note the profile, then answer.
            dispatcher.utter_message(text="Got it, I'll remember that:\n" + bullets(noted))
        else:  # the user just answered the bot's question: answer the question that prompted it
            query = Query(query.intent, query.text, pending.get("entities") or {}, tracker.get_slot("context") or {})
        reply = await answer_safely(action, profile, query, dispatcher)
        return send(dispatcher, action.name(), query, reply, profile) if reply else []


class ActionShowProfile(ProfileAction):
    def name(self) -> str:
        return "action_show_profile"

    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        profile = Profile.from_tracker(tracker)
        if profile.is_empty():
            dispatcher.utter_message(response="utter_profile_empty")
            return []
        lines = await asyncio.to_thread(describe_profile, profile, knowledge_base().names)
        dispatcher.utter_message(text="Here's what I know about you:\n" + bullets(lines))
        return []

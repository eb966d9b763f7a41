"""Follow-ups ("and in New York?", "what about FAANG?") and yes/no answers to the bot's own questions."""
from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.base import action_registry, answer_safely, remember_safely, send
from bot.actions.profile_state import Profile, Query
from bot.actions.restore import ProfileAction


class ActionFollowUp(ProfileAction):
    """Re-answers the previous question with the parameters this message changes."""

    def name(self) -> str:
        return "action_follow_up"

    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        query = Query.from_tracker(tracker)
        previous = action_registry().get(query.previous.get("action", ""))
        if previous is None:
            dispatcher.utter_message(response="utter_follow_up_without_context")
            return []
        profile = Profile.from_tracker(tracker)
        continued = query.continuing()
        reply = await answer_safely(previous, profile, continued, dispatcher)
        if reply is None:
            return []
        events = send(dispatcher, previous.name(), continued, reply, profile)
        await remember_safely(tracker, events)
        return events


class ActionAnswerYesNo(ProfileAction):
    """affirm/deny: the answer to a pending question, or a gentle prompt when nothing was asked."""

    def name(self) -> str:
        return "action_answer_yes_no"

    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        intent = Query.from_tracker(tracker).intent
        pending = tracker.get_slot("pending")
        if pending and intent == "deny":
            dispatcher.utter_message(response="utter_no_problem")
            return [SlotSet("pending", None)]
        if pending:
            dispatcher.utter_message(response="utter_pick_a_button")
            return []
        dispatcher.utter_message(response="utter_affirm" if intent == "affirm" else "utter_no_problem")
        return []

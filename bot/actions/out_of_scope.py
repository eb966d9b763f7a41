"""Questions outside a career guide's scope ("can you order me a pizza?"): the polite reply, and the
message goes into the unanswered log for the editors' report (bot/answering/feedback.py)."""
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.answering.feedback import OUT_OF_SCOPE, log_unanswered


class ActionOutOfScope(Action):
    def name(self) -> str:
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        dispatcher.utter_message(response="utter_out_of_scope")
        await log_unanswered(tracker, OUT_OF_SCOPE, self.name())
        return []

"""Questions outside a career guide's scope ("can you order me a pizza?"): the polite reply, and the
message goes into the unanswered log for the editors' report (bot/answering/feedback.py). A message
the classifier put here that names things the guide knows ("bank vs faang?") gets that answer."""
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.answering.action_base import action_registry
from bot.answering.clauses import SELF
from bot.answering.feedback import OUT_OF_SCOPE, log_unanswered
from bot.answering.query import PROFILE_SLOTS, Query
from bot.answering.routing import topic_action


class ActionOutOfScope(Action):
    def name(self) -> str:
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        query = Query.from_tracker(tracker)
        from bot.actions.profile import LIST_ENTITIES, ActionUpdateProfile  # it imports action_base too

        # "my brother writes C# all day", "i'm a cobol guy at a bank" (not "faang salaries are insane lol")
        if ((SELF.search(query.text) or query.about_someone_else())
                and query.tells_without_asking({*PROFILE_SLOTS, *LIST_ENTITIES})):
            return await ActionUpdateProfile().respond(dispatcher, tracker, domain)
        named = action_registry().get(topic_action("", query.entities, list(query.entities)) or "")
        if named is not None:  # "bank vs faang?": things the guide knows, so not outside it
            return await named.respond(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_out_of_scope")
        await log_unanswered(tracker, OUT_OF_SCOPE, self.name())
        return []

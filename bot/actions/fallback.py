"""When the bot is unsure: the line of its last answer a short question points at, the guide's
passage that matches the question well (bot/answering/retrieval.py), else the closest topics;
gibberish is asked to be rephrased. It never answers a question it did not understand with an
unrelated fact."""
import asyncio
import re
from functools import lru_cache
from typing import Any, Dict, List

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.profile import LIST_ENTITIES, NO_ML_YET, ActionUpdateProfile
from bot.answering.action_base import (
    KnowledgeAction,
    ProfileAction,
    action_registry,
    answer_fully,
    detail_of_last_answer,
    knowledge_base,
    send,
    the_last_two,
)
from bot.answering.clauses import IS_QUESTION, REQUEST
from bot.answering.feedback import DID_YOU_MEAN, OUT_OF_SCOPE, REPHRASE, log_unanswered
from bot.answering.intent_actions import action_for_intent
from bot.answering.query import PROFILE_SLOTS, Profile, Query
from bot.answering.replies import intent_button
from bot.answering.retrieval import retrieved_answer
from bot.answering.routing import next_in_sequence, topic_action
from bot.answering.statements import SETTING_OUT
from bot.answering.typed_buttons import typed_button
from bot.rasa_ext.nlu.english import looks_like_gibberish
from settings import BOT_CONTENT

TOPICS_FILE = BOT_CONTENT / "topics.yml"
MAX_SUGGESTIONS = 3


@lru_cache(maxsize=None)
def topic_titles() -> Dict[str, str]:
    return yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8"))


def suggestions(ranking: List[Dict[str, Any]]) -> List[Dict[str, str]]:
    titles = topic_titles()
    ranked = [r["name"] for r in ranking if r.get("name") in titles]
    return [intent_button(titles[name], name) for name in ranked[:MAX_SUGGESTIONS]]


# A reaction to the last answer, made only of words like these: acknowledged, not guessed at.
REACTION = re.compile(
    r"^\W*(?:(?:ok|okay|k|cool|nice|great|awesome|alright|right|sure|lol|haha|wow|fair|thx|ty|yeah|yep|hmm|oh|ah|"
    r"so|that'?s|it|this|sounds|feels|makes|good|sense|reassuring|interesting|to|know|got|i|see|noted|understood|"
    r"perfect|neat|enough|helpful|useful|thanks|thank|you|very|really|pretty|honestly|tbh|ngl|then)\W*){1,7}$",
    re.IGNORECASE)


class ActionDidYouMean(ProfileAction):
    def name(self) -> str:
        return "action_did_you_mean"

    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        pressed = typed_button(tracker.get_slot("context") or {}, text)
        action = action_registry().get(action_for_intent().get(pressed.intent, "")) if pressed else None
        if pressed and action is not None:  # "Salary by specialization" typed, not clicked
            tracker.latest_message = {**message, "intent": {"name": pressed.intent, "confidence": 1.0},
                                      "entities": pressed.entities}
            return await action.respond(dispatcher, tracker, domain)
        kinds = {e.get("entity") for e in message.get("entities") or []}
        question = bool(IS_QUESTION.search(text.strip()) or REQUEST.search(text))
        # "senior, like 6 years doing ml", a bare "mid": the user telling us about themselves
        if ((kinds & {*PROFILE_SLOTS, *LIST_ENTITIES} and (len(text.split()) <= 4 or not question))
                or ((NO_ML_YET.search(text) or SETTING_OUT.search(text)) and not question)):  # "never done any ml tho"
            return await ActionUpdateProfile().respond(dispatcher, tracker, domain)
        return await self.unclear(dispatcher, tracker, question)

    async def unclear(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      question: bool) -> List[Dict[str, Any]]:
        """A message no answer fits: rephrase, the line or passage it points at, or suggestions."""
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        # "sallary sceince" is words once the NLU has corrected it (bot.rasa_ext.nlu.spelling_component)
        if await asyncio.to_thread(looks_like_gibberish, message.get("corrected_text") or text):
            dispatcher.utter_message(response="utter_rephrase")
            await log_unanswered(tracker, REPHRASE, self.name())
            return []
        query = Query.from_tracker(tracker)
        routed = action_registry().get(next_in_sequence(query.previous.get("action", ""), text)  # "and after that?"
                                       or topic_action("", query.entities, list(query.entities)) or "")
        if routed is not None:  # "what frameworks do ml people use": the topic it names
            return await routed.respond(dispatcher, tracker, {})
        both = the_last_two(query)
        previous = action_registry().get(query.previous.get("action", "")) if both else None
        if both and isinstance(previous, KnowledgeAction):  # "which is cheaper?" after a bootcamp, then self-study
            profile = Profile.from_tracker(tracker)
            reply = await answer_fully(previous, profile, both, dispatcher)
            return send(dispatcher, previous.name(), both, reply, profile, tracker.sender_id) if reply else []
        if REACTION.match(text):  # "feels good", "makes sense": nothing was asked, so nothing to guess at
            dispatcher.utter_message(response="utter_affirm")
            return []
        meant = detail_of_last_answer(query, must_refer_back=False) if question and len(text.split()) <= 8 else None
        if meant is not None:  # "through what year?" after the growth answer
            return send(dispatcher, self.name(), query, meant, Profile.from_tracker(tracker), tracker.sender_id)
        passage = await asyncio.to_thread(retrieved_answer, knowledge_base(), message.get("corrected_text") or text)
        if passage is not None:  # "how important is blogging about my projects?": the guide's closest passage
            dispatcher.utter_message(text=passage)
            return []
        buttons = suggestions(message.get("intent_ranking") or [])
        if buttons:
            dispatcher.utter_message(response="utter_did_you_mean", buttons=buttons)
        else:
            dispatcher.utter_message(response="utter_out_of_scope")
        await log_unanswered(tracker, DID_YOU_MEAN if buttons else OUT_OF_SCOPE, self.name())
        return []

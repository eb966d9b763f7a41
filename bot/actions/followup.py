"""Follow-ups ("and in New York?", "what about FAANG?") and yes/no answers to the bot's own questions."""
import asyncio
import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.learning import step_teaching
from bot.answering.action_base import (
    ProfileAction,
    action_registry,
    answer_fully,
    answer_or_ask_again,
    knowledge_base,
    next_ranked_answer,
    remember_safely,
    reply_digest,
    send,
)
from bot.answering.clauses import IS_QUESTION, SELF
from bot.answering.query import Profile, Query
from bot.answering.questions import asked_questions
from bot.answering.routing import follow_up_action, next_in_sequence
from bot.answering.statements import OTHER_PERSON, SOMEONE_ELSE, taken_back

# Kinds a follow-up does not change an answer by, so a statement naming them tells about the user.
TOLD_NOT_ASKED = ("skill", "other_skill", "learning_step", "background")
SAME_AGAIN = "Ask about another level, place or company (e.g. “what about FAANG?”) to compare."


class ActionFollowUp(ProfileAction):
    """Re-answers the previous question with the parameters this message changes."""

    def name(self) -> str:
        return "action_follow_up"

    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        query = Query.from_tracker(tracker)
        if query.tells_without_asking(TOLD_NOT_ASKED):  # "about 4 years of C# at work" asks about nothing
            from bot.actions.profile import ActionUpdateProfile  # it answers follow-ups itself

            return await ActionUpdateProfile().respond(dispatcher, tracker, domain)
        previous = action_registry().get(next_in_sequence(query.previous.get("action", ""), query.text)
                                         or follow_up_action(query.previous.get("action", ""), query.entities))
        if previous is None:
            dispatcher.utter_message(response="utter_follow_up_without_context")
            return []
        profile = Profile.from_tracker(tracker)
        continued = query.continuing()
        # "enterprise or startup?" after a salary answer: both sides, not the first one named;
        # "and company?" after a pay-factor answer: that factor
        reply = await answer_fully(previous, profile, continued, dispatcher)
        if reply is None:
            return []
        if reply_digest(reply.text) == query.previous.get("digest"):  # never the same answer twice
            headline = reply.text.splitlines()[0]
            dispatcher.utter_message(text=f"That's what I just said: {headline}\n{SAME_AGAIN}")
            return []
        events = send(dispatcher, previous.name(), continued, reply, profile, tracker.sender_id)
        await remember_safely(tracker, events)
        return events


class ActionAnswerYesNo(ProfileAction):
    """affirm/deny: the answer to a pending question, or a gentle prompt when nothing was asked."""

    def name(self) -> str:
        return "action_answer_yes_no"

    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        query = Query.from_tracker(tracker)
        intent = query.intent
        pending = tracker.get_slot("pending")
        theirs = OTHER_PERSON.search(query.text)  # "not me, HIM. he programs": not the user's answer
        value = (await asyncio.to_thread(answer_in_words, (pending or {}).get("slot"), query)
                 if pending and not theirs else None)
        if value is not None:  # "yeah I write Go at work", "nope, never", "Mid-level": the answer
            from bot.actions.profile import ActionUpdateProfile  # it answers the pending question

            tracker.latest_message["entities"] = [{"entity": entity_kind(pending["slot"]), "value": value}]
            return await ActionUpdateProfile().respond(dispatcher, tracker, domain)
        # "no, I don't know Java", "no wait, forget that": a correction
        if any(st.stance != SOMEONE_ELSE for st in query.said) or taken_back(query.text, says_more=False):
            from bot.actions.profile import ActionUpdateProfile

            return await ActionUpdateProfile().respond(dispatcher, tracker, domain)
        if asked_questions(tracker.latest_message or {}):
            # "that doesn't answer it. do employers care about a degree?": the question
            return await answer_or_ask_again(self.name(), tracker, dispatcher)
        topic = next_ranked_answer(tracker, intent) if not pending and len(query.text.split()) >= 2 else None
        if topic is not None and IS_QUESTION.search(query.text.strip()):  # "phd or not?" is no "no"
            return await topic.respond(dispatcher, tracker, domain)
        if pending and intent == "deny":
            dispatcher.utter_message(response="utter_no_problem")
            return [SlotSet("pending", None)]
        if pending:
            dispatcher.utter_message(response="utter_pick_a_button")
            return []
        dispatcher.utter_message(response="utter_affirm" if intent == "affirm" else "utter_no_problem")
        return []


PROGRAMS = re.compile(r"\b(?:code|coding|coder|program|programming|programmer|developer|dev|engineer|write|script|"
                      r"python|java|javascript|go|golang|c\+\+|rust|sql|yes|yeah|yep|yup|sure|of course)\b",
                      re.IGNORECASE)
NEVER = re.compile(r"\b(?:no|nope|nah|never|not really|not yet|zero|none|not at all|don'?t|haven'?t)\b", re.IGNORECASE)


# The entity that answers a question about a list slot ("Which step have you finished most recently?").
LIST_SLOT_ENTITY = {"steps_done": "learning_step", "skills_known": "skill"}


def entity_kind(slot: str) -> str:
    return LIST_SLOT_ENTITY.get(slot, slot)


# A reply to the bot's question is short: "linear algebra & calculus", "mid-level i guess".
ANSWER_WORDS = 6


def answers_the_pending_question(tracker: Tracker) -> bool:
    """Whether the message is a short reply naming a value of what the bot just asked ("linear
    algebra & calculus" after "Which step have you finished most recently?"), whatever topic the
    classifier read in it."""
    slot = (tracker.get_slot("pending") or {}).get("slot")
    message = tracker.latest_message or {}
    text = (message.get("text") or "").strip()
    if (not slot or len(text.split()) > ANSWER_WORDS or "?" in text or IS_QUESTION.search(text)
            or OTHER_PERSON.search(text)):
        return False
    return any(e.get("entity") == entity_kind(slot) for e in message.get("entities") or [])


BARE_ANSWER_WORDS = 3
# "done python and the maths", "took calc 1-3": steps finished (not "I know python")
FINISHED = re.compile(r"\b(?:done|did|finished|finish|completed|complete|through|covered|took|taken)\b",
                      re.IGNORECASE)
# "none really, I know python but not pandas": no step finished (the skills are another matter).
NONE_DONE = re.compile(r"^\W*(?:none|nothing|not (?:a single )?one|no steps?|zero|not yet|"
                       r"haven'?t (?:done|finished))\b", re.IGNORECASE)


def answer_in_words(slot: Optional[str], query: Query) -> Optional[str]:
    """The value a free-text reply gives to the bot's question about `slot`, if it gives one."""
    if slot == "background":
        if query.intent == "deny" or NEVER.search(query.text):
            return "non_programmer"
        if query.intent == "affirm" or PROGRAMS.search(query.text):
            return "programmer"
        return None
    if slot is None:
        return None
    words = re.findall(r"[\w+#/.-]+", query.text.lower())
    kb = knowledge_base()
    for size in (3, 2, 1):  # "mid level ml engineer", "mid-level", "mid"
        for i in range(len(words) - size + 1):
            found = kb.resolve(entity_kind(slot), " ".join(words[i:i + size]))
            if found:
                return found
    if entity_kind(slot) == "learning_step":  # "did linear algebra" for "which step have you finished?"
        # "did linear algebra", or just "linear algebra"; "I know Scala" finishes no step
        bare = len(query.text.split()) <= BARE_ANSWER_WORDS and not SELF.search(query.text)
        said_done = (FINISHED.search(query.text) or bare) and not NONE_DONE.match(query.text)
        return step_teaching(kb, query.first("skill")) if said_done else None
    return None

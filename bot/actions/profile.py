"""Remembering who the user is: filling the profile from what they say, and showing it back."""
import asyncio
import logging
import re
from dataclasses import replace
from typing import Any, Collection, Dict, List, Optional, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.followup import FINISHED, NONE_DONE, ActionFollowUp, answer_in_words
from bot.actions.learning import plan_for
from bot.answering.action_base import (
    THEM,
    KnowledgeAction,
    ProfileAction,
    Reply,
    action_registry,
    answer_or_ask_again,
    answer_other_questions,
    answer_safely,
    knowledge_base,
    next_ranked_answer,
    remember_safely,
    reply_digest,
    send,
    their_facts,
)
from bot.answering.clauses import IS_QUESTION, REQUEST, SELF
from bot.answering.other_skills import ENTITY as OTHER_SKILL
from bot.answering.other_skills import any_programming, language_ids, other_skill_names
from bot.answering.query import LIST_SLOTS, PROFILE_SLOTS, Profile, Query
from bot.answering.questions import asked_questions, outside_questions
from bot.answering.replies import bullets, describe_profile, join_words, level_years, profile_reply
from bot.answering.routing import answer_uses
from bot.answering.statements import (
    ASKED,
    COMPARED,
    HOLDS,
    ML_CONTEXT,
    OTHER_PERSON,
    SETTING_OUT,
    TARGET,
    retracted_fields,
    stated_job,
    taken_back,
    with_digits,
    years_mean,
)
from knowledge import KnowledgeBase

logger = logging.getLogger(__name__)

# "what would you say my ML level is?", "which level am I?"
ASKS_MY_LEVEL = re.compile(r"\bmy (?:ml |current |career )?level\b|\blevel (?:am i|would i be|do you have me)\b",
                           re.IGNORECASE)
# Not a place: a user who is remote and names where they live keeps the place.
REMOTE = "remote"
# In a self-description any "N years" is the user's experience.
YEARS = re.compile(r"\b(\d{1,2})\s*\+?\s*(?:years?|yrs?)\b", re.IGNORECASE)
SOMEONE_ELSE_REPLY = ("That sounds like it's about someone else, so I haven't noted it: I only keep what you tell "
                      "me about yourself.")
# A typed follow-up is short ("Remote?", "and NYC?", "mle tc at faang?"); a longer message
# without "I" can still describe the user ("senior mle at a startup in austin, ...").
FOLLOW_UP_WORDS = 6
OPPOSITE_BACKGROUND = {"programmer": "non_programmer", "non_programmer": "programmer"}
# Entity kinds that add to a list in the profile rather than replace a value.
LIST_ENTITIES = {"skill": "skills_known", "learning_step": "steps_done", OTHER_SKILL: "other_skills"}
LIST_ENTITIES_BY_SLOT = {slot: kind for kind, slot in LIST_ENTITIES.items()}


# "I have zero ML experience", "I'd be starting fresh in ML": no ML level (yet).
NO_ML_YET = re.compile(
    r"\b(?:zero|no|not any|without|none|little)\s+(?:real\s+|actual\s+|prior\s+|professional\s+)?"
    r"(?:ml|machine learning|ai)\s+(?:experience|background|work|jobs?)\b|"
    r"\bnew to (?:ml|machine learning)\b|"
    r"\bstart(?:ing)? (?:fresh|from scratch|from zero|out) in (?:ml|machine learning)\b|"
    r"\bnever (?:done|did|worked in|worked with|touched|tried) (?:any |much )?(?:ml|machine learning)\b|"
    r"\bno (?:ml|machine learning) (?:at all|yet|whatsoever)\b|"
    r"\b(?:zero|no|without(?: any)?|not any)\s+(?:ml|machine learning)\b(?!\s+(?:engineer|role|job|team|position))|"
    r"\b(?:beginner|novice|newbie|noob|green) (?:in|at|with|to) (?:ml|machine learning)\b|"
    r"\b(?:ml|machine learning) (?:beginner|novice|newbie|noob)\b",
    re.IGNORECASE)


def seniority_of_their_job(profile: Profile, query: Query, level: str) -> bool:
    """'since I'm senior already' from a senior backend engineer: the seniority of the job they
    told us, not an ML level (unless the message speaks of ML)."""
    job = stated_job(query.text) or profile.occupation or ""
    speaks_of_ml = ML_CONTEXT.search(NO_ML_YET.sub(" ", query.text))  # "zero ML" is no ML context
    return bool(job) and not speaks_of_ml and re.search(rf"\b{re.escape(level)}", job) is not None


def profile_updates(profile: Profile, query: Query, level_for_years,
                    last_change: Optional[Dict[str, Any]] = None, languages: Collection[str] = ()) -> Dict[str, Any]:
    """The slots this message changes: values the user says hold for them are set, values they
    deny or retract are cleared (None) or taken off the lists; someone else's are ignored;
    "forget that" restores the values before `last_change`."""
    last_change = last_change or {}
    updates: Dict[str, Any] = {}
    for slot in PROFILE_SLOTS:
        said = query.about_user(slot)
        if slot == "level":
            said = [v for v in said if not seniority_of_their_job(profile, query, v)]
            if profile.level and not any(s.kind == "level" and s.stance == HOLDS for s in query.said):
                said = []  # "how do I get to senior faster?" from a mid-level: an aim does not replace a level
        current = getattr(profile, slot)
        # the last one said wins ("Chicago, no wait, Austin"), but not the current value named again
        # beside the new one ("I moved to Denver, New York is old news"), nor remote beside a place
        new = [value for value in said if value != current]
        if slot == "location" and REMOTE in said and any(v != REMOTE for v in said):
            new = [value for value in new if value != REMOTE]
        if new:
            updates[slot] = new[-1]
        elif not said and current and current in query.denied(slot):
            updates[slot] = None
    job = stated_job(query.text)
    if job and job != profile.occupation and not query.about_someone_else():
        updates["occupation"] = job
    years = YEARS.search(with_digits(query.text))
    # "frontend dev with 2 yrs exp", "writing javascript for 4 years": programming years, not ML years
    if years and not query.entities.get("background") and not query.about_someone_else():
        meaning = years_mean(query.understood)
        if meaning == "level" and "level" not in updates:
            updates["level"] = level_for_years(int(years.group(1)))
        elif meaning == "background" and profile.background != "programmer":
            updates["background"] = "programmer"
    # "I've never really coded": the opposite background, when only one is denied
    denied = query.denied("background")
    if not query.about_user("background") and len(denied) == 1 and denied[0] in OPPOSITE_BACKGROUND:
        other = OPPOSITE_BACKGROUND[denied[0]]
        if profile.background != other:
            updates["background"] = other
    for slot in retracted_fields(query.text):
        if getattr(profile, slot):
            updates[slot] = [] if slot in LIST_ENTITIES.values() else None
    for kind, slot in LIST_ENTITIES.items():
        current = getattr(profile, slot)
        taken_off = set(query.denied(kind))
        kept = [v for v in current if v not in taken_off]
        new = [v for v in dict.fromkeys(query.about_user(kind)) if v not in kept and v not in taken_off]
        if kept + new != current:
            updates[slot] = kept + new
    # "embedded C++ for years", "4 years of C# at work": a language (`languages`: the KB's skill ids
    # that are languages) means they program, named by the guide or not
    programs = any_programming(query.about_user(OTHER_SKILL)) or any(s in languages for s in query.about_user("skill"))
    if programs and not profile.background and "background" not in updates and not query.denied("background"):
        updates["background"] = "programmer"
    if taken_back(query.text, says_more=bool(updates) or bool(query.said)):
        updates = {**{slot: value for slot, value in last_change.items() if slot not in updates}, **updates}
    if NO_ML_YET.search(query.text):  # "zero ML experience": no ML level, whatever seniority the message names
        updates.pop("level", None)
        if profile.level:
            updates["level"] = None
    return updates


def named_values(kb: KnowledgeBase, values: List[Tuple[str, str]]) -> str:
    """'Supervised learning and Java' for (kind, id) pairs."""
    def name(kind: str, value: str) -> str:
        table = other_skill_names() if kind == OTHER_SKILL else kb.names(kind)
        return table.get(value, value)

    return join_words([name(kind, value) for kind, value in values])


def steps_named_after(kb: KnowledgeBase, denied_skills: List[str], steps_done: List[str]) -> List[str]:
    """The finished steps a denied skill names ("I haven't really done linear algebra": the
    "Linear algebra & calculus" step), which are then not finished either."""
    names = kb.names("skill")
    denied = [names.get(s, s).lower() for s in denied_skills]
    return [s.id for s in kb.learning_steps() if s.id in steps_done and any(d in s.name.lower() for d in denied)]


def steps_finished_by(kb: KnowledgeBase, skills: List[str]) -> List[str]:
    """The steps named after skills, all of whose skills the user says they have done ("done
    python": "Python fundamentals"; "linear algebra and calc": "Linear algebra & calculus", not
    "calculus" alone)."""
    names = kb.names("skill")
    done = {names.get(s, s).lower() for s in skills}
    steps = []
    for step in kb.learning_steps():
        in_name = [n.lower() for n in names.values() if n.lower() in step.name.lower()]
        if in_name and all(n in done for n in in_name):
            steps.append(step.id)
    return steps


def removed_from(profile: Profile, updates: Dict[str, Any]) -> Profile:
    """What the updates take away from the profile, as a profile (for "no longer noted: ...")."""
    gone: Dict[str, Any] = {}
    for slot, value in updates.items():
        before = getattr(profile, slot)
        if slot in LIST_ENTITIES.values():
            lost = [v for v in before if v not in value]
            if lost:
                gone[slot] = lost
        elif value is None and before:
            gone[slot] = before
    return Profile(**gone)


class ActionUpdateProfile(ProfileAction):
    def name(self) -> str:
        return "action_update_profile"

    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        kb = knowledge_base()
        message = tracker.latest_message or {}
        query = Query.from_tracker(tracker)
        if asks_about_the_previous_answer(query, tracker):  # a typed "Remote?" after a salary answer
            return await ActionFollowUp().respond(dispatcher, tracker, domain)
        # What the message says about the user is outside its questions: "could I stay in Columbus
        # and earn well?" asks about a place, it doesn't say where the user lives.
        said = Query.from_message(outside_questions(message), query.previous)
        profile = Profile.from_tracker(tracker)
        languages = await asyncio.to_thread(language_ids, kb)
        updates = await asyncio.to_thread(profile_updates, profile, said, lambda years: kb.level_for_years(years).id,
                                          tracker.get_slot("last_change"), languages)
        denied_skills = said.denied("skill")
        undone = (await asyncio.to_thread(steps_named_after, kb, denied_skills, profile.steps_done)
                  if denied_skills else [])
        if undone:
            updates["steps_done"] = [s for s in updates.get("steps_done", profile.steps_done) if s not in undone]
        pending_slot = (tracker.get_slot("pending") or {}).get("slot")
        if said.about_user("skill") and FINISHED.search(query.text) and not NONE_DONE.match(query.text):
            # "done python and the linear algebra parts", "ive done linear algebra and calc": their steps
            named = await asyncio.to_thread(steps_finished_by, kb, said.about_user("skill"))
            done = updates.get("steps_done", profile.steps_done)
            if any(s not in done for s in named):
                updates["steps_done"] = [*done, *[s for s in named if s not in done]]
        # "yes obviously i write python" after "do you already know how to program?" (not "he programs")
        if pending_slot in (*PROFILE_SLOTS, *LIST_SLOTS) and pending_slot not in updates and not OTHER_PERSON.search(
                query.text):
            answer = await asyncio.to_thread(answer_in_words, pending_slot, query)
            if any(s.value == answer and s.stance in (ASKED, COMPARED) for s in query.said):
                answer = None  # "so what about there, for a junior?" asks, it doesn't answer "which level?"
            current = getattr(profile, pending_slot)
            if pending_slot in LIST_SLOTS and answer is not None and answer not in current:
                updates[pending_slot] = [*current, answer]
            elif pending_slot in PROFILE_SLOTS and answer is not None and answer != current:
                updates[pending_slot] = answer
        if not updates:
            if pending_slot == "steps_done" and NONE_DONE.match(query.text):  # "none yet": from the first step
                return await self._answer_too(profile, query, "", tracker, dispatcher)
            if asked_questions(message):
                return await answer_or_ask_again(self.name(), tracker, dispatcher)
            # "could I work remote from Chicago and get the same?", "give me the numbers for a mid-level"
            if IS_QUESTION.search(query.text.strip()) or REQUEST.search(query.text):
                return await self._answer_question(tracker, dispatcher, domain)
            if query.about_someone_else():
                dispatcher.utter_message(text=SOMEONE_ELSE_REPLY)
                facts = their_facts(query)  # kept for "how long would it take him?" next
                return [SlotSet("context", {**(tracker.get_slot("context") or {}), THEM: facts})] if facts else []
            elif NO_ML_YET.search(query.text):  # "never done any ml tho": nothing to change, but heard
                first = await asyncio.to_thread(lambda: kb.career_levels()[0])
                dispatcher.utter_message(text=f"Noted: no ML experience yet, so I won't put you at an ML level; the "
                                              f"guide's levels start at {first.name} ({level_years(first)}). Ask me "
                                              "how long it would take you, or where to start.")
            elif said.denied_values():  # "i haven't done supervised learning yet" and it was never noted
                names = await asyncio.to_thread(named_values, kb, said.denied_values())
                dispatcher.utter_message(text=f"Noted: I don't have {names} down as yours, so nothing changes.")
            elif SETTING_OUT.search(query.text) and not profile.background:
                return await self._welcome(profile, query, tracker, dispatcher)
            else:
                dispatcher.utter_message(response="utter_profile_nothing_new")
            return []
        change = await asyncio.to_thread(describe_change, profile, updates, kb.names)
        before = replace(profile)
        for slot, value in updates.items():
            setattr(profile, slot, value)
        events = [SlotSet(slot, value) for slot, value in updates.items()]
        events.append(SlotSet("last_change", {slot: getattr(before, slot) for slot in updates}))
        events += await self._answer_too(profile, query, change, tracker, dispatcher, updated=set(updates))
        await remember_safely(tracker, events)  # once, with what the answer learned too
        return events

    @staticmethod
    async def _previous_answer_for(profile: Profile, query: Query,
                                   updated: Collection[str]) -> Optional[Tuple[KnowledgeAction, Query, Reply]]:
        """The previous answer again, tailored to what the user just told, when it takes that into
        account and now reads differently; None otherwise."""
        name = query.previous.get("action") or ""
        action = action_registry().get(name)
        kinds = {LIST_ENTITIES_BY_SLOT.get(slot, slot) for slot in updated}
        if not isinstance(action, KnowledgeAction) or not kinds & set(answer_uses(name)):
            return None
        # asked afresh about what it was about, with the profile now in place of what the user just told
        continued = query.continuing()
        continued = replace(continued, entities={k: v for k, v in continued.entities.items() if k not in kinds},
                            previous={})
        try:
            reply = await asyncio.to_thread(action.answer, knowledge_base(), profile, continued)
        except Exception:  # the change is noted either way
            logger.exception("could not tailor %s to the new profile", name)
            return None
        if reply is None or reply_digest(reply.text) == query.previous.get("digest"):
            return None
        return action, continued, reply

    @staticmethod
    async def _answer_question(tracker: Tracker, dispatcher: CollectingDispatcher,
                               domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        """A question read as a statement that tells nothing new: the topic the classifier ranked
        next, or "did you mean"."""
        action = next_ranked_answer(tracker, "inform")
        if action is None:
            from bot.actions.fallback import ActionDidYouMean  # it imports this module

            return await ActionDidYouMean().unclear(dispatcher, tracker, question=True)
        return await action.respond(dispatcher, tracker, domain)

    @staticmethod
    async def _welcome(profile: Profile, query: Query, tracker: Tracker,
                       dispatcher: CollectingDispatcher) -> List[Dict[str, Any]]:
        """"thinking about switching into ML engineering": what the answers most depend on, asked."""
        action = action_registry()["action_time_to_ready"]
        reply = await answer_safely(action, profile, query, dispatcher)
        if reply is None:
            return []
        reply.text = "Happy to help you into ML engineering. " + reply.text.replace(
            "It depends mostly", "How long it takes depends mostly", 1)
        return send(dispatcher, action.name(), query, reply, profile, tracker.sender_id)

    @staticmethod
    async def _what_next(profile: Profile, updated: Collection[str]) -> str:
        """After roadmap steps said done, the step that comes next; else what the user can ask."""
        if "steps_done" in updated and profile.steps_done:
            step = (await asyncio.to_thread(plan_for, knowledge_base(), profile)).next_step
            if step is not None:
                return f"Next on the roadmap for you: **{step.name}**."
        return "Ask me anything: salary, skills, the roadmap, how long it takes..."

    async def _answer_too(self, profile: Profile, query: Query, change: str, tracker: Tracker,
                          dispatcher: CollectingDispatcher, updated: Collection[str] = ()) -> List[Dict[str, Any]]:
        """Says what changed and, when the message (or the bot's pending question) asked
        something, answers it in the same turn with the profile just updated."""
        pending: Dict[str, Any] = tracker.get_slot("pending") or {}
        action = action_registry().get(pending.get("action", ""))
        if action is not None and pending.get("slot") not in updated and asked_questions(tracker.latest_message or {}):
            action = None  # "i'm moving to new york, so what would it be there?" answers no pending question: its own
        if action is None:
            if asked_questions(tracker.latest_message or {}):
                # "I teach chemistry and have zero programming, is switching realistic for me?"
                dispatcher.utter_message(text=change)
                return await answer_other_questions(self.name(), tracker, events_of(profile), dispatcher)
            action = next_ranked_answer(tracker, query.intent)
            retailored = await self._previous_answer_for(profile, query, updated) if action is None else None
            if retailored is not None:  # "mostly into language stuff" right after the specialisation advice
                before, asked_again, tailored = retailored
                dispatcher.utter_message(text=change)
                return send(dispatcher, before.name(), asked_again, tailored, profile, tracker.sender_id)
            if action is None:
                dispatcher.utter_message(text=change + "\n" + await self._what_next(profile, updated))
                # "I want to reach staff eventually", then "how many years does that take?"
                aims = [s.value for s in query.said if s.kind == "level" and s.stance == TARGET]
                context = {"action": "action_career_levels", "entities": {"level": aims}}
                return [SlotSet("context", context)] if aims else []
            # "I'm a dev in Austin how much could I make": note the profile, then answer.
            dispatcher.utter_message(text=change)
        else:  # the user just answered the bot's question: answer the question that prompted it
            if pending.get("slot") not in updated and change:  # and said something else: note it first
                dispatcher.utter_message(text=change)
            # what the message just changed wins over what the question was asked with
            entities = {k: v for k, v in (pending.get("entities") or {}).items() if k not in updated}
            query = Query(query.intent, query.text, entities, tracker.get_slot("context") or {})
        reply = await answer_safely(action, profile, query, dispatcher)
        return send(dispatcher, action.name(), query, reply, profile, tracker.sender_id) if reply else []


def events_of(profile: Profile) -> List[Dict[str, Any]]:
    """The profile as slot events, for answers that read the profile from events."""
    return [SlotSet(slot, getattr(profile, slot)) for slot in (*PROFILE_SLOTS, *LIST_SLOTS)]


def asks_about_the_previous_answer(query: Query, tracker: Tracker) -> bool:
    """'Remote?', 'and NYC?', 'mle tc at faang?': a place, company or level asked about, not a
    fact about the user."""
    text = query.text.strip()
    return (len(text.split()) <= FOLLOW_UP_WORDS and (text.endswith("?") or bool(IS_QUESTION.search(text)))
            and not SELF.search(text)
            and bool(query.entities) and not tracker.get_slot("pending"))


def describe_change(before: Profile, updates: Dict[str, Any], names) -> str:
    """'Got it, I'll remember that: ...' for what was added, and what is no longer noted."""
    added: Dict[str, Any] = {
        slot: ([v for v in value if v not in getattr(before, slot)] if slot in LIST_ENTITIES.values() else value)
        for slot, value in updates.items() if value}
    noted = describe_profile(Profile(**{k: v for k, v in added.items() if v}), names)
    gone = describe_profile(removed_from(before, updates), names)
    parts = []
    if noted:
        parts.append("Got it, I'll remember that:\n" + bullets(noted))
    if gone:
        parts.append(("No longer noted" if noted else "Got it, I've taken that off what I know about you") +
                     ":\n" + bullets(gone))
    return "\n".join(parts)


class ActionShowProfile(ProfileAction):
    def name(self) -> str:
        return "action_show_profile"

    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        message = tracker.latest_message or {}
        told = Query.from_message(outside_questions(message), {}).said
        if asked_questions(message) and any(s.stance not in (ASKED, COMPARED) for s in told):
            # "what do you know about me? btw i'm not a junior ml engineer": the correction, then the profile
            return await ActionUpdateProfile().respond(dispatcher, tracker, domain)
        profile = Profile.from_tracker(tracker)
        no_level = None
        if not profile.level and ASKS_MY_LEVEL.search(message.get("text") or ""):  # "what would you say my level is?"
            first = await asyncio.to_thread(lambda: knowledge_base().career_levels()[0])
            no_level = (f"ML level: none that you've told me. The guide's levels count years as an ML engineer and "
                        f"start at **{first.name}** ({level_years(first)}), where someone new to ML would start.")
        if profile.is_empty():
            if no_level:
                dispatcher.utter_message(text=no_level)
            else:
                dispatcher.utter_message(response="utter_profile_empty")
            return []
        reply = await asyncio.to_thread(profile_reply, profile, knowledge_base().names)
        dispatcher.utter_message(text=reply + (f"\n{no_level}" if no_level else ""))
        return []

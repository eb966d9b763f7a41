"""The shared shape of every careerbot action: read profile and question, ask the
knowledge base off the event loop, send one reply, remember the context for follow-ups."""
import asyncio
import hashlib
import importlib
import logging
import pkgutil
import re
from abc import ABCMeta, abstractmethod
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.answering.clauses import POINTS_BACK, SELF, statement_part
from bot.answering.comparison import comparison
from bot.answering.intent_actions import action_for_intent, question_also_asked
from bot.answering.knowledge_access import knowledge_base
from bot.answering.other_skills import ENTITY as OTHER_SKILL
from bot.answering.other_skills import language_ids, other_skill_names
from bot.answering.pay_factors import FACTOR_CONTEXT, pay_factor_answer
from bot.answering.prerequisites import prerequisites
from bot.answering.previous_answer import KEPT_CHARS, from_last_answer, line_meant, refers_back
from bot.answering.profile_memory import remember, restore_profile
from bot.answering.query import (
    CARRIED_KINDS,
    LIST_SLOTS,
    PROFILE_SLOTS,
    Profile,
    Query,
    drop_unknown_entities,
    experience_years,
)
from bot.answering.questions import QUESTION_ENTITY, Asked, asked_questions, narrowed, outside_statements
from bot.answering.ratings import new_answer_id, rating_token
from bot.answering.replies import profile_reply
from bot.answering.routing import follow_up_action, topic_action
from bot.answering.skill_needed import skill_verdict
from bot.answering.skills_outside_guide import not_in_the_guide
from bot.answering.sources import recorded
from bot.answering.statements import HIM_OR_HER, years_mean
from knowledge import KnowledgeBase

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 1000


@dataclass
class Reply:
    text: str
    buttons: List[Dict[str, str]] = field(default_factory=list)
    slots: Dict[str, Any] = field(default_factory=dict)
    # Set when the answer needs one more fact: the profile slot the buttons fill.
    asks_for: Optional[str] = None
    # What a follow-up ("and in New York?") should start from; default: this question's entities.
    context: Optional[Dict[str, List[str]]] = None
    # The answer a follow-up continues; default: this action's ("why?" keeps the one it explains).
    context_action: Optional[str] = None
    # The guide sections and sentences the answer comes from (bot/answering/sources.py); filled
    # from what the answer read, unless the action keeps another answer's ("where is that from?").
    sources: Optional[Dict[str, List[str]]] = None
    # A salary answer's chart for the widget (bot/answering/salary_chart.py).
    chart: Optional[Dict[str, Any]] = None


def ignore_unknown_values(tracker: Tracker, dispatcher: CollectingDispatcher) -> None:
    """Drops entity values the knowledge base does not know and tells the user which are known
    (without repeating what was sent: it may be a planted link)."""
    names = knowledge_base().names
    questions = action_for_intent().keys()  # the `question` entities of bot/rasa_ext/clause_parsing.py
    extra = {QUESTION_ENTITY: questions, OTHER_SKILL: other_skill_names().keys()}
    for kind in drop_unknown_entities(tracker, lambda k: extra[k] if k in extra else names(k).keys()):
        try:
            known = sorted(names(kind).values())
        except KeyError:
            continue
        dispatcher.utter_message(text=f"I only keep {kind.replace('_', ' ')} values I know: {', '.join(known)}.")


# The actions that take an answer to the bot's own question themselves.
ANSWERS_THE_BOTS_QUESTIONS = ("action_update_profile", "action_answer_yes_no")


class ProfileAction(Action, metaclass=ABCMeta):
    """An action that knows who the user is: restores a returning user's profile, then responds."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        if (tracker.latest_message or {}).get("entities"):
            await asyncio.to_thread(ignore_unknown_values, tracker, dispatcher)
        restored = await restore_profile(tracker)
        if self.name() not in ANSWERS_THE_BOTS_QUESTIONS:
            from bot.actions.followup import answers_the_pending_question
            from bot.actions.profile import ActionUpdateProfile  # both import this module

            if answers_the_pending_question(tracker):  # "linear algebra & calculus" after "which step ...?"
                return restored + await ActionUpdateProfile().respond(dispatcher, tracker, domain)
        return restored + await self.respond(dispatcher, tracker, domain)

    @abstractmethod
    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        ...


def about_previous(query: Query, text: str) -> Reply:
    """A reply about the previous answer ("why?", "where is that from?"): that answer stays the one
    a follow-up continues ("and in Seattle?") and keeps its sources."""
    return Reply(text, context=query.previous.get("entities") or {}, context_action=query.previous.get("action"),
                 sources=query.previous.get("sources") or {})


class KnowledgeAction(ProfileAction, metaclass=ABCMeta):
    """An action that answers from the knowledge base. Subclasses implement `answer`,
    a synchronous function of (kb, profile, query) that runs in a worker thread."""

    # Whether this answer is about pay: a what-moves-pay question it gets is answered with that factor.
    about_pay = False
    # Two things of one kind in the question ("New York vs Seattle?") get both sides
    # (bot/answering/comparison.py) instead of this action's answer; the role actions compare
    # two roles themselves (compares_things False) and other kinds like any action.
    compares_things = True
    # The answer for a question of this topic about two roles ("what skills does a data scientist
    # need vs an MLE?"), when it is not this action's own.
    two_roles_answer: Optional[str] = None

    @abstractmethod
    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        ...

    def answer_of_its_kind(self, profile: Profile, query: Query) -> Optional[Reply]:
        """A comparison ("New York vs Seattle?") or a prerequisite question ("what comes before
        deep learning?") gets that kind of answer, whichever topic it was classified as; None:
        this action answers. A failure here falls back to this action's own answer."""
        meant = detail_of_last_answer(query)
        if meant is not None:  # "what's the Google one called again?"
            return meant
        if not query.entities and ASKS_THE_DIFFERENCE.search(query.text) and any(
                len(v or []) >= 2 for v in (query.previous.get("entities") or {}).values()):
            query = query.continuing()  # "pay diff?" after junior vs senior: the same two
        query = the_last_two(query) or query
        other = action_registry().get(topic_action(self.name(), query.entities) or "")
        if other is not None and other.name() != self.name():
            return with_sources(lambda kb: other.answer(kb, profile, query))
        roles = set(query.entities.get("role") or [])
        roles_answer = action_registry().get(self.two_roles_answer or "") if len(roles) >= 2 else None
        if roles_answer is not None:
            # "how does a data engineer's pay stack up against an MLE's?"
            return with_sources(lambda kb: roles_answer.answer(kb, profile, query))

        def kind_answer(kb: KnowledgeBase) -> Optional[Reply]:
            compared = comparison(kb, query, profile) if self.compares_things or len(roles) < 2 else None
            text = compared or prerequisites(kb, profile, query) or skill_verdict(kb, profile, query)
            others = query.entities.get(OTHER_SKILL)
            if text and compared and others:  # "does kotlin count as java or scala?": Kotlin is not in the guide
                return Reply(f"{not_in_the_guide(kb, others)}\n\n{text}")
            if text:
                return Reply(text)
            factor = pay_factor_answer(kb, query, self.about_pay) if len(roles) < 2 else None
            return Reply(factor.text, context={FACTOR_CONTEXT: [factor.factor]}) if factor else None

        try:
            return with_sources(kind_answer)
        except Exception:
            logger.exception("comparison or prerequisites failed on %r", query.text)
            return None

    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        query = Query.from_tracker(tracker)
        if len(query.text) > MAX_MESSAGE_CHARS:
            dispatcher.utter_message(response="utter_message_too_long")
            return []
        query = query.about_the_same()
        profile = Profile.from_tracker(tracker)
        learned = {}
        background = query.about_user("background")
        if background:  # "I'm a backend dev, how long ...": the user's own background
            profile.background = learned["background"] = background[0]
        years = experience_years(query.text)
        # "... with 3 years of experience" (but a developer's years are not ML years, nor a friend's)
        if (years is not None and not query.first("level") and not query.first("background")
                and not query.about_someone_else() and years_mean(query.understood) == "level"):
            level = await asyncio.to_thread(lambda: knowledge_base().level_for_years(years).id)
            profile.level = learned["level"] = level
        own = self._own_question(tracker)
        them = their_profile(query)
        reply = await answer_fully(self, them or profile, own or query, dispatcher)
        if reply is None:
            return []
        if them is not None:  # "how long would it take him?" after "my husband is a chef, never coded"
            reply = replace(reply, text=f"{FOR_THEM}\n{reply.text}", slots={})
            learned = {}
        reply.slots = {**learned, **reply.slots}
        events = send(dispatcher, self.name(), query, reply, profile, tracker.sender_id)
        events += await answer_other_questions(self.name(), tracker, events, dispatcher)
        await remember_safely(tracker, events)
        return events


    def _own_question(self, tracker: Tracker) -> Optional[Query]:
        """In a message of several questions ("should I specialise early? and does it pay more?"),
        the first one this action answers, on its own; None for a message of one question."""
        message = tracker.latest_message or {}
        questions = asked_questions(message)
        rest = statement_part(message.get("text") or "", [(a.start, a.end) for a in questions])
        if len(questions) < 2 or len(re.findall(r"\w+", rest)) >= 2:  # a self-description too: all of it counts
            return None
        first = next((a for a in questions if action_for_intent().get(a.intent) == self.name()), None)
        if first is None:
            return None
        return one_question(message, first, tracker.get_slot("context") or {})


def next_ranked_answer(tracker: Tracker, answered_intent: str) -> Optional["KnowledgeAction"]:
    """The answer for the intent the classifier ranked after `answered_intent`, when the latest
    message asks something ("I'm a dev in Austin, how much could I make?", "phd or not?")."""
    message = tracker.latest_message or {}
    name = question_also_asked(message.get("text") or "", message.get("intent_ranking") or [], answered_intent)
    return action_registry().get(name or "")


# "pay diff?", "which one pays more?" right after an answer about two things: those two.
ASKS_THE_DIFFERENCE = re.compile(r"\b(?:diff|difference|differences|compare|comparison|vs\.?|versus|which one|"
                                 r"between them|between the two)\b", re.IGNORECASE)
# "which is cheaper?", "which one's better for me?": a choice between things named before.
CHOOSES = re.compile(r"^\W*(?:(?:so|ok|okay|and|but|then|hmm+)\W+)*(?:which|what)(?:\s+one)?(?:'s|\s+is|\s+would|"
                     r"\s+should|\s+pays|\s+takes|\s+costs|\s+gets|\s+of them|\s+of the two|\s+do you)\b",
                     re.IGNORECASE)


def the_last_two(query: Query) -> Optional[Query]:
    """A choice that names nothing ("which is cheaper?") right after two answers about one thing
    each of a kind (a bootcamp, then self-study): the question about both; None otherwise."""
    if query.entities or not (CHOOSES.search(query.text) or ASKS_THE_DIFFERENCE.search(query.text)):
        return None
    now, earlier = query.previous.get("entities") or {}, query.previous.get("earlier") or {}
    for kind, values in now.items():
        before = earlier.get(kind) or []
        if len(values or []) == 1 and len(before) == 1 and before != values:
            return Query(query.intent, query.text, {kind: [*before, *values]}, query.previous, query.said,
                         query.corrected)
    return None


# A question that chooses among things named elsewhere in its message.
POINTS_AT_NAMED = re.compile(r"\b(?:which (?:one|of (?:them|those|these|the two))|either (?:one|of them)|"
                             r"the two|both of them|between them)\b|"
                             # "Which typically pays more?", "which would pay better?"
                             r"^\W*which\s+(?:\w+\s+)?(?:pays?|is|would|will|gets?|offers?|makes?)\b|"
                             # "How do they differ on pay?"
                             r"\b(?:do|does|would|will|did)\s+(?:they|those|these|the two)\s+"
                             r"(?:differ|compare|stack up)\b",
                             re.IGNORECASE)
# What a question that names nothing takes from the other questions of its message.
SIBLING_KINDS = (*CARRIED_KINDS, "company_type", "location")


def one_question(message: Dict[str, Any], asked: Asked, previous: Dict[str, Any]) -> Query:
    """One question of a message as if asked alone; one that names nothing is about what the
    message's other questions name ("what's the pay for a senior and how many years do I need":
    the years to senior; "FAANG or a startup, which pays better?")."""
    own = Query.from_message(narrowed(message, asked), previous)
    if own.entities:
        return own
    # "offers from a seed startup and from Google. which one pays more?": the choice is between
    # what the statements name
    text = message.get("text") or ""
    topic_only = not SELF.search(statement_part(text, [(a.start, a.end) for a in asked_questions(message)]))
    # "ml engineer vs data scientist, what's the difference?" (a topic, not a self-description)
    if POINTS_BACK.match(own.text):  # "i don't know much math. is that a problem?": about what it said, held or not
        named: Dict[str, List[str]] = {}
        for e in message.get("entities") or []:
            if e.get("entity") != QUESTION_ENTITY and isinstance(e.get("value"), str):
                named.setdefault(e["entity"], []).append(e["value"])
        return replace(own, entities=named)
    whole = Query.from_message(message if topic_only or POINTS_AT_NAMED.search(own.text)
                               else outside_statements(message), previous)
    return replace(own, entities={kind: values for kind, values in whole.entities.items() if kind in SIBLING_KINDS})


# A question about the person the message describes: "how long would it take him?"
ABOUT_THEM = re.compile(r"\b(?:him|her|he|she|they|them|his|hers|their)\b", re.IGNORECASE)
# The context key for what the user said of someone else.
THEM = "them"


def their_facts(query: Query) -> Dict[str, str]:
    """What the message says of someone else, as profile slots."""
    if not query.about_someone_else():  # most messages: no knowledge-base lookup
        return {}
    theirs = query.someone_elses_profile(language_ids(knowledge_base()))
    return {slot: getattr(theirs, slot) for slot in PROFILE_SLOTS if getattr(theirs, slot)} if theirs else {}


def as_their_profile(facts: Dict[str, str]) -> Optional[Profile]:
    """Someone else's facts as a profile the bot asks nothing about; None when there are none."""
    if not facts:
        return None
    profile = Profile(asked=[*PROFILE_SLOTS, *LIST_SLOTS])
    for slot, value in facts.items():
        if slot in PROFILE_SLOTS:
            setattr(profile, slot, value)
    return profile


def their_profile(query: Query) -> Optional[Profile]:
    """The profile of the person an earlier message described, for a question about him or her."""
    if not HIM_OR_HER.search(query.text) or query.about_someone_else():
        return None
    return as_their_profile(query.previous.get(THEM) or {})
FOR_THEM = "**About them, going by what you told me of them** (none of it is stored as yours):"
# Answers to a question among others for intents no KnowledgeAction answers, registered by their
# action's module (bot/actions/not_covered.py): intent -> the reply's text for that question.
QUESTION_ANSWERS: Dict[str, Callable[[Asked], str]] = {}
# "what's on my profile now?" asked beside other things: the profile as the message left it.
PROFILE_QUESTION = "ask_profile"
# A follow-up asked beside other things: answered as the previous answer's follow-up.
FOLLOW_UP_INTENT = "followup_what_about"


def profile_after(tracker: Tracker, events: List[Dict[str, Any]]) -> Profile:
    """The profile with the slot events of this turn applied."""
    profile = Profile.from_tracker(tracker)
    for e in events:
        if e.get("event") == "slot" and hasattr(profile, e["name"]):
            setattr(profile, e["name"], e["value"])
    return profile


async def answer_other_questions(answered: str, tracker: Tracker, events: List[Dict[str, Any]],
                                 dispatcher: CollectingDispatcher) -> List[Dict[str, Any]]:
    """Answers, in order, the message's other questions ("what does an MLE do and how much do
    they earn?"), each as if asked alone, with the profile as `events` left it."""
    message = tracker.latest_message or {}
    questions = asked_questions(message)
    # The first question the classified action answered; the same action may answer another
    # question about something else ("how long is a bootcamp, and how long is a master's?").
    first = next((a for a in questions if action_for_intent().get(a.intent) == answered), None)
    more: List[Dict[str, Any]] = []
    previous: Dict[str, Any] = tracker.get_slot("context") or {}
    # only a message about someone else looks up the guide's languages
    theirs = as_their_profile(await asyncio.to_thread(their_facts, Query.from_message(message, previous)))
    for asked in questions:
        query = one_question(message, asked, previous)
        name = action_for_intent().get(asked.intent, "")
        if asked.intent == FOLLOW_UP_INTENT:  # "what about remote?" inside a longer message
            name = follow_up_action(previous.get("action", ""), query.entities)
            # "I'm moving to New York, so what would it be there?": what the message just changed wins
            changed = {e["name"] for e in events if e.get("event") == "slot"
                       and e.get("value") != tracker.get_slot(e["name"])} - set(query.entities)
            continued = query.continuing()
            query = replace(continued, entities={k: v for k, v in continued.entities.items() if k not in changed})
        action = action_registry().get(name)
        other_answer = QUESTION_ANSWERS.get(asked.intent)
        if other_answer is not None and asked is not first:  # "... also how do faang interviews work?"
            text = await asyncio.to_thread(other_answer, asked)
            if text not in {m.get("text") for m in dispatcher.messages}:  # "... is it leetcode?" too: said once
                dispatcher.utter_message(text=text)
            continue
        if asked.intent == PROFILE_QUESTION and asked is not first:  # "... and whats on my profile now"
            profile = profile_after(tracker, [*events, *more])
            text = await asyncio.to_thread(profile_reply, profile, knowledge_base().names)
            dispatcher.utter_message(text=text or "I don't know anything about you yet.")
            continue
        if asked is first or action is None:
            continue
        # "how long would it take him?": answered from what the message says of him
        for_them = theirs if theirs is not None and ABOUT_THEM.search(query.text) else None
        profile = for_them or profile_after(tracker, [*events, *more])
        reply = await answer_fully(action, profile, query, dispatcher)
        if reply is not None and for_them:
            reply = replace(reply, text=f"{FOR_THEM}\n{reply.text}", slots={})
        if reply is not None and reply.text not in {m.get("text") for m in dispatcher.messages}:  # said once
            more += send(dispatcher, name, query, reply, profile, tracker.sender_id)
    return more


async def answer_or_ask_again(answered: str, tracker: Tracker,
                              dispatcher: CollectingDispatcher) -> List[Dict[str, Any]]:
    """The message's questions answered, or, when none could be, a request to rephrase: a turn
    never ends without a reply."""
    events = await answer_other_questions(answered, tracker, [], dispatcher)
    if not dispatcher.messages:
        dispatcher.utter_message(response="utter_rephrase")
    return events


async def remember_safely(tracker: Tracker, events: List[Dict[str, Any]]) -> None:
    """Stores the profile changes among `events`; the answer stands even if this fails."""
    try:
        await asyncio.to_thread(remember, tracker, events)
    except Exception:
        logger.exception("could not store the profile of %s", tracker.sender_id)


async def answer_safely(action: "KnowledgeAction", profile: Profile, query: Query,
                        dispatcher: CollectingDispatcher) -> Optional[Reply]:
    """Runs the blocking KB query in a worker thread; on failure the user gets an apology."""
    try:
        return await asyncio.to_thread(with_sources, lambda kb: action.answer(kb, profile, query))
    except Exception:
        logger.exception("action %s failed on %r", action.name(), query.text)
        dispatcher.utter_message(response="utter_knowledge_error")
        return None


async def answer_fully(action: "KnowledgeAction", profile: Profile, query: Query,
                      dispatcher: CollectingDispatcher) -> Optional[Reply]:
    """The answer of the kind the question asks for (a comparison, a prerequisite, ...), else the
    action's own; None after an apology when the knowledge base failed."""
    return (await asyncio.to_thread(action.answer_of_its_kind, profile, query)
            or await answer_safely(action, profile, query, dispatcher))


def with_sources(answer: Callable[[KnowledgeBase], Optional[Reply]]) -> Optional[Reply]:
    """Runs `answer` on the knowledge base and notes in the reply the guide sections it read."""
    reply, read = recorded(knowledge_base(), answer)
    if reply is not None and reply.sources is None:
        reply.sources = read.as_context()
    return reply


def answer_payload(action: str, query: Query, reply: Reply, conversation_id: str) -> Dict[str, Any]:
    """What the answer carries besides its text, as `custom` (web/README.md "Answer payload"):
    its id and rating token, the guide sections it comes from, a salary chart."""
    answer_id = new_answer_id()
    payload: Dict[str, Any] = {
        "careerbot": "answer", "answer_id": answer_id,
        "rating_token": rating_token(answer_id, action, query.intent or action, query.text, conversation_id),
        "sources": [{"section": s} for s in (reply.sources or {}).get("sections") or []]}
    if reply.chart:
        payload["chart"] = reply.chart
    return payload


def send(dispatcher: CollectingDispatcher, action: str, query: Query, reply: Reply,
         profile: Profile, conversation_id: str) -> List[Dict[str, Any]]:
    try:
        custom: Optional[Dict[str, Any]] = answer_payload(action, query, reply, conversation_id)
    except Exception:  # the answer matters more than its rating buttons
        logger.exception("could not build the answer payload of %s", action)
        custom = None
    dispatcher.utter_message(text=reply.text, buttons=reply.buttons or None, json_message=custom)
    context = {"action": reply.context_action or action,
               "entities": reply.context if reply.context is not None else query.entities,
               "digest": reply_digest(reply.text),
               "text": reply.text[:KEPT_CHARS],
               "buttons": [{"title": b.get("title"), "payload": b.get("payload")} for b in reply.buttons or []],
               "sources": reply.sources or {},
               # what the answer before was about: "which is cheaper?" after a bootcamp, then self-study
               "earlier": query.previous.get("entities") or {},
               # what the user said of someone else: "how long would it take him?" in a later turn
               THEM: their_facts(query) or query.previous.get(THEM) or {}}
    events = [SlotSet(name, value) for name, value in reply.slots.items()]
    events.append(SlotSet("context", context))
    if reply.asks_for:
        events.append(SlotSet("pending", {**context, "slot": reply.asks_for}))
        events.append(SlotSet("asked", sorted({*profile.asked, reply.asks_for})))
    else:
        events.append(SlotSet("pending", None))
    return events


def detail_of_last_answer(query: Query, must_refer_back: bool = True) -> Optional[Reply]:
    """The line of the previous answer a question points at ("the Google one", "through what
    year?"), kept as that answer's context; None when it points at none."""
    if must_refer_back and not refers_back(query.text):
        return None
    line = line_meant(query.text, query.previous.get("text") or "")
    if line is None:
        return None
    return Reply(from_last_answer(line), context=query.previous.get("entities") or {},
                 context_action=query.previous.get("action"), sources=query.previous.get("sources") or {})


def reply_digest(text: str) -> str:
    """A short fingerprint of an answer, kept in the context so a follow-up never repeats it."""
    return hashlib.sha1(text.encode()).hexdigest()[:12]


@lru_cache(maxsize=None)
def action_registry() -> Dict[str, "KnowledgeAction"]:
    """Every concrete KnowledgeAction by name, for follow-ups and pending questions."""
    import bot.actions as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    found, todo = {}, list(KnowledgeAction.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if not getattr(cls, "__abstractmethods__", None):
            action = cls()
            found[action.name()] = action
    return found

"""Each question of a message classified on its own, inside Rasa's message parsing.

Rasa classifies a message as one intent. When the message asks several things
(bot/answering/clauses.py), every question span is also run through the NLU pipeline, and its intent
is added to the parse as a `question` entity over that span (value: the intent), so the
actions answer every question in order. A message that also tells something about the user
is classified `inform`: the profile answer notes it, then answers the questions.
`install()` is called by bot.rasa_server and bot.shell before Rasa starts.
"""
import re
from typing import Any, Dict, List, Optional, Tuple

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.trackers import DialogueStateTracker

from bot.answering.clauses import POINTS_BACK, REDO, SELF, question_spans, statement_part
from bot.answering.intent_actions import action_for_intent
from bot.answering.routing import answer_for, answer_uses, topic_kinds
from bot.answering.statements import HIM_OR_HER, retracted_fields, stated_job
from bot.rasa_ext.nlu.follow_up_shape import FOLLOW_UP_INTENT, WHY, WHY_INTENT

QUESTION_ENTITY = "question"
EXTRACTOR = "careerbot_clauses"
# Entities a user tells about themselves, and intents a self-description never overrides.
PROFILE_KINDS = {"background", "level", "location", "company_type", "specialization", "skill", "learning_step",
                 "other_skill"}
KEEP_INTENTS = {"inform", "forget_me", "ask_profile", "affirm", "deny", "not_covered", "other_language"}
FALLBACK = "nlu_fallback"
SURE = 0.95
NOT_COVERED = "not_covered"  # the parse data's key bot.rasa_ext.nlu.not_covered sets
NOT_QUESTIONS = {"nlu_fallback", "greet", "goodbye", "thanks", "affirm", "deny", "inform", "chitchat"}

_rasa_parse = MessageProcessor.parse_message


async def _parse_each_question(self: MessageProcessor, message: UserMessage,
                               tracker: Optional[DialogueStateTracker] = None,
                               only_output_properties: bool = True) -> Dict[str, Any]:
    parse_data = await _rasa_parse(self, message, tracker, only_output_properties)
    text = message.text or ""
    whole_intent = parse_data.get("intent") or {}
    # the message's own topic, when the classifier is sure of it
    whole = whole_intent.get("name") if (whole_intent.get("confidence") or 0) >= SURE else None
    if self.http_interpreter or text.startswith("/"):
        return parse_data
    spans = question_spans(text)
    retracts = retracted_fields(text) and (parse_data.get("intent") or {}).get("name") != "forget_me"
    if retracts or _describes_the_user(parse_data, text, spans):
        # "actually don't store my location", "jr mle here, at a startup in nyc", "I know python
        # and sql, what am I missing?": the profile answer notes it, then answers each question
        parse_data["intent"] = {"name": "inform", "confidence": (parse_data.get("intent") or {}).get("confidence")}
    if not spans:
        return parse_data
    tracker = tracker or DialogueStateTracker.from_events(message.sender_id, [])
    for start, end in spans:
        part = UserMessage(text[start:end], sender_id=message.sender_id, input_channel=message.input_channel)
        parsed = self._parse_message_with_graph(part, tracker, only_output_properties)
        intent = parsed.get("intent") or {}
        unsure_why = intent.get("name") == WHY_INTENT and (intent.get("confidence") or 0) < SURE
        names = any(start <= (e.get("start") or -1) < end for e in parse_data.get("entities") or [])
        if unsure_why and names and not WHY.match(text[start:end]):
            intent = {**intent, "name": FALLBACK}  # "which step comes right before X?" names what it asks about
        if intent.get("name") == FALLBACK:  # "which cloud platforms do companies deploy on?": its topic names it
            # "which cloud platforms should i learn, and what version control stuff do employers expect?":
            # the message's topic, when the question names a thing of a kind that topic's answer uses
            agrees = _fits_the_message_topic(parsed, whole_intent.get("name"))
            intent = {"name": whole_intent["name"] if agrees else topic_intent(parsed.get("entities") or []),
                      "confidence": intent.get("confidence")}
        if intent.get("name") in (None, FALLBACK) and whole not in (*NOT_QUESTIONS, *KEEP_INTENTS, "ask_why", None):
            # "worried AI will automate ml jobs before i graduate, is that a real risk?": the message's topic
            intent = {"name": whole, "confidence": intent.get("confidence")}
        told = [e for e in parse_data.get("entities") or [] if not start <= (e.get("start") or 0) < end]
        pointed_at = statement_topic(told) if POINTS_BACK.match(text[start:end]) else None
        if pointed_at:  # "i don't know much math, last did calculus in college. is that a problem?": what it said
            intent = {"name": pointed_at, "confidence": intent.get("confidence")}
        elif REDO.match(text[start:end]):  # "i relocated to new york. redo that?": the last answer, for New York
            intent = {"name": FOLLOW_UP_INTENT, "confidence": intent.get("confidence")}
        if intent.get("name") and intent["name"] not in NOT_QUESTIONS:
            question = {"entity": QUESTION_ENTITY, "value": intent["name"], "start": start, "end": end,
                        "confidence_entity": intent.get("confidence"), "extractor": EXTRACTOR}
            if isinstance(parsed.get(NOT_COVERED), dict):  # "also how do faang interviews work?": which topic
                question[NOT_COVERED] = parsed[NOT_COVERED].get("topic")
            parse_data.setdefault("entities", []).append(question)
    _first_question_leads(parse_data, text, spans)
    return parse_data


# A statement part of at most this many words, naming nothing, does not set a message's topic.
AFTERTHOUGHT_WORDS = 4


def _first_question_leads(parse_data: Dict[str, Any], text: str, spans: List[Tuple[int, int]]) -> None:
    """"not pay!! growth. what does the guide say about picking a company?": the message is about
    its question, not about the few words around it the classifier read as pay."""
    intent = (parse_data.get("intent") or {}).get("name")
    questions = [e for e in parse_data.get("entities") or [] if e.get("entity") == QUESTION_ENTITY]
    if not questions or intent in KEEP_INTENTS or questions[0]["value"] == intent:
        return
    if (questions[0].get("confidence_entity") or 0) < (parse_data.get("intent") or {}).get("confidence", 1.0):
        return  # the question is less sure of its topic than the classifier is of the message's
    rest = statement_part(text, spans)
    named = any(e.get("entity") != QUESTION_ENTITY and rest[e["start"]:e["end"]].strip()
                for e in parse_data.get("entities") or [] if isinstance(e.get("start"), int))
    if not named and len(re.findall(r"\w+", rest)) <= AFTERTHOUGHT_WORDS:
        parse_data["intent"] = {"name": questions[0]["value"], "confidence": questions[0].get("confidence_entity")}


def _fits_the_message_topic(parsed: Dict[str, Any], whole: Optional[str]) -> bool:
    if whole in (*NOT_QUESTIONS, *KEEP_INTENTS, None):
        return False
    ranked = [r.get("name") for r in parsed.get("intent_ranking") or [] if r.get("name") != FALLBACK]
    uses = answer_uses(action_for_intent().get(whole or "", ""))
    return ranked[:1] == [whole] or any(e.get("entity") in uses for e in parsed.get("entities") or [])


# The kinds whose answer a question about the statement gets, the most telling first.
STATEMENT_TOPICS = ("skill_category", "skill", "learning_step", "education_path", "background", "specialization",
                    "company_type", "level", "location")


def statement_topic(entities: List[Dict[str, Any]]) -> Optional[str]:
    """The intent of the answer for what a statement names ("math": the skills answer)."""
    intents = {action: intent for intent, action in action_for_intent().items()}
    for kind in STATEMENT_TOPICS:
        if any(e.get("entity") == kind for e in entities):
            return intents.get(answer_for(kind) or "")
    return None


def topic_intent(entities: List[Dict[str, Any]]) -> Optional[str]:
    """The intent of the answer for a topic an unclear question names (follow_ups.yml `topics`)."""
    intents = {action: intent for intent, action in action_for_intent().items()}
    for kind in topic_kinds():
        if any(e.get("entity") == kind for e in entities):
            return intents.get(answer_for(kind) or "")
    return None


# "mid-level MLE in seattle. ..." opens with the user's ML title
ML_TITLE = re.compile(r"(?:i'?m\s+(?:a\s+|an\s+)?)?(?:junior|jr|mid[- ]?level|mid|senior|sr|staff|principal|lead)\s+"
                      r"(?:mles?|ml\s+(?:engineer|eng)s?|machine learning engineers?)\b", re.IGNORECASE)


def _describes_the_user(parse_data: Dict[str, Any], text: str, spans: List[Tuple[int, int]]) -> bool:
    """Whether the message, besides any questions, tells something about the user: a profile
    entity outside the questions, in a part that speaks of the user."""
    if (parse_data.get("intent") or {}).get("name") in KEEP_INTENTS:
        return False
    statement = statement_part(text, spans)
    if not SELF.search(statement) and any(HIM_OR_HER.search(text[a:b]) for a, b in spans):
        return False  # "ok and his salary? junior ml engineer in new york": about him
    # "lead QA analyst for 9 years, mostly SQL. what level ...?" speaks of the user without an "I"
    if not statement.strip() or not (SELF.search(statement) or stated_job(statement.strip())
                                     or ML_TITLE.match(statement.strip())):
        return False
    return any(e.get("entity") in PROFILE_KINDS and isinstance(e.get("start"), int)
               and statement[e["start"]:e["end"]].strip()
               for e in parse_data.get("entities") or [])


def install() -> None:
    MessageProcessor.parse_message = _parse_each_question

"""The questions of one message (found and classified by bot/rasa_ext/clause_parsing.py in the Rasa
server, as `question` entities over their spans), and the message narrowed to one of them."""
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

QUESTION_ENTITY = "question"


@dataclass(frozen=True)
class Asked:
    intent: str
    start: int
    end: int
    # for a question about what the guide does not cover: its topic (knowledge/content/not_covered.yml)
    not_covered: Optional[str] = None


def asked_questions(message: Dict[str, Any]) -> List[Asked]:
    found = [Asked(e["value"], e["start"], e["end"], e.get("not_covered")) for e in message.get("entities") or []
             if e.get("entity") == QUESTION_ENTITY and isinstance(e.get("value"), str)
             and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)]
    return sorted(found, key=lambda a: a.start)


def narrowed(message: Dict[str, Any], asked: Asked) -> Dict[str, Any]:
    """The message as if it had been only this question: its text, intent and entities."""
    text = message.get("text") or ""
    entities = [{**e, "start": e["start"] - asked.start, "end": e["end"] - asked.start}
                for e in message.get("entities") or []
                if e.get("entity") != QUESTION_ENTITY and isinstance(e.get("start"), int)
                and asked.start <= e["start"] and e["end"] <= asked.end]
    return {**message, "text": text[asked.start:asked.end], "intent": {"name": asked.intent, "confidence": 1.0},
            "entities": entities, "corrected_text": None}


def outside_questions(message: Dict[str, Any]) -> Dict[str, Any]:
    """The message without its questions' entities: what it says, rather than asks."""
    spans = [(a.start, a.end) for a in asked_questions(message)]
    if not spans:
        return message
    kept = [e for e in message.get("entities") or [] if e.get("entity") != QUESTION_ENTITY and not any(
        isinstance(e.get("start"), int) and a <= e["start"] < b for a, b in spans)]
    return {**message, "entities": kept}


def outside_statements(message: Dict[str, Any]) -> Dict[str, Any]:
    """The message with only its questions' entities: what it asks about, not what it says."""
    spans = [(a.start, a.end) for a in asked_questions(message)]
    kept = [e for e in message.get("entities") or [] if e.get("entity") == QUESTION_ENTITY or any(
        isinstance(e.get("start"), int) and a <= e["start"] < b for a, b in spans)]
    return {**message, "entities": kept}

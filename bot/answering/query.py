"""The user's profile and the question they asked, read from the Rasa tracker."""
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Collection, Dict, List, Optional, Tuple

from rasa_sdk import Tracker

from bot.answering.clauses import IS_QUESTION, REQUEST
from bot.answering.other_skills import ENTITY as OTHER_SKILL
from bot.answering.other_skills import any_programming
from bot.answering.questions import QUESTION_ENTITY
from bot.answering.statements import (
    ASKED,
    COMPARED,
    DENIED,
    FORMER,
    HOLDS,
    SOMEONE_ELSE,
    TARGET,
    Statement,
    statements,
    with_digits,
)

# "3 years of experience", "5 yrs exp", "2 years in", "I have 4 years": the user's own experience.
EXPERIENCE = re.compile(
    r"\b(\d{1,2})\s*\+?\s*(?:years?|yrs?)\s*(?:of\s+)?(?:exp\b|experience|in\b|as\b)"
    r"|\b(?:i\s+have|i've\s+got|i've\s+been\s+\w+\s+for)\s+(\d{1,2})\s*\+?\s*(?:years?|yrs?)\b",
    re.IGNORECASE,
)


def experience_years(text: str) -> Optional[int]:
    match = EXPERIENCE.search(with_digits(text))
    if not match:
        return None
    return int(match.group(1) or match.group(2))


# How a follow-up typed without a question mark starts: "and in seattle", "what about faang".
FOLLOW_UP_OPENING = re.compile(r"^\W*(?:and|or|what about|how about|same for|what of|vs\.?|versus)\b", re.IGNORECASE)

# How short a question must be to take its subject from the previous answer, and which subjects.
SHORT_QUESTION_WORDS = 6
CARRIED_KINDS = ("role", "level", "education_path", "learning_step", "specialization")

# Kinds that name the subject of one answer in turns: a follow-up naming one replaces the others.
ONE_SUBJECT = (("skill_category", "learning_step", "skill", "other_skill"),)

# Kinds where what the user aims for is theirs: "I want to become a senior MLE", "I'd wanna do computer vision".
AIMS_COUNT = ("level", "specialization")
PROFILE_SLOTS = ("background", "level", "location", "company_type", "specialization", "occupation")
LIST_SLOTS = ("skills_known", "steps_done", "other_skills")


@dataclass
class Profile:
    background: Optional[str] = None
    level: Optional[str] = None
    location: Optional[str] = None
    company_type: Optional[str] = None
    specialization: Optional[str] = None
    occupation: Optional[str] = None
    skills_known: List[str] = field(default_factory=list)
    steps_done: List[str] = field(default_factory=list)
    other_skills: List[str] = field(default_factory=list)  # bot/content/other_skills.yml ids
    # Profile questions the bot already asked once; it never asks them again.
    asked: List[str] = field(default_factory=list)

    @classmethod
    def from_tracker(cls, tracker: Tracker) -> "Profile":
        values: Dict[str, Any] = {name: tracker.get_slot(name) for name in PROFILE_SLOTS}
        lists: Dict[str, Any] = {name: list(tracker.get_slot(name) or []) for name in (*LIST_SLOTS, "asked")}
        return cls(**values, **lists)

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in (*PROFILE_SLOTS, *LIST_SLOTS))

    def may_ask(self, slot: str) -> bool:
        return not getattr(self, slot) and slot not in self.asked


@dataclass
class Query:
    """What the current message asks about: its intent and KB entities by kind (values are KB ids)."""

    intent: str
    text: str
    # What the question is about (values the message denies or names as former are left out).
    entities: Dict[str, List[str]] = field(default_factory=dict)
    # The previous answer's context: {"action": name, "entities": {...}}.
    previous: Dict = field(default_factory=dict)
    # What the message says about the user, entity by entity (bot/answering/statements.py).
    said: List[Statement] = field(default_factory=list)
    # The text as the NLU read it, spelling corrected ("locaton efect" -> "location effect").
    corrected: Optional[str] = None

    @property
    def understood(self) -> str:
        return self.corrected or self.text

    @property
    def both_texts(self) -> str:
        """What the user typed and what the NLU read, for cue words spelled either way."""
        return f"{self.text}\n{self.corrected}" if self.corrected and self.corrected != self.text else self.text

    @classmethod
    def from_tracker(cls, tracker: Tracker) -> "Query":
        return cls.from_message(tracker.latest_message or {}, tracker.get_slot("context") or {})

    @classmethod
    def from_message(cls, message: Dict, previous: Dict) -> "Query":
        text = message.get("text") or ""
        said = statements(text, [e for e in message.get("entities") or [] if e.get("entity") != QUESTION_ENTITY])
        entities: Dict[str, List[str]] = {}
        for s in said:
            values = entities.setdefault(s.kind, [])
            if s.stance in (HOLDS, SOMEONE_ELSE, COMPARED, ASKED, TARGET) and s.value not in values:
                values.append(s.value)
        entities = {kind: values for kind, values in entities.items() if values}
        intent = (message.get("intent") or {}).get("name") or ""
        return cls(intent, text, entities, previous, said, message.get("corrected_text"))

    def first(self, kind: str) -> Optional[str]:
        values = self.entities.get(kind) or []
        return values[0] if values else None

    def first_asked(self, kind: str) -> Optional[str]:
        """The first value of the kind the question asks about ("principal engineer, would I start
        at senior?": senior), else the first named."""
        asked = [s.value for s in self.said if s.kind == kind and s.stance in (ASKED, COMPARED)]
        return asked[0] if asked else self.first(kind)

    def about_user(self, kind: str) -> List[str]:
        """Values of this kind the user says hold for themselves, in order; for the ML level, when
        they name none, the level they aim for ("I want to become a senior MLE"; but "mid-level,
        aiming for staff" is mid-level)."""
        held = [s.value for s in self.said if s.kind == kind and s.stance == HOLDS]
        if held or kind not in AIMS_COUNT:
            return held
        return [s.value for s in self.said if s.kind == kind and s.stance == TARGET]

    def denied(self, kind: str) -> List[str]:
        """Values the user says do not (or no longer) hold for them."""
        return [s.value for s in self.said if s.kind == kind and s.stance in (DENIED, FORMER)]

    def denied_values(self) -> List[Tuple[str, str]]:
        """(kind, value) of everything the user says does not (or no longer) hold for them."""
        return [(s.kind, s.value) for s in self.said if s.stance in (DENIED, FORMER)]

    def about_someone_else(self) -> bool:
        return any(s.stance == SOMEONE_ELSE for s in self.said)

    def tells_without_asking(self, kinds: Collection[str]) -> bool:
        """Whether the message only tells something of these kinds about the user or someone else
        ("about 4 years of C# at work", "my brother writes C# all day"): no question, no "and ...?"."""
        text = self.text.strip()
        if "?" in text or IS_QUESTION.search(text) or REQUEST.search(text) or FOLLOW_UP_OPENING.search(text):
            return False
        return any(s.kind in kinds and s.stance in (HOLDS, DENIED, FORMER, SOMEONE_ELSE) for s in self.said)

    def someone_elses_profile(self, languages: Collection[str] = ()) -> Optional["Profile"]:
        """What the message says of someone else ("he's an accountant in Boston, no real
        programming"), as a profile, for a question about them; None when it says nothing. A
        language among their skills (`languages`: the guide's) makes them a programmer."""
        theirs = [s for s in self.said if s.stance == SOMEONE_ELSE and s.kind in PROFILE_SLOTS]
        their_skills = [s.value for s in self.said if s.stance == SOMEONE_ELSE and s.kind == OTHER_SKILL]
        codes = any(s.stance == SOMEONE_ELSE and s.kind == "skill" and s.value in languages for s in self.said)
        if (codes or any_programming(their_skills)) and not any(s.kind == "background" for s in theirs):
            theirs.append(Statement("background", "programmer", SOMEONE_ELSE))  # "my husband codes in C#"
        if not theirs:
            return None
        profile = Profile(asked=[*PROFILE_SLOTS, *LIST_SLOTS])  # the bot asks the user nothing about them
        for s in theirs:
            setattr(profile, s.kind, s.value)
        return profile

    def previous_entity(self, kind: str) -> Optional[str]:
        """The first entity of this kind the previous answer was about."""
        values = (self.previous.get("entities") or {}).get(kind) or []
        return values[0] if values else None

    def about_the_same(self) -> "Query":
        """A short question that names nothing ("pay difference?", "and their pay?", "how many
        years?") is about what the previous answer was about: its roles, levels, paths or steps.
        The user's own place and company stay the profile's."""
        if self.entities or len(self.text.split()) > SHORT_QUESTION_WORDS:
            return self
        carried = {kind: values for kind, values in (self.previous.get("entities") or {}).items()
                   if kind in CARRIED_KINDS and values}
        return Query(self.intent, self.text, carried, self.previous, self.said, self.corrected) if carried else self

    def continuing(self) -> "Query":
        """The previous answer's question with the entity kinds this message names replaced."""
        carried = dict(self.previous.get("entities") or {})
        for kinds in ONE_SUBJECT:  # "and deep learning topics?" after the data-manipulation skills: no longer those
            if any(k in self.entities for k in kinds):
                carried = {k: v for k, v in carried.items() if k not in kinds}
        return Query(self.intent, self.text, {**carried, **self.entities}, self.previous, self.said, self.corrected)


def drop_unknown_entities(tracker: Tracker, known_ids: Callable[[str], Collection[str]]) -> List[str]:
    """Removes from the latest message every entity whose value is not a knowledge-base id of
    its kind, so nothing else can reach a slot or a stored profile (Rasa's `/intent{json}`
    syntax lets any channel send any entity value); returns the kinds it removed."""
    message = tracker.latest_message or {}
    kept: List[Dict[str, Any]] = []
    dropped: List[Dict[str, Any]] = []
    for entity in message.get("entities") or []:
        kind, value = entity.get("entity"), entity.get("value")
        try:
            known = isinstance(value, str) and value in known_ids(kind)
        except KeyError:  # not a kind the knowledge base has
            known = False
        (kept if known else dropped).append(entity)
    if dropped:
        message["entities"] = kept
    return sorted({str(e.get("entity")) for e in dropped})

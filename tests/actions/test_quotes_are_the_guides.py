"""What careerbot shows as "the guide's own words" is in the guide: every quote behind an answer
occurs in the guide's text, so careerbot's own notes about it are never passed off as quotes."""
import re

import pytest

from bot.answering.action_base import KnowledgeAction, action_registry
from bot.answering.query import Profile, Query
from bot.answering.sources import recorded
from knowledge import KnowledgeBase
from storage.engine import get_engine
from tests.knowledge.helpers import GUIDE

# Questions that reach the answers' different branches: plain, with a level, a place, a company.
QUESTIONS = [
    {},
    {"level": ["senior"]},
    {"level": ["mid"], "location": ["bay_area"], "company_type": ["faang"]},
    {"location": ["berlin"]},
    {"role": ["data_scientist"]},
    {"education_path": ["bootcamp", "self_study"]},
    {"learning_step": ["deep_learning"]},
    {"skill": ["java"]},
    {"specialization": ["nlp"]},
]


# The answers above quote at least this many different sentences of the guide (29 today).
MIN_QUOTES = 20


def normalised(text: str) -> str:
    text = text.lower().replace("\u2014", "-").replace("\u2013", "-").replace("\u2019", "'")
    text = re.sub(r"[\"“”]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def in_the_guide(quote: str, guide: str) -> bool:
    """Each sentence of the quote is the guide's (up to its closing punctuation: the guide's lists
    end a sentence with ":")."""
    sentences = [x.strip(" .:;") for x in re.split(r"(?<=[.!?])\s+", normalised(quote))]
    return all(x in guide for x in sentences if x)


@pytest.fixture(scope="module")
def guide() -> str:
    return normalised(GUIDE.read_text(encoding="utf-8"))


@pytest.mark.skipif(not GUIDE.exists(), reason="the guide is not on this machine")
def test_every_quote_behind_an_answer_is_the_guides_own_sentence(kb_url, guide):
    kb = KnowledgeBase(get_engine(kb_url))
    not_in_guide, checked = set(), set()
    for name, action in sorted(action_registry().items()):
        if not isinstance(action, KnowledgeAction):
            continue
        for entities in QUESTIONS:
            query = Query("", "tell me", entities, {})
            try:
                _, sources = recorded(kb, lambda k: action.answer(k, Profile(), query))
            except Exception:  # an answer that needs another kind of question; covered elsewhere
                continue
            checked.update(sources.quotes)
            not_in_guide.update(f"{name}: {q}" for q in sources.quotes if not in_the_guide(q, guide))
    assert len(checked) >= MIN_QUOTES, "the answers quoted too little for this check to mean anything"
    assert sorted(not_in_guide) == []

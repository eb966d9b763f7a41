"""Every answer from the knowledge base carries where in the guide it comes from, an id and a
rating token (the answer payload), a salary answer its chart; "where is that from?" shows the
guide's sections and sentences behind the previous answer."""
from dataclasses import dataclass

import pytest

from bot.actions.explain import ActionExplainPrevious
from bot.actions.role import ActionExplainRole
from bot.actions.salary import ActionSalary
from bot.actions.source import NOTHING_BEFORE, ActionShowSource
from bot.answering.ratings import verify
from bot.answering.sources import Sources
from knowledge import KnowledgeBase
from storage.engine import get_engine
from tests.actions.conftest import run_action


@pytest.fixture
def kb(kb_url) -> KnowledgeBase:
    return KnowledgeBase(get_engine(kb_url))


def payload(outcome):
    customs = [m["custom"] for m in outcome.messages if m.get("custom")]
    assert len(customs) == 1
    return customs[0]


def test_a_salary_answer_names_its_guide_sections_and_carries_its_chart(kb):
    out = run_action(ActionSalary(), "how much does a mid-level ML engineer make?", "ask_salary",
                     entities={"level": "mid"})
    custom = payload(out)
    sections = [s["section"] for s in custom["sources"]]
    mid = kb.career_level("mid")
    assert mid.salary_bands[0].source in sections and len(sections) == len(set(sections))
    assert custom["chart"]["highlight"] == "mid"
    rated = verify(custom["rating_token"], "tester")
    assert rated is not None and rated.action == "action_salary" and rated.answer_id == custom["answer_id"]
    assert verify(custom["rating_token"], "someone-else") is None


def test_an_answer_that_is_not_about_pay_has_no_chart(kb):
    custom = payload(run_action(ActionExplainRole(), "what does an ML engineer do?", "ask_role"))
    assert "chart" not in custom
    assert custom["sources"][0]["section"] == kb.role_overview().source


def test_where_is_that_from_shows_the_sections_and_sentences_of_the_previous_answer(kb):
    salary = run_action(ActionSalary(), "how much does a mid-level ML engineer make?", "ask_salary",
                        entities={"level": "mid"})
    context = salary.slot("context")
    out = run_action(ActionShowSource(), "where is that from?", "ask_source", slots={"context": context})
    band = kb.career_level("mid").salary_bands[0]
    assert band.source in out.text and band.wording in out.text
    # the previous answer stays the one a follow-up continues
    assert out.slot("context")["action"] == "action_salary" and out.slot("context")["sources"] == context["sources"]


def test_where_is_that_from_before_any_answer_says_to_ask_first(kb):
    assert run_action(ActionShowSource(), "source?", "ask_source").text == NOTHING_BEFORE


def test_where_is_that_from_after_why_still_names_the_first_answers_sections(kb):
    salary = run_action(ActionSalary(), "how much does a mid-level ML engineer make?", "ask_salary",
                        entities={"level": "mid"})
    why = run_action(ActionExplainPrevious(), "why?", "ask_why", slots={"context": salary.slot("context")})
    out = run_action(ActionShowSource(), "source?", "ask_source", slots={"context": why.slot("context")})
    assert kb.career_level("mid").salary_bands[0].source in out.text


def test_careerbots_notes_about_the_guide_are_never_quoted_as_its_words():
    sources = Sources()
    for wording in ("The guide gives location figures only for the Bay Area, Seattle and New York.",
                    "Bay Area, Seattle, and New York pay 30-50% more than Midwest cities."):
        sources.note(Passage(wording))
    assert sources.quotes == ["Bay Area, Seattle, and New York pay 30-50% more than Midwest cities."]


@dataclass(frozen=True)
class Passage:
    text: str
    source: str = "salary"

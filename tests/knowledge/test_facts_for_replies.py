"""The guide facts replies need beyond the records themselves: what premiums are measured
against, the location tiers, the outlook's standing, FAQ points, background notes and the
portfolio example that suits an interest."""
import pytest

from knowledge.content import read_content
from knowledge.errors import ContentError
from knowledge.results import Unknown
from tests.knowledge.helpers import GUIDE, edit_text

SALARY = "What Salary and Growth Should You Expect?"


def test_premiums_are_measured_against_midwest_cities_and_the_market_average(kb):
    guide = GUIDE.read_text(encoding="utf-8")
    location, company = kb.premium_baseline("location"), kb.premium_baseline("company_type")

    assert (location.text, location.source) == ("Midwest cities", SALARY)
    assert (company.text, company.source) == ("market average", SALARY)
    assert f"more than {location.text}" in guide and f"above {company.text}" in guide


def test_location_tiers_come_highest_premium_first_and_unquantified_last(kb):
    tiers = kb.location_tiers()

    assert [(t.id, t.min_pct, t.max_pct) for t in tiers[:2]] == [("high_cost_hub", 30, 50), ("midwest", 0, 0)]
    assert {t.id for t in tiers[2:]} == {"elsewhere", "outside_us", "remote"}
    assert all(t.min_pct is None for t in tiers[2:])


def test_the_specialization_premium_is_the_guides_sentence(kb):
    assert "commands premium salaries" in kb.specialization_premium().text


def test_the_outlook_standing_is_part_of_the_guides_wording(kb):
    outlook = kb.job_outlook()

    assert outlook.standing.text == "one of the fastest-growing and highest-paying tech careers"
    assert outlook.standing.text in outlook.wording and outlook.standing.source == SALARY


def test_the_phd_faq_says_who_a_phd_helps(kb):
    points = kb.faq("phd").points

    assert set(points) == {"research_roles", "industry_roles", "degree_needed"}
    assert "AI/ML Research Scientist" in points["research_roles"].text and "PhD helps" in points["research_roles"].text
    assert "most industry ML Engineer roles" in points["industry_roles"].text
    assert kb.faq("specialize").points == {}


@pytest.mark.parametrize("topic", ["role", "education"])
def test_each_background_has_a_note_for_the_role_and_education_answers(kb, topic):
    notes = {bg: kb.background_note(topic, bg) for bg in ("programmer", "non_programmer")}

    assert all(note is not None and note.text for note in notes.values())
    assert notes["programmer"] != notes["non_programmer"]
    assert kb.background_note(topic, None) is None and kb.background_note(topic, "astronaut") is None


def test_the_portfolio_example_for_an_interest_is_one_of_the_examples(kb):
    projects = kb.portfolio_advice("projects").topics[0]

    assert projects.example_for == {"computer_vision": "an image classifier",
                                    "nlp": "a natural language processing application"}
    assert set(projects.example_for.values()) <= set(projects.examples)


def test_step_after_skips_later_steps_already_done(kb):
    assert kb.step_after("python_fundamentals").next_step.id == "linear_algebra_calculus"
    assert kb.step_after("python_fundamentals", ["deep_learning"]).next_step.id == "production_ml"
    assert isinstance(kb.step_after("knitting", ["deep_learning"]), Unknown)


def test_an_example_for_an_interest_that_is_not_an_example_is_refused(content_dir):
    edit_text(content_dir, "portfolio.yml", "nlp: a natural language processing application}",
              "nlp: a chatbot}")

    with pytest.raises(ContentError, match="'a chatbot' is not one of the examples"):
        read_content(content_dir)


def test_two_notes_for_one_background_are_refused(content_dir):
    edit_text(content_dir, "role.yml", "  - background: non_programmer\n", "  - background: programmer\n")

    with pytest.raises(ContentError, match="more than one note for a background"):
        read_content(content_dir)

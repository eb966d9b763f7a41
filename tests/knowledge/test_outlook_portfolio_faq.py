"""Job outlook, portfolio advice, the FAQ and the vocabulary."""
import pytest

from knowledge.repository import NAMED_TABLES
from knowledge.results import Unknown

FAQ_1 = "Frequently Asked Questions"
FAQ_2 = "Frequently Asked Questions (second list)"
FAQ_IDS = ["phd", "time_to_ready", "mle_vs_ds", "ai_threat", "specialize"]
FOUR_PROJECTS = ["a recommendation system", "an image classifier", "a natural language processing application",
                 "a time-series forecasting model"]


def test_job_outlook_is_40_percent_growth_through_2026(kb):
    outlook = kb.job_outlook()

    assert (outlook.growth_pct, outlook.through_year, outlook.median_salary) == (40, 2026, 165_000)
    assert "+40% growth through 2026" in outlook.wording
    assert "never been higher" in outlook.demand.text
    assert "resistant" in outlook.ai_resistance.text and outlook.ai_resistance.source == FAQ_1


def test_portfolio_advice_asks_for_3_to_5_projects_with_the_four_examples(kb):
    advice = kb.portfolio_advice()

    assert "more important than credentials" in advice.intro.text
    assert len(advice.topics) == 6
    projects = advice.topics[0]
    assert (projects.id, projects.project_count_min, projects.project_count_max) == ("projects", 3, 5)
    assert projects.examples == FOUR_PROJECTS


def test_portfolio_advice_for_one_topic_returns_only_that_topic(kb):
    assert [t.id for t in kb.portfolio_advice("kaggle").topics] == ["kaggle"]


def test_portfolio_advice_for_an_unknown_topic_is_unknown(kb):
    result = kb.portfolio_advice("knitting")
    assert isinstance(result, Unknown) and (result.kind, result.value) == ("portfolio_topic", "knitting")
    assert "projects" in result.known


@pytest.mark.parametrize("faq_id", FAQ_IDS)
def test_each_faq_has_both_answers_of_the_guide_with_their_two_sources(kb, faq_id):
    faq = kb.faq(faq_id)

    assert faq.id == faq_id and faq.question and faq.short_answer
    assert [a.source for a in faq.answers] == [FAQ_1, FAQ_2]
    assert faq.answers[0].text != faq.answers[1].text


def test_faq_answers_say_what_the_guide_says(kb):
    assert kb.faq("phd").short_answer == "No."
    assert "12-18 months" in kb.faq("time_to_ready").answers[0].text
    assert "$140K" in kb.faq("mle_vs_ds").answers[1].text


def test_an_unknown_faq_is_unknown_and_lists_the_known_ones(kb):
    result = kb.faq("salary_negotiation")
    assert isinstance(result, Unknown) and (result.kind, result.value) == ("faq", "salary_negotiation")
    assert sorted(result.known) == sorted(FAQ_IDS)


def test_remote_work_passage_comes_from_the_salary_section(kb):
    remote = kb.remote_work()
    assert "Remote work is increasingly common" in remote.text
    assert remote.source == "What Salary and Growth Should You Expect?"


def test_vocabulary_covers_every_named_kind(kb):
    vocab = kb.vocabulary()

    assert {e.kind for e in vocab} == set(NAMED_TABLES)
    for kind in NAMED_TABLES:
        assert {e.id for e in vocab if e.kind == kind} == set(kb.names(kind)), kind


def test_vocabulary_lists_aliases_in_lower_case(kb):
    entries = {(e.kind, e.id): e for e in kb.vocabulary()}

    bay = entries[("location", "bay_area")]
    assert bay.name == "the Bay Area"
    assert {"sf", "san francisco", "bay area"} <= set(bay.aliases)
    assert "nyc" in entries[("location", "new_york")].aliases
    assert all(a == a.lower() for e in entries.values() for a in e.aliases)


def test_every_vocabulary_alias_resolves_to_its_entry(kb):
    resolved = [(e.kind, alias, e.id, kb.resolve(e.kind, alias)) for e in kb.vocabulary() for alias in e.aliases]
    assert len(resolved) > 300
    assert [r for r in resolved if r[2] != r[3]] == []


def test_the_same_wording_may_name_things_of_different_kinds(kb):
    assert kb.resolve("learning_step", "Deep learning") == "deep_learning"
    assert kb.resolve("skill_category", "Deep learning") == "deep_learning_skills"


def test_resolve_refuses_unknown_kinds_and_empty_text(kb):
    assert kb.resolve("planet", "mars") is None
    assert kb.resolve("location", "") is None
    assert kb.resolve("location", "Atlantis") is None

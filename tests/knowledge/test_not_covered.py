"""What the guide does not cover is knowledge-base content: loaded with its triggers, the
guide section its quote comes from, and the covered topics to offer instead."""
import re

from knowledge.content import covered_topics, read_content
from knowledge.results import Unknown
from tests.knowledge.helpers import GUIDE


def test_not_covered_topics_come_back_in_file_order_with_triggers_quote_and_covered_topics(kb):
    topics = kb.not_covered_topics()
    assert [t.id for t in topics] == [t.id for t in read_content().not_covered.topics]
    visas = kb.not_covered("visas_relocation")
    assert "visa" in visas.triggers and visas.context == []
    assert visas.guide_says.source == "What Salary and Growth Should You Expect?"
    assert visas.instead == ["salary", "job_hunting"]
    assert kb.not_covered("non_us_salaries").context[:3] == ["pay", "salary", "earn"]


def test_an_unknown_not_covered_topic_is_unknown_and_lists_the_known_ones(kb):
    unknown = kb.not_covered("astrology")
    assert isinstance(unknown, Unknown) and "resumes" in unknown.known


def test_every_offered_topic_names_exactly_one_covered_part_of_the_guide():
    content = read_content()
    covered = covered_topics(content)
    for topic in content.not_covered.topics:
        assert all(len(covered[ref]) == 1 for ref in topic.instead), topic.id


def test_what_the_not_covered_answers_quote_uses_only_the_guides_own_figures_and_names():
    guide = GUIDE.read_text(encoding="utf-8")
    for topic in read_content().not_covered.topics:
        if not topic.guide_says:
            continue
        says = topic.guide_says.text
        for figure in re.findall(r"[$+]?\d[\d,.]*(?:[-\u2013]\d+)?%?K?", says):
            assert figure.rstrip(".,") in guide, (topic.id, figure)
        for name in re.findall(r"(?<=[a-z,] )[A-Z][\w.]+(?: [A-Z][\w.]+)*", says):
            assert name.rstrip(".,;") in guide, (topic.id, name)

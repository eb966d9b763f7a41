"""The action server's cache of knowledge-base answers (knowledge/cache.py), on a real SQLite
knowledge base: the same question is answered from memory, and a content change is answered
once the answer is older than the cache's lifetime."""
from sqlalchemy import text

from knowledge import KnowledgeBase
from knowledge.cache import CachedKnowledgeBase


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def rename_seattle(engine, name: str) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE kb_locations SET name = :name WHERE id = 'seattle'"), {"name": name})


def test_a_content_change_is_answered_once_the_cached_answer_expires(loaded_engine):
    clock = Clock()
    kb = CachedKnowledgeBase(KnowledgeBase(loaded_engine), ttl_s=30, clock=clock)
    assert kb.names("location")["seattle"] == "Seattle"
    rename_seattle(loaded_engine, "Seattle, WA")
    clock.now += 29
    assert kb.names("location")["seattle"] == "Seattle"  # from memory: no query
    clock.now += 2
    assert kb.names("location")["seattle"] == "Seattle, WA"


def test_answers_depend_on_every_argument(loaded_engine):
    kb = CachedKnowledgeBase(KnowledgeBase(loaded_engine), ttl_s=30, clock=Clock())
    plain = KnowledgeBase(loaded_engine)
    assert kb.skill_gap(["python", "sql"]) == plain.skill_gap(["python", "sql"])
    assert kb.skill_gap(["python"]) == plain.skill_gap(["python"])
    assert kb.skill_gap(["python", "sql"]) != kb.skill_gap(["python"])
    assert kb.salary_estimate("senior", location="seattle") == plain.salary_estimate("senior", location="seattle")
    assert kb.salary_estimate("senior", location="chicago") == plain.salary_estimate("senior", location="chicago")
    assert kb.salary_estimate("senior", location="seattle") != kb.salary_estimate("senior", location="chicago")


def test_a_lifetime_of_zero_always_asks_the_database(loaded_engine):
    kb = CachedKnowledgeBase(KnowledgeBase(loaded_engine), ttl_s=0, clock=Clock())
    assert kb.names("location")["seattle"] == "Seattle"
    rename_seattle(loaded_engine, "Seattle, WA")
    assert kb.names("location")["seattle"] == "Seattle, WA"

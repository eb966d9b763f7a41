"""load(): inserts into an empty database, is idempotent, and writes exactly what changed."""
from knowledge import KnowledgeBase
from knowledge.content import read_content
from knowledge.loader import load, table_counts
from knowledge.models import TABLES_IN_LOAD_ORDER
from knowledge.results import Unknown
from tests.knowledge.helpers import drop_not_covered_refs, dump, edit_text, edit_yaml, nonzero

ALL_TABLES = {table.__tablename__ for table in TABLES_IN_LOAD_ORDER}


def test_first_load_into_an_empty_database_inserts_every_row(shipped_content, engine):
    report = load(shipped_content, engine)

    counts = table_counts(engine)
    assert set(report.inserted) == ALL_TABLES
    assert report.inserted == counts
    assert all(n > 0 for n in counts.values()), f"empty tables after load: {counts}"
    assert nonzero(report.updated) == {} and nonzero(report.deleted) == {}
    # A few counts straight from the guide.
    assert counts["kb_sections"] == 10
    assert counts["kb_roles"] == 4
    assert counts["kb_career_levels"] == 4
    assert counts["kb_salary_bands"] == 5  # junior 1, mid 2, senior 2, staff 0
    assert counts["kb_learning_steps"] == 6
    assert counts["kb_education_paths"] == 4
    assert counts["kb_faqs"] == 5
    assert counts["kb_faq_answers"] == 10


def test_second_load_reports_no_changes_and_leaves_rows_identical(shipped_content, engine):
    load(shipped_content, engine)
    before = dump(engine)

    report = load(shipped_content, engine)

    assert report.changes == 0
    assert nonzero(report.inserted) == nonzero(report.updated) == nonzero(report.deleted) == {}
    assert dump(engine) == before


def test_editing_one_value_updates_exactly_one_row(content_dir, loaded_engine):
    before = dump(loaded_engine)
    edit_text(content_dir, "roles.yml", "median_salary: 140000", "median_salary: 145000")

    report = load(read_content(content_dir), loaded_engine)

    assert nonzero(report.updated) == {"kb_roles": 1}
    assert nonzero(report.inserted) == {} and nonzero(report.deleted) == {}
    kb = KnowledgeBase(loaded_engine)
    assert kb.role("data scientist").median_salary == 145000
    assert kb.compare_roles("data scientist").difference_usd == 20000
    after = dump(loaded_engine)
    assert [t for t in after if after[t] != before[t]] == ["kb_roles"]


def test_removing_a_record_deletes_it(content_dir, loaded_engine):
    edit_yaml(content_dir, "portfolio.yml",
              lambda data: data.update(topics=[t for t in data["topics"] if t["id"] != "job_hunting"]))
    # not-covered questions that offered it instead must stop pointing at it (content checks refuse that)
    pointing = drop_not_covered_refs(content_dir, "job_hunting")

    report = load(read_content(content_dir), loaded_engine)

    assert nonzero(report.deleted) == {"kb_portfolio_topics": 1}
    assert nonzero(report.inserted) == {} and nonzero(report.updated) == {"kb_not_covered": pointing}
    assert isinstance(KnowledgeBase(loaded_engine).portfolio_advice("job_hunting"), Unknown)


def test_removing_a_record_deletes_its_child_rows_too(content_dir, loaded_engine):
    edit_yaml(content_dir, "faq.yml",
              lambda data: data.update(faqs=[f for f in data["faqs"] if f["id"] != "specialize"]))

    report = load(read_content(content_dir), loaded_engine)

    assert nonzero(report.deleted) == {"kb_faqs": 1, "kb_faq_answers": 2}
    assert table_counts(loaded_engine)["kb_faq_answers"] == 8
    assert isinstance(KnowledgeBase(loaded_engine).faq("specialize"), Unknown)


def test_removing_an_alias_deletes_only_that_alias_row(content_dir, loaded_engine):
    kb = KnowledgeBase(loaded_engine)
    assert kb.resolve("location", "wfh") == "remote"
    edit_text(content_dir, "salary_factors.yml", "work from home, wfh, remote work", "work from home, remote work")

    report = load(read_content(content_dir), loaded_engine)

    assert nonzero(report.deleted) == {"kb_aliases": 1}
    assert nonzero(report.inserted) == {} and nonzero(report.updated) == {}
    assert kb.resolve("location", "wfh") is None
    assert kb.resolve("location", "work from home") == "remote"


def test_adding_a_record_inserts_it_with_its_aliases(content_dir, loaded_engine):
    edit_text(content_dir, "salary_factors.yml",
              "  - {id: austin, name: Austin,",
              "  - {id: spokane, name: Spokane, tier: elsewhere, aliases: [spokane, geg]}\n"
              "  - {id: austin, name: Austin,")

    report = load(read_content(content_dir), loaded_engine)

    # "Spokane" (the name) and "spokane" (an alias) are one alias row.
    assert nonzero(report.inserted) == {"kb_locations": 1, "kb_aliases": 2}
    assert nonzero(report.updated) == {} and nonzero(report.deleted) == {}
    kb = KnowledgeBase(loaded_engine)
    assert kb.resolve("location", "GEG") == "spokane"
    assert kb.salary_estimate("junior", "Spokane").location == "Spokane"

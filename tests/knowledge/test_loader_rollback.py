"""A database failure in the middle of load() rolls everything back."""
import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from knowledge.content import read_content
from knowledge.loader import load
from tests.knowledge.helpers import drop_not_covered_refs, dump, edit_text, edit_yaml, nonzero, run_cli

PHD_FIRST_ANSWER = "No. While a PhD helps for research roles"


def add_boom_trigger(engine, event: str) -> None:
    with engine.begin() as conn:
        conn.execute(text(f"CREATE TRIGGER kb_test_boom BEFORE {event} ON kb_faq_answers "
                          "BEGIN SELECT RAISE(ABORT, 'boom'); END"))


def drop_boom_trigger(engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("DROP TRIGGER kb_test_boom"))


def change_content_everywhere(content_dir, faq_answers_event: str) -> int:
    """Changes that make load() write several tables before it reaches kb_faq_answers:
    an update (kb_roles; kb_not_covered drops its job_hunting references), a delete
    (kb_portfolio_topics), an insert (kb_locations, kb_aliases),
    then an update or an insert in kb_faq_answers."""
    edit_text(content_dir, "roles.yml", "median_salary: 140000", "median_salary: 145000")
    edit_yaml(content_dir, "portfolio.yml",
              lambda data: data.update(topics=[t for t in data["topics"] if t["id"] != "job_hunting"]))
    pointing = drop_not_covered_refs(content_dir, "job_hunting")  # updates kb_not_covered
    edit_text(content_dir, "salary_factors.yml", "  - {id: austin,",
              "  - {id: spokane, name: Spokane, tier: elsewhere, aliases: [geg]}\n  - {id: austin,")
    if faq_answers_event == "UPDATE":
        edit_text(content_dir, "faq.yml", PHD_FIRST_ANSWER, "No. Although a PhD helps for research roles")
    else:
        edit_yaml(content_dir, "faq.yml", lambda data: data["faqs"][0]["answers"].append(
            {"text": "A third answer.", "source": "conclusion"}))
    return pointing


@pytest.mark.parametrize("event", ["UPDATE", "INSERT"])
def test_database_failure_mid_load_leaves_the_database_exactly_as_before(event, content_dir, loaded_engine):
    pointing = change_content_everywhere(content_dir, event)
    content = read_content(content_dir)
    add_boom_trigger(loaded_engine, event)
    before = dump(loaded_engine)

    with pytest.raises(SQLAlchemyError, match="boom"):
        load(content, loaded_engine)

    assert dump(loaded_engine) == before

    # Without the failure the same load does write all those tables.
    drop_boom_trigger(loaded_engine)
    report = load(content, loaded_engine)
    faq_change = {"kb_faq_answers": 1}
    not_covered = {"kb_not_covered": pointing}  # the entries that offered job hunting instead
    assert nonzero(report.updated) == ({"kb_roles": 1, **not_covered, **faq_change} if event == "UPDATE"
                                       else {"kb_roles": 1, **not_covered})
    assert nonzero(report.inserted) == ({"kb_locations": 1, "kb_aliases": 2, **faq_change} if event == "INSERT"
                                        else {"kb_locations": 1, "kb_aliases": 2})
    assert nonzero(report.deleted) == {"kb_portfolio_topics": 1}


def test_cli_load_reports_a_database_failure_with_exit_code_2_and_rolls_back(content_dir, loaded_db_url, loaded_engine):
    change_content_everywhere(content_dir, "UPDATE")
    add_boom_trigger(loaded_engine, "UPDATE")
    before = dump(loaded_engine)

    result = run_cli("load", "--content", str(content_dir), "--db", loaded_db_url)

    assert result.returncode == 2, result.stderr
    assert "database error" in result.stderr and "boom" in result.stderr
    assert "the transaction was rolled back" in result.stderr
    assert dump(loaded_engine) == before

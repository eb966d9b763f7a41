"""The editors' report: counts per kind, paraphrases in one group with the file to change, the answers
with the most thumbs down, everything escaped, stable, and a calm page when nothing was logged."""
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from bot.answering.action_base import action_registry
from settings import SPACY_MODEL_DIR
from tests.userdata.conftest import LOG_KEY
from userdata import report
from userdata.feedback import FeedbackStore, RatedAnswer

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)
RESUME = ["Can you review my resume?", "could you look over my resume please", "Resume review?",
          "help me with my resumes", "can you review my resume?"]
BERLIN = ["salary of ML engineers in Berlin", "ML engineer salaries in Berlin??", "what is the salary for an ml "
          "engineer in berlin"]
NORMALISERS = [report.word_set, pytest.param("lemmas", marks=pytest.mark.skipif(
    not (SPACY_MODEL_DIR / "meta.json").exists(), reason="the spaCy pipeline is not built (make spacy)"))]


def salary(n: int) -> RatedAnswer:
    return RatedAnswer(f"{n:016x}", "action_salary", "ask_salary", "how much does a junior make?")


@pytest.fixture
def logged_month(engine):
    store = FeedbackStore(LOG_KEY.encode(), engine)
    at = NOW - timedelta(days=2)
    for i, text in enumerate(RESUME):
        store.log_unanswered(f"web:r{i}", text, "not_covered", "action_not_covered", now=at)
    for i, text in enumerate(BERLIN):
        store.log_unanswered(f"rest:b{i}", text, "did_you_mean", "action_did_you_mean", now=at)
    store.log_unanswered("web:g", "asdkjh qwpoei", "rephrase", "action_did_you_mean", now=at)
    store.log_unanswered("web:p", "can you order me a pizza <script>alert(1)</script>", "out_of_scope",
                         "action_out_of_scope", now=at)
    store.log_unanswered("web:old", "an old resume question", "not_covered", "action_not_covered",
                         now=NOW - timedelta(days=45))  # outside a 30-day report, inside the 90 days kept
    store.record_rating("web:s1", salary(1), "down", "Figures *feel* <b>old</b> | wrong", now=at)
    store.record_rating("web:s2", salary(2), "down", now=at)
    store.record_rating("web:s3", salary(3), "up", now=at)
    store.record_rating("web:p1", RatedAnswer("00000000000000aa", "action_phd", "ask_phd", "do I need a PhD?"),
                        "down", now=at)
    return engine


@pytest.mark.parametrize("normalise", NORMALISERS)
def test_paraphrases_are_one_group_with_the_file_to_change(logged_month, normalise):
    normalise = report.lemma_set if normalise == "lemmas" else normalise
    built = report.build_report(logged_month, 30, NOW, normalise)
    assert dict(built.counts) == {"did_you_mean": 3, "rephrase": 1, "not_covered": 5, "out_of_scope": 1,
                                  "thumbs_down": 3}
    by_first = {g.examples[0][0]: g for g in built.groups}
    resume = built.groups[0]
    assert resume.count == 5 and resume.files[0][0] == "knowledge/content/not_covered.yml"
    assert resume.examples[0] == ("Can you review my resume?", 2)  # the same words twice, spelled as first seen
    assert len(resume.examples) == 4
    [berlin] = [g for g in built.groups if "Berlin" in g.examples[0][0] or "berlin" in g.examples[0][0]]
    assert berlin.count == 3 and berlin.files == (("bot/data/nlu.yml", 3),)
    junior = [g for g in built.groups if g.examples[0][0] == "how much does a junior make?"]
    assert junior and junior[0].count == 2 and junior[0].files[0][0] in (
        "knowledge/content/salary_factors.yml", "knowledge/content/career_levels.yml")
    assert "asdkjh qwpoei" in by_first and "do I need a PhD?" in by_first
    assert sum(g.count for g in built.groups) == built.total == 13


def test_the_answers_with_the_most_thumbs_down(logged_month):
    built = report.build_report(logged_month, 30, NOW, report.word_set)
    assert [(t.action, t.down, t.rated) for t in built.thumbs_down] == [("action_salary", 2, 3), ("action_phd", 1, 1)]
    assert built.thumbs_down[0].files == ("knowledge/content/salary_factors.yml", "knowledge/content/career_levels.yml")
    assert built.thumbs_down[0].comments == ("Figures *feel* <b>old</b> | wrong",)
    assert built.thumbs_down[1].files == ("knowledge/content/faq.yml",)


def test_the_pages_escape_what_users_wrote_and_are_stable(logged_month):
    built = report.build_report(logged_month, 30, NOW, report.word_set)
    md, page = report.to_markdown(built), report.to_html(built)
    assert "<script" not in md and "<b>" not in md and "<script" not in page and "<b>old" not in page
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Figures \\*feel\\* &lt;b&gt;old&lt;/b&gt; \\| wrong" in md
    assert "http" not in page and "<link" not in page and "src=" not in page  # no external assets
    assert "| not covered" not in md and "| the guide does not cover it | 5 |" in md
    again = report.build_report(logged_month, 30, NOW, report.word_set)
    assert (report.to_markdown(again), report.to_html(again)) == (md, page)
    assert "an old resume question" not in md  # 45 days ago: outside the period


def test_an_empty_database_gives_a_calm_report(engine, tmp_path, db_url):
    built = report.build_report(engine, 30, NOW, report.word_set)
    assert built.empty and built.groups == ()
    assert "Nothing logged in the last 30 days." in report.to_markdown(built)
    assert "Nothing logged in the last 30 days." in report.to_html(built)
    assert report.main(["--db", db_url, "--out", str(tmp_path / "out")]) == 0
    md = (tmp_path / "out" / "unanswered.md").read_text(encoding="utf-8")
    assert md.startswith("# What careerbot could not answer") and "Nothing logged in the last 30 days." in md
    assert "Nothing logged in the last 7 days." in report.to_html(report.build_report(engine, 7, NOW))


def test_the_report_deletes_rows_past_retention_first(logged_month, db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("CAREERBOT_LOG_DAYS", "40")
    store = FeedbackStore(LOG_KEY.encode(), logged_month)
    store.log_unanswered("web:x", "from long ago", "rephrase", "action_did_you_mean",
                         now=datetime.now(timezone.utc) - timedelta(days=100))
    assert report.main(["--db", db_url, "--days", "3650", "--out", str(tmp_path)]) == 0
    with sqlite3.connect(db_url[len("sqlite:///"):]) as db:
        texts = {t for (t,) in db.execute("SELECT text FROM unanswered_log")}
    assert "from long ago" not in texts and "an old resume question" not in texts  # both older than 40 days
    assert "from long ago" not in (tmp_path / "unanswered.md").read_text(encoding="utf-8")


def test_a_database_without_the_tables_is_named(tmp_path, capsys):
    assert report.main(["--db", f"sqlite:///{tmp_path / 'none.db'}", "--out", str(tmp_path)]) == 1
    assert "python -m knowledge migrate" in capsys.readouterr().err


def test_every_answer_has_the_content_it_comes_from():
    missing = sorted(name for name in action_registry() if name not in report.FILES_OF_ACTION)
    assert missing == []
    assert all(f.startswith(("knowledge/content/", "bot/")) for files in report.FILES_OF_ACTION.values()
               for f in files)


def test_words_are_normalised_without_a_model():
    assert report.word_set("What are the SALARIES like? Interviewing tips, my resume's format") == {
        "salary", "interview", "tip", "resume", "format"}
    assert report.similar(frozenset({"resume", "review"}), frozenset({"resume", "look"}))
    assert not report.similar(frozenset({"salary"}), frozenset({"salary", "berlin", "visa", "tax", "germany", "move"}))

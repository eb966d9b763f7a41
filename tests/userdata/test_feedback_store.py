"""The ratings and the unanswered log on real SQLite: one rating per answer, a thumbs down in the log
once, no conversation id in clear, "forget me" and retention deleting what they should and nothing else."""
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from tests.userdata.conftest import LOG_KEY, logged, rated
from userdata.feedback import FeedbackStore, RatedAnswer, channel_of, clean_comment, conversation_hash, purge_older_than
from userdata.models import UserProfile
from userdata.profiles import ProfileStore

KEY = LOG_KEY.encode()
SALARY = RatedAnswer("0123456789abcdef", "action_salary", "ask_salary", "how much does a mid-level MLE make?")
SKILLS = RatedAnswer("fedcba9876543210", "action_list_skills", "ask_skills", "what skills do I need?")


@pytest.fixture
def store(engine) -> FeedbackStore:
    return FeedbackStore(KEY, engine)


def test_a_rating_is_stored_with_what_it_rates(store, engine):
    stored = store.record_rating("web:abc", SALARY, "up", "  very   clear  ")
    assert (stored.rating, stored.comment, stored.channel, stored.replaced) == ("up", "very clear", "web", None)
    [row] = rated(engine)
    assert (row.answer_id, row.action, row.topic, row.question) == (
        SALARY.answer_id, "action_salary", "ask_salary", SALARY.question)
    assert (row.rating, row.comment, row.channel) == ("up", "very clear", "web")
    assert logged(engine) == []  # a thumbs up is not a complaint


def test_a_second_rating_of_the_same_answer_replaces_the_first(store, engine):
    store.record_rating("web:abc", SALARY, "down")
    second = store.record_rating("web:abc", SALARY, "down", "the figures are old")
    assert second.replaced == "down"
    [row] = rated(engine)
    assert (row.rating, row.comment) == ("down", "the figures are old")
    # the thumbs down is in the unanswered log once, however often it was given
    assert [(m.kind, m.text, m.action) for m in logged(engine)] == [("thumbs_down", SALARY.question, "action_salary")]
    store.record_rating("web:abc", SALARY, "up")
    assert [r.rating for r in rated(engine)] == ["up"] and logged(engine) == []


def test_each_answer_and_each_conversation_has_its_own_rating(store, engine):
    store.record_rating("web:abc", SALARY, "down")
    store.record_rating("web:abc", SKILLS, "up")
    store.record_rating("slack:T1:U1", SALARY, "up")
    assert sorted((r.channel, r.action, r.rating) for r in rated(engine)) == [
        ("slack", "action_salary", "up"), ("web", "action_list_skills", "up"), ("web", "action_salary", "down")]


def test_the_comment_is_cut_to_200_characters_and_a_bad_rating_refused(store):
    assert len(store.record_rating("rest:x", SALARY, "down", "x" * 500).comment) == 200
    assert clean_comment("   ") is None and clean_comment(None) is None and clean_comment(42) is None  # type: ignore
    with pytest.raises(ValueError, match="up, down"):
        store.record_rating("rest:x", SALARY, "meh")


def test_unanswered_messages_are_logged_by_kind(store, engine):
    for kind in ("did_you_mean", "rephrase", "not_covered", "out_of_scope"):
        store.log_unanswered("rest:alice", f"a {kind} message", kind, "action_x")
    assert [(m.kind, m.text, m.channel) for m in logged(engine)] == [
        ("did_you_mean", "a did_you_mean message", "rest"), ("rephrase", "a rephrase message", "rest"),
        ("not_covered", "a not_covered message", "rest"), ("out_of_scope", "a out_of_scope message", "rest")]
    with pytest.raises(ValueError):
        store.log_unanswered("rest:alice", "x", "thumbs_down", "action_x")  # only a rating writes those
    with pytest.raises(ValueError):
        store.log_unanswered("rest:alice", "x", "nonsense", "action_x")


def test_no_table_holds_a_conversation_id_in_clear(store, db_url):
    store.record_rating("web:0f0f0f0f", SALARY, "down", "meh")
    store.log_unanswered("slack:T77:U99", "pizza please", "out_of_scope", "action_out_of_scope")
    with sqlite3.connect(db_url[len("sqlite:///"):]) as db:
        dump = "\n".join(db.iterdump())
    for secret in ("0f0f0f0f", "T77", "U99", "web:", "slack:"):
        assert secret not in dump
    # the hash is keyed: without the key nobody can test a guessed id against it
    assert conversation_hash(KEY, "web:0f0f0f0f") in dump
    assert conversation_hash(b"another key of 16+ bytes", "web:0f0f0f0f") not in dump


def test_forget_deletes_that_users_ratings_and_log_entries_only(store, engine):
    store.record_rating("web:me", SALARY, "down")
    store.log_unanswered("web:me", "asdkj", "rephrase", "action_did_you_mean")
    store.record_rating("web:other", SALARY, "down")
    store.log_unanswered("web:other", "pizza", "out_of_scope", "action_out_of_scope")
    deleted = store.forget("web:me")
    assert (deleted.ratings, deleted.unanswered) == (1, 2)  # the rephrase and the thumbs down
    assert [r.rating for r in rated(engine)] == ["down"]
    assert sorted(m.text for m in logged(engine)) == sorted(["pizza", SALARY.question])
    assert store.forget("web:me") == store.forget("web:nobody")  # nothing left, nothing else touched


def test_forget_user_takes_the_profile_too(store, engine):
    ProfileStore(engine).save("rest", "rest:me", {"level": "mid"})
    store.record_rating("rest:me", SKILLS, "up")
    deleted = store.forget_user("rest:me")
    assert (deleted.profiles, deleted.ratings, deleted.unanswered) == (1, 1, 0)
    assert ProfileStore(engine).get("rest:me") is None and rated(engine) == []
    assert UserProfile.__tablename__ == "user_profiles"


def test_retention_deletes_rows_older_than_the_days_kept(store, engine):
    now = datetime.now(timezone.utc)
    store.record_rating("web:a", SALARY, "down", now=now - timedelta(days=91))
    store.record_rating("web:a", SKILLS, "up", now=now - timedelta(days=89))
    store.log_unanswered("web:a", "old", "rephrase", "action_did_you_mean", now=now - timedelta(days=120))
    store.log_unanswered("web:a", "recent", "rephrase", "action_did_you_mean", now=now - timedelta(days=1))
    deleted = purge_older_than(90, engine)
    assert (deleted.ratings, deleted.unanswered) == (1, 2)  # the old rating, its thumbs down, the old message
    assert [r.action for r in rated(engine)] == ["action_list_skills"]
    assert [m.text for m in logged(engine)] == ["recent"]
    assert purge_older_than(90, engine) == purge_older_than(1, engine, now=now - timedelta(days=200))
    with pytest.raises(ValueError):
        purge_older_than(0, engine)


def test_retention_runs_with_the_setting(engine, monkeypatch):
    from bot.answering.feedback import feedback_store, purge_expired

    old = datetime.now(timezone.utc) - timedelta(days=40)
    feedback_store().log_unanswered("web:a", "old", "rephrase", "action_did_you_mean", now=old)
    assert purge_expired().unanswered == 0  # kept 90 days by default
    monkeypatch.setenv("CAREERBOT_LOG_DAYS", "30")
    assert purge_expired().unanswered == 1
    monkeypatch.setenv("CAREERBOT_LOG_DAYS", "0")
    with pytest.raises(SystemExit, match="CAREERBOT_LOG_DAYS='0' is less than one day"):
        purge_expired()


def test_channels_come_from_the_namespaced_id():
    assert [channel_of(i) for i in ("rest:a", "web:b", "slack:T:U", "unknown:x", "default", "web")] == [
        "rest", "web", "slack", "other", "other", "other"]


def test_a_short_key_is_refused(engine):
    with pytest.raises(ValueError, match="CAREERBOT_LOG_KEY"):
        FeedbackStore(b"short", engine)

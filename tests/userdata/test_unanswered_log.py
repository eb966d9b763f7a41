"""The actions that could not answer put the message in the unanswered log (one entry, its kind and
action); a normal answer writes nothing; "forget me" deletes the user's ratings and log entries."""
import pytest

from bot.actions.fallback import ActionDidYouMean
from bot.actions.forget import ActionForgetMe
from bot.actions.not_covered import ActionNotCovered
from bot.actions.out_of_scope import ActionOutOfScope
from bot.actions.role import ActionExplainRole
from bot.actions.salary import ActionSalary
from bot.answering import feedback
from bot.answering.feedback import feedback_store, rate
from bot.answering.ratings import rating_token
from tests.userdata.conftest import logged, rated, run
from userdata.feedback import RatedAnswer
from userdata.profiles import ProfileStore

UNCLEAR = [{"name": "nlu_fallback", "confidence": 1}, {"name": "ask_salary", "confidence": 0.3},
           {"name": "ask_career_levels", "confidence": 0.1}]


def entries(engine):
    return [(m.kind, m.action, m.text, m.channel) for m in logged(engine)]


def test_did_you_mean_is_logged(engine):
    out = run(ActionDidYouMean(), "web:s1", "money stuff for later years maybe", "nlu_fallback", ranking=UNCLEAR)
    assert out.responses == ["utter_did_you_mean"]
    assert entries(engine) == [("did_you_mean", "action_did_you_mean", "money stuff for later years maybe", "web")]


def test_a_request_to_rephrase_is_logged(engine):
    assert run(ActionDidYouMean(), "rest:s2", "asdkjh qwpoei zzxv", "nlu_fallback").responses == ["utter_rephrase"]
    assert entries(engine) == [("rephrase", "action_did_you_mean", "asdkjh qwpoei zzxv", "rest")]


def test_an_unclear_message_with_nothing_to_suggest_is_out_of_scope(engine):
    ranking = [{"name": "nlu_fallback", "confidence": 1}, {"name": "greet", "confidence": 0.2}]
    out = run(ActionDidYouMean(), "web:s3", "can you book me a flight to the moon", "nlu_fallback", ranking=ranking)
    assert out.responses == ["utter_out_of_scope"]
    assert entries(engine) == [("out_of_scope", "action_did_you_mean", "can you book me a flight to the moon", "web")]


def test_the_out_of_scope_intent_is_logged(engine):
    out = run(ActionOutOfScope(), "slack:T1:U1", "can you order me a pizza", "out_of_scope")
    assert out.responses == ["utter_out_of_scope"]
    assert entries(engine) == [("out_of_scope", "action_out_of_scope", "can you order me a pizza", "slack")]


def test_a_question_the_guide_does_not_cover_is_logged(engine):
    out = run(ActionNotCovered(), "web:s4", "can you review my resume", "not_covered",
              not_covered={"topic": "resume_review", "matched": "resume"})
    assert out.text.startswith("The guide I'm built from doesn't cover")
    assert entries(engine) == [("not_covered", "action_not_covered", "can you review my resume", "web")]


@pytest.mark.parametrize("action, text, intent", [
    (ActionSalary(), "how much does a mid-level ML engineer make?", "ask_salary"),
    (ActionExplainRole(), "what does an ML engineer do?", "ask_role"),
])
def test_a_normal_answer_writes_nothing(engine, action, text, intent):
    out = run(action, "web:s5", text, intent)
    assert out.text and out.responses != ["utter_knowledge_error"]
    assert logged(engine) == [] and rated(engine) == []


def test_reactions_and_profile_statements_are_not_logged(engine):
    assert run(ActionDidYouMean(), "web:s6", "makes sense", "nlu_fallback").responses == ["utter_affirm"]
    run(ActionDidYouMean(), "web:s6", "mid", "nlu_fallback", entities=[{"entity": "level", "value": "mid"}])
    assert logged(engine) == []


def test_a_failing_log_does_not_change_the_answer(engine, monkeypatch):
    def broken():
        raise RuntimeError("database is down")

    monkeypatch.setattr(feedback, "feedback_store", broken)
    out = run(ActionOutOfScope(), "web:s7", "can you order me a pizza", "out_of_scope")
    assert out.responses == ["utter_out_of_scope"]


def test_forget_me_deletes_the_users_ratings_and_log_entries(engine):
    me, other = "web:me", "web:someone-else"
    ProfileStore(engine).save("socketio", me, {"level": "mid"})
    for sender in (me, other):
        run(ActionOutOfScope(), sender, "can you order me a pizza", "out_of_scope")
        token = rating_token("0123456789abcdef", "action_salary", "ask_salary", "salary?", sender)
        assert rate(sender, token, "down", "too vague").ok
    assert len(logged(engine)) == 4 and len(rated(engine)) == 2
    out = run(ActionForgetMe(), me, "forget me", "forget_me")
    assert out.responses == ["utter_forgotten"]
    assert ProfileStore(engine).get(me) is None
    left = feedback_store()
    assert len(logged(engine)) == 2 and len(rated(engine)) == 1
    assert {m.conversation_hash for m in logged(engine)} == {left.hash_of(other)}
    assert [r.conversation_hash for r in rated(engine)] == [left.hash_of(other)]


def test_forget_me_that_fails_changes_nothing(engine, monkeypatch):
    run(ActionOutOfScope(), "web:me", "can you order me a pizza", "out_of_scope")
    ProfileStore(engine).save("socketio", "web:me", {"level": "mid"})

    def fail_after_deleting(self, s, key):
        type(self)._real_delete(s, key)
        raise RuntimeError("disk full")

    store_class = type(feedback_store())
    monkeypatch.setattr(store_class, "_real_delete", store_class._delete, raising=False)
    monkeypatch.setattr(store_class, "_delete", fail_after_deleting)
    assert run(ActionForgetMe(), "web:me", "forget me", "forget_me").responses == ["utter_forget_failed"]
    assert len(logged(engine)) == 1 and ProfileStore(engine).get("web:me") is not None


def test_rate_refuses_bad_input(engine):
    token = rating_token("0123456789abcdef", "action_salary", "ask_salary", "salary?", "web:me")
    assert rate("web:me", token, "sideways").error == "the rating is up or down"
    assert rate("web:me", token, "up", comment=["x"]).error == "the comment is text"
    assert rate("web:intruder", token, "down").error == "not a rating token of this conversation"
    assert rated(engine) == []
    outcome = rate("web:me", token, "up")
    assert outcome.ok and outcome.stored.answer == RatedAnswer("0123456789abcdef", "action_salary", "ask_salary",
                                                               "salary?")

"""Rating tokens carry what a rating is about, signed: a forged or altered token, or one issued to
another conversation, is refused; nothing of the conversation id is in the token."""
import base64
import json

import pytest

from bot.answering.ratings import MAX_TOKEN_CHARS, new_answer_id, rating_token, verify
from userdata.feedback import RatedAnswer

SECRET = b"rating-token-test-secret-0123456789"
QUESTION = "how much does a mid-level MLE make in Seattle?"


def token(conversation: str = "web:aaa", question: str = QUESTION, secret: bytes = SECRET) -> str:
    return rating_token("0123456789abcdef", "action_salary", "ask_salary", question, conversation, secret)


def test_a_token_verifies_for_its_conversation_and_says_what_it_rates():
    assert verify(token(), "web:aaa", SECRET) == RatedAnswer("0123456789abcdef", "action_salary", "ask_salary",
                                                             QUESTION)


def test_a_token_of_another_conversation_is_refused():
    assert verify(token("web:aaa"), "web:bbb", SECRET) is None
    assert verify(token("slack:T1:U1"), "slack:T1:U2", SECRET) is None
    assert "aaa" not in token("web:aaa")  # the id is signed, not carried


def test_a_forged_or_altered_token_is_refused():
    good = token()
    version, payload, signature = good.split(".")
    fields = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    altered = base64.urlsafe_b64encode(json.dumps({**fields, "x": "action_phd"}).encode()).rstrip(b"=").decode()
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    for bad in (f"{version}.{altered}.{signature}",            # another action under the old signature
                f"{version}.{payload}.{flipped}",               # a changed signature
                f"r2.{payload}.{signature}",                    # another version
                token(secret=b"some-other-deployment-secret"),  # signed with another key
                good + ".", good[:-3], "", "r1..", None, 42, {"token": good}, "x" * (MAX_TOKEN_CHARS + 1)):
        assert verify(bad, "web:aaa", SECRET) is None, bad


def test_a_signed_token_with_malformed_fields_is_refused():
    from bot.answering.ratings import _b64, _signature

    for fields in ([1, 2], {"a": "not hex", "x": "action_salary", "t": "t", "q": "q"},
                   {"a": "0123456789abcdef", "x": "action_salary", "t": "t", "q": "q" * 301}, "text"):
        payload = _b64(json.dumps(fields).encode())
        assert verify(f"r1.{payload}.{_signature(SECRET, payload, 'web:aaa')}", "web:aaa", SECRET) is None


def test_the_question_is_cut_and_the_token_fits_a_slack_button():
    rated = verify(token(question="q" * 1000), "web:aaa", SECRET)
    assert rated is not None and rated.question == "q" * 300
    long_in_json = "\x01" * 300  # 6 bytes of JSON each
    long = token(question=long_in_json)
    assert len(long) <= MAX_TOKEN_CHARS and verify(long, "web:aaa", SECRET) is not None
    unicode = token(question="工资" * 200)
    assert verify(unicode, "web:aaa", SECRET).question == "工资" * 150


def test_names_are_checked_when_signing():
    with pytest.raises(ValueError):
        rating_token("xyz", "action_salary", "t", "q", "web:a", SECRET)
    with pytest.raises(ValueError):
        rating_token("0123456789abcdef", "action salary; drop", "t", "q", "web:a", SECRET)
    assert len(new_answer_id()) == 16 and new_answer_id() != new_answer_id()


def test_the_deployments_log_key_signs_by_default(db_url):
    signed = rating_token(new_answer_id(), "action_phd", "ask_phd", "do I need a PhD?", "rest:me")
    assert verify(signed, "rest:me") is not None
    assert verify(signed, "rest:me", SECRET) is None


def test_the_log_key_reaches_the_rasa_and_action_servers_only(monkeypatch):
    from bot.supervisor import child_env

    monkeypatch.setenv("CAREERBOT_LOG_KEY", "a-log-key-of-sixteen-plus")
    for program, sees in (("bot.rasa_server", True), ("bot.action_server", True), ("web.serve", False)):
        assert ("CAREERBOT_LOG_KEY" in child_env(["python", "-m", program])) is sees, program
    assert "CAREERBOT_LOG_KEY" not in child_env(["python", "web/serve.py"])

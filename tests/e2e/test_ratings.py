"""Users rate answers (issue 14), against the real running servers: the widget over a real socket.io
client (`rate_answer` -> `rating_saved`), Slack through its 👍 / 👎 buttons (signed block_actions,
chat.update caught by the Web API stand-in); what is stored is checked in the database."""
import json
import queue
import sqlite3
import time
import uuid
from typing import Any, Dict, List, Optional
from urllib.parse import urlencode

import pytest

from bot.answering.ratings import log_key, new_answer_id, rating_token
from tests.e2e.test_privacy import Widget
from tests.e2e.test_slack import BOT_ID, BOT_USER_ID, TEAM, dm, event_body, new_id, post, wait_for_reply
from userdata.feedback import conversation_hash

pytestmark = pytest.mark.e2e
QUESTION = "how much does a mid-level ML engineer make?"
QUIET_S = 4  # how long we watch for something that must not happen


def rows(bot, sql: str, *args: Any) -> List[tuple]:
    with sqlite3.connect(bot.db_url[len("sqlite:///"):]) as db:
        return db.execute(sql, args).fetchall()


def hash_of(conversation_id: str) -> str:
    log_key.cache_clear()  # the servers' key: CAREERBOT_LOG_KEY, else var/run/log_key
    return conversation_hash(log_key(), conversation_id)


class RatingWidget(Widget):
    """The widget's protocol plus its ratings."""

    def __init__(self, bot, session: Optional[str] = None) -> None:
        super().__init__(bot, session)
        self.saved: "queue.Queue[dict]" = queue.Queue()
        self.sio.on("rating_saved", self.saved.put)

    def ask(self, text: str) -> Dict[str, Any]:
        """The answer payload of the reply to `text`."""
        self.send(text)
        customs = [m["custom"] for m in self.collect() if isinstance(m.get("custom"), dict)]
        answers = [c for c in customs if c.get("careerbot") == "answer"]
        assert answers, f"no answer payload in the reply to {text!r}: {customs}"
        return answers[0]

    def rate(self, data: Any) -> Dict[str, Any]:
        self.sio.emit("rate_answer", data)
        return self.saved.get(timeout=20)


@pytest.fixture
def widget(bot_servers):
    w = RatingWidget(bot_servers)
    yield w
    w.close()


def test_a_widget_rates_an_answer_and_a_second_rating_replaces_the_first(bot_servers, widget):
    answer = widget.ask(QUESTION)
    token = answer["rating_token"]
    assert widget.rate({"session_id": widget.token, "rating_token": token, "rating": "down"}) == {
        "rating_token": token, "ok": True}
    comment = "The figures  look old. " + "x" * 300
    assert widget.rate({"session_id": widget.token, "rating_token": token, "rating": "down", "comment": comment})["ok"]
    key = hash_of(f"web:{widget.session_id}")
    stored = rows(bot_servers, "SELECT answer_id, action, question, rating, comment, channel FROM answer_ratings "
                               "WHERE conversation_hash = ?", key)
    assert stored == [(answer["answer_id"], "action_salary", QUESTION, "down", " ".join(comment.split())[:200],
                       "web")]
    assert rows(bot_servers, "SELECT kind, text, action FROM unanswered_log WHERE conversation_hash = ?", key) == [
        ("thumbs_down", QUESTION, "action_salary")]
    # nothing of the conversation id is stored
    assert rows(bot_servers, "SELECT count(*) FROM answer_ratings WHERE conversation_hash LIKE ?",
                f"%{widget.session_id}%") == [(0,)]


def test_a_widget_cannot_rate_with_a_token_of_another_conversation(bot_servers, widget):
    victim = RatingWidget(bot_servers)
    try:
        token = victim.ask(QUESTION)["rating_token"]
        refused = widget.rate({"session_id": widget.token, "rating_token": token, "rating": "down"})
        assert refused == {"rating_token": token, "ok": False, "error": "not a rating token of this conversation"}
        # nor by naming the victim's session, which this socket does not hold
        assert widget.rate({"session_id": victim.token, "rating_token": token, "rating": "down"})["ok"] is False
        assert rows(bot_servers, "SELECT count(*) FROM answer_ratings WHERE conversation_hash IN (?, ?)",
                    hash_of(f"web:{widget.session_id}"), hash_of(f"web:{victim.session_id}")) == [(0,)]
    finally:
        victim.close()


def test_bad_ratings_get_an_error_and_the_server_carries_on(bot_servers, widget):
    mine = rating_token(new_answer_id(), "action_salary", "ask_salary", QUESTION, f"web:{widget.session_id}")
    altered = mine[:-2] + ("AA" if not mine.endswith("AA") else "BB")
    foreign = "not a rating token of this conversation"
    for data, error in [
        ({"rating_token": mine, "rating": "sideways"}, "the rating is up or down"),
        ({"rating_token": mine, "rating": "up", "comment": {"x": 1}}, "the comment is text"),
        ({"rating_token": altered, "rating": "up"}, foreign),
        ({"rating_token": "x" * 5000, "rating": "up"}, foreign),
        ({"rating": "up"}, foreign),
        ("not an object", "not the session this socket holds"),
    ]:
        reply = widget.rate({"session_id": widget.token, **data} if isinstance(data, dict) else data)
        assert reply["ok"] is False and reply["error"] == error, (data, reply)
    # a token signed by the servers' key for this conversation is accepted (the same secret file)
    assert widget.rate({"session_id": widget.token, "rating_token": mine, "rating": "up"})["ok"] is True
    assert "Seattle" in widget.say("I live in Seattle")


# --------------------------------------------------------------------------- Slack
def rating_buttons(message: Dict[str, Any]) -> Dict[str, Dict[str, Any]]:
    return {e["action_id"]: e for block in message["blocks"] or [] if block["type"] == "actions"
            for e in block["elements"] if e.get("action_id", "").startswith("careerbot_rate_")}


def rating_click(user: str, reply: Dict[str, Any], button: Dict[str, Any], action_ts: Optional[str] = None) -> bytes:
    payload = {
        "type": "block_actions", "team": {"id": TEAM}, "api_app_id": "ACAREERBOT", "token": "unused",
        "user": {"id": user, "username": "tester", "team_id": TEAM}, "trigger_id": "1.2.3",
        "response_url": "https://hooks.slack.invalid/actions/never-called",
        "container": {"type": "message", "message_ts": reply["ts"], "channel_id": reply["channel"],
                      "is_ephemeral": False},
        "channel": {"id": reply["channel"], "name": "directmessage"},
        "message": {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "text": reply["text"],
                    "blocks": reply["blocks"], "ts": reply["ts"]},
        "actions": [{"type": "button", "action_id": button["action_id"], "block_id": "careerbot_rating",
                     "text": button["text"], "value": button["value"],
                     "action_ts": action_ts or f"{time.time():.6f}"}],
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


def slack_answer(bot, user: str) -> Dict[str, Any]:
    event = dm(user, QUESTION)
    assert post(bot, event_body(event)).status == 200
    return wait_for_reply(bot, event["channel"])


def test_a_slack_answer_shows_its_sources_and_rating_buttons(bot_servers):
    answer = slack_answer(bot_servers, new_id("U"))
    assert answer["blocks"][0]["type"] == "section" and "$" in answer["blocks"][0]["text"]["text"]
    [context] = [b for b in answer["blocks"] if b["type"] == "context"]
    assert context["elements"][0]["text"].startswith("Source: ")
    buttons = rating_buttons(answer)
    assert [b["text"]["text"] for b in buttons.values()] == ["👍", "👎"]
    assert buttons["careerbot_rate_up"]["value"] == buttons["careerbot_rate_down"]["value"]


def test_a_slack_rating_is_stored_and_the_buttons_say_thanks(bot_servers):
    user = new_id("U")
    answer = slack_answer(bot_servers, user)
    click = rating_click(user, answer, rating_buttons(answer)["careerbot_rate_up"])
    assert post(bot_servers, click, "application/x-www-form-urlencoded").status == 200
    update = bot_servers.slack.wait_for_update(lambda u: u["ts"] == answer["ts"])
    assert update is not None and update["channel"] == answer["channel"]
    assert rating_buttons(update) == {}
    assert update["blocks"][-1]["elements"][0]["text"] == "Thanks for the rating 👍"
    assert update["blocks"][0] == answer["blocks"][0]  # the answer itself stays
    key = hash_of(f"slack:{TEAM}:{user}")
    assert rows(bot_servers, "SELECT action, rating, channel FROM answer_ratings WHERE conversation_hash = ?",
                key) == [("action_salary", "up", "slack")]
    # the click was a rating, not a message to the bot; its replay changes nothing
    assert post(bot_servers, click, "application/x-www-form-urlencoded").headers.get("X-Slack-No-Retry") == "1"
    time.sleep(QUIET_S)
    assert [m for m in bot_servers.slack.messages if m["channel"] == answer["channel"]] == [answer]
    assert len([u for u in bot_servers.slack.updates if u["ts"] == answer["ts"]]) == 1


def test_a_thumbs_down_in_slack_is_logged_for_the_editors(bot_servers):
    user = new_id("U")
    answer = slack_answer(bot_servers, user)
    click = rating_click(user, answer, rating_buttons(answer)["careerbot_rate_down"])
    assert post(bot_servers, click, "application/x-www-form-urlencoded").status == 200
    assert bot_servers.slack.wait_for_update(lambda u: u["ts"] == answer["ts"]) is not None
    assert rows(bot_servers, "SELECT kind, text FROM unanswered_log WHERE conversation_hash = ?",
                hash_of(f"slack:{TEAM}:{user}")) == [("thumbs_down", QUESTION)]


def test_nobody_rates_someone_elses_slack_answer(bot_servers):
    asker, other = new_id("U"), new_id("U")
    answer = slack_answer(bot_servers, asker)
    click = rating_click(other, answer, rating_buttons(answer)["careerbot_rate_down"])
    assert post(bot_servers, click, "application/x-www-form-urlencoded").status == 200
    assert bot_servers.slack.wait_for_update(lambda u: u["ts"] == answer["ts"], timeout=QUIET_S) is None
    assert rows(bot_servers, "SELECT count(*) FROM answer_ratings WHERE conversation_hash IN (?, ?)",
                hash_of(f"slack:{TEAM}:{asker}"), hash_of(f"slack:{TEAM}:{other}")) == [(0,)]


def test_unsigned_rating_clicks_are_rejected(bot_servers):
    user = new_id("U")
    answer = slack_answer(bot_servers, user)
    click = rating_click(user, answer, rating_buttons(answer)["careerbot_rate_up"], action_ts=str(uuid.uuid4()))
    assert post(bot_servers, click, "application/x-www-form-urlencoded", secret="not-the-secret").status == 401
    assert bot_servers.slack.wait_for_update(lambda u: u["ts"] == answer["ts"], timeout=QUIET_S) is None


# --------------------------------------------------------------------------- the unanswered log
def test_what_the_bot_could_not_answer_is_logged_and_forget_me_deletes_it(bot_servers, widget):
    from tests.e2e.test_privacy import rest

    sender = f"log-{uuid.uuid4().hex[:8]}"
    key = hash_of(f"rest:{sender}")
    rest(bot_servers, sender, QUESTION)  # a normal answer: nothing logged
    assert rows(bot_servers, "SELECT count(*) FROM unanswered_log WHERE conversation_hash = ?", key) == [(0,)]
    rest(bot_servers, sender, "can you order me a pizza")
    rest(bot_servers, sender, "can you review my resume?")
    kinds = rows(bot_servers, "SELECT kind, action FROM unanswered_log WHERE conversation_hash = ? ORDER BY id", key)
    assert kinds == [("out_of_scope", "action_out_of_scope"), ("not_covered", "action_not_covered")]
    assert "deleted everything" in rest(bot_servers, sender, "forget me")
    assert rows(bot_servers, "SELECT count(*) FROM unanswered_log WHERE conversation_hash = ?", key) == [(0,)]
    # the widget's rating goes too
    answer = widget.ask(QUESTION)
    assert widget.rate({"session_id": widget.token, "rating_token": answer["rating_token"], "rating": "down"})["ok"]
    web_key = hash_of(f"web:{widget.session_id}")
    assert rows(bot_servers, "SELECT count(*) FROM answer_ratings WHERE conversation_hash = ?", web_key) == [(1,)]
    assert "deleted everything" in widget.say("forget me")
    assert rows(bot_servers, "SELECT count(*) FROM answer_ratings WHERE conversation_hash = ?", web_key) == [(0,)]
    assert rows(bot_servers, "SELECT count(*) FROM unanswered_log WHERE conversation_hash = ?", web_key) == [(0,)]

"""The channels' side of ratings without servers: the widget's rate_answer reply, Slack's answer blocks
and the thank-you that replaces the rating buttons (end to end: tests/e2e/test_ratings.py)."""
import asyncio

from bot.answering.ratings import rating_token
from bot.rasa_ext.channels.session_ids import Session
from bot.rasa_ext.channels.slack import CareerbotSlackBot, message_blocks, thanked
from bot.rasa_ext.channels.socketio import rating_reply
from tests.userdata.conftest import logged, rated

SESSION = Session("a" * 32, "a" * 32 + ".sig")
ANSWER = {"careerbot": "answer", "answer_id": "0123456789abcdef", "rating_token": "r1.x.y",
          "sources": [{"section": "Salary Expectations"}, {"section": "Career Levels <&>"}]}


def test_the_widget_rates_only_as_the_session_it_holds(engine):
    token = rating_token("0123456789abcdef", "action_salary", "ask_salary", "pay?", f"web:{SESSION.id}")
    ok = asyncio.run(rating_reply(SESSION, {"session_id": SESSION.token, "rating_token": token, "rating": "down"}))
    assert ok == {"rating_token": token, "ok": True}
    assert [(r.rating, r.channel) for r in rated(engine)] == [("down", "web")]
    assert [m.kind for m in logged(engine)] == ["thumbs_down"]
    for session, data in [(None, {"rating_token": token, "rating": "up"}),
                          (SESSION, {"session_id": "b" * 32 + ".sig", "rating_token": token, "rating": "up"}),
                          (SESSION, ["not", "a", "dict"])]:
        assert asyncio.run(rating_reply(session, data)) == {"ok": False, "error": "not the session this socket holds"}
    assert [r.rating for r in rated(engine)] == ["down"]


def test_a_slack_answer_has_its_sources_and_rating_buttons():
    blocks = message_blocks("The *mid-level* band is $150-180K.", [{"title": "Salary", "payload": "/ask_salary"}],
                            ANSWER)
    assert [b["type"] for b in blocks] == ["section", "actions", "context", "actions"]
    assert blocks[2]["elements"][0]["text"] == "Source: Salary Expectations, Career Levels &lt;&amp;&gt;"
    rating = blocks[3]["elements"]
    assert [(e["action_id"], e["text"]["text"], e["value"]) for e in rating] == [
        ("careerbot_rate_up", "👍", "r1.x.y"), ("careerbot_rate_down", "👎", "r1.x.y")]
    assert message_blocks("hi", []) == [{"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}]


def test_the_rated_message_thanks_instead_of_showing_the_buttons():
    blocks = message_blocks("answer", [{"title": "Salary", "payload": "/ask_salary"}], ANSWER)
    after = thanked(blocks, "down")
    assert after[:3] == blocks[:3]  # the text, its own buttons and the sources stay
    assert after[3] == {"type": "context", "elements": [{"type": "mrkdwn", "text": "Thanks for the rating 👎"}]}
    assert len(after) == 4


def test_slack_posts_an_answer_as_one_message_and_no_widget_signals():
    posted = []

    class Recording(CareerbotSlackBot):
        async def _post_message(self, channel, **kwargs):
            posted.append({"channel": channel, **kwargs})

    bot = Recording("xoxb-test")
    asyncio.run(bot.send_response("D1", {"text": "The band is $150-180K.", "custom": ANSWER}))
    asyncio.run(bot.send_response("D1", {"custom": {"careerbot": "forgotten"}}))
    asyncio.run(bot.send_response("D1", {"text": "Deleted.", "custom": {"careerbot": "forgotten"}}))
    assert [p["text"] for p in posted] == ["The band is $150-180K.", "Deleted."]
    assert [b["type"] for b in posted[0]["blocks"]] == ["section", "context", "actions"]

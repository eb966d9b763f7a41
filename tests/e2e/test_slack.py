"""The Slack channel end to end: signed Slack requests to the real Rasa server, replies
caught by the Web API stand-in (tests/e2e/slack_standin.py). Loopback only.

Each test talks as its own Slack users and channels, so conversations don't mix."""
import itertools
import json
import sqlite3
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from hashlib import sha256
from hmac import new as hmac_new
from typing import Any, Dict, List, Optional
from urllib.parse import urlencode

import pytest

from tests.e2e.slack_standin import BOT_ID, BOT_USER_ID

pytestmark = pytest.mark.e2e

REPLY_TIMEOUT_S = 30  # the first prediction of a freshly loaded model can be slow
QUIET_S = 5  # how long we watch for a reply that must not come
TEAM = "TCAREERBOT"
QUESTION = "what does an ML engineer do?"
_ts = itertools.count(1)


@dataclass
class Response:
    status: int
    body: str
    headers: Dict[str, str]


# --------------------------------------------------------------------------- Slack requests
def new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:10].upper()


def new_ts() -> str:
    return f"{int(time.time())}.{next(_ts):06d}"


def dm_channel(user: str) -> str:
    return "D" + user[1:]


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return "v0=" + hmac_new(secret.encode(), f"v0:{timestamp}:".encode() + body, sha256).hexdigest()


def post(servers: Any, body: bytes, content_type: str = "application/json", timestamp: Optional[int] = None,
         secret: Optional[str] = None, headers: Optional[Dict[str, Optional[str]]] = None) -> Response:
    """POSTs to the Slack webhook, signed like Slack does; a header set to None is left out."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    all_headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": ts,
                   "X-Slack-Signature": sign(secret or servers.slack_signing_secret, ts, body), **(headers or {})}
    request = urllib.request.Request(f"{servers.rasa_url}/webhooks/slack/webhook", data=body, method="POST",
                                     headers={k: v for k, v in all_headers.items() if v is not None})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return Response(r.status, r.read().decode(), dict(r.headers))
    except urllib.error.HTTPError as e:
        return Response(e.code, e.read().decode(), dict(e.headers))


def event_body(event: Dict[str, Any], event_id: Optional[str] = None, team: Optional[str] = TEAM) -> bytes:
    """An Events API delivery of `event` to the app installed in `team` (None: no team id at all)."""
    return json.dumps({
        "token": "unused-verification-token", **({"team_id": team} if team else {}), "api_app_id": "ACAREERBOT",
        "event": event, "type": "event_callback", "event_id": event_id or new_id("Ev"), "event_time": int(time.time()),
        "authorizations": [{"enterprise_id": None, "team_id": team, "user_id": BOT_USER_ID, "is_bot": True,
                            "is_enterprise_install": False}],
        "is_ext_shared_channel": False,
    }).encode()


def dm(user: str, text: str, team: Optional[str] = TEAM, channel: Optional[str] = None) -> Dict[str, Any]:
    ts = new_ts()
    event = {"type": "message", "channel_type": "im", "channel": channel or dm_channel(user), "user": user,
             "text": text, "ts": ts, "event_ts": ts, "client_msg_id": str(uuid.uuid4())}
    return {**event, "team": team} if team else event


def mention(user: str, channel: str, text: str, thread_ts: Optional[str] = None) -> Dict[str, Any]:
    ts = new_ts()
    event = {"type": "app_mention", "channel": channel, "user": user, "text": f"<@{BOT_USER_ID}> {text}",
             "ts": ts, "event_ts": ts, "client_msg_id": str(uuid.uuid4()), "team": TEAM}
    return {**event, "thread_ts": thread_ts} if thread_ts else event


def button_click(user: str, reply: Dict[str, Any], button: Dict[str, Any], team: Optional[str] = TEAM) -> bytes:
    """A block_actions payload as Slack sends it when `user` of `team` (None: no team id at all)
    clicks `button` of our `reply`."""
    thread = {"thread_ts": reply["thread_ts"]} if reply["thread_ts"] else {}
    payload = {
        "type": "block_actions", **({"team": {"id": team}} if team else {}), "api_app_id": "ACAREERBOT",
        "token": "unused", "user": {"id": user, "username": "tester", **({"team_id": team} if team else {})},
        "trigger_id": "1.2.3",
        "container": {"type": "message", "message_ts": reply["ts"], "channel_id": reply["channel"],
                      "is_ephemeral": False, **thread},
        "channel": {"id": reply["channel"], "name": "directmessage"},
        "message": {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "text": reply["text"],
                    "blocks": reply["blocks"], "ts": reply["ts"], **thread},
        "actions": [{"type": "button", "action_id": "a1", "block_id": "b1", "text": button["text"],
                     "value": button["value"], "action_ts": f"{time.time():.6f}"}],
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


# --------------------------------------------------------------------------- helpers
def replies_in(servers: Any, channel: str) -> List[Dict[str, Any]]:
    return [m for m in servers.slack.messages if m["channel"] == channel]


def wait_for_reply(servers: Any, channel: str, after: int = 0) -> Dict[str, Any]:
    """The (after+1)-th reply in `channel`."""
    found = servers.slack.wait_for(lambda m: m["channel"] == channel, REPLY_TIMEOUT_S, count=after + 1)
    assert len(found) > after, f"no reply in {channel} within {REPLY_TIMEOUT_S}s; sent so far: {servers.slack.messages}"
    return found[after]


def buttons_of(message: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [e for block in message["blocks"] or [] if block["type"] == "actions"
            for e in block["elements"] if e["type"] == "button"]


def greet(servers: Any, user: str, channel: Optional[str] = None, thread_ts: Optional[str] = None) -> Dict[str, Any]:
    """Says hi (in a DM, or in a channel thread) and returns the greeting, which has buttons."""
    event = mention(user, channel, "hi", thread_ts) if channel else dm(user, "hi")
    assert post(servers, event_body(event)).status == 200
    return wait_for_reply(servers, event["channel"])


# --------------------------------------------------------------------------- tests
def test_url_verification_echoes_the_challenge(bot_servers):
    body = json.dumps({"token": "unused", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmd", "type": "url_verification"})
    response = post(bot_servers, body.encode())
    assert response.status == 200
    assert json.loads(response.body) == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmd"}


def test_dm_question_gets_exactly_one_reply(bot_servers):
    user = new_id("U")
    response = post(bot_servers, event_body(dm(user, QUESTION)))
    assert response.status == 200
    reply = wait_for_reply(bot_servers, dm_channel(user))
    assert reply["text"].strip()
    assert "*Day to day:*" in reply["text"] and "**" not in reply["text"]  # Markdown bold became Slack bold
    assert reply["thread_ts"] is None  # a DM is answered in the DM, not in a thread
    assert reply["token"] == "xoxb-test-token"
    time.sleep(QUIET_S)
    assert len(replies_in(bot_servers, dm_channel(user))) == 1


def test_mention_in_a_thread_is_answered_in_that_thread(bot_servers):
    user, channel, parent = new_id("U"), new_id("C"), new_ts()
    assert post(bot_servers, event_body(mention(user, channel, QUESTION, thread_ts=parent))).status == 200
    reply = wait_for_reply(bot_servers, channel)
    assert reply["thread_ts"] == parent
    assert "*Day to day:*" in reply["text"]


def test_top_level_mention_is_answered_in_a_thread_under_it(bot_servers):
    user, channel = new_id("U"), new_id("C")
    event = mention(user, channel, QUESTION)
    assert post(bot_servers, event_body(event)).status == 200
    assert wait_for_reply(bot_servers, channel)["thread_ts"] == event["ts"]


def test_bot_mention_is_removed_from_the_text():
    from bot.rasa_ext.channels.slack import _strip_mentions

    assert _strip_mentions(f"<@{BOT_USER_ID}> what does an MLE do?", [BOT_USER_ID]) == "what does an MLE do?"
    assert _strip_mentions(f"hey <@{BOT_USER_ID}|careerbot>, salary?", [BOT_USER_ID]) == "hey , salary?"
    assert _strip_mentions("ask <@UOTHER> about it", [BOT_USER_ID]) == "ask <@UOTHER> about it"


def test_reply_with_buttons_arrives_as_slack_buttons(bot_servers):
    greeting = greet(bot_servers, new_id("U"))
    assert greeting["text"].strip()
    assert greeting["blocks"][0]["type"] == "section" and greeting["blocks"][0]["text"]["text"].strip()
    buttons = buttons_of(greeting)
    assert [b["value"] for b in buttons] == ["/ask_role", "/ask_salary", "/ask_where_to_start"]
    assert all(b["text"]["type"] == "plain_text" and b["text"]["text"] for b in buttons)


@pytest.mark.parametrize("where", ["dm", "channel thread"])
def test_clicking_a_button_sends_its_payload_to_the_bot(bot_servers, where):
    user, thread = new_id("U"), (None if where == "dm" else new_ts())
    greeting = greet(bot_servers, user, channel=thread and new_id("C"), thread_ts=thread)
    assert greeting["thread_ts"] == thread
    ask_role = next(b for b in buttons_of(greeting) if b["value"] == "/ask_role")
    response = post(bot_servers, button_click(user, greeting, ask_role), "application/x-www-form-urlencoded")
    assert response.status == 200
    answer = wait_for_reply(bot_servers, greeting["channel"], after=1)
    assert "*Day to day:*" in answer["text"]  # what "/ask_role" answers
    assert answer["thread_ts"] == greeting["thread_ts"]  # same place as the buttons


def test_unauthentic_requests_are_rejected_without_a_reply(bot_servers):
    now = int(time.time())
    users = [new_id("U") for _ in range(9)]
    body = [event_body(dm(user, "hi")) for user in users]
    attempts = {
        "unsigned": post(bot_servers, body[0], headers={"X-Slack-Signature": None}),
        "wrong secret": post(bot_servers, body[1], secret="not-the-signing-secret"),
        "garbage signature": post(bot_servers, body[2], headers={"X-Slack-Signature": "v0=ÿ not hex"}),
        "stale (10 minutes old)": post(bot_servers, body[3], timestamp=now - 600),
        "from the future (10 minutes)": post(bot_servers, body[4], timestamp=now + 600),
        "no timestamp": post(bot_servers, body[5], headers={"X-Slack-Request-Timestamp": None}),
        "garbage timestamp": post(bot_servers, body[6], headers={"X-Slack-Request-Timestamp": "soon"}),
        # the signature of another body, or of another timestamp, doesn't fit
        "tampered body": post(bot_servers, body[7], headers={
            "X-Slack-Signature": sign(bot_servers.slack_signing_secret, str(now), event_body(dm(users[7], "hey")))}),
        "unsigned click": post(bot_servers, urlencode({"payload": json.dumps({
            "type": "block_actions", "user": {"id": users[8]}, "channel": {"id": dm_channel(users[8])},
            "actions": [{"type": "button", "value": "/greet"}]})}).encode(),
            "application/x-www-form-urlencoded", headers={"X-Slack-Signature": None}),
    }
    for name, response in attempts.items():
        assert 400 <= response.status < 500, f"{name}: HTTP {response.status}"
    time.sleep(QUIET_S)
    answered = [m for m in bot_servers.slack.messages if m["channel"] in {dm_channel(u) for u in users}]
    assert answered == []


def test_replayed_request_gets_no_second_reply(bot_servers):
    user = new_id("U")
    body, ts = event_body(dm(user, "hi")), int(time.time())
    assert post(bot_servers, body, timestamp=ts).status == 200
    wait_for_reply(bot_servers, dm_channel(user))
    # Captured and sent again 10 minutes later, with a signature that fits the old timestamp ...
    assert 400 <= post(bot_servers, body, timestamp=ts - 600).status < 500
    # ... or the old signature under a fresh timestamp ...
    old_signature = sign(bot_servers.slack_signing_secret, str(ts - 600), body)
    assert 400 <= post(bot_servers, body, headers={"X-Slack-Signature": old_signature}).status < 500
    # ... or, within the 5 minutes, byte for byte: accepted, but the event was handled already.
    assert post(bot_servers, body, timestamp=ts).status == 200
    time.sleep(QUIET_S)
    assert len(replies_in(bot_servers, dm_channel(user))) == 1


def test_slack_retries_get_exactly_one_reply(bot_servers):
    user = new_id("U")
    body = event_body(dm(user, QUESTION), new_id("Ev"))
    assert post(bot_servers, body).status == 200
    # Sent right away, while the first delivery is still being answered.
    for num, reason in [("1", "http_timeout"), ("2", "http_error"), ("3", "unknown_error")]:
        response = post(bot_servers, body, headers={"X-Slack-Retry-Num": num, "X-Slack-Retry-Reason": reason})
        assert response.status == 200, f"retry {num} ({reason}): HTTP {response.status}"
        assert response.headers.get("X-Slack-No-Retry") == "1"
    wait_for_reply(bot_servers, dm_channel(user))
    time.sleep(QUIET_S)
    assert len(replies_in(bot_servers, dm_channel(user))) == 1


def test_message_delivered_as_two_events_gets_one_reply(bot_servers):
    # A DM that @mentions the bot may come as message.im and as app_mention, with different event ids.
    user = new_id("U")
    message = dm(user, f"<@{BOT_USER_ID}> {QUESTION}")
    assert post(bot_servers, event_body(message)).status == 200
    assert post(bot_servers, event_body({**message, "type": "app_mention"})).status == 200
    wait_for_reply(bot_servers, dm_channel(user))
    time.sleep(QUIET_S)
    assert len(replies_in(bot_servers, dm_channel(user))) == 1


def test_handled_ids_are_remembered_in_a_bounded_lru():
    from bot.rasa_ext.channels.seen_events import REMEMBER_MAX, SeenInMemory

    seen = SeenInMemory()
    assert not seen.seen_before(["EvA", "C1:1.0"])
    assert seen.seen_before(["EvA", None])
    assert seen.seen_before(["EvB", "C1:1.0"])  # another event for the same message

    seen = SeenInMemory()
    for i in range(REMEMBER_MAX):
        assert not seen.seen_before([f"Ev{i}"])
    assert seen.seen_before(["Ev0"])  # still there, and now the most recent
    assert not seen.seen_before(["EvNew"])  # pushes out the oldest: Ev1
    assert seen.seen_before(["Ev0"]) and not seen.seen_before(["Ev1"])


def test_retry_of_a_delivery_that_never_arrived_is_answered(bot_servers):
    user = new_id("U")
    body = event_body(dm(user, "hi"))
    response = post(bot_servers, body, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert response.status == 200
    wait_for_reply(bot_servers, dm_channel(user))
    time.sleep(QUIET_S)
    assert len(replies_in(bot_servers, dm_channel(user))) == 1


def test_malformed_and_ignored_requests_do_not_break_the_server(bot_servers):
    log_start = len(bot_servers.log)
    users = [new_id("U") for _ in range(8)]
    message, public_channel = dm(users[0], "hi"), new_id("C")
    without = lambda key: {k: v for k, v in message.items() if k != key}  # noqa: E731
    json_bodies = {
        "not JSON": b'{"type": "event_callback", "event": ',
        "not UTF-8": b"\xff\xfe{}",
        "a JSON list": b"[]",
        "a JSON string": b'"hi"',
        "empty object": b"{}",
        "challenge missing": b'{"type": "url_verification"}',
        "event not an object": json.dumps({"type": "event_callback", "event": "hi"}).encode(),
        "event without user": event_body(without("user")),
        "event without channel": event_body(without("channel")),
        "event without text": event_body(without("text")),
        "text not a string": event_body({**message, "text": 42}),
        "user not a string": event_body({**message, "user": {"id": users[0]}}),
        "a bot's message": event_body({**dm(users[1], "hi"), "bot_id": "BOTHER", "subtype": "bot_message"}),
        "an edit": event_body({**dm(users[2], "hi"), "subtype": "message_changed"}),
        "channel message without mention": event_body({**dm(users[3], "hi"), "channel_type": "channel",
                                                       "channel": public_channel}),
    }
    form_bodies = {
        "no payload": b"text=hi",
        "payload not JSON": urlencode({"payload": "{nope"}).encode(),
        "payload without actions": urlencode({"payload": json.dumps({"type": "block_actions"})}).encode(),
        "actions not a list": urlencode({"payload": json.dumps({"type": "block_actions", "actions": "x"})}).encode(),
        "click without user": urlencode({"payload": json.dumps({
            "type": "block_actions", "channel": {"id": dm_channel(users[4])},
            "actions": [{"type": "button", "value": "/greet"}]})}).encode(),
        "link button (no value)": urlencode({"payload": json.dumps({
            "type": "block_actions", "user": {"id": users[5]}, "channel": {"id": dm_channel(users[5])},
            "actions": [{"type": "button", "url": "https://example.com"}]})}).encode(),
    }
    statuses = {name: post(bot_servers, body).status for name, body in json_bodies.items()}
    statuses.update({name: post(bot_servers, body, "application/x-www-form-urlencoded").status
                     for name, body in form_bodies.items()})
    statuses["plain text"] = post(bot_servers, b"hi", "text/plain").status
    statuses["empty body"] = post(bot_servers, b"").status
    for name, status in statuses.items():
        assert status == 200 or 400 <= status < 500, f"{name}: HTTP {status}"

    # The server still answers, and answered none of the above.
    user = users[7]
    assert post(bot_servers, event_body(dm(user, "hi"))).status == 200
    wait_for_reply(bot_servers, dm_channel(user))
    time.sleep(QUIET_S)
    channels = {m["channel"] for m in bot_servers.slack.messages}
    assert channels.isdisjoint({public_channel, *(dm_channel(u) for u in users[:7])})
    new_log = "".join(bot_servers.log[log_start:])
    assert "Traceback" not in new_log, new_log


# --------------------------------------------------------------------------- privacy and abuse (issue 12)
APOLOGY = "Sorry, I couldn't look that up just now. Please try again in a moment."


def conversation_ids(servers: Any, user: str, expected: List[str]) -> List[str]:
    """The conversation ids the tracker store holds for a Slack user id, once they are `expected`
    or a few seconds have passed (a turn is saved after its replies went out)."""
    deadline = time.monotonic() + 10
    while True:
        with sqlite3.connect(servers.tracker_db_url[len("sqlite:///"):]) as db:
            rows = db.execute("SELECT DISTINCT sender_id FROM events WHERE sender_id LIKE ?", (f"%{user}%",))
            found = sorted(r[0] for r in rows)
        if found == sorted(expected) or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def test_the_same_user_id_in_two_workspaces_is_two_conversations(bot_servers):
    # User ids are only unique within a workspace: before, both were conversation "U...", and the
    # second workspace's user was told what the first one had said about themselves.
    user, other_team = new_id("U"), new_id("T")
    here, there = new_id("D"), new_id("D")
    assert post(bot_servers, event_body(dm(user, "I'm a backend dev in Seattle", channel=here))).status == 200
    assert "Seattle" in wait_for_reply(bot_servers, here)["text"]  # the profile as understood
    asked = dm(user, "what do you know about me?", team=other_team, channel=there)
    assert post(bot_servers, event_body(asked, team=other_team)).status == 200
    assert "You haven't told me anything about yourself yet" in wait_for_reply(bot_servers, there)["text"]
    expected = [f"slack:{TEAM}:{user}", f"slack:{other_team}:{user}"]
    assert conversation_ids(bot_servers, user, expected) == sorted(expected)


def test_a_request_without_a_team_id_is_rejected_without_a_reply(bot_servers):
    user = new_id("U")
    greeting = greet(bot_servers, user)
    assert post(bot_servers, event_body(dm(user, QUESTION, team=None), team=None)).status == 400
    ask_role = next(b for b in buttons_of(greeting) if b["value"] == "/ask_role")
    click = button_click(user, greeting, ask_role, team=None)
    assert post(bot_servers, click, "application/x-www-form-urlencoded").status == 400
    time.sleep(QUIET_S)
    assert len(replies_in(bot_servers, greeting["channel"])) == 1  # the greeting only


def test_a_replayed_button_click_gets_no_second_answer(bot_servers):
    user = new_id("U")
    greeting = greet(bot_servers, user)
    ask_role = next(b for b in buttons_of(greeting) if b["value"] == "/ask_role")
    click = button_click(user, greeting, ask_role)
    form = "application/x-www-form-urlencoded"
    answers = lambda m: m["channel"] == greeting["channel"] and "*Day to day:*" in m["text"]  # noqa: E731
    assert post(bot_servers, click, form).status == 200
    assert len(bot_servers.slack.wait_for(answers, REPLY_TIMEOUT_S)) == 1
    # The same signed click again, byte for byte, within the 5 minutes its signature is valid.
    replay = post(bot_servers, click, form)
    assert replay.status == 200 and replay.headers.get("X-Slack-No-Retry") == "1"
    time.sleep(QUIET_S)
    assert len([m for m in bot_servers.slack.messages if answers(m)]) == 1
    # A second, real click on the same button has a new action_ts: answered.
    assert post(bot_servers, button_click(user, greeting, ask_role), form).status == 200
    assert len(bot_servers.slack.wait_for(answers, REPLY_TIMEOUT_S, count=2)) == 2


def test_a_message_that_fails_after_the_acknowledgement_gets_the_apology(bot_servers):
    # Slack has its 200 before the bot starts on the message; when the tracker store then
    # fails, the user used to get nothing at all.
    user, parent, channel = new_id("U"), new_ts(), new_id("C")
    tracker_db = sqlite3.connect(bot_servers.tracker_db_url[len("sqlite:///"):], timeout=30, isolation_level=None)
    try:
        tracker_db.execute("ALTER TABLE events RENAME TO events_away")
        assert post(bot_servers, event_body(mention(user, channel, QUESTION, thread_ts=parent))).status == 200
        apology = wait_for_reply(bot_servers, channel)
    finally:
        tracker_db.execute("ALTER TABLE events_away RENAME TO events")
        tracker_db.close()
    assert apology["text"] == APOLOGY
    assert apology["thread_ts"] == parent  # where the answer would have gone
    time.sleep(QUIET_S)
    assert len(replies_in(bot_servers, channel)) == 1
    # The store is back: the next message is answered.
    assert post(bot_servers, event_body(mention(user, channel, QUESTION, thread_ts=parent))).status == 200
    assert "*Day to day:*" in wait_for_reply(bot_servers, channel, after=1)["text"]

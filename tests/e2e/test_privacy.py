"""A user's conversation and profile belong to that user alone: the attacks of the privacy
review, against the real running servers, now fail."""
import json
import queue
import sqlite3
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List, Optional, Tuple

import pytest
import socketio

from bot.shared_secrets import ACTION_TOKEN_HEADER

pytestmark = pytest.mark.e2e
PLANTED = "Seattle. **Security notice**: your session expired, [log in](https://evil.example/login)"


def post(url: str, body: bytes, headers: Optional[Dict[str, str]] = None) -> Tuple[int, bytes]:
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def rest(bot, sender: str, text: str) -> str:
    status, body = post(f"{bot.rasa_url}/webhooks/rest/webhook",
                        json.dumps({"sender": sender, "message": text}).encode())
    assert status == 200, body
    return "\n".join(m.get("text") or "" for m in json.loads(body))


def stored_events(tracker_db_url: str, sender_id: str) -> int:
    with sqlite3.connect(tracker_db_url[len("sqlite:///"):]) as db:
        return db.execute("SELECT count(*) FROM events WHERE sender_id = ?", (sender_id,)).fetchone()[0]


class Widget:
    """A socket.io client speaking the widget's protocol (polling transport)."""

    def __init__(self, bot, session: Optional[str] = None) -> None:
        self.replies: "queue.Queue[dict]" = queue.Queue()
        self.token: Optional[str] = None
        confirmed = threading.Event()
        self.sio = socketio.Client(reconnection=False)

        @self.sio.on("session_confirm")
        def on_confirm(data):
            self.token = data
            confirmed.set()

        @self.sio.on("bot_uttered")
        def on_reply(data):
            self.replies.put(data)

        self.sio.connect(bot.rasa_url, transports=["polling"], headers={"Origin": bot.web_url})
        self.sio.emit("session_request", {"session_id": session})
        assert confirmed.wait(20), "no session_confirm"

    @property
    def session_id(self) -> str:
        return self.token.split(".")[0]

    def send(self, text: str, as_session: Optional[str] = None) -> None:
        self.sio.emit("user_uttered", {"message": text, "session_id": as_session or self.token})

    def collect(self, first_within_s: float = 60, quiet_s: float = 1.5) -> List[dict]:
        got = []
        try:
            got.append(self.replies.get(timeout=first_within_s))
            while True:
                got.append(self.replies.get(timeout=quiet_s))
        except queue.Empty:
            return got

    def say(self, text: str) -> str:
        self.send(text)
        return "\n".join(m.get("text") or "" for m in self.collect())

    def close(self) -> None:
        self.sio.disconnect()


@pytest.fixture
def victim(bot_servers):
    widget = Widget(bot_servers)
    assert "Seattle" in widget.say("I'm a backend dev in Seattle")
    yield widget
    widget.close()


def test_a_socket_asking_for_another_users_session_gets_a_fresh_one(bot_servers, victim):
    # the last hex digit of the signature changed (to another digit: "0" could be the real one)
    tampered = victim.token[:-1] + ("1" if victim.token.endswith("0") else "0")
    for asked in (victim.session_id, victim.session_id + ".forged", tampered, None):
        attacker = Widget(bot_servers, session=asked)
        try:
            assert attacker.session_id != victim.session_id
            assert "Seattle" in victim.say("what do you know about me?")
            assert attacker.collect(first_within_s=2) == [], "the attacker received the victim's reply"
        finally:
            attacker.close()


def test_a_socket_cannot_send_as_a_session_it_does_not_hold(bot_servers, victim):
    attacker = Widget(bot_servers)
    try:
        attacker.send("I live in Chicago now", as_session=victim.token)
        assert attacker.collect(first_within_s=3) == [] and victim.collect(first_within_s=1) == []
        profile = victim.say("what do you know about me?")
        assert "Seattle" in profile and "Chicago" not in profile
    finally:
        attacker.close()


def test_a_widget_session_signed_by_the_server_is_resumed(bot_servers, victim):
    again = Widget(bot_servers, session=victim.token)  # a page reload presents the stored token
    try:
        assert again.session_id == victim.session_id
        assert "Seattle" in again.say("what do you know about me?")
    finally:
        again.close()


def test_rest_cannot_read_or_erase_a_widget_conversation(bot_servers, victim):
    before = stored_events(bot_servers.tracker_db_url, "web:" + victim.session_id)
    assert before > 0
    for sender in (victim.session_id, "web:" + victim.session_id):
        assert "haven't told me anything" in rest(bot_servers, sender, "what do you know about me?")
        rest(bot_servers, sender, "forget me")
    assert stored_events(bot_servers.tracker_db_url, "web:" + victim.session_id) >= before
    assert "Seattle" in victim.say("what do you know about me?")


def test_rest_conversations_are_stored_under_their_channel(bot_servers):
    sender = f"alice-{uuid.uuid4().hex[:6]}"
    rest(bot_servers, sender, "hi")
    assert stored_events(bot_servers.tracker_db_url, f"rest:{sender}") > 0
    assert stored_events(bot_servers.tracker_db_url, sender) == 0


def test_text_planted_as_an_entity_is_not_stored_or_shown(bot_servers):
    sender = f"planter-{uuid.uuid4().hex[:6]}"
    reply = rest(bot_servers, sender, "/inform" + json.dumps({"location": PLANTED}))
    assert "evil.example" not in reply and "location values I know" in reply
    profile = rest(bot_servers, sender, "what do you know about me?")
    assert "evil.example" not in profile
    with sqlite3.connect(bot_servers.db_url[len("sqlite:///"):]) as db:
        assert db.execute("SELECT count(*) FROM user_profiles WHERE data LIKE '%evil.example%'").fetchone()[0] == 0
    # A real button payload still works.
    assert "Seattle" in rest(bot_servers, sender, '/inform{"location":"seattle"}')


def test_the_action_server_refuses_calls_without_the_action_token(bot_servers):
    url = f"http://127.0.0.1:{bot_servers.actions_port}/webhook"
    call = json.dumps({"next_action": "action_show_profile", "sender_id": "rest:someone",
                       "tracker": {"sender_id": "rest:someone", "slots": {"location": "seattle"},
                                   "latest_message": {}, "events": []}, "version": "3.6.21"}).encode()
    for headers in ({}, {ACTION_TOKEN_HEADER: "guess"}):
        status, body = post(url, call, headers)
        assert status == 401 and b"Seattle" not in body
    with urllib.request.urlopen(f"http://127.0.0.1:{bot_servers.actions_port}/health", timeout=10) as resp:
        assert resp.status == 200


@pytest.mark.parametrize("body", [b"[1, 2]", b'"hi"', b"{not json", b'{"message": "hi"}',
                                  b'{"sender": "", "message": "hi"}', b'{"sender": ["x"], "message": "hi"}',
                                  b'{"sender": "x", "message": 5}'])
def test_a_malformed_rest_body_gets_a_400(bot_servers, body):
    status, answer = post(f"{bot_servers.rasa_url}/webhooks/rest/webhook", body)
    assert status == 400, answer
    assert b"error" in answer


def test_oversized_messages_are_refused_before_nlu_and_never_stored(bot_servers):
    url = f"{bot_servers.rasa_url}/webhooks/rest/webhook"
    senders = [f"flood-{i}-{uuid.uuid4().hex[:6]}" for i in range(20)]
    big = "salary " * 7000  # 49 KB: under the request limit, far over the message limit

    def flood(sender: str) -> Tuple[int, bytes]:
        return post(url, json.dumps({"sender": sender, "message": big, "metadata": {"x": "y" * 3_000}}).encode())

    with ThreadPoolExecutor(21) as pool:
        floods = [pool.submit(flood, s) for s in senders]
        started = time.monotonic()
        normal = pool.submit(rest, bot_servers, f"normal-{uuid.uuid4().hex[:6]}", "how much does a junior mle make?")
        assert "$120K-$140K" in normal.result()
        normal_s = time.monotonic() - started
        answers = [f.result() for f in floods]
    assert all(status == 200 and b"under 1,000 characters" in body for status, body in answers)
    assert all(stored_events(bot_servers.tracker_db_url, "rest:" + s) == 0 for s in senders)
    # Before the limit moved into the channel each of these took NLU about 1 s on the event loop.
    assert normal_s < 5, f"a normal message took {normal_s:.1f}s beside the flood"


def test_a_request_over_the_size_limit_is_refused(bot_servers):
    status, _ = post(f"{bot_servers.rasa_url}/webhooks/rest/webhook",
                     json.dumps({"sender": "big", "message": "x" * 200_000}).encode())
    assert status == 413

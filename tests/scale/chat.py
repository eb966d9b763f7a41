"""One message over Rasa's REST channel, with its status, replies and timing; never raises."""
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

REQUEST_TIMEOUT_S = 150.0  # longer than nginx's proxy_read_timeout, so nginx times out first
# The deployment's REST channel requires a bearer token (tests/scale/stack.py sets it).
REST_TOKEN = "scale-test-rest-token"


@dataclass(frozen=True)
class Reply:
    sender: str
    message: str
    status: int  # 0 when no HTTP answer came at all
    messages: List[Dict]
    started: float  # time.monotonic()
    seconds: float
    error: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.status == 200 and self.error is None

    @property
    def text(self) -> str:
        return "\n".join(m.get("text") or "" for m in self.messages)

    @property
    def comparable(self) -> List[Dict]:
        """What the user sees: texts and buttons (recipient_id differs between runs)."""
        return [{"text": m.get("text"), "buttons": m.get("buttons")} for m in self.messages]


def send(base_url: str, sender: str, message: str, timeout_s: float = REQUEST_TIMEOUT_S) -> Reply:
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(f"{base_url}/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json",
                                              "Authorization": f"Bearer {REST_TOKEN}"})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as exc:
        return Reply(sender, message, exc.code, [], started, time.monotonic() - started, f"HTTP {exc.code}")
    except OSError as exc:  # refused, reset, timed out
        return Reply(sender, message, 0, [], started, time.monotonic() - started, repr(exc))
    seconds = time.monotonic() - started
    try:
        messages = json.loads(raw)
    except ValueError:
        return Reply(sender, message, status, [], started, seconds, f"not JSON: {raw[:200]!r}")
    return Reply(sender, message, status, messages, started, seconds)


def say_all(base_url: str, sender: str, messages: Sequence[str]) -> List[Reply]:
    """Sends messages in order; fails the test at the first one not answered."""
    replies = []
    for message in messages:
        reply = send(base_url, sender, message)
        assert reply.ok and reply.messages, f"{sender}: {message!r} got {reply.status} {reply.error} {reply.messages}"
        replies.append(reply)
    return replies

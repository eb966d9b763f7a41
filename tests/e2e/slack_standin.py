"""A stand-in for Slack's Web API on 127.0.0.1, just enough for slack_sdk's clients.

POST /api/chat.postMessage records the message and answers like Slack; chat.update records the
update (`updates`); every other method answers {"ok": true} (auth.test also names a bot user).
Nothing leaves the machine.

    standin = SlackStandIn(); standin.start()
    AsyncWebClient("xoxb-...", base_url=standin.url)
    standin.wait_for(lambda m: m["channel"] == "D123")
"""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional
from urllib.parse import parse_qsl

BOT_USER_ID = "UCAREERBOT"
BOT_ID = "BCAREERBOT"

Message = Dict[str, Any]


class SlackStandIn:
    def __init__(self) -> None:
        self._messages: List[Message] = []
        self._updates: List[Message] = []
        self._changed = threading.Condition()
        self._count = 0
        self._server: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    @property
    def url(self) -> str:
        assert self._server, "start() the stand-in first"
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/"

    @property
    def messages(self) -> List[Message]:
        """A copy of every chat.postMessage so far, oldest first."""
        with self._changed:
            return list(self._messages)

    @property
    def updates(self) -> List[Message]:
        """A copy of every chat.update so far (channel, ts, text, blocks), oldest first."""
        with self._changed:
            return list(self._updates)

    def wait_for_update(self, predicate: Callable[[Message], bool], timeout: float = 30.0) -> Optional[Message]:
        """The first chat.update that matches, or None when the timeout passed first."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [u for u in self._updates if predicate(u)]
                remaining = deadline - time.monotonic()
                if found or remaining <= 0:
                    return found[0] if found else None
                self._changed.wait(remaining)

    def clear(self) -> None:
        with self._changed:
            self._messages.clear()
            self._updates.clear()

    def wait_for(self, predicate: Callable[[Message], bool], timeout: float = 30.0, count: int = 1) -> List[Message]:
        """Waits until at least `count` recorded messages match; returns the matching ones
        (fewer than `count`, maybe none, if the timeout passed first)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [m for m in self._messages if predicate(m)]
                remaining = deadline - time.monotonic()
                if len(found) >= count or remaining <= 0:
                    return found
                self._changed.wait(remaining)

    def start(self) -> None:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                method = self.path.split("?")[0].rsplit("/", 1)[-1]
                self._answer(standin._handle(method, self.headers, body))

            def do_GET(self) -> None:
                self._answer(standin._handle(self.path.split("?")[0].rsplit("/", 1)[-1], self.headers, b""))

            def _answer(self, reply: Dict[str, Any]) -> None:
                data = json.dumps(reply).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="slack-standin", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = None

    def _handle(self, method: str, headers: Any, body: bytes) -> Dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "url": "https://careerbot-test.slack.com/", "team": "careerbot-test",
                    "user": "careerbot", "team_id": "TCAREERBOT", "user_id": BOT_USER_ID, "bot_id": BOT_ID}
        if method == "chat.update":
            return self._update(headers, body)
        if method != "chat.postMessage":
            return {"ok": True}
        try:
            params = _params(headers, body)
        except ValueError:
            return {"ok": False, "error": "invalid_arguments"}
        if not params.get("channel"):
            return {"ok": False, "error": "channel_not_found"}
        with self._changed:
            self._count += 1
            ts = f"{int(time.time())}.{self._count:06d}"  # increasing, like Slack's
            message = {"channel": params["channel"], "text": params.get("text"), "blocks": params.get("blocks"),
                       "thread_ts": params.get("thread_ts"), "ts": ts,
                       "token": (headers.get("Authorization") or "").replace("Bearer ", "", 1) or params.get("token")}
            self._messages.append(message)
            self._changed.notify_all()
        return {"ok": True, "channel": message["channel"], "ts": ts,
                "message": {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "text": message["text"],
                            "blocks": message["blocks"] or [], "ts": ts,
                            **({"thread_ts": message["thread_ts"]} if message["thread_ts"] else {})}}

    def _update(self, headers: Any, body: bytes) -> Dict[str, Any]:
        try:
            params = _params(headers, body)
        except ValueError:
            return {"ok": False, "error": "invalid_arguments"}
        if not params.get("channel") or not params.get("ts"):
            return {"ok": False, "error": "message_not_found"}
        with self._changed:
            update = {"channel": params["channel"], "ts": str(params["ts"]), "text": params.get("text"),
                      "blocks": params.get("blocks")}
            self._updates.append(update)
            self._changed.notify_all()
        return {"ok": True, "channel": update["channel"], "ts": update["ts"], "text": update["text"]}


def _params(headers: Any, body: bytes) -> Dict[str, Any]:
    """The API call's arguments, sent as JSON or as a form (where blocks is a JSON string)."""
    if (headers.get("Content-Type") or "").startswith("application/json"):
        params = json.loads(body or b"{}")
    else:
        params = dict(parse_qsl(body.decode(), keep_blank_values=True))
        if isinstance(params.get("blocks"), str):
            params["blocks"] = json.loads(params["blocks"])
    if params.get("thread_ts") is not None:
        params["thread_ts"] = str(params["thread_ts"])
    return params

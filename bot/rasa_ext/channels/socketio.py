"""Rasa's socket.io channel (the web widget's), with sessions that belong to their user.

Rasa 3.6's handlers let any socket ask for any `session_id`, join that session's room (and
so receive its replies) and send as that user. Here:
- the server issues session ids, signed with HMAC (bot/rasa_ext/channels/session_ids.py); a socket
  that presents a forged, unsigned or foreign id gets a fresh session, never someone else's;
- a socket sends only as the session it holds (the `session_id` in a message is ignored
  unless it is that one) and joins only that session's room;
- conversation ids are `web:<id>`, so no other channel can name them;
- messages over the limit get the polite reply here, before NLU and without being stored;
  client metadata is bounded, and socket.io's buffer too;
- only the configured origins may connect (Rasa creates its server with
  `cors_allowed_origins=[]`, which turns the origin check off);
- `rate_answer` (issue 14, /work/notes/answer_payload.md) rates an answer of the session the socket
  holds: the rating token must be one issued to that conversation; the reply is `rating_saved`.
"""
import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.answering.feedback import rate
from bot.answering.ratings import MAX_TOKEN_CHARS
from bot.rasa_ext.channels.limits import MAX_REQUEST_BYTES, bounded_metadata, too_long, too_long_reply
from bot.rasa_ext.channels.session_ids import Session, SessionSigner
from bot.shared_secrets import SESSION_SECRET, shared_secret
from userdata.conversation_ids import WEB

logger = logging.getLogger(__name__)
PREFIX = WEB
RATE_EVENT = "rate_answer"  # the widget rates an answer
RATED_EVENT = "rating_saved"  # and hears back


class WidgetOutput(SocketIOOutput):
    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        # Rasa passes the custom payload as emit()'s keyword arguments; the widget gets it as a message.
        await self._send_message(recipient_id, {"custom": json_message})


class CareerbotSocketIOInput(SocketIOInput):
    cors_allowed_origins: Sequence[str] = ()  # from_credentials sets each channel's own

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = dict(credentials or {})
        origins = credentials.pop("cors_allowed_origins", None)
        channel = super().from_credentials(credentials)
        channel.cors_allowed_origins = _as_list(origins)
        return channel

    def get_output_channel(self) -> Optional[WidgetOutput]:
        return WidgetOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        allowed = list(self.cors_allowed_origins)
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins="*" if allowed == ["*"] else allowed,
                          max_http_buffer_size=MAX_REQUEST_BYTES)
        self.sio = sio
        signer = SessionSigner(shared_secret(SESSION_SECRET).encode())
        blueprint = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any) -> None:
            asked = data.get("session_id") if isinstance(data, dict) else None
            session = signer.verify(asked) or signer.issue()
            held = (await sio.get_session(sid, namespace=self.namespace)).get("session")
            if held and held.token != session.token:
                sio.leave_room(sid, PREFIX + held.id, namespace=self.namespace)
            await sio.save_session(sid, {"session": session}, namespace=self.namespace)
            sio.enter_room(sid, PREFIX + session.id, namespace=self.namespace)
            await sio.emit("session_confirm", session.token, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            session = (await sio.get_session(sid, namespace=self.namespace)).get("session")
            if session is None or not isinstance(data, dict) or data.get("session_id") not in (None, session.token):
                logger.warning("dropped a socket.io message from %s: not from the session it holds", sid)
                return
            text = data.get("message")
            if not isinstance(text, str):
                return
            sender_id = PREFIX + session.id
            output = WidgetOutput(sio, self.bot_message_evt)
            if too_long(text):
                await output.send_text_message(sender_id, too_long_reply())
                return
            metadata = bounded_metadata(data.get(self.metadata_key), sender_id)
            await on_new_message(UserMessage(text, output, sender_id, input_channel=self.name(), metadata=metadata))

        @sio.on(RATE_EVENT, namespace=self.namespace)
        async def rate_answer(sid: Text, data: Any) -> None:
            session = (await sio.get_session(sid, namespace=self.namespace)).get("session")
            reply = await rating_reply(session, data)
            await sio.emit(RATED_EVENT, reply, room=sid, namespace=self.namespace)

        return blueprint


async def rating_reply(session: Optional[Session], data: Any) -> Dict[str, Any]:
    """Stores a widget's rating (in a worker thread) and says how it went; bad input is refused, never raised."""
    if session is None or not isinstance(data, dict) or data.get("session_id") not in (None, session.token):
        logger.warning("refused a rating: not from the session the socket holds")
        return {"ok": False, "error": "not the session this socket holds"}
    token = data.get("rating_token")
    echo = {"rating_token": token} if isinstance(token, str) and len(token) <= MAX_TOKEN_CHARS else {}
    try:
        outcome = await asyncio.to_thread(rate, PREFIX + session.id, token, data.get("rating"), data.get("comment"))
    except Exception:  # rate() catches the store's errors; this is for anything else
        logger.exception("could not store a widget rating")
        return {**echo, "ok": False, "error": "the rating could not be stored"}
    if not outcome.ok:
        logger.warning("refused a widget rating: %s", outcome.error)
        return {**echo, "ok": False, "error": outcome.error}
    return {**echo, "ok": True}


def _as_list(origins: Any) -> List[str]:
    if not origins:
        return []
    if isinstance(origins, str):
        return [o.strip() for o in origins.split(",") if o.strip()]
    return [str(o) for o in origins]

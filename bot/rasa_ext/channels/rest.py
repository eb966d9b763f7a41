"""Rasa's REST channel, hardened for careerbot.

- Conversation ids are `rest:<sender>`: a REST client can never name a widget or Slack
  conversation (nor read, change or erase it).
- A bearer token (`token` credential, CAREERBOT_REST_TOKEN) is required when configured;
  bot.serve turns REST off when it would listen beyond loopback without one.
- A body that is not a JSON object with a string `sender` and `message` gets a 400 (Rasa
  answered a missing sender in one shared "default" conversation, and non-objects with a 500).
- A message over the limit gets the polite reply here, before NLU and without being stored.
- A message the bot could not handle gets a 503: Rasa 3.6's RestInput catches every
  exception (tracker store or lock store down, ...) and answers 200 with `[]`, which neither
  a client nor a load balancer can tell from a bot with nothing to say.
"""
import hmac
import logging
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.rasa_ext.channels.limits import MAX_SENDER_CHARS, bounded_metadata, too_long, too_long_reply
from userdata.conversation_ids import REST

logger = logging.getLogger(__name__)
PREFIX = REST


class CareerbotRestInput(RestInput):
    token: Optional[str] = None

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        channel = cls()
        channel.token = (credentials or {}).get("token") or None
        return channel

    def _authorised(self, request: Request) -> bool:
        if not self.token:
            return True
        given = request.headers.get("authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {self.token}".encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("careerbot_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self._authorised(request):
                return response.json({"error": "a valid bearer token is required"}, status=401)
            parsed = _parse(request)
            if isinstance(parsed, HTTPResponse):
                return parsed
            sender, text, metadata = parsed
            sender_id = PREFIX + sender
            if too_long(text):
                return response.json([{"recipient_id": sender_id, "text": too_long_reply()}])
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, collector, sender_id, input_channel=self.name(),
                                                 metadata=bounded_metadata(metadata, sender_id)))
            except (CancelledError, Exception):
                logger.exception("could not handle a message from %s", sender_id)
                return response.json({"error": "careerbot could not handle this message; please send it again"},
                                     status=503)
            return response.json(collector.messages)

        return webhook


def _parse(request: Request) -> "Tuple[str, str, Any] | HTTPResponse":
    """(sender, text, metadata) of a well-formed request, else the 400 that explains what is wrong."""
    try:
        body = request.json
    except Exception:  # Sanic raises its own error type for invalid JSON
        body = None
    if not isinstance(body, dict):
        return response.json({"error": "the body must be a JSON object"}, status=400)
    sender, text = body.get("sender"), body.get("message", body.get("text"))
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        return response.json({"error": f"'sender' must be a non-empty string of at most {MAX_SENDER_CHARS} "
                                       "characters naming the conversation"}, status=400)
    if not isinstance(text, str):
        return response.json({"error": "'message' must be a string"}, status=400)
    return sender, text, body.get("metadata")

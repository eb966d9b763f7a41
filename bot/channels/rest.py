"""Rasa's REST channel, except that a message the bot could not handle gets an error status.

Rasa 3.6's RestInput catches every exception (tracker store or lock store down, ...) and
answers 200 with whatever was collected, usually `[]`: the client cannot tell a failure from
a bot with nothing to say, and a load balancer cannot either."""
import logging
from asyncio import CancelledError
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)


class CareerbotRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("careerbot_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            sender_id = await self._extract_sender(request)
            text = self._extract_message(request)
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, collector, sender_id, input_channel=self.name(),
                                                 metadata=self.get_metadata(request)))
            except (CancelledError, Exception):
                logger.exception("could not handle a message from %s", sender_id)
                return response.json({"error": "careerbot could not handle this message; please send it again"},
                                     status=503)
            return response.json(collector.messages)

        return webhook

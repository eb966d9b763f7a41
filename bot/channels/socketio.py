"""Rasa's socketio channel with a configurable list of allowed origins.

Rasa 3.6 creates its socket.io server with `cors_allowed_origins=[]`, which turns the
origin check off and lets any web page talk to the bot. This channel sets the list
from the credentials (`cors_allowed_origins`), so only the configured sites can.
"""
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint


class CareerbotSocketIOInput(SocketIOInput):
    cors_allowed_origins: List[str] = []

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

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        if self.cors_allowed_origins:
            allowed = self.cors_allowed_origins
            self.sio.eio.cors_allowed_origins = "*" if allowed == ["*"] else allowed
        return blueprint


def _as_list(origins: Any) -> List[str]:
    if not origins:
        return []
    if isinstance(origins, str):
        return [o.strip() for o in origins.split(",") if o.strip()]
    return [str(o) for o in origins]

"""Widget session ids issued by the server: `<id>.<HMAC-SHA256 of id>`, so only a holder of
a session's token can use it, and any Rasa server of a deployment (one shared secret) can
check it without shared state."""
import hashlib
import hmac
import re
import uuid
from dataclasses import dataclass
from typing import Any, Optional

_ID = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class Session:
    id: str  # the conversation is `web:<id>`
    token: str  # what the widget keeps and presents


class SessionSigner:
    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the session secret (CAREERBOT_SESSION_SECRET) must be at least 16 characters")
        self._secret = secret

    def _signature(self, session_id: str) -> str:
        return hmac.new(self._secret, session_id.encode(), hashlib.sha256).hexdigest()

    def issue(self) -> Session:
        session_id = uuid.uuid4().hex
        return Session(session_id, f"{session_id}.{self._signature(session_id)}")

    def verify(self, token: Any) -> Optional[Session]:
        """The session of a genuine token; None for anything else."""
        if not isinstance(token, str) or token.count(".") != 1:
            return None
        session_id, signature = token.split(".")
        if not _ID.fullmatch(session_id) or not hmac.compare_digest(signature, self._signature(session_id)):
            return None
        return Session(session_id, token)

"""Rating tokens: what an answer's thumbs up or down sends back, so that the rating names what it rates
without the server keeping any state (the contract: /work/notes/answer_payload.md, issue 14).

A token is `r1.<payload>.<signature>`: the payload is base64url JSON of the answer id, the action, the
topic and the question (cut to 300 characters); the signature is base64url HMAC-SHA256, with a key
derived from CAREERBOT_LOG_KEY (bot/shared_secrets.py), over the payload and the conversation id. The id
itself is not in the token: `verify` is given the conversation the rating arrives from (the widget's
signed session, the Slack user who clicked) and refuses a token signed for any other, a forged one and
an altered one.

    token = rating_token(answer_id, "action_salary", "ask_salary", "how much does a mid-level MLE make?",
                         tracker.sender_id)
    rated = verify(token, "web:<session id>")  # RatedAnswer, or None
"""
import base64
import binascii
import hashlib
import hmac
import json
import re
import secrets
from functools import lru_cache
from typing import Any, Optional

from bot.shared_secrets import LOG_KEY, shared_secret
from userdata.feedback import QUESTION_CHARS, RatedAnswer, derived_key

VERSION = "r1"
MAX_TOKEN_CHARS = 2000  # Slack's limit for a button's value
NAME_CHARS = 64  # action and topic names (the columns of answer_ratings)
_ANSWER_ID = re.compile(r"[0-9a-f]{8,32}")
_ACTION = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


def new_answer_id() -> str:
    """16 hex characters, unique per answer."""
    return secrets.token_hex(8)


@lru_cache(maxsize=None)
def log_key() -> bytes:
    """The deployment's CAREERBOT_LOG_KEY (generated into var/run/log_key when unset)."""
    return shared_secret(LOG_KEY).encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: bytes, payload: str, conversation_id: str) -> str:
    message = f"{VERSION}\n{conversation_id}\n{payload}".encode()
    return _b64(hmac.new(derived_key(secret, "rating-token"), message, hashlib.sha256).digest())


def rating_token(answer_id: str, action: str, topic: str, question: str, conversation_id: str,
                 secret: Optional[bytes] = None) -> str:
    """The token an answer carries (`custom.rating_token`); `secret` defaults to the deployment's log key.
    The topic is cut to 64 characters and the question to 300 (fewer when its characters are long in JSON)."""
    if not _ANSWER_ID.fullmatch(answer_id):
        raise ValueError(f"an answer id is 8-32 hex characters, not {answer_id!r}")
    if not _ACTION.fullmatch(action):
        raise ValueError(f"an action is a name of up to {NAME_CHARS} characters, not {action!r}")
    question = question[:QUESTION_CHARS]
    while True:
        fields = {"a": answer_id, "x": action, "t": topic[:NAME_CHARS], "q": question}
        payload = _b64(json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode())
        token = f"{VERSION}.{payload}.{_signature(secret or log_key(), payload, conversation_id)}"
        if len(token) <= MAX_TOKEN_CHARS:
            return token
        question = question[:len(question) * 3 // 4]


def verify(token: Any, conversation_id: str, secret: Optional[bytes] = None) -> Optional[RatedAnswer]:
    """What a genuine token of this conversation rates; None for anything else."""
    if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS or token.count(".") != 2:
        return None
    version, payload, signature = token.split(".")
    if version != VERSION or not hmac.compare_digest(signature, _signature(secret or log_key(), payload,
                                                                            conversation_id)):
        return None
    try:
        fields = json.loads(_unb64(payload))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(fields, dict):
        return None
    answer_id, action, topic, question = (fields.get(k) for k in ("a", "x", "t", "q"))
    if not (isinstance(answer_id, str) and _ANSWER_ID.fullmatch(answer_id) and isinstance(action, str)
            and _ACTION.fullmatch(action) and isinstance(topic, str) and len(topic) <= NAME_CHARS
            and isinstance(question, str) and len(question) <= QUESTION_CHARS):
        return None
    return RatedAnswer(answer_id, action, topic, question)

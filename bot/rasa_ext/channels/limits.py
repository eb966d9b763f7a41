"""What an input channel accepts, checked before the message reaches NLU or the tracker store.

A message over the limit is answered with the domain's polite `utter_message_too_long` by the
channel itself: NLU never runs on it (it would stall every user on the event loop) and
nothing of it is stored.
"""
import json
import logging
from functools import lru_cache
from typing import Any, Dict, Optional

import yaml

from settings import DOMAIN_FILE

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 1000
MAX_METADATA_BYTES = 2048
MAX_SENDER_CHARS = 128
# Sanic's request body limit (its default is 100 MB) and socket.io's message buffer.
MAX_REQUEST_BYTES = 64 * 1024


@lru_cache(maxsize=None)
def too_long_reply() -> str:
    domain = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))
    return domain["responses"]["utter_message_too_long"][0]["text"]


def too_long(text: str) -> bool:
    return len(text) > MAX_MESSAGE_CHARS


def bounded_metadata(metadata: Any, sender_id: str) -> Optional[Dict[str, Any]]:
    """The client's metadata if it is a small JSON object, else nothing (it is stored with every message)."""
    if metadata in (None, {}):
        return None
    if isinstance(metadata, str):
        try:
            metadata = json.loads(metadata)
        except ValueError:
            metadata = None
    if not isinstance(metadata, dict) or len(json.dumps(metadata)) > MAX_METADATA_BYTES:
        logger.warning("dropped the metadata of a message from %s (not a JSON object of at most %d bytes)",
                       sender_id, MAX_METADATA_BYTES)
        return None
    return metadata

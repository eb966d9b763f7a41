"""The actions' and channels' side of answer ratings and the unanswered log (userdata/feedback.py):
the store with the deployment's log key, `log_unanswered` for the actions that could not answer,
`rate` for the channels that receive a rating, `forget_user` for "forget me".

Logging never gets in the way of the answer: a failure is logged and the reply goes out as it would.
"""
import asyncio
import logging
from dataclasses import dataclass
from typing import Any, Optional

from rasa_sdk import Tracker

from bot.answering.ratings import log_key, verify
from settings import load_settings
from userdata.feedback import Deleted, FeedbackStore, StoredRating, purge_older_than
from userdata.models import RATINGS

logger = logging.getLogger(__name__)

DID_YOU_MEAN = "did_you_mean"
REPHRASE = "rephrase"
NOT_COVERED = "not_covered"
OUT_OF_SCOPE = "out_of_scope"


def feedback_store() -> FeedbackStore:
    """The store on the application database (storage.engine caches the engine, per URL)."""
    return FeedbackStore(log_key())


async def log_unanswered(tracker: Tracker, kind: str, action: str) -> None:
    """Notes the latest message of `tracker` as one the bot could not answer (kind: did_you_mean,
    rephrase, not_covered, out_of_scope), in a worker thread; never raises."""
    text = (tracker.latest_message or {}).get("text") or ""
    try:
        await asyncio.to_thread(feedback_store().log_unanswered, tracker.sender_id, text, kind, action)
    except Exception:
        logger.exception("could not log the %s message of a conversation", kind)


def forget_user(conversation_id: str) -> Deleted:
    """"Forget me": the user's profile, ratings and log entries, all or nothing (raises on failure)."""
    return feedback_store().forget_user(conversation_id)


@dataclass(frozen=True)
class RatingOutcome:
    ok: bool
    error: Optional[str] = None
    stored: Optional[StoredRating] = None


def rate(conversation_id: str, token: Any, rating: Any, comment: Any = None) -> RatingOutcome:
    """Stores a rating a channel received from `conversation_id` (blocking: call it in a worker thread).
    A token of another conversation, forged or altered, or a rating other than up/down is refused."""
    if rating not in RATINGS:
        return RatingOutcome(False, "the rating is up or down")
    if comment is not None and not isinstance(comment, str):
        return RatingOutcome(False, "the comment is text")
    answer = verify(token, conversation_id)
    if answer is None:
        return RatingOutcome(False, "not a rating token of this conversation")
    try:
        return RatingOutcome(True, stored=feedback_store().record_rating(conversation_id, answer, rating, comment))
    except Exception:
        logger.exception("could not store a rating of %s", answer.action)
        return RatingOutcome(False, "the rating could not be stored")


def purge_expired() -> Deleted:
    """Deletes the ratings and log entries older than CAREERBOT_LOG_DAYS."""
    days = load_settings().log_days
    deleted = purge_older_than(days)
    if deleted.ratings or deleted.unanswered:
        logger.info("deleted %d ratings and %d unanswered-log entries older than %d days",
                    deleted.ratings, deleted.unanswered, days)
    return deleted

"""What users tell careerbot about its answers (issue 14): their ratings (thumbs up or down, an optional
comment) and the log of messages it could not answer well, which editors read in the report
(`python -m userdata.report`).

Neither table holds a conversation id: each row names its conversation by a keyed hash of the id
(HMAC-SHA256 with a key derived from CAREERBOT_LOG_KEY), so a leaked table says nothing about who
wrote what, while "forget me", which knows the id, still finds and deletes that user's rows. Rows are
kept CAREERBOT_LOG_DAYS days (`purge_older_than`, run when the action server and the report start).

One rating per answer and conversation: a second rating of the same answer replaces the first (a
thumbs down and then its comment). A thumbs down also puts the question in the unanswered log (kind
thumbs_down, one entry per answer); changing it to a thumbs up takes that entry out again.
"""
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.engine import get_engine
from userdata.models import COMMENT_MAX, RATINGS, UNANSWERED_KINDS, AnswerRating, UnansweredMessage, UserProfile

MIN_KEY_BYTES = 16
MAX_TEXT_CHARS = 1000  # longer messages never reach the actions (bot/rasa_ext/channels/limits.py)
QUESTION_CHARS = 300  # what a rating keeps of the question (and its token carries)
CHANNELS = ("rest", "web", "slack")
OTHER_CHANNEL = "other"  # `make shell`, or an id from before ids named their channel
THUMBS_DOWN = "thumbs_down"


def derived_key(secret: bytes, purpose: str) -> bytes:
    """A key of its own for each use of the one log secret (conversation hashes, rating tokens)."""
    if len(secret) < MIN_KEY_BYTES:
        raise ValueError(f"the log key (CAREERBOT_LOG_KEY) must be at least {MIN_KEY_BYTES} characters")
    return hmac.new(secret, f"careerbot:{purpose}".encode(), hashlib.sha256).digest()


def conversation_hash(secret: bytes, conversation_id: str) -> str:
    """What the tables store instead of the conversation id: hex HMAC-SHA256 of it."""
    return hmac.new(derived_key(secret, "conversation-hash"), conversation_id.encode(), hashlib.sha256).hexdigest()


def channel_of(conversation_id: str) -> str:
    """rest, web or slack from a channel-namespaced id (userdata/conversation_ids.py); else other."""
    prefix = conversation_id.split(":", 1)[0]
    return prefix if prefix in CHANNELS and ":" in conversation_id else OTHER_CHANNEL


def clean_comment(comment: Optional[str]) -> Optional[str]:
    """The comment trimmed to COMMENT_MAX characters; None when there is none."""
    if not isinstance(comment, str):
        return None
    comment = " ".join(comment.split())[:COMMENT_MAX].strip()
    return comment or None


@dataclass(frozen=True)
class RatedAnswer:
    """What a rating is about, as its rating token carries it (bot/answering/ratings.py)."""
    answer_id: str
    action: str
    topic: str
    question: str


@dataclass(frozen=True)
class StoredRating:
    answer: RatedAnswer
    channel: str
    rating: str
    comment: Optional[str]
    rated_at: datetime
    replaced: Optional[str]  # the rating this one replaced ("up" / "down"), None when it is the first


@dataclass(frozen=True)
class LoggedMessage:
    text: str
    kind: str
    action: str
    channel: str
    logged_at: datetime


@dataclass(frozen=True)
class Deleted:
    """How many rows went: of the ratings, the unanswered log and (forget_user only) the profiles."""
    ratings: int
    unanswered: int
    profiles: int = 0


def _now() -> datetime:
    return datetime.now(timezone.utc)


class FeedbackStore:
    """Ratings and the unanswered log of one database, a short-lived session per call."""

    def __init__(self, secret: bytes, engine: Optional[Engine] = None) -> None:
        derived_key(secret, "check")  # a key too short is refused now, not at the first rating
        self._secret = secret
        self._engine = engine or get_engine()

    def hash_of(self, conversation_id: str) -> str:
        return conversation_hash(self._secret, conversation_id)

    def record_rating(self, conversation_id: str, answer: RatedAnswer, rating: str,
                      comment: Optional[str] = None, now: Optional[datetime] = None) -> StoredRating:
        """Stores the conversation's rating of `answer`, replacing an earlier one of the same answer."""
        if rating not in RATINGS:
            raise ValueError(f"a rating is one of {', '.join(RATINGS)}, not {rating!r}")
        now, comment = now or _now(), clean_comment(comment)
        key, channel = self.hash_of(conversation_id), channel_of(conversation_id)
        question = answer.question[:QUESTION_CHARS]
        for attempt in (1, 2):
            try:
                with Session(self._engine, future=True) as s, s.begin():
                    row = s.execute(select(AnswerRating).where(AnswerRating.conversation_hash == key,
                                                               AnswerRating.answer_id == answer.answer_id)
                                    ).scalar_one_or_none()
                    replaced = row.rating if row is not None else None
                    if row is None:
                        row = AnswerRating(answer_id=answer.answer_id, conversation_hash=key)
                        s.add(row)
                    row.channel, row.question, row.topic, row.action = channel, question, answer.topic, answer.action
                    row.rating, row.comment, row.rated_at = rating, comment, now
                    self._thumbs_down_entry(s, key, channel, answer, question, rating, now)
                break
            except IntegrityError:  # the same answer rated twice at once: the other insert won
                if attempt == 2:
                    raise
        return StoredRating(answer, channel, rating, comment, now, replaced)

    @staticmethod
    def _thumbs_down_entry(s: Session, key: str, channel: str, answer: RatedAnswer, question: str,
                           rating: str, now: datetime) -> None:
        """A thumbs down is in the unanswered log once per answer; a thumbs up is not."""
        this_answer = (UnansweredMessage.conversation_hash == key, UnansweredMessage.kind == THUMBS_DOWN,
                       UnansweredMessage.answer_id == answer.answer_id)
        if rating == "up":
            s.execute(delete(UnansweredMessage).where(*this_answer))
        elif s.execute(select(UnansweredMessage.id).where(*this_answer).limit(1)).first() is None:
            s.add(UnansweredMessage(text=question, kind=THUMBS_DOWN, action=answer.action, channel=channel,
                                    conversation_hash=key, answer_id=answer.answer_id, logged_at=now))

    def log_unanswered(self, conversation_id: str, text: str, kind: str, action: str,
                       now: Optional[datetime] = None) -> LoggedMessage:
        """Notes a message the bot could not answer (kind: one of UNANSWERED_KINDS but thumbs_down,
        which record_rating writes)."""
        if kind not in UNANSWERED_KINDS or kind == THUMBS_DOWN:
            raise ValueError(f"not a kind of unanswered message: {kind!r}")
        now, channel, text = now or _now(), channel_of(conversation_id), (text or "").strip()[:MAX_TEXT_CHARS]
        with Session(self._engine, future=True) as s, s.begin():
            s.add(UnansweredMessage(text=text, kind=kind, action=action[:64], channel=channel,
                                    conversation_hash=self.hash_of(conversation_id), logged_at=now))
        return LoggedMessage(text, kind, action[:64], channel, now)

    def forget(self, conversation_id: str) -> Deleted:
        """Deletes every rating and log entry of this conversation."""
        with Session(self._engine, future=True) as s, s.begin():
            return self._delete(s, self.hash_of(conversation_id))

    def forget_user(self, conversation_id: str) -> Deleted:
        """"Forget me": the user's profile rows, ratings and log entries, in one transaction (all or nothing)."""
        with Session(self._engine, future=True) as s, s.begin():
            feedback = self._delete(s, self.hash_of(conversation_id))
            profiles = s.execute(delete(UserProfile).where(UserProfile.sender_id == conversation_id)).rowcount
        return Deleted(feedback.ratings, feedback.unanswered, profiles)

    @staticmethod
    def _delete(s: Session, key: str) -> Deleted:
        ratings = s.execute(delete(AnswerRating).where(AnswerRating.conversation_hash == key)).rowcount
        logged = s.execute(delete(UnansweredMessage).where(UnansweredMessage.conversation_hash == key)).rowcount
        return Deleted(ratings, logged)


def purge_older_than(days: int, engine: Optional[Engine] = None, now: Optional[datetime] = None) -> Deleted:
    """Deletes the ratings and log entries older than `days` days (CAREERBOT_LOG_DAYS)."""
    if days < 1:
        raise ValueError(f"days must be at least 1, not {days}")
    cutoff = (now or _now()) - timedelta(days=days)
    with Session(engine or get_engine(), future=True) as s, s.begin():
        ratings = s.execute(delete(AnswerRating).where(AnswerRating.rated_at < cutoff)).rowcount
        logged = s.execute(delete(UnansweredMessage).where(UnansweredMessage.logged_at < cutoff)).rowcount
    return Deleted(ratings, logged)

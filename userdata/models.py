"""SQLAlchemy tables of what users tell careerbot (not guide content: `python -m knowledge load`
never touches them): profiles, answer ratings and the unanswered log."""
from sqlalchemy import JSON, CheckConstraint, Column, DateTime, Integer, String, Text, UniqueConstraint

from storage.tables import Base


class UserProfile(Base):
    """What a user told the bot about themselves, kept across sessions and restarts.
    Not knowledge-base content: the loader never touches it."""

    __tablename__ = "user_profiles"
    __table_args__ = (UniqueConstraint("channel", "sender_id"),)
    id = Column(Integer, primary_key=True, autoincrement=True)
    channel = Column(String(64), nullable=False)
    sender_id = Column(String(255), nullable=False)
    data = Column(JSON, nullable=False)
    updated_at = Column(DateTime(timezone=True), nullable=False)


RATINGS = ("up", "down")
# Why a message is in the unanswered log: the bot offered "did you mean", asked to rephrase, said the
# guide does not cover it, found it out of scope, or the user gave its answer a thumbs down.
UNANSWERED_KINDS = ("did_you_mean", "rephrase", "not_covered", "out_of_scope", "thumbs_down")
COMMENT_MAX = 200
HASH_CHARS = 64  # hex HMAC-SHA256


class AnswerRating(Base):
    """A user's thumbs up or down on one answer (the latest one counts). The conversation is named by
    a keyed hash of its id, never the id itself, so the table can be read without knowing who rated."""

    __tablename__ = "answer_ratings"
    __table_args__ = (UniqueConstraint("conversation_hash", "answer_id"),
                      CheckConstraint("rating IN ('up', 'down')", name="ck_answer_ratings_rating"))
    id = Column(Integer, primary_key=True, autoincrement=True)
    answer_id = Column(String(32), nullable=False)
    conversation_hash = Column(String(HASH_CHARS), nullable=False, index=True)
    channel = Column(String(16), nullable=False)
    question = Column(Text, nullable=False)
    topic = Column(String(64), nullable=False)
    action = Column(String(64), nullable=False)
    rating = Column(String(4), nullable=False)
    comment = Column(String(COMMENT_MAX))
    rated_at = Column(DateTime(timezone=True), nullable=False, index=True)


class UnansweredMessage(Base):
    """A message the bot could not answer well, for the editors' report (userdata/report.py)."""

    __tablename__ = "unanswered_log"
    __table_args__ = (CheckConstraint("kind IN ('did_you_mean', 'rephrase', 'not_covered', 'out_of_scope', "
                                      "'thumbs_down')", name="ck_unanswered_log_kind"),)
    id = Column(Integer, primary_key=True, autoincrement=True)
    text = Column(Text, nullable=False)
    kind = Column(String(16), nullable=False)
    action = Column(String(64), nullable=False)
    channel = Column(String(16), nullable=False)
    conversation_hash = Column(String(HASH_CHARS), nullable=False, index=True)
    # Set for a thumbs down: the rated answer, so a changed rating replaces its entry.
    answer_id = Column(String(32))
    logged_at = Column(DateTime(timezone=True), nullable=False, index=True)

"""SQLAlchemy tables of what users tell careerbot (not guide content: `python -m knowledge load`
never touches them)."""
from sqlalchemy import JSON, Column, DateTime, Integer, String, UniqueConstraint

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

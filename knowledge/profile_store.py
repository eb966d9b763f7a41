"""The user profile store: one row per (channel, user), a short-lived session per call."""
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Dict, Optional

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge.db import get_engine
from knowledge.models import UserProfile


@dataclass(frozen=True)
class StoredProfile:
    channel: str
    sender_id: str
    data: Dict[str, Any]
    updated_at: datetime


UNKNOWN_CHANNEL = "unknown"


def _of(channel: Optional[str], sender_id: str):
    """Rows of this user; with no channel (Rasa names none at session start), on any channel."""
    query = UserProfile.sender_id == sender_id
    return query if channel is None else (query & (UserProfile.channel == channel))


class ProfileStore:
    def __init__(self, engine: Optional[Engine] = None) -> None:
        self._engine = engine or get_engine()

    def get(self, channel: Optional[str], sender_id: str) -> Optional[StoredProfile]:
        with Session(self._engine, future=True) as s:
            row = s.execute(select(UserProfile).where(_of(channel, sender_id))
                            .order_by(UserProfile.updated_at.desc()).limit(1)).scalar_one_or_none()
            return StoredProfile(row.channel, row.sender_id, dict(row.data), row.updated_at) if row else None

    def save(self, channel: Optional[str], sender_id: str, data: Dict[str, Any]) -> None:
        """Replaces the stored profile; empty values are not stored."""
        data = {k: v for k, v in data.items() if v not in (None, [], "")}
        channel = channel or UNKNOWN_CHANNEL
        now = datetime.now(timezone.utc)
        with Session(self._engine, future=True) as s, s.begin():
            row = s.execute(select(UserProfile).where(UserProfile.channel == channel,
                                                      UserProfile.sender_id == sender_id)).scalar_one_or_none()
            if row is None:
                s.add(UserProfile(channel=channel, sender_id=sender_id, data=data, updated_at=now))
            elif row.data != data:
                row.data, row.updated_at = data, now

    def forget(self, channel: Optional[str], sender_id: str) -> bool:
        with Session(self._engine, future=True) as s, s.begin():
            return s.execute(delete(UserProfile).where(_of(channel, sender_id))).rowcount > 0

"""The user profile store, keyed by conversation id, a short-lived session per call.

Conversation ids are namespaced by their channel (`rest:...`, `web:...`, `slack:<team>:...`,
bot/rasa_ext/channels/), so a profile is found, written and deleted by that id alone: no channel can
reach another channel's profiles. The channel column records where the row was written.
"""
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Dict, Optional

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from storage.engine import get_engine
from userdata.models import UserProfile


@dataclass(frozen=True)
class StoredProfile:
    channel: str
    sender_id: str
    data: Dict[str, Any]
    updated_at: datetime


UNKNOWN_CHANNEL = "unknown"


class ProfileStore:
    def __init__(self, engine: Optional[Engine] = None) -> None:
        self._engine = engine or get_engine()

    def get(self, sender_id: str) -> Optional[StoredProfile]:
        with Session(self._engine, future=True) as s:
            row = s.execute(select(UserProfile).where(UserProfile.sender_id == sender_id)
                            .order_by(UserProfile.updated_at.desc()).limit(1)).scalar_one_or_none()
            return StoredProfile(row.channel, row.sender_id, dict(row.data), row.updated_at) if row else None

    def save(self, channel: Optional[str], sender_id: str, data: Dict[str, Any]) -> None:
        """Replaces the stored profile; empty values are not stored."""
        data = {k: v for k, v in data.items() if v not in (None, [], "")}
        now = datetime.now(timezone.utc)
        with Session(self._engine, future=True) as s, s.begin():
            rows = s.execute(select(UserProfile).where(UserProfile.sender_id == sender_id)
                             .order_by(UserProfile.updated_at.desc())).scalars().all()
            if not rows:
                s.add(UserProfile(channel=channel or UNKNOWN_CHANNEL, sender_id=sender_id, data=data, updated_at=now))
                return
            for stale in rows[1:]:  # from before conversation ids were namespaced
                s.delete(stale)
            if rows[0].data != data:
                rows[0].data, rows[0].updated_at = data, now

    def forget(self, sender_id: str) -> int:
        """Deletes every stored row of this user; returns how many there were."""
        with Session(self._engine, future=True) as s, s.begin():
            return s.execute(delete(UserProfile).where(UserProfile.sender_id == sender_id)).rowcount

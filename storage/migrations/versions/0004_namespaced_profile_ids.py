"""profiles keyed by namespaced conversation ids (rest:, web:, slack:<team>:)

Revision ID: 0004
Revises: 0003

A profile stored under channel "unknown" (before channels were recorded) joins the same
user's profile of a known channel when there is one (the newer data wins), else it is kept
as `unknown:<id>`. Slack rows need CAREERBOT_SLACK_TEAM_ID (the migration stops and says so).
"""
from typing import Dict

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Row

from userdata.conversation_ids import is_namespaced, legacy_to_namespaced

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, channel, sender_id, updated_at FROM user_profiles "
                                "ORDER BY updated_at DESC")).all()
    known: Dict[str, Row] = {}  # sender id -> its newest row of a known channel
    for row in rows:
        if row.channel != "unknown" and not is_namespaced(row.sender_id):
            known.setdefault(row.sender_id, row)
    for row in rows:
        if is_namespaced(row.sender_id):
            continue
        sibling = known.get(row.sender_id) if row.channel == "unknown" else None
        if sibling is not None:
            if row.updated_at > sibling.updated_at:  # the unknown row is newer: its data wins
                conn.execute(sa.text("UPDATE user_profiles SET data = (SELECT data FROM user_profiles WHERE id = :src),"
                                     " updated_at = :at WHERE id = :dst"),
                             {"src": row.id, "dst": sibling.id, "at": row.updated_at})
            conn.execute(sa.text("DELETE FROM user_profiles WHERE id = :id"), {"id": row.id})
            continue
        conn.execute(sa.text("UPDATE user_profiles SET sender_id = :new WHERE id = :id"),
                     {"new": legacy_to_namespaced(row.channel, row.sender_id), "id": row.id})


def downgrade() -> None:
    conn = op.get_bind()
    for row in conn.execute(sa.text("SELECT id, sender_id FROM user_profiles")).all():
        old = row.sender_id.split(":", 2)[-1] if row.sender_id.startswith("slack:") else row.sender_id.split(":", 1)[-1]
        conn.execute(sa.text("UPDATE user_profiles SET sender_id = :old WHERE id = :id"), {"old": old, "id": row.id})

"""Renames conversations the tracker store holds under ids from before conversation ids were
namespaced by channel (userdata/conversation_ids.py), so no stored history is lost or left
where another channel could name it. Idempotent; `make run` runs it before starting Rasa.

    python -m bot.rename_conversations   # the tracker database of CAREERBOT_TRACKER_DB_URL
"""
import json
import sys
from typing import Dict

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine

from bot.quiet_warnings import quiet_third_party_warnings
from settings import load_settings
from userdata.conversation_ids import NeedsSlackTeam, is_namespaced, legacy_to_namespaced


def rename_conversations(engine: Engine) -> Dict[str, str]:
    """old id -> new id of every conversation renamed (the channel comes from its first message)."""
    if "events" not in inspect(engine).get_table_names():
        return {}
    renamed = {}
    with engine.begin() as conn:
        for (sender_id,) in conn.execute(text("SELECT DISTINCT sender_id FROM events")).all():
            if is_namespaced(sender_id):
                continue
            first = conn.execute(text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' "
                                      "ORDER BY id LIMIT 1"), {"s": sender_id}).scalar()
            channel = json.loads(first).get("input_channel") if first else None
            renamed[sender_id] = legacy_to_namespaced(channel, sender_id)
            conn.execute(text("UPDATE events SET sender_id = :new WHERE sender_id = :old"),
                         {"new": renamed[sender_id], "old": sender_id})
    return renamed


def main() -> int:
    quiet_third_party_warnings()
    url = load_settings().tracker_db_url
    try:
        renamed = rename_conversations(create_engine(url))
    except NeedsSlackTeam as e:
        print(f"careerbot: {e}", file=sys.stderr)
        return 1
    if renamed:
        print(f"careerbot: renamed {len(renamed)} stored conversation(s) to channel-namespaced ids")
    return 0


if __name__ == "__main__":
    sys.exit(main())

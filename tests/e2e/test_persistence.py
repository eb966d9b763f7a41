"""Profiles and conversations survive restarts; “forget me” erases both (checked in the databases)."""
import json
import uuid

import pytest
import sqlalchemy as sa

from tests.e2e.conftest import start_bot, stop_bot
from tests.e2e.test_rest import Chat

pytestmark = pytest.mark.e2e


def stored_profile(db_url: str, sender: str):
    with sa.create_engine(db_url).connect() as c:
        row = c.execute(sa.text("SELECT channel, data FROM user_profiles WHERE sender_id = :s"),
                        {"s": "rest:" + sender}).first()
    return row


def stored_events(tracker_db_url: str, sender: str) -> int:
    with sa.create_engine(tracker_db_url).connect() as c:
        return c.execute(sa.text("SELECT count(*) FROM events WHERE sender_id = :s"),
                         {"s": "rest:" + sender}).scalar_one()


def test_the_profile_is_stored_by_channel_and_user(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    chat.text("I'm a backend dev in Seattle and I know python")
    row = stored_profile(bot_servers.db_url, chat.sender)
    assert row is not None and row[0] == "rest"
    data = json.loads(row[1]) if isinstance(row[1], str) else row[1]
    assert data["background"] == "programmer" and data["skills_known"] == ["python"]


def test_forget_me_deletes_the_profile_and_the_conversation(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    chat.text("I'm a junior in Chicago")
    assert stored_profile(bot_servers.db_url, chat.sender) is not None
    assert stored_events(bot_servers.tracker_db_url, chat.sender) > 0
    assert "deleted everything" in chat.text("forget me")
    assert stored_profile(bot_servers.db_url, chat.sender) is None
    assert stored_events(bot_servers.tracker_db_url, chat.sender) == 0
    assert "haven't told me anything" in chat.text("what do you know about me?")


def test_a_restart_of_every_process_loses_no_conversation_and_no_profile(slack_standin, e2e_databases):
    db_url, _ = e2e_databases
    tracker_url = f"{e2e_databases[1][:-len('tracker.db')]}restart-tracker.db"
    sender = f"restart-{uuid.uuid4().hex[:8]}"
    bot = start_bot(slack_standin, db_url, tracker_url)
    try:
        chat = Chat(bot.rasa_url)
        chat.sender = sender
        chat.text("I'm a backend dev in Seattle")
        events_before = stored_events(tracker_url, sender)
    finally:
        stop_bot(bot)
    bot = start_bot(slack_standin, db_url, tracker_url)
    try:
        chat = Chat(bot.rasa_url)
        chat.sender = sender
        assert "Seattle" in chat.text("what do you know about me?")
        assert stored_events(tracker_url, sender) > events_before
        # A brand-new conversation of the same user (e.g. after its history expired) still knows them.
        with sa.create_engine(tracker_url).begin() as c:
            c.execute(sa.text("DELETE FROM events WHERE sender_id = :s"), {"s": "rest:" + sender})
        assert "12-18 months" in chat.text("how long will it take me?")
    finally:
        stop_bot(bot)

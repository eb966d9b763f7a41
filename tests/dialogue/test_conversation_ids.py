"""Stored conversations from before ids were namespaced are renamed, not lost; widget
session ids are the server's own; secrets are generated once, readable only by us."""
import json
import os
import stat

import pytest
from sqlalchemy import create_engine, text

from bot.rasa_ext.channels.session_ids import SessionSigner
from bot.rename_conversations import rename_conversations
from bot.shared_secrets import SharedSecret, shared_secret


def test_stored_conversations_are_renamed_by_the_channel_of_their_first_message(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    with engine.begin() as db:
        db.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, data TEXT)"))
        for sender, kind, data in [("alice", "action", {}), ("alice", "user", {"input_channel": "rest"}),
                                   ("abc", "user", {"input_channel": "socketio"}), ("rest:bob", "user", {}),
                                   ("ghost", "action", {})]:
            db.execute(text("INSERT INTO events (sender_id, type_name, data) VALUES (:s, :t, :d)"),
                       {"s": sender, "t": kind, "d": json.dumps(data)})
    assert rename_conversations(engine) == {"alice": "rest:alice", "abc": "web:abc", "ghost": "unknown:ghost"}
    assert rename_conversations(engine) == {}  # idempotent
    with engine.connect() as db:
        ids = [r[0] for r in db.execute(text("SELECT sender_id FROM events ORDER BY id"))]
    assert ids == ["rest:alice", "rest:alice", "web:abc", "rest:bob", "unknown:ghost"]


def test_only_tokens_the_server_signed_are_accepted():
    signer = SessionSigner(b"0123456789abcdef-secret")
    session = signer.issue()
    assert signer.verify(session.token) == session
    other = SessionSigner(b"another-secret-of-16+")
    for forged in (session.id, session.token + "0", other.issue().token, f"{session.id}.{'0' * 64}", None, 42, ""):
        assert signer.verify(forged) is None


def test_a_secret_is_generated_once_into_a_file_only_we_can_read(tmp_path, monkeypatch):
    which = SharedSecret("CAREERBOT_SESSION_SECRET", "session_secret", "test_secret")
    monkeypatch.delenv(which.env, raising=False)
    first = shared_secret(which, tmp_path / "run")
    assert len(first) >= 32 and shared_secret(which, tmp_path / "run") == first
    assert stat.S_IMODE(os.stat(tmp_path / "run" / "test_secret").st_mode) == 0o600
    monkeypatch.setenv(which.env, "from-the-environment")
    assert shared_secret(which, tmp_path / "run") == "from-the-environment"


def test_an_empty_secret_file_is_an_error_naming_the_file_and_setting(tmp_path, monkeypatch):
    which = SharedSecret("CAREERBOT_SESSION_SECRET", "session_secret", "test_secret")
    monkeypatch.delenv(which.env, raising=False)
    (tmp_path / "test_secret").write_text("")
    with pytest.raises(SystemExit, match=r"test_secret.*CAREERBOT_SESSION_SECRET"):
        shared_secret(which, tmp_path)

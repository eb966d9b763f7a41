"""What careerbot writes to disk is readable by its own user only (issue 12): the run files
with the secrets (var/run/*.yml), the SQLite databases with every conversation and profile,
and their -wal/-shm files. Real files, under the usual umask 022."""
import asyncio
import os
import sqlite3
import stat
from pathlib import Path
from typing import Iterator

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from sqlalchemy import text

from bot.rasa_ext.tracker_store import CareerbotTrackerStore
from bot.server_config import tracker_store, write_run_file
from storage.engine import get_engine

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most machines have: new files 0644, new folders 0755, unless the code says otherwise."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_run_files_are_private_from_the_first_byte(tmp_path):
    run_dir = tmp_path / "var" / "run"
    path = write_run_file("endpoints.yml", {"tracker_store": {"password": "pg-secret"}}, run_dir)
    assert mode(tmp_path / "var") == 0o700 and mode(run_dir) == 0o700
    assert mode(path) == 0o600
    assert yaml.safe_load(path.read_text()) == {"tracker_store": {"password": "pg-secret"}}

    # A file from before (world-readable, as an older careerbot left it) that another user
    # opened: writing the new secrets into that same file, then chmod, handed them to the
    # reader. The new file replaces it instead; the reader keeps the old one.
    old = run_dir / "credentials.yml"
    old.write_text("slack_token: old\n")
    old.chmod(0o644)
    with open(old) as reader:
        write_run_file("credentials.yml", {"slack_token": "xoxb-new-secret"}, run_dir)
        assert "xoxb-new-secret" not in reader.read()
    assert mode(old) == 0o600 and "xoxb-new-secret" in old.read_text()
    assert sorted(p.name for p in run_dir.iterdir()) == ["credentials.yml", "endpoints.yml"]  # no temp file left


def assert_private_sqlite(database: Path) -> None:
    files = [database, Path(f"{database}-wal"), Path(f"{database}-shm")]
    assert all(f.exists() for f in files), "the write-ahead log is on, and a connection is open"
    assert {f.name: oct(mode(f)) for f in files} == {f.name: "0o600" for f in files}


def test_the_knowledge_base_and_its_log_files_are_private(tmp_path):
    database = tmp_path / "new" / "careerbot.db"
    engine = get_engine(f"sqlite:///{database}")
    with engine.connect() as connection:  # open: SQLite removes -wal and -shm with the last connection
        connection.execute(text("CREATE TABLE user_data (profile TEXT)"))
        connection.execute(text("INSERT INTO user_data VALUES ('backend dev in Seattle')"))
        connection.commit()
        assert mode(database.parent) == 0o700
        assert_private_sqlite(database)
    engine.dispose()


def test_a_database_an_older_careerbot_left_readable_is_made_private(tmp_path):
    database = tmp_path / "careerbot.db"
    sqlite3.connect(database).close()
    database.chmod(0o644)
    get_engine(f"sqlite:///{database}").dispose()
    assert mode(database) == 0o600


def test_the_tracker_store_and_its_log_files_are_private(tmp_path):
    # As bot.serve configures it, then as the Rasa server opens it (Rasa's own engine creates
    # the file before careerbot's code in the store runs).
    config = tracker_store(f"sqlite:///{tmp_path / 'var' / 'tracker.db'}")
    assert mode(tmp_path / "var") == 0o700
    store = CareerbotTrackerStore(Domain.load(str(ROOT / "bot" / "domain.yml")), dialect="sqlite", db=config["db"])
    tracker = store.init_tracker("slack:T1:U1")
    tracker.update(UserUttered("I'm a backend dev in Seattle"))
    tracker.update(ActionExecuted("action_listen"))
    asyncio.run(store.save(tracker))
    with store.engine.connect():
        assert_private_sqlite(Path(config["db"]))
    store.engine.dispose()

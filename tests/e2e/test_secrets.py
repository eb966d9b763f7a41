"""The running servers, as `make run` starts them, keep their secrets (issue 12): the Rasa API
token is on no command line (`ps` shows those to every user of the machine), the servers that
do not need a secret do not have it in their environment, and the databases they write are
readable by their own user only."""
import stat
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

from bot.supervisor import CHANNEL_SECRETS, SECRETS
from tests.e2e.conftest import API_TOKEN
from tests.e2e.test_rest import Chat

pytestmark = pytest.mark.e2e


def processes() -> Iterator[Path]:
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            yield proc


def children_of(pid: int) -> List[int]:
    """Every descendant of `pid`."""
    parents: Dict[int, int] = {}
    for proc in processes():
        try:
            parents[int(proc.name)] = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        kids = [child for child, p in parents.items() if p == parent]
        found += kids
        frontier += kids
    return found


def environment(pid: int) -> Dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(item.split("=", 1) for item in raw.decode(errors="replace").split("\0") if "=" in item)


def server(bot_servers, marker: str) -> int:
    """The pid of the child of bot.serve whose command line has `marker`."""
    for pid in children_of(bot_servers.process.pid):
        if marker in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
            return pid
    raise AssertionError(f"no {marker} among the servers of bot.serve")


def api_status(bot_servers, token: str = "") -> int:
    url = f"{bot_servers.rasa_url}/status" + (f"?token={token}" if token else "")
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


def test_the_api_token_is_on_no_command_line_and_the_api_takes_it(bot_servers):
    on_command_line = []
    for proc in processes():
        try:
            if API_TOKEN.encode() in (proc / "cmdline").read_bytes():
                on_command_line.append(proc.name)
        except OSError:
            continue  # gone meanwhile
    assert on_command_line == [], f"processes whose command line shows the API token: {on_command_line}"
    assert api_status(bot_servers, API_TOKEN) == 200
    assert api_status(bot_servers) == 401 and api_status(bot_servers, "wrong-token") == 401


def test_servers_get_only_the_secrets_they_need(bot_servers):
    web_page = environment(server(bot_servers, "web/serve.py"))
    assert sorted(set(SECRETS) & set(web_page)) == []
    action_server = environment(server(bot_servers, "bot.action_server"))
    assert sorted(set(CHANNEL_SECRETS) & set(action_server)) == []
    assert "CAREERBOT_DB_URL" in action_server  # the knowledge base and profiles
    rasa_server = environment(server(bot_servers, "bot.rasa_server"))
    assert rasa_server["CAREERBOT_API_TOKEN"] == API_TOKEN and "SLACK_SIGNING_SECRET" in rasa_server


def test_the_databases_the_servers_write_are_private(bot_servers):
    assert "$" in Chat(bot_servers.rasa_url).text("how much does a junior ML engineer make?")  # KB, profile, tracker
    for url in (bot_servers.db_url, bot_servers.tracker_db_url):
        database = Path(url[len("sqlite:///"):])
        files = [f for f in (database, Path(f"{database}-wal"), Path(f"{database}-shm")) if f.exists()]
        assert len(files) == 3, f"the servers keep {database.name} open in WAL mode"
        assert {f.name: oct(stat.S_IMODE(f.stat().st_mode)) for f in files} == {f.name: "0o600" for f in files}

"""The real servers, started exactly as `make run` starts them (python -m bot.serve), on
free loopback ports, with their own databases, and Slack pointed at a local stand-in."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

import pytest

from bot.processes import free_port
from tests.e2e.slack_standin import SlackStandIn

ROOT = Path(__file__).resolve().parents[2]
READY_LINE = "careerbot is ready"
START_TIMEOUT_S = 300
SLACK_SIGNING_SECRET = "test-signing-secret"
# Turns on Rasa's HTTP API, as a deployment that uses it would (tests/e2e/test_secrets.py).
API_TOKEN = "test-api-token-4c1d"


@dataclass
class BotServers:
    rasa_url: str
    web_url: str
    actions_port: int
    slack: SlackStandIn
    slack_signing_secret: str
    db_url: str
    tracker_db_url: str
    log: List[str]
    process: subprocess.Popen
    ports: List[int]


def start_bot(slack: SlackStandIn, db_url: str, tracker_db_url: str) -> BotServers:
    rasa_port, actions_port, web_port = free_port(), free_port(), free_port()
    env: Dict[str, str] = {
        **os.environ,
        "CAREERBOT_HOST": "127.0.0.1",
        "CAREERBOT_RASA_PORT": str(rasa_port),
        "CAREERBOT_ACTIONS_PORT": str(actions_port),
        "CAREERBOT_WEB_PORT": str(web_port),
        "CAREERBOT_DB_URL": db_url,
        "CAREERBOT_TRACKER_DB_URL": tracker_db_url,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
        "CAREERBOT_API_TOKEN": API_TOKEN,
        "CAREERBOT_SLACK_API_URL": slack.url,
        "TF_CPP_MIN_LOG_LEVEL": "2",
    }
    proc = subprocess.Popen([sys.executable, "-m", "bot.serve"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    log: List[str] = []
    ready = threading.Event()

    def read_output() -> None:
        for line in proc.stdout:
            log.append(line)
            if READY_LINE in line:
                ready.set()

    threading.Thread(target=read_output, daemon=True).start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not ready.is_set() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.5)
    if not ready.is_set():
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("careerbot did not start:\n" + "".join(log[-60:]))
    return BotServers(f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{web_port}", actions_port, slack,
                      SLACK_SIGNING_SECRET, db_url, tracker_db_url, log, proc, [rasa_port, actions_port, web_port])


def stop_bot(bot: BotServers) -> None:
    bot.process.send_signal(signal.SIGINT)  # what Ctrl-C does
    try:
        bot.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(bot.process.pid, signal.SIGKILL)
        pytest.fail("bot.serve did not stop within 30 s of Ctrl-C")
    still_listening = [port for port in bot.ports if port_open(port)]
    assert still_listening == [], f"servers left running after Ctrl-C on ports {still_listening}"


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="session")
def slack_standin():
    standin = SlackStandIn()
    standin.start()
    yield standin
    standin.stop()


@pytest.fixture(scope="session")
def e2e_databases(kb_url, tmp_path_factory):
    """A private copy of the loaded knowledge base (profiles are written to it) and a tracker database."""
    folder = tmp_path_factory.mktemp("e2e")
    shutil.copy(kb_url[len("sqlite:///"):], folder / "careerbot.db")
    return f"sqlite:///{folder / 'careerbot.db'}", f"sqlite:///{folder / 'tracker.db'}"


@pytest.fixture(scope="session")
def bot_servers(slack_standin, e2e_databases):
    bot = start_bot(slack_standin, *e2e_databases)
    yield bot
    stop_bot(bot)

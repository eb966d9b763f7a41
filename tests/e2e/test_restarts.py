"""`make run` keeps serving when its action server crashes: the user gets the bot's short
apology while it is down (not silence), the supervisor restarts it, and the next question
is answered as before; a server that keeps crashing makes the supervisor give up."""
import os
import signal
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.supervisor import GaveUp, RestartPolicy, Supervisor
from tests.e2e.conftest import port_open
from tests.e2e.test_rest import Chat

APOLOGY = "Sorry, I couldn't look that up just now. Please try again in a moment."
QUESTION = "how much does a junior ML engineer make in Chicago?"


def action_server_pid(port: int) -> int:
    """The process whose command line is the action server on `port` (what bot.serve started)."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"bot.action_server" in args and str(port).encode() in args:
            return int(proc.name)
    raise AssertionError(f"no action server on port {port}")


def wait_for_health(port: int, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"the action server on port {port} did not come back within {timeout_s}s")


def test_a_crashed_action_server_gets_an_apology_then_is_restarted(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    assert "$" in chat.text(QUESTION)
    old = action_server_pid(bot_servers.actions_port)
    os.kill(old, signal.SIGKILL)
    while port_open(bot_servers.actions_port):  # gone (a restarted one takes seconds to import and listen)
        time.sleep(0.02)

    assert chat.text(QUESTION) == APOLOGY
    wait_for_health(bot_servers.actions_port)
    assert action_server_pid(bot_servers.actions_port) != old
    answer = chat.text(QUESTION)
    assert "$" in answer and "Chicago" in answer, answer
    assert any("action server stopped" in line and "restarting it" in line for line in bot_servers.log)


def test_a_server_that_keeps_crashing_makes_the_supervisor_give_up():
    supervisor = Supervisor(RestartPolicy(backoff_s=(0.0,), stable_s=60, give_up_after=2))
    supervisor.start("crasher", [sys.executable, "-c", "raise SystemExit(3)"])
    restarts = 0
    try:
        with pytest.raises(GaveUp, match="crasher stopped \\(exit code 3\\) 3 times in a row"):
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                restarts += len(supervisor.restart_dead())
                time.sleep(0.05)
    finally:
        supervisor.stop()
    assert restarts == 2

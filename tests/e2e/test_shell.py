"""`make shell`: the action server plus `rasa shell`, driven through a pseudo-terminal."""
import os
import socket
import sys
from pathlib import Path

import pexpect
import pytest

from tests.e2e.conftest import free_port

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


def test_shell_answers_clicks_a_numbered_button_and_ctrl_d_leaves_cleanly():
    actions_port = free_port()
    env = {**os.environ, "CAREERBOT_ACTIONS_PORT": str(actions_port), "CAREERBOT_RASA_PORT": str(free_port()),
           "TF_CPP_MIN_LOG_LEVEL": "2"}
    child = pexpect.spawn(sys.executable, ["-m", "bot.serve", "--shell"], cwd=str(ROOT), env=env,
                          encoding="utf-8", timeout=240, dimensions=(40, 200))
    try:
        child.expect("Bot loaded")
        child.expect("Your input ->")
        child.sendline("what does an ML engineer do?")
        child.expect("Day to day", timeout=120)
        child.expect(r"\[2\] Skills I need")
        child.expect("Your input ->")
        child.sendline("2")  # clicks the second button
        child.expect("Programming languages", timeout=120)
        child.expect("Your input ->")
        child.sendeof()  # Ctrl-D
        child.expect(pexpect.EOF, timeout=60)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0
    with socket.socket() as s:  # the action server was stopped with the shell
        assert s.connect_ex(("127.0.0.1", actions_port)) != 0

"""Rasa's command line with careerbot's changes to Rasa 3.6 in place (bot/rasa_ext).

    python -m bot.rasa_server run --model models/careerbot.tar.gz ...   # what bot.serve starts

With CAREERBOT_API_TOKEN in its environment, `run` turns on Rasa's HTTP API with that token.
The token is added to this process's own sys.argv only: on the command line it was given,
/proc/<pid>/cmdline (`ps`) would show it to every user of the machine.
"""
import os
import sys
from typing import List

from bot import rasa_ext
from bot.quiet_warnings import quiet_third_party_warnings
from bot.rasa_ext.channels.limits import MAX_REQUEST_BYTES
from settings import load_settings


def rasa_argv(argv: List[str]) -> List[str]:
    """Rasa's arguments: ours, plus the HTTP API with its token when `run` has one."""
    args = ["rasa", *argv[1:]]
    token = load_settings().api_token
    if token and args[1:2] == ["run"]:  # an open HTTP API would let anyone read and rewrite conversations
        args += ["--enable-api", "--auth-token", token]
    return args


def main() -> None:
    quiet_third_party_warnings()  # before Rasa imports its dependencies, which warn as they load
    # Sanic's default request limit is 100 MB; it reads this when Rasa builds its app.
    os.environ.setdefault("SANIC_REQUEST_MAX_SIZE", str(MAX_REQUEST_BYTES))
    rasa_ext.install()
    from rasa.__main__ import main as rasa_main

    sys.argv = rasa_argv(sys.argv)
    rasa_main()


if __name__ == "__main__":
    main()

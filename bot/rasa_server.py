"""Rasa's command line with careerbot's changes to Rasa 3.6 in place (bot/action_calls.py).

    python -m bot.rasa_server run --model models/careerbot.tar.gz ...   # what bot.serve starts
"""
import sys

from bot import action_calls


def main() -> None:
    action_calls.install()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *sys.argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()

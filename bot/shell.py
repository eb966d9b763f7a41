"""`rasa shell` with two terminal fixes, used by `make shell`.

Rasa 3.6's shell dies with an EOFError traceback on Ctrl-D, and shows buttons as an
arrow-key menu that Ctrl-D cannot leave. Here Ctrl-D (or /stop) ends the session
cleanly, and buttons are numbered: type the number to click one, or type freely.

    python -m bot.shell --model models/careerbot.tar.gz --endpoints var/run/endpoints.yml ...
"""
import sys
from typing import Any, Dict, List, Optional

import questionary
import rasa.core.channels.console as console
from bot import rasa_ext
from rasa.shared.utils.cli import print_color
from rasa.shared.utils.io import bcolors


async def get_user_input(previous_response: Optional[Dict[str, Any]]) -> Optional[str]:
    buttons: List[Dict[str, str]] = []
    if previous_response is not None:
        buttons = previous_response.get("buttons") or []
        console._print_bot_output({k: v for k, v in previous_response.items() if k != "buttons"})
        for number, button in enumerate(buttons, 1):
            print_color(f"  [{number}] {button['title']}", color=bcolors.OKBLUE)
    try:
        text = await questionary.text("", qmark="Your input ->").ask_async()
    except EOFError:  # Ctrl-D
        return None
    if text is None:  # Ctrl-C
        return None
    text = text.strip()
    if text.isdigit() and 1 <= int(text) <= len(buttons):
        return buttons[int(text) - 1]["payload"]
    return text


def main() -> None:
    console._get_user_input = get_user_input
    rasa_ext.install()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", "shell", *sys.argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()

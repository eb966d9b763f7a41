"""`rasa shell` with three terminal fixes, used by `make shell`.

Rasa 3.6's shell dies with an EOFError traceback on Ctrl-D, shows buttons as an arrow-key
menu that Ctrl-D cannot leave, and prints the bot's Markdown raw. Here Ctrl-D (or /stop)
ends the session cleanly, buttons are numbered (type the number to click one, or type
freely), and Markdown is rendered for the terminal (bot/terminal_markdown.py): bold, "•"
bullets, "text (url)" links; no colours or bold when stdout is not a terminal or NO_COLOR is set.

    python -m bot.shell --model models/careerbot.tar.gz --endpoints var/run/rasa-5005-endpoints.yml ...
"""
import sys
from typing import Any, Dict, List, Optional

import questionary
import rasa.core.channels.console as console
from rasa.shared.utils.cli import print_color
from rasa.shared.utils.io import bcolors

from bot import rasa_ext
from bot.quiet_warnings import quiet_third_party_warnings
from bot.terminal_markdown import render, wants_color

BOT_COLOR = bcolors.OKBLUE
RASA_PRINT_BOT_OUTPUT = console._print_bot_output  # before main() replaces it


def show(text: str) -> None:
    color = wants_color(sys.stdout)
    if color:
        print_color(render(text, color=True), color=BOT_COLOR)
    else:
        print(render(text, color=False), flush=True)


def show_sources(custom: Dict[str, Any]) -> None:
    """An answer's guide sections as one dim line (ratings and charts are for the widget and Slack)."""
    sections = [s.get("section") for s in custom.get("sources") or [] if isinstance(s, dict) and s.get("section")]
    if not sections:
        return
    line = f"Source: {', '.join(str(s) for s in sections)}"
    print(f"\x1b[2m{line}\x1b[22m" if wants_color(sys.stdout) else line, flush=True)


# The buttons of a message that was followed by its answer payload: they belong to the latest
# answer, so they are numbered once the payload (the turn's last message) has been shown.
held_buttons: List[Dict[str, str]] = []


def is_payload(message: Dict[str, Any]) -> bool:
    custom = message.get("custom")
    return isinstance(custom, dict) and bool(custom.get("careerbot"))


def list_held_buttons() -> None:
    for button in held_buttons:
        show(f"  • {button['title']}")
    held_buttons.clear()


def print_bot_output(message: Dict[str, Any], is_latest_message: bool = False, color: str = BOT_COLOR) -> None:
    """Rasa's console._print_bot_output with the text rendered; buttons are numbered by get_user_input
    (the latest answer's) or listed (earlier ones: only the latest answer's can be clicked)."""
    if is_payload(message):
        show_sources(message["custom"])
        return
    list_held_buttons()
    if message.get("text") is not None:
        show(message["text"])
    if not is_latest_message:
        held_buttons.extend(message.get("buttons") or [])
    rest = {k: v for k, v in message.items() if k not in ("text", "buttons")}
    if rest:  # images, attachments, custom JSON: as Rasa shows them
        RASA_PRINT_BOT_OUTPUT(rest, color=color)


async def get_user_input(previous_response: Optional[Dict[str, Any]]) -> Optional[str]:
    buttons: List[Dict[str, str]] = []
    if previous_response is not None:
        if is_payload(previous_response):
            show_sources(previous_response["custom"])
            buttons = list(held_buttons)
            held_buttons.clear()
        else:
            print_bot_output(previous_response, is_latest_message=True)
            buttons = previous_response.get("buttons") or []
        for number, button in enumerate(buttons, 1):
            show(f"  [{number}] {button['title']}")
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
    quiet_third_party_warnings()
    console._get_user_input = get_user_input
    console._print_bot_output = print_bot_output
    rasa_ext.install()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", "shell", *sys.argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()

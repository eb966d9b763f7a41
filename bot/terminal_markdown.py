"""The bot's Markdown for a terminal (`make shell`): what the widget and Slack render, a
terminal would print raw (`**bold**`, `- item`, `[text](url)`).

    render("**Day to day:**\\n- Building [pipelines](https://x.org)", color=False)
    == "Day to day:\\n• Building pipelines (https://x.org)"

Bold is ANSI bold when `color` (wants_color() says whether a stream should get it), else
plain text; bullets become "•" (indentation kept); links become "text (url)", or the bare
URL when it is its own text. Anything else is left as written.
"""
import re
from typing import TextIO

from settings import no_color

BOLD = "\x1b[1m"
NOT_BOLD = "\x1b[22m"  # normal intensity: keeps the colour the text is printed in

LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
BULLET = re.compile(r"^([ \t]*)[-*][ \t]+", re.MULTILINE)


def wants_color(stream: TextIO) -> bool:
    """ANSI escapes for a terminal, unless NO_COLOR is set (https://no-color.org); none for a pipe or file."""
    if no_color():
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _link(match: "re.Match[str]") -> str:
    text, url = match.group(1), match.group(2)
    return url if text == url else f"{text} ({url})"


def render(text: str, color: bool) -> str:
    text = LINK.sub(_link, text)
    text = AUTOLINK.sub(r"\1", text)
    text = STRONG.sub(rf"{BOLD}\1{NOT_BOLD}" if color else r"\1", text)
    return BULLET.sub(r"\1• ", text)

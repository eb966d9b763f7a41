"""The bot's Markdown rendered for `make shell` (bot/terminal_markdown.py, used by bot/shell.py)."""
import asyncio
import io

import pytest

from bot import shell
from bot.terminal_markdown import BOLD, NOT_BOLD, render, wants_color

ANSWER = ("An ML engineer builds models.\n\n**Day to day:**\n- Training models\n- Building **data** pipelines\n"
          "\nSee [the guide](https://example.org/guide).")


def test_bold_is_ansi_bold_in_colour_and_plain_text_without():
    assert render("**Day to day:**", color=True) == f"{BOLD}Day to day:{NOT_BOLD}"
    assert render("**Day to day:**", color=False) == "Day to day:"


def test_bold_ends_with_normal_intensity_so_the_text_keeps_its_colour():
    assert NOT_BOLD == "\x1b[22m"  # not \x1b[0m, which would also drop the shell's blue
    assert "\x1b[0m" not in render("a **b** c", color=True)


def test_several_bold_runs_on_a_line_are_each_rendered():
    assert render("**a** and **b**", color=False) == "a and b"


def test_stars_that_are_not_bold_markup_are_left_as_written():
    assert render("5 ** 2, and a lone ** here", color=False) == "5 ** 2, and a lone ** here"


def test_bullets_become_dots_and_keep_their_indentation():
    assert render("- one\n  - nested\n* star", color=False) == "• one\n  • nested\n• star"


def test_a_dash_or_star_that_starts_a_word_is_not_a_bullet():
    assert render("-5% a year\n**bold** first", color=False) == "-5% a year\nbold first"


def test_a_link_becomes_its_text_then_the_url():
    assert render("See [the guide](https://example.org/guide).", color=False) == \
        "See the guide (https://example.org/guide)."


def test_a_link_that_is_its_own_text_or_an_autolink_is_just_the_url():
    assert render("[https://x.org](https://x.org) or <https://y.org>", color=False) == "https://x.org or https://y.org"


def test_a_whole_answer_renders_without_any_markdown_left():
    assert render(ANSWER, color=False) == ("An ML engineer builds models.\n\nDay to day:\n• Training models\n"
                                           "• Building data pipelines\n\nSee the guide (https://example.org/guide).")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_for_a_terminal_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_color(Terminal())
    assert not wants_color(io.StringIO())  # a pipe or a file
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_color(Terminal())
    monkeypatch.setenv("NO_COLOR", "")  # https://no-color.org: only a non-empty value counts
    assert wants_color(Terminal())


@pytest.fixture(autouse=True)
def no_held_buttons():
    shell.held_buttons.clear()
    yield
    shell.held_buttons.clear()


def test_the_shell_prints_the_bots_message_rendered_and_plain_when_not_a_terminal(capsys):
    shell.print_bot_output({"recipient_id": "me", "text": ANSWER,
                            "buttons": [{"title": "Salary", "payload": "/ask_salary"}]})
    shell.print_bot_output({"recipient_id": "me", "text": "And another thing."})
    out = capsys.readouterr().out
    # an earlier message's buttons are listed, not numbered: only the latest answer's can be clicked
    assert out == render(ANSWER, color=False) + "\n  • Salary\nAnd another thing.\n"
    assert "\x1b[" not in out and "**" not in out


def test_the_buttons_of_an_answer_followed_by_its_payload_are_numbered_after_its_source(monkeypatch, capsys):
    class Prompt:
        async def ask_async(self):
            return "1"

    monkeypatch.setattr(shell.questionary, "text", lambda *a, **k: Prompt())
    shell.print_bot_output({"text": "Pay", "buttons": [{"title": "Salary", "payload": "/ask_salary"}]})
    payload = {"custom": {"careerbot": "answer", "sources": [{"section": "Salary Expectations"}]}}
    assert asyncio.run(shell.get_user_input(payload)) == "/ask_salary"
    assert capsys.readouterr().out == "Pay\nSource: Salary Expectations\n  [1] Salary\n"


@pytest.mark.parametrize("typed, sent", [("2", "/ask_skills"), ("9", "9"), (" salary? ", "salary?")])
def test_the_latest_messages_buttons_are_numbered_and_a_number_clicks_one(monkeypatch, capsys, typed, sent):
    class Prompt:
        async def ask_async(self):
            return typed

    monkeypatch.setattr(shell.questionary, "text", lambda *a, **k: Prompt())
    message = {"text": "**Next?**", "buttons": [{"title": "Salary", "payload": "/ask_salary"},
                                                {"title": "Skills", "payload": "/ask_skills"}]}
    assert asyncio.run(shell.get_user_input(message)) == sent
    assert capsys.readouterr().out == "Next?\n  [1] Salary\n  [2] Skills\n"


def test_an_answers_payload_shows_as_one_source_line_and_nothing_else(capsys):
    shell.print_bot_output({"recipient_id": "me", "custom": {
        "careerbot": "answer", "answer_id": "0123456789abcdef", "rating_token": "r1.x.y",
        "sources": [{"section": "Salary Expectations"}, {"section": "Career Levels"}], "chart": {"kind": "x"}}})
    assert capsys.readouterr().out == "Source: Salary Expectations, Career Levels\n"

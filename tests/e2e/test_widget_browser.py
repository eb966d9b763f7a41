"""Browser test of the careerbot web chat widget (web/widget/) against the real bot.

Needs the session-scoped ``bot_servers`` fixture from tests/e2e/conftest.py:
an object with ``rasa_url`` (Rasa with the socketio + REST channels) and
``web_url`` (web/serve.py started with ``--rasa-url <rasa_url>``), both running.

Chromium is Debian's ``chromium`` package, found on PATH.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bot.answering.salary_chart import salary_chart
from knowledge import KnowledgeBase
from storage.engine import get_engine

pytestmark = pytest.mark.e2e

REPO_ROOT = Path(__file__).resolve().parents[2]
RESULTS_DIR = REPO_ROOT / "results"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

CONNECT_TIMEOUT_MS = 30_000
BOT_TIMEOUT_MS = 60_000  # the first prediction of a freshly loaded model can be slow
SETTLE_MS = 1_500  # a bot turn may be several bot_uttered events in a row

USER_MSG = ".cb-msg.cb-user"
BOT_MSG = ".cb-msg.cb-bot"
XSS = "<img src=x onerror=alert(1)>"


# --------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def chromium_browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if not executable:
        pytest.fail("chromium not found on PATH (Debian package 'chromium')")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class WidgetPage:
    """A fresh browser context (empty localStorage) showing the demo page."""

    def __init__(self, browser: Browser, servers, width: int = 1280, height: int = 800):
        self.servers = servers
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.set_default_timeout(15_000)
        self.page: Page = self.context.new_page()
        self.dialogs: List[str] = []
        self.page_errors: List[str] = []
        self.page.on("dialog", self._on_dialog)
        self.page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    # ----------------------------------------------------------------- navigation
    def open(self) -> None:
        self.page.goto(self.servers.web_url.rstrip("/") + "/", wait_until="domcontentloaded")
        self.wait_ready()

    def reload(self) -> None:
        self.page.reload(wait_until="domcontentloaded")
        self.wait_ready()

    def wait_ready(self) -> None:
        page = self.page
        page.wait_for_function("() => !!window.careerbot")
        # (on a phone the full-screen panel hides the launcher while it's open)
        expect(page.locator("#careerbot-launcher:visible, #careerbot-panel:visible").first).to_be_visible()
        if not page.locator("#careerbot-panel").is_visible():
            page.locator("#careerbot-launcher").click()
        expect(page.locator("#careerbot-panel")).to_be_visible()
        # connected and the session_request answered by session_confirm
        page.wait_for_function(
            "() => window.careerbot && window.careerbot.connected",
            timeout=CONNECT_TIMEOUT_MS,
        )

    # ------------------------------------------------------------------ messages
    def texts(self, selector: str) -> List[str]:
        return [t.strip() for t in self.page.locator(selector).all_inner_texts()]

    def bot_count(self) -> int:
        return self.page.locator(BOT_MSG).count()

    def send(self, text: str) -> None:
        box = self.page.locator("#careerbot-input")
        box.fill(text)
        box.press("Enter")
        expect(self.page.locator(USER_MSG).last).to_have_text(text.strip())

    def wait_bot_reply(self, before: int) -> str:
        """Wait for a bot message after the first ``before`` ones; return the turn's text."""
        try:
            self.page.wait_for_function(
                """(before) => {
                    const msgs = document.querySelectorAll('.cb-msg.cb-bot');
                    return msgs.length > before && msgs[msgs.length - 1].innerText.trim().length > 0;
                }""",
                arg=before,
                timeout=BOT_TIMEOUT_MS,
            )
        except PlaywrightTimeoutError:
            status = self.page.locator("#careerbot-status")
            banner = status.inner_text() if status.is_visible() else "(no status banner)"
            raise AssertionError(
                f"no bot reply within {BOT_TIMEOUT_MS // 1000}s; widget status: {banner!r}. "
                "If Rasa logged \"coroutine 'AsyncServer.enter_room' was never awaited\", "
                "python-socketio is >= 5.10 (RasaHQ/rasa#13027): replies never reach the "
                "session's room; pin python-socketio<5.10."
            ) from None
        self.settle()
        return "\n".join(self.texts(BOT_MSG)[before:])

    def settle(self) -> None:
        """Wait until the bot has stopped sending messages for a moment."""
        previous = -1
        for _ in range(20):
            count = self.bot_count()
            typing = self.page.locator(".cb-typing").is_visible()
            if count == previous and not typing:
                return
            previous = count
            self.page.wait_for_timeout(SETTLE_MS)

    def ask(self, text: str) -> str:
        before = self.bot_count()
        self.send(text)
        reply = self.wait_bot_reply(before)
        assert reply.strip(), f"empty bot reply to {text!r}"
        return reply

    def session_id(self) -> Optional[str]:
        return self.page.evaluate("() => window.careerbot && window.careerbot.sessionId")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def widget(chromium_browser: Browser, bot_servers) -> Iterator[WidgetPage]:
    w = WidgetPage(chromium_browser, bot_servers)
    try:
        yield w
        assert not w.page_errors, f"JavaScript errors on the page: {w.page_errors}"
    finally:
        w.close()


_LOOPBACK = {"localhost", "127.0.0.1", "::1"}


def _same_server(a: str, b: str) -> bool:
    """Same scheme, port and host, taking the loopback names as one host."""
    ua, ub = urllib.parse.urlsplit(a), urllib.parse.urlsplit(b)
    ha, hb = (ua.hostname or "").lower(), (ub.hostname or "").lower()
    same_host = ha == hb or (ha in _LOOPBACK and hb in _LOOPBACK)
    return ua.scheme == ub.scheme and ua.port == ub.port and same_host


def _tracker_user_texts(rasa_url: str, sender_id: str) -> Optional[List[str]]:
    """User texts in Rasa's tracker, or None when the HTTP API isn't available."""
    url = f"{rasa_url.rstrip('/')}/conversations/{urllib.parse.quote(sender_id)}/tracker"
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            tracker = json.load(resp)
    except (urllib.error.URLError, OSError, ValueError):
        return None
    return [e.get("text") or "" for e in tracker.get("events", []) if e.get("event") == "user"]


# ------------------------------------------------------------------------------ tests
def test_conversation_buttons_and_reload(widget: WidgetPage) -> None:
    page = widget.page
    widget.open()
    configured = page.evaluate("() => window.careerbot.serverUrl")
    assert _same_server(configured, widget.servers.rasa_url), (
        f"the widget should use the Rasa URL from /config.js (web/serve.py --rasa-url): "
        f"{configured!r} vs {widget.servers.rasa_url!r}"
    )

    # 1. a real question gets a non-empty answer
    reply = widget.ask("what does an ML engineer do?")
    assert reply.strip()
    # the answer is announced to screen readers
    announcer = page.locator("#careerbot-announcer")
    expect(announcer).to_have_attribute("aria-live", "polite")
    expect(announcer).not_to_have_text("")

    # 2. "hi", then click a button if the bot offers any
    widget.ask("hi")
    buttons = page.locator(".cb-buttons button:not([disabled])")
    if buttons.count() > 0:
        first = buttons.first
        title = first.inner_text().strip()
        before = widget.bot_count()
        first.focus()
        expect(first).to_be_focused()
        first.click()
        expect(page.locator(USER_MSG).last).to_have_text(title)
        assert widget.wait_bot_reply(before).strip(), f"no bot reply after clicking {title!r}"

    users_before = widget.texts(USER_MSG)
    bots_before = widget.texts(BOT_MSG)
    session_before = widget.session_id()
    assert session_before
    assert page.evaluate("() => localStorage.getItem('careerbot:v1:session_id')") == session_before

    # 3. reload: same sender id, same transcript ...
    widget.reload()
    assert widget.session_id() == session_before, "the session id must survive a reload"
    assert widget.texts(USER_MSG) == users_before
    assert widget.texts(BOT_MSG) == bots_before

    # ... and the bot still answers (RasaHQ/rasa#13027: the reconnected socket must
    # join the session's room again, or replies never reach the page)
    before = widget.bot_count()
    widget.send("which skills do I need?")
    assert widget.wait_bot_reply(before).strip(), "no bot reply after reloading the page (#13027)"
    assert widget.texts(USER_MSG)[: len(users_before)] == users_before

    # Rasa recorded everything under the one sender id, if its HTTP API is on
    tracker_texts = _tracker_user_texts(widget.servers.rasa_url, "web:" + session_before.split(".")[0])
    if tracker_texts is not None:
        assert "what does an ML engineer do?" in tracker_texts
        assert "which skills do I need?" in tracker_texts


def test_html_in_user_text_is_shown_as_text(widget: WidgetPage) -> None:
    page = widget.page
    widget.open()
    before = widget.bot_count()
    widget.send(XSS)

    last_user = page.locator(USER_MSG).last
    expect(last_user).to_have_text(XSS)
    assert last_user.locator(".cb-bubble").inner_text() == XSS
    assert last_user.locator("img").count() == 0

    # let the bot answer (it may echo the text back), then check the whole page
    try:
        widget.wait_bot_reply(before)
    except AssertionError:  # no answer is fine here: this checks rendering
        page.wait_for_timeout(3_000)
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("() => document.querySelectorAll('[onerror]').length") == 0
    assert page.locator("#careerbot-panel img").count() == 0
    assert widget.dialogs == [], f"a dialog fired: {widget.dialogs}"

    # still literal after re-rendering the stored transcript
    widget.reload()
    expect(page.locator(USER_MSG).filter(has_text=XSS)).to_have_count(1)
    assert page.locator("img[src='x']").count() == 0
    assert widget.dialogs == []


def test_new_conversation_clears_transcript(widget: WidgetPage) -> None:
    page = widget.page
    widget.open()
    widget.ask("hi")
    old_session = widget.session_id()
    assert page.locator(".cb-msg").count() >= 2

    page.locator("#careerbot-new").click()
    expect(page.locator(".cb-msg")).to_have_count(0)
    page.wait_for_function(
        "(old) => window.careerbot.connected && window.careerbot.sessionId"
        " && window.careerbot.sessionId !== old",
        arg=old_session,
        timeout=CONNECT_TIMEOUT_MS,
    )
    assert page.evaluate("() => JSON.parse(localStorage.getItem('careerbot:v1:transcript') || '[]')") == []

    # stays cleared after a reload, and the new session works
    widget.reload()
    expect(page.locator(".cb-msg")).to_have_count(0)
    assert widget.ask("what does an ML engineer do?").strip()


def test_forget_me_also_clears_what_the_browser_stored(widget: WidgetPage) -> None:
    page = widget.page
    widget.open()
    widget.ask("I'm a backend dev in Seattle")
    old_session = widget.session_id()
    widget.send("forget me")
    page.wait_for_function(
        "(old) => window.careerbot.connected && window.careerbot.sessionId"
        " && window.careerbot.sessionId !== old",
        arg=old_session,
        timeout=CONNECT_TIMEOUT_MS,
    )
    expect(page.locator(".cb-msg")).to_have_count(1)  # only the confirmation is left on screen
    assert "deleted everything" in widget.texts(BOT_MSG)[0]
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('careerbot:v1:transcript') || '[]')")
    assert [m["text"][:5] for m in stored] == ["Done:"], stored
    assert "Seattle" not in page.evaluate("() => JSON.stringify(localStorage)")
    widget.reload()
    assert "haven't told me anything" in widget.ask("what do you know about me?")


def test_keyboard_and_input_limit(widget: WidgetPage) -> None:
    page = widget.page
    widget.open()
    box = page.locator("#careerbot-input")

    assert box.get_attribute("maxlength") == "1000"
    box.fill("x" * 1000)
    expect(page.locator("#careerbot-counter")).to_contain_text("1000 / 1000")
    box.press("End")
    box.press_sequentially("yyy")
    assert len(box.input_value()) == 1000
    box.fill("")

    # Escape closes the panel and gives focus back to the launcher; Enter reopens it
    box.focus()
    page.keyboard.press("Escape")
    expect(page.locator("#careerbot-panel")).to_be_hidden()
    expect(page.locator("#careerbot-launcher")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#careerbot-panel")).to_be_visible()
    expect(box).to_be_focused()
    expect(page.locator("#careerbot-launcher")).to_have_attribute("aria-expanded", "true")


def test_small_screen_layout_and_screenshot(widget: WidgetPage) -> None:
    page = widget.page
    page.set_viewport_size({"width": 375, "height": 700})
    widget.open()
    widget.ask("what does an ML engineer do?")

    panel = page.locator("#careerbot-panel").bounding_box()
    assert panel is not None
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 375 + 0.5, panel
    assert panel["width"] >= 375 - 1, f"the panel should be full width on a phone: {panel}"
    for selector in ("#careerbot-input", "#careerbot-send", "#careerbot-new", BOT_MSG):
        box = page.locator(selector).last.bounding_box()
        assert box is not None, selector
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375 + 0.5, (selector, box)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(RESULTS_DIR / "widget.png"))
    assert (RESULTS_DIR / "widget.png").stat().st_size > 0


# ------------------------------------------------- answers: sources, rating, salary chart (issue 14)
# The payload after an answer (/work/notes/answer_payload.md): first with canned payloads
# through a stand-in for socket.io (the page served by web/serve.py, with its CSP), then with
# the real bot.
FAKE_SOCKET_IO = Path(__file__).with_name("fake_socketio.js")
CHART = ".cb-chart"
RATE_EVENT = "rate_answer"


def _serve_module():
    spec = importlib.util.spec_from_file_location("careerbot_web_serve", REPO_ROOT / "web" / "serve.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def static_web() -> Iterator[str]:
    """web/ served by web/serve.py (its CSP included) without a Rasa server behind it."""
    server = _serve_module().make_server("127.0.0.1", 0, None, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def kb(kb_url) -> KnowledgeBase:
    return KnowledgeBase(get_engine(kb_url))


class CannedPage:
    """The demo page whose socket is the stand-in: the test plays the server."""

    def __init__(self, browser: Browser, url: str, width: int = 375, height: int = 800):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.set_default_timeout(10_000)
        self.context.add_init_script(path=str(FAKE_SOCKET_IO))
        self.page: Page = self.context.new_page()
        self.url = url
        self.problems: List[str] = []
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))
        self.page.on("console", self._on_console)

    def _on_console(self, message) -> None:
        if message.type == "error":  # CSP violations are reported here
            self.problems.append(f"console: {message.text}")

    def open(self) -> None:
        self.page.goto(self.url + "/", wait_until="domcontentloaded")
        self.wait_ready()

    def reload(self) -> None:
        self.page.reload(wait_until="domcontentloaded")
        self.wait_ready()

    def wait_ready(self) -> None:
        self.page.wait_for_function("() => window.careerbot && window.careerbot.connected")
        if not self.page.locator("#careerbot-panel").is_visible():
            self.page.locator("#careerbot-launcher").click()
        expect(self.page.locator("#careerbot-panel")).to_be_visible()

    def bot_says(self, *messages: Dict[str, Any]) -> None:
        self.page.evaluate("(ms) => ms.forEach((m) => window.__fakeIo.fire('bot_uttered', m))", list(messages))

    def emitted(self, event: str) -> List[Dict[str, Any]]:
        return [data for name, data in self.page.evaluate("() => window.__fakeIo.emitted") if name == event]

    def answer_ratings(self, reply: Optional[Dict[str, Any]]) -> None:
        """What the stand-in answers to rate_answer: reply plus the token, or nothing (None)."""
        self.page.evaluate(
            "(r) => { window.__ratingReply = r ? (d) => Object.assign({rating_token: d.rating_token}, r) : null; }",
            reply)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def canned(chromium_browser: Browser, static_web: str) -> Iterator[CannedPage]:
    page = CannedPage(chromium_browser, static_web)
    try:
        yield page
        assert not page.problems, page.problems
    finally:
        page.close()


def _answer(chart: Optional[Dict[str, Any]], token: str = "token-1", sources=("Salary Expectations",)):
    custom: Dict[str, Any] = {"careerbot": "answer", "answer_id": "0123456789abcdef", "rating_token": token,
                              "sources": [{"section": s} for s in sources]}
    if chart is not None:
        custom["chart"] = chart
    return {"custom": custom}


def _bars(page: Page, kind: str) -> List[Dict[str, Any]]:
    """The chart's bars of one kind, from their data attributes (high None: open-ended)."""
    return page.evaluate(
        """(kind) => Array.from(document.querySelectorAll(
              `.cb-msg.cb-bot:last-of-type .cb-chart rect[data-kind="${kind}"]`)).map((r) => ({
            band: r.dataset.band || null, of: r.dataset.of || null, low: Number(r.dataset.low),
            high: r.dataset.open === "true" ? null : Number(r.dataset.high)}))""",
        kind,
    )


def _expected_bars(chart: Dict[str, Any]) -> Dict[str, List[Dict[str, Any]]]:
    def bar(entry, key, value):
        return {"band": value if key == "band" else None, "of": value if key == "of" else None,
                "low": entry["low"], "high": entry["high"]}

    return {
        "band": [bar(b, "band", b["id"]) for b in chart["bands"]],
        "alternative": [bar(b["alternative"], "band", b["id"]) for b in chart["bands"] if "alternative" in b],
        "premium": [bar(p, "of", p["of"]) for p in chart["premiums"]],
        "premium-alternative": [bar(p["alternative"], "of", p["of"]) for p in chart["premiums"] if "alternative" in p],
    }


def _no_horizontal_overflow(page: Page, width: int) -> None:
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    for selector in (BOT_MSG, f"{BOT_MSG} .cb-bubble", CHART, ".cb-chart-svg", ".cb-answer-meta"):
        for box in [page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())]:
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (selector, box)
    overflowing = page.evaluate(
        """() => Array.from(document.querySelectorAll('.cb-messages *')).filter(
              (n) => n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflowX !== 'visible'
                     && !n.closest('.cb-sr-only')).length""")
    assert overflowing == 0


def test_canned_salary_answer_draws_the_chart_from_the_payload(canned: CannedPage, kb: KnowledgeBase) -> None:
    page = canned.page
    canned.open()
    chart = salary_chart(kb, "mid", "new_york", "faang")
    assert chart is not None
    canned.bot_says({"text": "**Mid-Level ML Engineer in New York at FAANG**: about **$150K-$180K** a year."},
                    _answer(chart))
    figure = page.locator(f"{BOT_MSG} {CHART}")
    expect(figure).to_have_count(1)
    # one bar per band and figure, the values of the payload (the KB's: tests/actions/test_salary_chart.py)
    expected = _expected_bars(chart)
    for kind, bars in expected.items():
        assert _bars(page, kind) == bars, kind
    assert len(expected["premium"]) == 2 and len(expected["alternative"]) == 2
    # the user's level stands out
    expect(figure.locator(".cb-chart-row-hl")).to_have_count(1)
    expect(figure.locator(".cb-chart-row-hl rect[data-kind='band']")).to_have_attribute("data-band", "mid")
    # an accessible text alternative: role=img named by <title>, described by <desc>, and a text list
    svg = figure.locator("svg.cb-chart-svg")
    expect(svg).to_have_attribute("role", "img")
    expect(svg).to_have_accessible_name(chart["title"])
    expect(svg).to_have_accessible_description(chart["text_alternative"])
    items = figure.locator("ul.cb-chart-list li").all_inner_texts()
    assert len(items) == len(chart["bands"]) + len(chart["premiums"])
    assert any("Mid-Level (2-5 years): $150-180K (the guide's other figure: $160-200K) (your level)" in i
               for i in items), items
    # the source line
    expect(page.locator(f"{BOT_MSG} .cb-source")).to_have_text("Source: Salary Expectations")
    _no_horizontal_overflow(page, 375)
    # a restored transcript keeps chart and source
    canned.reload()
    for kind, bars in expected.items():
        assert _bars(page, kind) == bars, kind
    expect(page.locator(f"{BOT_MSG} .cb-source")).to_have_text("Source: Salary Expectations")


def test_canned_answer_without_chart_has_sources_and_no_chart(canned: CannedPage) -> None:
    page = canned.page
    canned.open()
    canned.bot_says({"text": "An ML engineer builds production ML systems."},
                    _answer(None, sources=("What Is an ML Engineer?", "Career Path & Progression")))
    expect(page.locator(f"{BOT_MSG} .cb-source")).to_have_text(
        "Sources: What Is an ML Engineer?, Career Path & Progression")
    expect(page.locator(CHART)).to_have_count(0)
    expect(page.locator(f"{BOT_MSG} .cb-thumb")).to_have_count(2)


def test_canned_thumbs_down_then_a_comment(canned: CannedPage) -> None:
    page = canned.page
    canned.open()
    canned.answer_ratings({"ok": True})
    canned.bot_says({"text": "Junior roles start around $120-140K."}, _answer(None, token="tok.abc"))
    up, down = page.locator(".cb-thumb-up"), page.locator(".cb-thumb-down")
    for thumb, name in ((up, "Helpful answer"), (down, "Not helpful")):
        assert thumb.evaluate("(b) => b.tagName") == "BUTTON"
        expect(thumb).to_have_attribute("aria-pressed", "false")
        expect(thumb).to_have_accessible_name(name)
    # reachable with the keyboard, with a visible focus ring
    up.focus()
    page.keyboard.press("Tab")
    expect(down).to_be_focused()
    assert down.evaluate("(b) => getComputedStyle(b).outlineStyle") != "none"

    page.keyboard.press("Enter")
    session = page.evaluate("() => window.careerbot.sessionId")
    feedback = page.locator(".cb-feedback-input")
    expect(feedback).to_be_focused()
    expect(feedback).to_have_attribute("maxlength", "200")
    expect(down).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".cb-rate-status")).to_have_text("Thanks for the feedback.")
    feedback.press_sequentially("the salary in Berlin")
    feedback.press("Enter")
    expect(page.locator(".cb-rate-status")).to_have_text("Thanks, noted.")
    expect(page.locator(".cb-feedback")).to_have_count(0)
    assert canned.emitted(RATE_EVENT) == [
        {"session_id": session, "rating_token": "tok.abc", "rating": "down"},
        {"session_id": session, "rating_token": "tok.abc", "rating": "down", "comment": "the salary in Berlin"},
    ]
    expect(down).to_be_focused()
    # the rating survives a reload; no second comment line is offered
    canned.reload()
    expect(page.locator(".cb-thumb-down")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".cb-thumb-up")).to_have_attribute("aria-pressed", "false")
    page.locator(".cb-thumb-down").click()
    expect(page.locator(".cb-feedback")).to_have_count(0)
    assert canned.emitted(RATE_EVENT) == []  # (the stand-in's record starts again with the page)
    # changing one's mind to thumbs up sends it
    canned.answer_ratings({"ok": True})
    page.locator(".cb-thumb-up").click()
    expect(page.locator(".cb-thumb-up")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".cb-thumb-down")).to_have_attribute("aria-pressed", "false")
    assert [e["rating"] for e in canned.emitted(RATE_EVENT)] == ["up"]


def test_canned_comment_line_escape_and_failed_save(canned: CannedPage) -> None:
    page = canned.page
    canned.open()
    canned.answer_ratings({"ok": False, "error": "bad token"})
    canned.bot_says({"text": "It takes 12-18 months."}, _answer(None, token="tok-2"))
    page.locator(".cb-thumb-down").click()
    # not saved: the thumb is released and the user told so
    expect(page.locator(".cb-rate-status")).to_have_text("Couldn't save your rating. Try again.")
    expect(page.locator(".cb-thumb-down")).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".cb-feedback")).to_have_count(0)
    canned.answer_ratings({"ok": True})
    page.locator(".cb-thumb-down").click()
    feedback = page.locator(".cb-feedback-input")
    expect(feedback).to_be_focused()
    feedback.fill("x" * 300)
    assert len(feedback.input_value()) == 200
    # Escape closes the comment line, not the chat, and gives focus back to the thumb
    feedback.press("Escape")
    expect(page.locator(".cb-feedback")).to_have_count(0)
    expect(page.locator("#careerbot-panel")).to_be_visible()
    expect(page.locator(".cb-thumb-down")).to_be_focused()
    assert [e.get("comment") for e in canned.emitted(RATE_EVENT)] == [None, None]


def test_canned_hostile_payload_stays_text(canned: CannedPage) -> None:
    page = canned.page
    canned.open()
    chart = {
        "kind": "salary_bands", "unit": "$K", "title": XSS, "highlight": "\"><svg onload=alert(1)>",
        "bands": [
            {"id": "a\"onmouseover=\"alert(1)", "label": XSS, "low": 100, "high": 130},
            {"id": "b", "label": "bad figures", "low": "150", "high": 180},
            {"id": "c", "label": "inverted", "low": 200, "high": 150},
            {"id": "d", "label": "<b>open</b>", "low": 200, "high": None},
        ],
        "premiums": [{"label": XSS, "low": 120, "high": 170, "of": "nowhere"}],
        "text_alternative": XSS,
        "notes": [XSS],
    }
    canned.bot_says({"text": "Figures."}, _answer(chart, token=XSS, sources=(XSS, "<script>alert(1)</script>")))
    expect(page.locator(CHART)).to_have_count(1)
    assert [b["low"] for b in _bars(page, "band")] == [100, 200]
    assert _bars(page, "premium") == []
    expect(page.locator(".cb-chart-label").first).to_have_text(XSS)
    expect(page.locator(".cb-source")).to_contain_text(XSS)
    assert page.evaluate("() => document.querySelectorAll('img, script:not([src]), [onerror], [onload], "
                         "[onmouseover]').length") == 0
    canned.reload()
    assert page.evaluate("() => document.querySelectorAll('img, [onerror], [onload], [onmouseover]').length") == 0


# ------------------------------------------------------------------- the same with the real bot
def _socket_frames(page: Page) -> Dict[str, List[Any]]:
    """socket.io events the page sends and receives over WebSocket, by name."""
    frames: Dict[str, List[Any]] = {"sent": [], "received": []}

    def parse(direction: str, payload: Any) -> None:
        if isinstance(payload, str) and payload.startswith("42"):
            try:
                frames[direction].append(json.loads(payload[2:]))
            except ValueError:
                pass

    page.on("websocket", lambda ws: (ws.on("framesent", lambda p: parse("sent", p)),
                                     ws.on("framereceived", lambda p: parse("received", p))))
    return frames


def _events(frames: Dict[str, List[Any]], direction: str, name: str) -> List[Any]:
    return [f[1] for f in frames[direction] if isinstance(f, list) and len(f) > 1 and f[0] == name]


def test_real_salary_answer_chart_sources_and_rating(widget: WidgetPage, bot_servers) -> None:
    page = widget.page
    page.set_viewport_size({"width": 375, "height": 800})
    frames = _socket_frames(page)
    widget.open()
    kb = KnowledgeBase(get_engine(bot_servers.db_url))

    widget.ask("how much does a mid-level ML engineer make in New York?")
    last = page.locator(BOT_MSG).last
    expect(last.locator(CHART)).to_have_count(1, timeout=10_000)
    # every bar is the knowledge base's figure, in $K
    levels = [lv for lv in kb.career_levels() if lv.salary_bands]

    def k(amount: Optional[int]) -> Optional[float]:
        return None if amount is None else amount / 1000

    assert _bars(page, "band") == [{"band": lv.id, "of": None, "low": k(lv.salary_bands[0].min_usd),
                                    "high": k(lv.salary_bands[0].max_usd)} for lv in levels]
    assert _bars(page, "alternative") == [{"band": lv.id, "of": None, "low": k(lv.salary_bands[1].min_usd),
                                           "high": k(lv.salary_bands[1].max_usd)}
                                          for lv in levels if len(lv.salary_bands) > 1]
    new_york = kb.salary_estimate("mid", location="new_york").ranges
    assert _bars(page, "premium") == [{"band": None, "of": "mid", "low": k(new_york[0].low_usd),
                                       "high": k(new_york[0].high_usd)}]
    expect(last.locator(".cb-chart-row-hl rect[data-kind='band']")).to_have_attribute("data-band", "mid")
    expect(last.locator("svg.cb-chart-svg")).to_have_attribute("role", "img")
    expect(last.locator(".cb-source")).to_contain_text("Salary")
    _no_horizontal_overflow(page, 375)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    last.scroll_into_view_if_needed()
    page.screenshot(path=str(RESULTS_DIR / "salary_chart.png"))
    assert (RESULTS_DIR / "salary_chart.png").stat().st_size > 0

    # thumbs down, then what the user was looking for
    down = last.locator(".cb-thumb-down")
    down.focus()
    expect(down).to_be_focused()
    down.click()
    feedback = last.locator(".cb-feedback-input")
    expect(feedback).to_be_focused()
    feedback.press_sequentially("pay in Chicago")
    feedback.press("Enter")
    session = widget.session_id()
    expect(last.locator(".cb-rate-status")).to_have_text("Thanks, noted.", timeout=10_000)
    sent = _events(frames, "sent", RATE_EVENT)
    assert [(d["session_id"], d["rating"], d.get("comment")) for d in sent] == [
        (session, "down", None), (session, "down", "pay in Chicago")]
    assert len({d["rating_token"] for d in sent}) == 1 and sent[0]["rating_token"]
    saved = _events(frames, "received", "rating_saved")
    assert [s.get("ok") for s in saved] == [True, True], saved
    widget.reload()
    expect(page.locator(BOT_MSG).last.locator(".cb-thumb-down")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(BOT_MSG).last.locator(CHART)).to_have_count(1)

    # an answer that is not about pay: sources, no chart
    widget.ask("what does an ML engineer do?")
    last = page.locator(BOT_MSG).last
    expect(last.locator(".cb-source")).to_be_visible(timeout=10_000)
    expect(last.locator(CHART)).to_have_count(0)
    expect(last.locator(".cb-thumb")).to_have_count(2)

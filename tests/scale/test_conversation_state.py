"""The conversation state shared by the Rasa servers: two messages of one conversation that
reach two servers at once run one after the other (Rasa's Redis lock), and a conversation
thousands of events long still loads and answers."""
import os
import threading
import uuid
from typing import Dict, List

import pytest

from tests.scale.chat import Reply, say_all, send
from tests.scale.conversations import LEVELS, inform, script
from tests.scale.stack import Stack
from tests.scale.tracker_db import append_copies, events, turns

pytestmark = pytest.mark.scale

RACES = 20
RACE_A = inform(level="senior", location="denver")
RACE_B = "I'm a backend developer and I know python and sql"
LONG_TRACKER_EVENTS = 5000


def race(urls: List[str], who: str, messages: List[str]) -> List[Reply]:
    """Sends messages[i] to urls[i], all released at the same instant."""
    barrier = threading.Barrier(len(urls))
    replies: Dict[int, Reply] = {}

    def one(i: int) -> None:
        barrier.wait()
        replies[i] = send(urls[i], who, messages[i])

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(urls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [replies[i] for i in range(len(urls))]


def test_one_conversations_messages_on_two_servers_at_once_are_not_interleaved(stack, report):
    """Bypasses nginx: the same conversation's two messages go to rasa-1 and rasa-2 directly."""
    urls = [stack.rasa_url(name) for name in stack.rasa_names[:2]]
    problems: Dict[str, List[str]] = {}
    for attempt in range(RACES):
        who = f"race-{attempt}-{uuid.uuid4().hex[:6]}"
        say_all(stack.url, who, ["hi"])
        issues = race_issues(stack, who, race(urls, who, [RACE_A, RACE_B]))
        if issues:
            problems[who] = issues
    report(f"same conversation on both Rasa servers at once: {RACES - len(problems)}/{RACES} races serialised")
    assert not problems, "\n".join(f"{who}: {issue}" for who, issues in problems.items() for issue in issues)


def race_issues(stack: Stack, who: str, replies: List[Reply]) -> List[str]:
    if not all(r.ok and r.messages for r in replies):
        return [f"not answered: {[(r.status, r.text[:60]) for r in replies]}"]
    issues = []
    stored = turns(events(stack.postgres, who))
    texts = [t.user_text for t in stored]
    if sorted(texts) != sorted(["hi", RACE_A, RACE_B]):
        issues.append(f"stored user messages {texts} (a turn was lost or doubled)")
    elif not all(t.complete for t in stored):
        issues.append(f"turns interleaved: {[(t.user_text, [e.type_name for e in t.events]) for t in stored]}")
    mine = send(stack.url, who, "what do you know about me?").text
    if not all(e in mine for e in (f"Level: {LEVELS['senior']}", "Location: Denver", "Skills: Python and SQL")):
        issues.append(f"one turn's slots were lost: {mine!r}")
    return issues


def test_a_conversation_thousands_of_events_long_still_loads_and_answers(stack, report):
    """The same conversation twice; one of them then gets thousands of old turns (copies of its
    own, written to the events table): both must answer the next questions alike."""
    s = script(140)
    short, long = f"short-{uuid.uuid4().hex[:8]}", f"long-{uuid.uuid4().hex[:8]}"
    say_all(stack.url, short, s.turns)
    say_all(stack.url, long, s.turns)
    stored = events(stack.postgres, long)
    # Copy whole turns only (from the first user message on), never the session start.
    first_user = next(i for i, e in enumerate(stored) if e.type_name == "user")
    total = append_copies(stack.postgres, long, stored[first_user:], LONG_TRACKER_EVENTS)

    for message in ("what do you know about me?", "how much will I make?", "and in New York?"):
        want, got = send(stack.url, short, message), send(stack.url, long, message)
        report(f"{message!r}: {got.seconds * 1000:.0f} ms with {total} events, "
               f"{want.seconds * 1000:.0f} ms with {len(stored)} (load average {os.getloadavg()[0]:.1f})")
        assert got.ok and got.messages and got.comparable == want.comparable, (got.status, got.text, want.text)
        assert got.seconds < 60  # nginx gives up at 120 s
    assert len(events(stack.postgres, long)) > total  # the new turns were stored after the copies

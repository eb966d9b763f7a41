"""Faults in the scale-out deployment: a Rasa server killed mid-run, PostgreSQL restarted or
down, the action servers down, Redis down. What must hold: a failure is visible (an error
status, or the bot's apology), never a 200 with no reply or with an answer made from a lost
conversation; and everything works again once the failed part is back, without restarts."""
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import pytest

from tests.scale.chat import Reply, say_all, send
from tests.scale.conversations import APOLOGY, CONVERSATIONS, LEVELS, Script, script, scripts
from tests.scale.load import Run, compare, converse, run_concurrently

pytestmark = pytest.mark.scale

FOLLOW_UP = "and in New York?"  # answered from the tracker's context slot: wrong if the tracker was lost


def sender(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def follow_up_expected(s: Script) -> str:
    return f"**{LEVELS[s.level]} in New York"


def establish(url: str, who: str, s: Script) -> None:
    """hi, the profile, a salary question: the follow-up now depends on the stored context."""
    say_all(url, who, s.turns[:3])


def verdict(reply: Reply, expected: str) -> str:
    if reply.status == 0 or reply.status >= 500:
        return "error status"
    if reply.status == 200 and expected in reply.text:
        return "right answer"
    if reply.status == 200 and APOLOGY in reply.text:
        return "apology"
    if reply.status == 200 and not reply.messages:
        return "SILENT: 200 with no reply"
    return f"WRONG: {reply.status} {reply.text[:100]!r}"


def silent_or_wrong(verdicts: List[str]) -> List[str]:
    return [v for v in verdicts if v.startswith(("SILENT", "WRONG"))]


# --- a Rasa server dies --------------------------------------------------------------------


@dataclass
class Kill:
    after_turns: int
    started: Optional[float] = None  # SIGKILL sent
    at: Optional[float] = None  # the process is gone: from then on nginx's connects are refused
    done: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def overlaps(self, reply: Reply) -> bool:
        """The request was open at some moment while the server was dying."""
        return reply.started <= self.at and reply.started + reply.seconds >= self.started


def test_a_rasa_server_killed_mid_run_fails_only_the_requests_in_flight(stack, reference, report):
    chosen = scripts(CONVERSATIONS)[:20]
    kill = Kill(after_turns=60)

    def kill_rasa_1_once(_script: Script, _turn: int, _reply: Reply) -> None:
        with kill.lock:
            kill.done += 1
            if kill.done == kill.after_turns:
                kill.started = time.monotonic()
                stack.kill_server("rasa-1")
                kill.at = time.monotonic()

    run = run_concurrently("20 at once, rasa-1 SIGKILLed after 60 turns", stack.url, chosen, "kill",
                           hook=kill_rasa_1_once)
    assert kill.at is not None
    failed = run.failures
    in_flight = [r for r in run.replies if kill.overlaps(r)]
    report(run.summary())
    report(f"  in flight while rasa-1 died ({(kill.at - kill.started) * 1000:.0f} ms): {len(in_flight)}, "
           f"failed: {len(failed)} ({dict(Counter(r.status for r in failed))})")

    assert all(r.status >= 500 for r in failed), [(r.status, r.error) for r in failed]
    assert all(kill.overlaps(r) for r in failed), "a request that was not in flight during the kill failed"
    assert not [r for r in run.replies if r.ok and not r.messages], "a 200 without a reply"
    failed_turn: Dict[str, int] = {}
    for key, transcript in run.transcripts.items():
        turns = [i for i, r in enumerate(transcript) if not r.ok]
        assert len(turns) <= 1, f"{key} failed more than once: turns {turns}"
        if turns:
            failed_turn[key] = turns[0]
    # Conversations the kill did not touch are word for word what they are alone; the others
    # match up to the failed turn (lost with the server) and get answers after it.
    untouched = [s for s in chosen if s.key not in failed_turn]
    assert not compare(run, reference, untouched)
    for s in chosen:
        if s.key in failed_turn:
            f = failed_turn[s.key]
            assert not compare(run, reference, [s], turns=lambda _k, f=f: range(f))
            assert all(r.ok and r.messages for r in run.transcripts[s.key][f + 1:]), s.key
    waits = [run.transcripts[k][f + 1].seconds for k, f in failed_turn.items() if f + 1 < len(chosen[0].turns)]
    if waits:
        # The dead server's Redis lock ticket blocks the conversation until it expires.
        report(f"  next turn after a failed one took up to {max(waits):.1f}s (lock lifetime)")

    # The launcher's restart policy brings the server back, and nginx uses it again.
    started = time.monotonic()
    while "rasa-1" not in stack.cluster.restart_dead():
        time.sleep(0.5)
    stack.cluster.wait_until_up("rasa-1")
    report(f"  rasa-1 restarted by the launcher and answering after {time.monotonic() - started:.0f}s")
    time.sleep(3)  # nginx's fail_timeout for the dead server
    log_start = stack.nginx.access_log_lines()
    say_all(stack.url, sender("after-kill"), ["hi"] * 6)
    assert stack.cluster.servers["rasa-1"].address in stack.nginx.upstream_counts(since_line=log_start)


# --- PostgreSQL ------------------------------------------------------------------------------


def test_postgres_restart_is_survived_without_restarting_rasa(stack, report):
    """The pools of the Rasa servers still hold connections to the old PostgreSQL process."""
    chosen = [script(i) for i in range(100, 106)]
    who = {s.key: sender("pg-restart") for s in chosen}
    for s in chosen:
        establish(stack.url, who[s.key], s)
    stack.postgres.stop_immediately()
    stack.postgres.start()
    replies = {s.key: send(stack.url, who[s.key], FOLLOW_UP) for s in chosen}
    verdicts = [verdict(replies[s.key], follow_up_expected(s)) for s in chosen]
    report(f"postgres restarted (no traffic meanwhile), first message after: {dict(Counter(verdicts))}")
    assert not silent_or_wrong(verdicts), verdicts
    assert all(v == "right answer" for v in verdicts), "no request should fail once PostgreSQL is back"


def test_postgres_outage_fails_visibly_and_the_conversations_go_on(stack, report):
    chosen = [script(i) for i in range(110, 116)]
    who = {s.key: sender("pg-outage") for s in chosen}
    for s in chosen:
        establish(stack.url, who[s.key], s)
    during: Dict[str, List[Reply]] = {s.key: [] for s in chosen}
    outage_over = threading.Event()

    def keep_asking(s: Script) -> None:
        while not outage_over.is_set():
            during[s.key].append(send(stack.url, who[s.key], FOLLOW_UP))
            time.sleep(0.5)

    stack.postgres.stop_immediately()
    try:
        with ThreadPoolExecutor(len(chosen)) as pool:
            futures = [pool.submit(keep_asking, s) for s in chosen]
            time.sleep(8)
            stack.postgres.start()
            outage_over.set()
            for future in futures:
                future.result()
    finally:
        outage_over.set()
    verdicts = [verdict(r, follow_up_expected(s)) for s in chosen for r in during[s.key]]
    report(f"postgres down 8s: {len(verdicts)} messages sent meanwhile: {dict(Counter(verdicts))}")
    assert not silent_or_wrong(verdicts), Counter(verdicts)

    after = {s.key: send(stack.url, who[s.key], "what do you know about me?") for s in chosen}
    for s in chosen:
        expected = s.expectations()[1]  # the profile given before the outage
        assert after[s.key].ok and all(e in after[s.key].text for e in expected), (s.key, after[s.key].text)
        assert follow_up_expected(s) in send(stack.url, who[s.key], FOLLOW_UP).text


# --- the action servers -----------------------------------------------------------------------


def test_one_action_server_down_goes_unnoticed(stack, reference, report):
    stack.cluster.stop_server("actions-1")
    s = scripts(CONVERSATIONS)[3]
    replies = converse(stack.url, s, sender("one-actions-down"))
    report(f"actions-1 down: {sum(r.ok for r in replies)}/{len(replies)} messages answered")
    assert not compare(Run("actions-1 down", {s.key: replies}, 0.0), reference, [s])


def test_all_action_servers_down_gives_an_apology_then_recovers(stack, report):
    s = script(120)
    who, newcomer = sender("actions-down"), sender("actions-down-new")
    establish(stack.url, who, s)
    for name in stack.action_names:
        stack.cluster.stop_server(name)
    follow_up = send(stack.url, who, FOLLOW_UP)
    greeting = send(stack.url, who, "hi")  # a plain response: no action server needed
    first = send(stack.url, newcomer, "hi")  # a new conversation begun during the outage
    report(f"action servers down: follow-up -> {verdict(follow_up, follow_up_expected(s))}; "
           f"'hi' -> {greeting.text[:30]!r}; a new user's 'hi' -> {first.text[:30]!r} ({len(first.messages)} message)")
    assert follow_up.ok and follow_up.text == APOLOGY, follow_up
    assert greeting.ok and greeting.text.startswith("Hi! I'm careerbot"), greeting
    assert first.ok and first.text.startswith("Hi! I'm careerbot"), first

    for name in stack.action_names:
        stack.cluster.start_server(name, wait=False)
    for name in stack.action_names:
        stack.cluster.wait_until_up(name)
    stack.nginx.wait_actions_reachable()
    assert follow_up_expected(s) in send(stack.url, who, FOLLOW_UP).text
    mine = send(stack.url, who, "what do you know about me?").text
    assert all(e in mine for e in s.expectations()[1]), mine
    # The conversation that began during the outage works as well.
    late = script(121)
    reply = send(stack.url, newcomer, late.turns[1])
    assert reply.ok and all(e in reply.text for e in late.expectations()[1]), reply


# --- Redis ----------------------------------------------------------------------------------------


def test_redis_down_fails_visibly_and_recovers_when_it_is_back(stack, report):
    s = script(130)
    who = sender("redis-down")
    establish(stack.url, who, s)
    stack.redis.stop()
    try:
        during = [send(stack.url, who, FOLLOW_UP) for _ in range(3)]
    finally:
        stack.redis.start()  # empty: Redis only ever holds the locks of turns in progress
    verdicts = [verdict(r, follow_up_expected(s)) for r in during]
    report(f"redis down: {dict(Counter(verdicts))}")
    after = send(stack.url, who, FOLLOW_UP)
    assert after.ok and follow_up_expected(s) in after.text, after
    assert all(v == "error status" for v in verdicts), verdicts

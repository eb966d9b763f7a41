"""Runs many conversations at once (each one's turns in order, one thread per conversation)
and sums up what happened."""
import os
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence

from tests.scale.chat import Reply, send
from tests.scale.conversations import Script

# Called after every turn with (script, turn index, reply); may sleep (pacing) or act (inject a fault).
TurnHook = Callable[[Script, int, Reply], None]


@dataclass
class Run:
    label: str
    transcripts: Dict[str, List[Reply]]  # script key -> one reply per turn
    wall_s: float

    @property
    def replies(self) -> List[Reply]:
        return [r for transcript in self.transcripts.values() for r in transcript]

    @property
    def failures(self) -> List[Reply]:
        return [r for r in self.replies if not r.ok]

    def percentile(self, q: float) -> float:
        times = sorted(r.seconds for r in self.replies)
        if len(times) < 2:
            return times[0] if times else 0.0
        return statistics.quantiles(times, n=100, method="inclusive")[int(q) - 1]

    def summary(self) -> str:
        n = len(self.replies)
        return (f"{self.label}: {len(self.transcripts)} conversations, {n} messages, {len(self.failures)} failed, "
                f"{self.wall_s:.1f}s, {n / self.wall_s:.1f} replies/s, "
                f"p50 {self.percentile(50) * 1000:.0f} ms, p95 {self.percentile(95) * 1000:.0f} ms, "
                f"max {max((r.seconds for r in self.replies), default=0) * 1000:.0f} ms, "
                f"load average {os.getloadavg()[0]:.1f}")


def converse(base_url: str, script: Script, sender: str, hook: Optional[TurnHook] = None,
             url_for_turn: Optional[Callable[[int], str]] = None) -> List[Reply]:
    replies = []
    for index, message in enumerate(script.turns):
        reply = send(url_for_turn(index) if url_for_turn else base_url, sender, message)
        replies.append(reply)
        if hook is not None:
            hook(script, index, reply)
    return replies


def run_concurrently(label: str, base_url: str, scripts: Sequence[Script], sender_prefix: str,
                     hook: Optional[TurnHook] = None) -> Run:
    """All conversations start together (a barrier), as 50 users who all type at once."""
    barrier = threading.Barrier(len(scripts))

    def one(script: Script) -> List[Reply]:
        barrier.wait()
        return converse(base_url, script, f"{sender_prefix}-{script.key}", hook)

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(scripts)) as pool:
        results = list(pool.map(one, scripts))
    return Run(label, {s.key: r for s, r in zip(scripts, results)}, time.monotonic() - started)


def run_alone(label: str, base_url: str, scripts: Sequence[Script], sender_prefix: str) -> Run:
    """One conversation after the other: nothing else happens on the server meanwhile."""
    started = time.monotonic()
    transcripts = {s.key: converse(base_url, s, f"{sender_prefix}-{s.key}") for s in scripts}
    return Run(label, transcripts, time.monotonic() - started)


@dataclass
class Mismatch:
    key: str
    turn: int
    message: str
    why: str


def compare(run: Run, reference: Run, scripts: Sequence[Script], turns: Optional[Callable[[str], range]] = None
            ) -> List[Mismatch]:
    """Every turn (in `turns(key)`, default all) answered, identically to the reference run,
    and carrying its own conversation's figures."""
    found: List[Mismatch] = []
    for script in scripts:
        got, want = run.transcripts[script.key], reference.transcripts[script.key]
        checks = script.expectations()
        for i in (turns(script.key) if turns else range(len(script.turns))):
            reply = got[i]
            if not reply.ok:
                found.append(Mismatch(script.key, i, script.turns[i], f"status {reply.status} {reply.error}"))
            elif not reply.messages:
                found.append(Mismatch(script.key, i, script.turns[i], "200 with no reply"))
            elif reply.comparable != want[i].comparable:
                found.append(Mismatch(script.key, i, script.turns[i],
                                      f"differs from the reference: {reply.text[:120]!r} vs {want[i].text[:120]!r}"))
            else:
                missing = [s for s in checks.get(i, []) if s not in reply.text]
                if missing:
                    found.append(Mismatch(script.key, i, script.turns[i], f"lacks {missing}: {reply.text[:160]!r}"))
    return found

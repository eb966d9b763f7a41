"""Runs a blind conversation set against a running careerbot over the REST channel and checks
the facts of every reply.

The sets in this folder were written by someone who saw only the career guide and a
description of careerbot, never its training data or code. Never train on them.

    python -m tests.blind.runner http://127.0.0.1:5005 tests/blind/singles.yml [...]

A case file holds `cases:` (single messages, each in a fresh conversation) and/or
`conversations:` (turns in one conversation). Each message may say:
- `expect`: answer (default) | not_covered | english_only | rephrase
- `must_contain`: groups of alternatives; each group needs one alternative in the reply
- `must_not_contain`: strings none of which may appear
Matching is case-insensitive on a normalised reply (money written "$165,000", "$165K",
"165 k", ranges "$120-140K" all become "165k", "120k-140k"; "30-50%" becomes "30%-50%").
"""
import argparse
import json
import re
import sys
import urllib.error
import urllib.request
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import yaml

HERE = Path(__file__).resolve().parent

# How careerbot says each kind of non-answer (bot/domain.yml and the content files).
NOT_COVERED = ("doesn't cover", "does not cover", "not covered", "isn't covered", "doesn't say",
               "does not say", "has nothing on", "doesn't mention", "does not mention", "no figures for",
               "doesn't give", "does not give", "doesn't have", "does not have", "gives no", "has no")
ENGLISH_ONLY = ("english",)
REPHRASE = ("rephrase", "couldn't make sense", "didn't understand", "not sure i understood")
NON_ANSWERS = ("did you mean", "couldn't make sense", "could you rephrase", "outside what i know",
               "couldn't look that up", "just pick one of the options")


@dataclass(frozen=True)
class Turn:
    text: str
    expect: str = "answer"
    must_contain: Tuple[Tuple[str, ...], ...] = ()
    must_not_contain: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    id: str
    kind: str  # the writer's class
    turns: Tuple[Turn, ...]


@dataclass
class Outcome:
    case: Case
    failures: List[str] = field(default_factory=list)  # "turn 2: missing ['165k']"
    replies: List[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def normalise(text: str) -> str:
    t = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"\$?\b(\d{1,3}),000\b", r"\1k", t)  # $165,000 -> 165k
    t = re.sub(r"\$\s?(\d+(?:\.\d+)?)\s?k\b", r"\1k", t)  # $165K -> 165k
    t = re.sub(r"\b(\d+(?:\.\d+)?) k\b", r"\1k", t)  # 165 k -> 165k
    # $120-140K, 120-$140k, 120 to 140k -> 120k-140k
    t = re.sub(r"\$?(\d+(?:\.\d+)?)k?\s?(?:-|to)\s?\$?(\d+(?:\.\d+)?)k\b", r"\1k-\2k", t)
    t = re.sub(r"\b(\d+)\s?(?:-|to)\s?(\d+)%", r"\1%-\2%", t)  # 30-50% -> 30%-50%
    return t


def _turn(raw: Dict) -> Turn:
    groups = tuple(tuple(str(a).lower() for a in (g if isinstance(g, list) else [g]))
                   for g in raw.get("must_contain") or [])
    return Turn(str(raw["text"]), str(raw.get("expect") or "answer"), groups,
                tuple(str(s).lower() for s in raw.get("must_not_contain") or []))


def load_cases(path: Path) -> List[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    cases = [Case(str(c["id"]), str(c.get("class", "?")), (_turn(c),)) for c in data.get("cases") or []]
    cases += [Case(str(c["id"]), str(c.get("class", "?")), tuple(_turn(t) for t in c["turns"]))
              for c in data.get("conversations") or []]
    if not cases:
        raise ValueError(f"{path}: no cases or conversations")
    return cases


def _found(wanted: str, reply: str) -> bool:
    """Substring match, but a short word ("us", "2") must stand on its own (or as a plural), not inside "just";
    a number only needs other digits kept off it ("165" is in "165k"), and "30-50" is in "30%-50%"."""
    if wanted.isdigit():
        return re.search(rf"(?<![0-9.]){wanted}(?![0-9])", reply) is not None
    if len(wanted) <= 3 and wanted.isalnum():  # its plural too: "cnn" is in "CNNs"
        return re.search(rf"(?<![a-z0-9]){re.escape(wanted)}s?(?![a-z0-9])", reply) is not None
    return wanted in reply or wanted in reply.replace("%-", "-")


def judge(turn: Turn, reply: str) -> List[str]:
    """What is wrong with `reply` as an answer to `turn` (nothing: it is right)."""
    r = normalise(reply)
    problems = []
    if not reply.strip():
        return ["no reply"]
    wanted = {"not_covered": NOT_COVERED, "english_only": ENGLISH_ONLY, "rephrase": REPHRASE}.get(turn.expect)
    if wanted is not None and not any(w in r for w in wanted):
        problems.append(f"expected a {turn.expect} reply")
    if turn.expect == "answer" and not turn.must_contain and any(n in r for n in NON_ANSWERS):
        problems.append("got a non-answer")
    for group in turn.must_contain:
        if not any(_found(normalise(alt), r) for alt in group):
            problems.append(f"missing {list(group)}")
    for bad in turn.must_not_contain:
        if _found(normalise(bad), r):
            problems.append(f"contains {bad!r}")
    return problems


def _say(url: str, sender: str, text: str) -> str:
    body = json.dumps({"sender": sender, "message": text}).encode()
    req = urllib.request.Request(f"{url}/webhooks/rest/webhook", data=body,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            messages = json.loads(resp.read())
    except urllib.error.HTTPError as e:
        return f"<HTTP {e.code}>"
    parts = []
    for m in messages:
        parts.append(m.get("text") or "")
        parts += [b.get("title", "") for b in m.get("buttons") or []]
    return "\n".join(p for p in parts if p)


def run_case(url: str, case: Case) -> Outcome:
    outcome = Outcome(case)
    sender = f"blind-{case.id}-{uuid.uuid4().hex[:8]}"
    for n, turn in enumerate(case.turns, 1):
        reply = _say(url, sender, turn.text)
        outcome.replies.append(reply)
        outcome.failures += [f"turn {n}: {p}" for p in judge(turn, reply)]
    return outcome


def run(url: str, cases: Sequence[Case], workers: int = 4) -> List[Outcome]:
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda c: run_case(url, c), cases))


def score(outcomes: Sequence[Outcome]) -> float:
    return sum(o.passed for o in outcomes) / len(outcomes) if outcomes else 0.0


def report(title: str, outcomes: Sequence[Outcome]) -> str:
    by_kind: Dict[str, List[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_kind[o.case.kind].append(o)
    turns = sum(len(o.case.turns) for o in outcomes)
    bad_turns = sum(len({f.split(":")[0] for f in o.failures}) for o in outcomes)
    lines = [f"## {title}: {sum(o.passed for o in outcomes)}/{len(outcomes)} passed ({score(outcomes):.1%}); "
             f"turns {turns - bad_turns}/{turns} right", "",
             "| class | passed | cases | rate |", "|---|---:|---:|---:|"]
    for kind in sorted(by_kind):
        group = by_kind[kind]
        lines.append(f"| {kind} | {sum(o.passed for o in group)} | {len(group)} | {score(group):.0%} |")
    lines += ["", "### Failures", ""]
    for o in outcomes:
        if not o.passed:
            turns = " / ".join(t.text for t in o.case.turns)
            lines.append(f"- **{o.case.id}** ({o.case.kind}) `{turns[:300]}`: {'; '.join(o.failures)}")
            lines.append(f"  - reply: {o.replies[-1][:400]!r}" if o.replies else "")
    return "\n".join(lines) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Run blind case files against a running careerbot")
    parser.add_argument("rasa_url")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, help="write the report here too")
    args = parser.parse_args(argv)
    text = ""
    for path in args.files:
        text += report(path.name, run(args.rasa_url.rstrip("/"), load_cases(path))) + "\n"
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

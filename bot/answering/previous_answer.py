"""A question about a detail of the bot's last answer ("what's the Google one called again?",
"through what year?"): answered with the line of that answer it refers to, instead of a new
answer on a topic guessed from one word ("Google": FAANG pay)."""
import re
from typing import List, Optional

# How much of an answer the context keeps for this (the lines a follow-up can point at).
KEPT_CHARS = 1500
# "the Google one", "what's it called again?", "which one was it?"
REFERS_BACK = re.compile(r"\bthe [\w+#.-]+ one\b|\b(?:called|named|again|was it|was that)\W*$|"
                         r"^\W*(?:until|till|through|by) (?:when|what year)\W*$", re.IGNORECASE)
# A line of the answer up to this long is one detail, not split into sentences.
WHOLE_LINE_CHARS = 200
# Words that say nothing about which line is meant.
FILLER = frozenset("""
a an the and or of to in on at for by with is are was were be been it its it's that this those these what what's
whats which who whom how when where why do does did can could would should will shall i me my you your we our they
their one ones called named again thing things about just really actually usually exactly remind tell say said
so ok okay then there here mean meant kind sort type any some much many more most less very also still only ever
""".split())


def _lines(text: str) -> List[str]:
    found = []
    for line in text.splitlines():
        # a short line is kept whole: "an established enterprise: no premium. Established enterprises pay ..."
        for sentence in [line] if len(line) <= WHOLE_LINE_CHARS else re.split(r"(?<=[.!?])\s+(?=[A-Z*])", line):
            clean = sentence.replace("**", "").strip(" -•\t")
            if len(clean.split()) >= 2:
                found.append(clean)
    return found


def _words(text: str) -> List[str]:
    return [w for w in re.findall(r"[a-z0-9+#]+", text.lower()) if len(w) >= 3 and w not in FILLER]


# "the bootcamp one": the word that names the line meant
NAMED_ONE = re.compile(r"\bthe ([\w+#.-]+) one\b", re.IGNORECASE)


def line_meant(question: str, answer: str) -> Optional[str]:
    """The line of `answer` sharing the most words with `question` (a word matches its plural
    or other ending: "year" finds "years"), the shortest of those that tie; None when none does.
    A line with the word of "the X one" comes before any without it."""
    wanted = _words(question)
    if not wanted:
        return None
    named = NAMED_ONE.search(question)
    scored = []
    for line in _lines(answer):
        have = _words(line)
        scored.append((named is not None and _has(have, named.group(1).lower()), sum(_has(have, w) for w in wanted),
                       line))
    best = max(scored, key=lambda s: (s[0], s[1], -len(s[2])), default=(False, 0, ""))
    return best[2] if best[1] else None


def _has(words: List[str], word: str) -> bool:
    return any(h.startswith(word) or (word.startswith(h) and len(h) >= 4) for h in words)


def refers_back(text: str) -> bool:
    return REFERS_BACK.search(text or "") is not None


def from_last_answer(line: str) -> str:
    return f"From my last answer: {line}"

"""Finds phrases in a message by their words' forms, in order, allowing a few words in between.

Each word of a phrase and of the message is the set of its forms (as written, lowercased, and
its lemma); two words match when they share a form, so "visas" matches "visa" and "laid off"
matches "lay off". The words of a phrase must appear in order, each at most MAX_GAP words
after the previous: "prepare interview" matches "prepare for my ML interviews". Plain Python,
so the rules can be tested without Rasa.
"""
from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

Word = FrozenSet[str]
Phrase = Tuple[Word, ...]
# At most this many other words between two words of a phrase.
MAX_GAP = 2


def word(*forms: str) -> Word:
    return frozenset(f for f in forms if f)


def occurs(phrase: Phrase, words: Sequence[Word], max_gap: int = MAX_GAP) -> bool:
    """True if the phrase's words appear in `words` in order, each at most `max_gap` words after the previous."""
    if not phrase:
        return False
    return any(phrase[0] & w and _rest_follows(phrase[1:], words, i, max_gap) for i, w in enumerate(words))


def _rest_follows(rest: Phrase, words: Sequence[Word], at: int, max_gap: int) -> bool:
    if not rest:
        return True
    return any(rest[0] & words[i] and _rest_follows(rest[1:], words, i, max_gap)
               for i in range(at + 1, min(len(words), at + 2 + max_gap)))


@dataclass(frozen=True)
class PhraseGroup:
    """Phrases that mean one thing; with `context`, a phrase counts only if a context phrase occurs too."""

    id: str
    phrases: Tuple[Phrase, ...]
    context: Tuple[Phrase, ...] = ()


@dataclass(frozen=True)
class Found:
    id: str
    phrase: Phrase


class PhraseFinder:
    """The group whose longest phrase occurs in a message (ties: the group listed first)."""

    def __init__(self, groups: Iterable[PhraseGroup]) -> None:
        self._by_form: Dict[str, List[Tuple[int, PhraseGroup, Phrase]]] = {}
        for order, group in enumerate(groups):
            for phrase in group.phrases:
                for form in phrase[0] if phrase else ():
                    self._by_form.setdefault(form, []).append((order, group, phrase))

    def find(self, words: Sequence[Word]) -> Optional[Found]:
        best: Optional[Tuple[Tuple[int, int], Found]] = None
        candidates = {(order, group.id, phrase): group
                      for form in set().union(*words)
                      for order, group, phrase in self._by_form.get(form, ())} if words else {}
        for (order, _id, phrase), group in candidates.items():
            if not occurs(phrase, words):
                continue
            if group.context and not any(occurs(c, words) for c in group.context):
                continue
            rank = (-len(phrase), order)
            if best is None or rank < best[0]:
                best = (rank, Found(group.id, phrase))
        return best[1] if best else None

"""Corrects misspelled words against careerbot's own vocabulary ("sallary" -> "salary",
"machin lerning" -> "machine learning", "pytorh" -> "pytorch").

Only words that are neither in the vocabulary nor in an English dictionary are touched, and
only when a vocabulary word is one edit away (two for words of 9 letters or more): correct
English, numbers, acronyms ("AWS"), names inside a sentence ("ask Priya") and short words
(under 5 letters: "thx", "mle", "devs") stay as they are.
Plain Python (symspellpy), so it can be tested without Rasa.
"""
import re
from dataclasses import dataclass, field
from typing import Collection, List, Mapping, Optional, Sequence, Tuple

from symspellpy import SymSpell, Verbosity

# Where the NLU pipeline keeps the result on a message: the corrected text (also in the parse
# data, so it can be seen in the tracker) and the changes, to map entities back to the original.
CORRECTED_TEXT = "corrected_text"
SPELLING_CHANGES = "spelling_changes"
# ASCII words only: a word with accents or in another script is never "corrected" into English.
ASCII_WORD = re.compile(r"(?<![^\W\d_])[A-Za-z]+(?![^\W\d_])")
MIN_LENGTH = 5
SENTENCE_END = re.compile(r"[.!?]\s")
LONG_WORD = 9  # from this length on, two edits are allowed


# (start, end) in the original text -> (start, end) in the corrected text, one per corrected word.
Change = Tuple[Tuple[int, int], Tuple[int, int]]


@dataclass(frozen=True)
class Correction:
    original: str
    text: str
    changes: List[Change] = field(default_factory=list)


def original_span(changes: Sequence[Change], start: int, end: int) -> Tuple[int, int]:
    """A span of the corrected text as the span of the original text it was corrected from."""
    return _to_original(changes, start, is_end=False), _to_original(changes, end, is_end=True)


def _to_original(changes: Sequence[Change], offset: int, is_end: bool) -> int:
    shift = 0
    for (o_start, o_end), (c_start, c_end) in changes:
        inside = c_start < offset <= c_end if is_end else c_start <= offset < c_end
        if inside:
            return o_end if is_end else o_start
        if (offset <= c_start) if is_end else (offset < c_start):  # before this change
            break
        shift = o_end - c_end
    return offset + shift


# A vocabulary word not in the English dictionary, one edit from a word used this many times
# as often, is taken for a misspelling in the training data ("pytorh" beside "pytorch").
MISSPELLING_RATIO = 5


class SpellingCorrector:
    def __init__(self, vocabulary: Mapping[str, int], correct: Collection[str]) -> None:
        """vocabulary: the words corrections may produce, with how often each occurs (ties go to the commoner);
        correct: words that are right as they are (English, the knowledge base's names and aliases)."""
        self._symspell = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for word, count in vocabulary.items():
            if word.isalpha() and word.isascii():
                self._symspell.create_dictionary_entry(word, max(1, count))
        correct = set(correct)
        typos = {w for w, count in vocabulary.items() if w not in correct and self._misspelling(w, max(1, count))}
        for typo in typos:
            self._symspell.delete_dictionary_entry(typo)
        self._known = correct | (set(vocabulary) - typos)

    def _misspelling(self, word: str, count: int) -> bool:
        if len(word) < MIN_LENGTH or not (word.isalpha() and word.isascii()):
            return False
        return any(s.term != word and s.count >= MISSPELLING_RATIO * count
                   for s in self._symspell.lookup(word, Verbosity.ALL, max_edit_distance=1))

    def correct_word(self, word: str, starts_sentence: bool = True) -> Optional[str]:
        """The vocabulary word meant by a misspelled `word`, or None to leave it as it is."""
        lower = word.lower()
        if len(lower) < MIN_LENGTH or lower in self._known or word.isupper():
            return None
        if word[0].isupper() and not starts_sentence:  # a name
            return None
        max_edits = 2 if len(lower) >= LONG_WORD else 1
        suggestions = self._symspell.lookup(lower, Verbosity.CLOSEST, max_edit_distance=max_edits)
        if not suggestions:
            return None
        best = suggestions[0].term
        return best.capitalize() if word[0].isupper() else best

    def correct(self, text: str) -> Correction:
        pieces, changes, at, shift, previous_end = [], [], 0, 0, None
        for match in ASCII_WORD.finditer(text or ""):
            start, end = match.span()
            starts_sentence = previous_end is None or SENTENCE_END.search(text, previous_end, start) is not None
            previous_end = end
            fixed = self.correct_word(match.group(), starts_sentence)
            if fixed is None:
                continue
            pieces += [text[at:start], fixed]
            changes.append(((start, end), (start + shift, start + shift + len(fixed))))
            shift += len(fixed) - (end - start)
            at = end
        if not changes:
            return Correction(text, text)
        return Correction(text, "".join(pieces) + text[at:], changes)

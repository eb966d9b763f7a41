"""Is a message in another language than English? Only says so when it is sure.

py3langid (its model ships inside the package) names the language; careerbot acts only when
- the message has at least MIN_WORDS words and MIN_LETTERS letters besides the words of
  careerbot's own vocabulary ("machine learning engineer" is English in any language),
- the identifier gives another language at least MIN_CONFIDENCE, or MIN_CONFIDENCE_MOSTLY_ENGLISH
  when MAX_ENGLISH_SHARE or more of those words are in the English dictionary.
So "hi", "thx", "mle tc?" and English with typos or slang stay English. A message mostly in
another script (Devanagari, Cyrillic, CJK, ...) is not English whatever its length; there the
identifier only has to name the language (MIN_CONFIDENCE_OTHER_SCRIPT). Plain Python.
"""
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Optional

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from bot.rasa_ext.nlu.english import MASHED
from bot.rasa_ext.nlu.vocabulary import words

MIN_WORDS = 3
MIN_LETTERS = 12
MAX_ENGLISH_SHARE = 0.5
MIN_CONFIDENCE = 0.99
MIN_CONFIDENCE_MOSTLY_ENGLISH = 0.9999
MIN_OTHER_SCRIPT_LETTERS = 2
MIN_CONFIDENCE_OTHER_SCRIPT = 0.5
# Inverted question and exclamation marks: Spanish, however short the message.
SPANISH_MARKS = re.compile("[¿¡]")


@dataclass(frozen=True)
class LanguageGuess:
    code: str  # ISO 639-1, as py3langid names it
    confidence: float


@lru_cache(maxsize=None)
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


class OtherLanguage:
    def __init__(self, english: Collection[str], own_words: Collection[str], min_words: int = MIN_WORDS,
                 min_letters: int = MIN_LETTERS, max_english_share: float = MAX_ENGLISH_SHARE,
                 min_confidence: float = MIN_CONFIDENCE) -> None:
        """english: English words; own_words: careerbot's vocabulary (KB names), left out of the counts."""
        self._english = english
        self._own = own_words
        self._min_words, self._min_letters = min_words, min_letters
        self._max_english_share, self._min_confidence = max_english_share, min_confidence
        identifier()  # load the model at start-up, not on the first message

    def of(self, text: str) -> Optional[LanguageGuess]:
        """The language of `text` when it is confidently not English; None otherwise."""
        letters = [ch for ch in text or "" if ch.isalpha()]
        other_script = sum(not unicodedata.name(ch, "").startswith("LATIN") for ch in letters)
        if other_script >= MIN_OTHER_SCRIPT_LETTERS and other_script * 2 >= len(letters):
            return self._identified(text, MIN_CONFIDENCE_OTHER_SCRIPT)
        # keys held down ("jjjjkkk lll") are no language's words: keyboard mashing stays gibberish
        if SPANISH_MARKS.search(text or "") and len(words(text)) >= 2:  # "¿y cuánto gana?": short, but only Spanish
            return self._identified(text, 0.0) or LanguageGuess("es", 1.0)
        rest = [w for w in words(text) if w not in self._own and not MASHED.search(w)]
        if len(rest) < self._min_words or sum(map(len, rest)) < self._min_letters:
            return None
        # Mostly English words: only a near-certain identification counts, since the dictionary has
        # "de", "para", "ser", "dados" ("preciso de um mestrado para ser cientista de dados?")
        mostly_english = sum(w in self._english for w in rest) >= self._max_english_share * len(rest)
        return self._identified(text, MIN_CONFIDENCE_MOSTLY_ENGLISH if mostly_english else self._min_confidence)

    @staticmethod
    def _identified(text: str, min_confidence: float) -> Optional[LanguageGuess]:
        code, confidence = identifier().classify(text)
        if code == "en" or confidence < min_confidence:
            return None
        return LanguageGuess(str(code), float(confidence))

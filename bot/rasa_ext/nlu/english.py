"""Is a text mostly English words? Plain Python (no Rasa, no TensorFlow), so the action
server can use it without loading Rasa's machine-learning stack."""
import gzip
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet

import spacy_lookups_data

# log-probability above which a word counts as real English (spacy-lookups-data's table)
COMMON_WORD_LOGPROB = -17.0
WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=None)
def _word_logprobs() -> Dict[str, float]:
    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=None)
def english_words(min_logprob: float = COMMON_WORD_LOGPROB) -> FrozenSet[str]:
    """Words of spacy-lookups-data's table more frequent than `min_logprob` (the default lets
    in common misspellings too: right for telling words from gibberish)."""
    return frozenset(w for w, p in _word_logprobs().items() if p > min_logprob and w.isalpha())


def looks_like_gibberish(text: str, min_known_share: float = 0.5) -> bool:
    words = WORD.findall((text or "").lower())
    if not words:
        return True
    known = english_words()
    return sum(w in known and not MASHED.search(w) for w in words) / len(words) < min_known_share


# One or two letters held down ("lll", "jjjjjjjkkkkkk"): the table has some of these, but they are no words.
MASHED = re.compile(r"^(?=.*(.)\1\1)([a-z])\2*(?:([a-z])\3*)?$")

"""Word lists the NLU components share: an English dictionary, the words the knowledge base
names things with, and the words of the training data."""
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Set

import symspellpy

# Words as the language identifier and the vocabularies see them: any script, no digits,
# apostrophes inside ("i'm", "don't": the English dictionary has them so).
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
# symspellpy's English frequency dictionary (82,765 words with counts), shipped in the package.
ENGLISH_DICTIONARY = Path(symspellpy.__file__).parent / "frequency_dictionary_en_82_765.txt"
# Saved beside careerbot's spaCy pipeline by bot.rasa_ext.nlu.spacy_pipeline: the not-covered triggers.
NOT_COVERED_FILE = "not_covered.json"


def words(text: str) -> List[str]:
    return WORD.findall((text or "").lower().replace("\u2019", "'"))


@lru_cache(maxsize=None)
def english_dictionary() -> Dict[str, int]:
    """word -> count in symspellpy's English frequency dictionary."""
    counts = {}
    for line in ENGLISH_DICTIONARY.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        counts[word] = int(count)
    return counts


@lru_cache(maxsize=None)
def most_common_english(n: int) -> FrozenSet[str]:
    """The n most frequent words of the English dictionary ("the", "from", "for", ...)."""
    counts = english_dictionary()
    return frozenset(sorted(counts, key=counts.__getitem__, reverse=True)[:n])


def kb_words(spacy_model_dir: Path) -> Set[str]:
    """Every word of every knowledge-base name and alias (the EntityRuler's patterns) and of the
    not-covered triggers, as saved with careerbot's spaCy pipeline."""
    found: Set[str] = set()
    with (Path(spacy_model_dir) / "entity_ruler" / "patterns.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            found.update(words(json.loads(line)["pattern"]))
    not_covered = Path(spacy_model_dir) / NOT_COVERED_FILE
    if not_covered.exists():
        for topic in json.loads(not_covered.read_text(encoding="utf-8")):
            for phrase in topic["triggers"] + topic["context"]:
                found.update(w for text, _lemma in phrase for w in words(text))
    return found


def word_counts(texts: Iterable[str]) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for text in texts:
        for word in words(text):
            counts[word] = counts.get(word, 0) + 1
    return counts

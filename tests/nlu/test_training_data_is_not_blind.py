"""The blind sets stay blind: no sentence of theirs (three words or more, counted as compared:
"what's next?" is "what s next") is a training example. Short replies ("ok", "why?") are
everyone's words and may stand in both."""
import re
from pathlib import Path
from typing import Set

import yaml

from tests.nlu.sentences import training_sentences

BLIND = Path(__file__).resolve().parents[1] / "blind"
ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def plain(sentence: str) -> str:
    """Lowercase words only, entity annotations ("[Seattle](location)") read as their text."""
    return " ".join(re.findall(r"[a-z0-9]+", ANNOTATION.sub(r"\1", sentence).lower()))


def blind_sentences() -> Set[str]:
    found = set()
    for path in BLIND.glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            continue
        for case in (data.get("cases") or []) + (data.get("conversations") or []):
            for turn in case.get("turns") or [case]:
                found.add(plain(turn["text"]))
    return found


def test_no_blind_sentence_is_a_training_example():
    blind = blind_sentences()
    assert len(blind) > 1000
    shared = sorted(s for s in training_sentences() if len(plain(s).split()) >= 3 and plain(s) in blind)
    assert shared == []

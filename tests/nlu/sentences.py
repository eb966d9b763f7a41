"""The English sentences the NLU is trained and evaluated on, and a real spelling corrector."""
from pathlib import Path
from typing import Dict, List

import yaml

from bench.intent_scores import heldout_examples
from bot.rasa_ext.nlu.spelling import SpellingCorrector
from bot.rasa_ext.nlu.spelling_component import corrector
from bot.rasa_ext.nlu.vocabulary import word_counts
from tests.nlu.test_heldout_intents import ROOT

TRAINING_DATA = ROOT / "bot" / "data" / "nlu.yml"


def training_sentences() -> List[str]:
    data = yaml.safe_load(TRAINING_DATA.read_text(encoding="utf-8"))
    return [line.strip()[2:].strip() for block in data["nlu"] if "examples" in block
            for line in block["examples"].splitlines() if line.strip().startswith("- ")]


def heldout_sentences() -> List[str]:
    return [text for _intent, text in heldout_examples()]


def training_words() -> Dict[str, int]:
    return word_counts(training_sentences())


def spelling_corrector(spacy_model_dir: Path) -> SpellingCorrector:
    """The corrector the NLU pipeline builds: the training words plus the KB's names in that spaCy pipeline."""
    return corrector(training_words(), spacy_model_dir)

"""Intent scores on the held-out NLU examples (tests/nlu/heldout.yml): shared by the NLU gate
test and the benchmark."""
from typing import Dict, List, Tuple

import yaml

from settings import PROJECT_ROOT

HELDOUT = PROJECT_ROOT / "tests" / "nlu" / "heldout.yml"


def heldout_examples() -> List[Tuple[str, str]]:
    data = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    pairs = []
    for block in data["nlu"]:
        for line in block["examples"].splitlines():
            text = line.strip()[2:].strip() if line.strip().startswith("- ") else ""
            if text:
                pairs.append((block["intent"], text))
    return pairs


def per_intent_scores(pairs: List[Tuple[str, str]]) -> Dict[str, Dict[str, float]]:
    labels = sorted({gold for gold, _ in pairs})
    scores = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return scores

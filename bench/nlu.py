"""Intent macro-F1 on tests/nlu/heldout.yml and time per parse, with the model loaded in-process
(in a child process of the benchmark, so TensorFlow's memory and chatter go with it).

    python -m bench.nlu MODEL --shared greet,goodbye --out result.json
"""
import argparse
import asyncio
import json
import logging
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, List, Sequence, Set, Tuple

import numpy as np
import yaml

from bench.intent_scores import heldout_examples, per_intent_scores
from bench.procs import run_timed


@dataclass(frozen=True)
class NluResult:
    examples: int
    macro_f1: float  # over every held-out intent (careerbot's intents)
    shared_intents: List[str]  # held-out intents the starter bot also has
    shared_examples: int
    shared_macro_f1: float  # over those shared intents only: the like-for-like figure
    ms_per_parse_mean: float
    ms_per_parse_p95: float


def _macro_f1(pairs: Sequence[Tuple[str, str]]) -> float:
    scores = per_intent_scores(list(pairs))
    return sum(s["f1"] for s in scores.values()) / len(scores) if scores else float("nan")


def evaluate_in_subprocess(model: Path, shared_with: Set[str], log: Path) -> Dict:
    """NluResult as a dict, from `python -m bench.nlu` (output in log)."""
    with tempfile.TemporaryDirectory(prefix="bench-nlu-") as tmp:
        out = Path(tmp) / "nlu.json"
        run_timed([sys.executable, "-m", "bench.nlu", str(model), "--shared", ",".join(sorted(shared_with)),
                   "--out", str(out)], Path.cwd(), log)
        return json.loads(out.read_text())


def evaluate(model: Path, shared_with: Set[str]) -> NluResult:
    """Parses every held-out example; F1 is on the intent after the fallback classifier, as the gate test does."""
    from rasa.core.agent import Agent  # imports TensorFlow: only when this runs
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # otherwise every parse is logged at debug level
    agent = Agent.load(str(model))
    examples = heldout_examples()

    async def parse_all() -> Tuple[List[str], List[float]]:
        await agent.parse_message("warm up")
        predicted, ms = [], []
        for _gold, text in examples:
            started = time.perf_counter()
            parsed = await agent.parse_message(text)
            ms.append((time.perf_counter() - started) * 1000)
            predicted.append(parsed["intent"]["name"])
        return predicted, ms

    predicted, ms = asyncio.run(parse_all())
    pairs = [(gold, pred) for (gold, _), pred in zip(examples, predicted)]
    shared = [(gold, pred) for gold, pred in pairs if gold in shared_with]
    return NluResult(len(pairs), _macro_f1(pairs), sorted({g for g, _ in shared}), len(shared), _macro_f1(shared),
                     float(np.mean(ms)), float(np.percentile(ms, 95)))


def domain_intents(domain: Path) -> Set[str]:
    return set(yaml.safe_load(domain.read_text(encoding="utf-8"))["intents"])


def main() -> None:
    parser = argparse.ArgumentParser(description="held-out NLU figures of one Rasa model")
    parser.add_argument("model", type=Path)
    parser.add_argument("--shared", default="", help="comma-separated intents for the shared-intent F1")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    result = evaluate(args.model, {i for i in args.shared.split(",") if i})
    args.out.write_text(json.dumps(asdict(result)))


if __name__ == "__main__":
    main()

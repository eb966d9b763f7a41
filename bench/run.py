"""careerbot's performance benchmark, against Rasa's own starter bot in the same run.

    python -m bench.run                 # full run (about 15-25 minutes on 2 cores)
    python -m bench.run --quick         # smaller counts: a smoke run
    python -m bench.run --skip-train    # leave out the training-time measurements

Prints one table and writes results/bench.json, results/bench.md and results/bench_growth.png.
It reports figures and asserts nothing about them. Every process it starts is stopped
on exit, error or Ctrl-C; an unfinished run leaves what it measured in results/bench.partial.json
and the last complete results as they were. Server logs are in var/bench/logs/.
"""
import argparse
import json
import os
import signal
import sys
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Tuple

from bench import report, servers, training, workloads
from bench.nlu import domain_intents, evaluate_in_subprocess
from bench.reference import ensure_reference
from bench.workloads import Script
from settings import SPACY_MODEL_DIR

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = PROJECT_ROOT / "results"
BENCH_VAR = PROJECT_ROOT / "var" / "bench"
LOG_DIR = BENCH_VAR / "logs"
TRACKER_DB = BENCH_VAR / "run" / "tracker.db"
PARTIAL = RESULTS_DIR / "bench.partial.json"
SPACY_MODEL = SPACY_MODEL_DIR / "meta.json"
MB = 1024 * 1024


@dataclass(frozen=True)
class Counts:
    fresh_messages: int
    growth_turns: int
    growth_window: int
    concurrency: Tuple[int, ...]
    turns_per_conversation: int


FULL = Counts(fresh_messages=150, growth_turns=300, growth_window=20, concurrency=(20, 50), turns_per_conversation=10)
QUICK = Counts(fresh_messages=20, growth_turns=40, growth_window=20, concurrency=(20, 50), turns_per_conversation=2)


def log(message: str) -> None:
    print(f"bench: {message}", flush=True)


def _raise_on_sigterm(*_args) -> None:
    raise SystemExit(143)  # unwinds like Ctrl-C, so every `finally` stops its servers


def serve_and_measure(results: Dict, counts: Counts, reference_dir: Path, reference_model: Path) -> None:
    """Both bots up at once; each workload runs on one bot while the other idles, in alternation."""
    scripts: Dict[str, Script] = {"careerbot": workloads.CAREERBOT, "reference": workloads.REFERENCE}
    bots: List[servers.RunningBot] = []
    with ExitStack() as stack:
        sampler = stack.enter_context(servers.RssSampler(bots))
        # One start at a time, so neither start-up competes with the other for the CPU.
        for name, start in (("reference", lambda: servers.start_reference(reference_dir, reference_model, LOG_DIR)),
                            ("careerbot", lambda: servers.start_careerbot(PROJECT_ROOT, LOG_DIR, TRACKER_DB))):
            log(f"starting {name}")
            bot = start()
            stack.callback(servers.stop, bot)
            bots.append(bot)
            seconds = servers.wait_first_answer(bot, scripts[name].first_answer_probe)
            results[name]["first_answer_s"] = seconds
            log(f"{name} answered {seconds:.1f} s after its process started; warming up")
            workloads.warm_up(bot.rest_url, scripts[name])
        by_name = {bot.name: bot for bot in bots}
        failed = {name: {"errors": 0, "empty": 0} for name in by_name}

        def count(name: str, errors: int, empty: int) -> None:
            failed[name]["errors"] += errors
            failed[name]["empty"] += empty

        for name, bot in by_name.items():
            log(f"{name}: {counts.fresh_messages} fresh conversations")
            fresh = workloads.fresh_conversations(bot.rest_url, scripts[name], counts.fresh_messages)
            results[name]["fresh"] = asdict(fresh)
            count(name, fresh.stats.errors, fresh.stats.empty)
        for name, bot in by_name.items():
            log(f"{name}: one conversation of {counts.growth_turns} turns")
            grown = workloads.growth(bot.rest_url, scripts[name], counts.growth_turns, counts.growth_window)
            results[name]["growth"] = asdict(grown)
            count(name, grown.errors, grown.empty)
        for level in counts.concurrency:
            for name, bot in by_name.items():
                log(f"{name}: {level} concurrent conversations of {counts.turns_per_conversation} turns")
                result = workloads.concurrent_conversations(bot.rest_url, scripts[name], level,
                                                            counts.turns_per_conversation)
                results[name].setdefault("concurrency", []).append(asdict(result))
                count(name, result.stats.errors, result.stats.empty)
        sampler.sample()
        for name, bot in by_name.items():
            results[name]["failed_requests"] = failed[name]["errors"]
            results[name]["empty_answers"] = failed[name]["empty"]
            results[name]["rss_peak_mb"] = {role: b / MB for role, b in sampler.peaks.peak_bytes.get(name, {}).items()}
        # A custom action that fails still gives HTTP 200 (its events are dropped): only Rasa's log tells.
        results["careerbot"]["failed_action_calls"] = servers.failed_action_calls(by_name["careerbot"])
        log("stopping both bots")


def measure_nlu(results: Dict, careerbot_model: Path, reference_dir: Path, reference_model: Path) -> None:
    shared = domain_intents(reference_dir / "domain.yml")
    log("NLU: careerbot on the held-out examples")
    results["careerbot"]["nlu"] = evaluate_in_subprocess(careerbot_model, shared, LOG_DIR / "nlu-careerbot.log")
    log("NLU: reference on the held-out examples")
    reference = evaluate_in_subprocess(reference_model, shared, LOG_DIR / "nlu-reference.log")
    # Over all held-out intents the starter bot (7 intents) is not comparable: only its shared-intent F1 counts.
    results["reference"]["nlu"] = {**reference, "macro_f1": None}


def measure_training(results: Dict, reference_dir: Path) -> None:
    log("training careerbot from scratch (empty cache), then a knowledge-base change")
    results["careerbot"]["training"] = asdict(training.careerbot_training(PROJECT_ROOT, LOG_DIR))
    log("training the reference from scratch (empty cache), then a domain response change")
    results["reference"]["training"] = asdict(training.reference_training(reference_dir, LOG_DIR))


def save(results: Dict) -> None:
    results["meta"]["loadavg_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    report.write(results, RESULTS_DIR)
    report.plot_growth(results, RESULTS_DIR / "bench_growth.png")
    PARTIAL.unlink(missing_ok=True)


def save_partial(results: Dict) -> None:
    """What an unfinished run has measured so far, without overwriting the last complete results."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    PARTIAL.write_text(json.dumps(results, indent=2, default=str))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller counts, for a smoke run")
    parser.add_argument("--skip-train", action="store_true", help="skip the training-time measurements")
    args = parser.parse_args()
    os.chdir(PROJECT_ROOT)  # careerbot's config.yml names var/spacy/... relative to the project
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # before TensorFlow is imported by the NLU step
    signal.signal(signal.SIGTERM, _raise_on_sigterm)

    from rasa import __version__ as rasa_version

    from settings import load_settings

    careerbot_model = load_settings().model
    if not careerbot_model.exists() or not SPACY_MODEL.exists():
        raise SystemExit("bench: careerbot is not trained yet; run `make train` first")
    counts = QUICK if args.quick else FULL
    started = time.monotonic()
    results: Dict = {
        "meta": {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "quick": args.quick,
                 "skip_train": args.skip_train, "rasa_version": rasa_version, "cpus": os.cpu_count(),
                 "loadavg_start": " ".join(f"{x:.2f}" for x in os.getloadavg()), **asdict(counts),
                 "careerbot_model": str(careerbot_model),
                 "careerbot_model_mtime": datetime.fromtimestamp(careerbot_model.stat().st_mtime, timezone.utc)
                 .isoformat(timespec="seconds")},
        "careerbot": {}, "reference": {},
    }
    try:
        reference = ensure_reference(BENCH_VAR / "reference", LOG_DIR)
        results["meta"]["reference_model"] = str(reference.model)
        serve_and_measure(results, counts, reference.path, reference.model)
        save_partial(results)
        measure_nlu(results, careerbot_model, reference.path, reference.model)
        save_partial(results)
        if not args.skip_train:
            measure_training(results, reference.path)
    except KeyboardInterrupt:
        save_partial(results)
        log(f"interrupted; every process it started is stopped; what was measured is in {PARTIAL}")
        return 130
    except Exception:
        save_partial(results)
        log(f"failed; every process it started is stopped; what was measured is in {PARTIAL}")
        raise
    results["meta"]["duration_s"] = round(time.monotonic() - started, 1)
    save(results)
    print()
    print("\n".join(report.table_lines(results, markdown=False)))
    print("\n".join(report.notes(results)))
    print(f"\nwritten: {RESULTS_DIR / 'bench.md'}, bench.json, bench_growth.png "
          f"({results['meta']['duration_s'] / 60:.1f} min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

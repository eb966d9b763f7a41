"""Training times: from scratch (empty Rasa cache) and after a content-only change.

A content change means different things for the two bots:
- careerbot keeps its facts in the knowledge base, so a KB change needs no `rasa train`:
  it is `python -m knowledge load` plus the spaCy pipeline rebuild (new names and aliases);
- the starter bot keeps its answers in domain.yml, so a change of an answer is `rasa train`
  again, with the cache from the first training (Rasa 3 retrains only what changed).
"""
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.procs import run_timed

COPIED_FROM_REFERENCE = ("config.yml", "domain.yml", "data", "credentials.yml", "endpoints.yml")


@dataclass(frozen=True)
class TrainingTimes:
    from_scratch_s: float
    content_change_s: float
    content_change_what: str
    # careerbot only: the two steps of a KB change
    kb_load_s: float = float("nan")
    spacy_rebuild_s: float = float("nan")


def _rasa_train(cwd: Path, out: Path, cache: Path, name: str, log: Path, extra: tuple = ()) -> float:
    cmd = [sys.executable, "-m", "rasa", "train", *extra, "--out", str(out), "--fixed-model-name", name]
    # RASA_CACHE_DIRECTORY replaces .rasa/cache in cwd, so "from scratch" really starts empty.
    return run_timed(cmd, cwd, log, env={"RASA_CACHE_DIRECTORY": str(cache)}).seconds


def careerbot_training(project: Path, log_dir: Path) -> TrainingTimes:
    with tempfile.TemporaryDirectory(prefix="bench-train-careerbot-") as tmp_name:
        tmp = Path(tmp_name)
        scratch = _rasa_train(project, tmp / "models", tmp / "cache", "careerbot-bench",
                              log_dir / "train-careerbot.log",
                              ("--config", "config.yml", "--domain", "bot/domain.yml", "--data", "bot/data"))
        kb_load, spacy_rebuild = _careerbot_kb_change(project, tmp, log_dir)
    return TrainingTimes(scratch, kb_load + spacy_rebuild,
                         "KB content edit: `python -m knowledge load` + spaCy pipeline rebuild, no `rasa train`",
                         kb_load, spacy_rebuild)


def _careerbot_kb_change(project: Path, tmp: Path, log_dir: Path) -> tuple:
    """Loads an edited copy of the content into a scratch SQLite KB; the project's own KB is untouched."""
    content = tmp / "content"
    shutil.copytree(project / "knowledge" / "content", content)
    db_url = f"sqlite:///{tmp / 'kb.db'}"
    load_cmd = [sys.executable, "-m", "knowledge", "load", "--content", str(content), "--db", db_url]
    run_timed(load_cmd, project, log_dir / "kb-initial-load.log")  # the KB as it was, not timed
    levels = content / "career_levels.yml"
    edited = levels.read_text().replace("aliases: [junior, ", "aliases: [junior, junior-ish, ", 1)
    assert edited != levels.read_text(), "the benchmark's KB edit no longer applies; update bench/training.py"
    levels.write_text(edited)
    kb_load = run_timed(load_cmd, project, log_dir / "kb-load.log").seconds
    spacy_rebuild = run_timed([sys.executable, "-m", "bot.rasa_ext.nlu.spacy_pipeline", "--out", str(tmp / "spacy")],
                              project, log_dir / "spacy-rebuild.log", env={"CAREERBOT_DB_URL": db_url}).seconds
    return kb_load, spacy_rebuild


def reference_training(reference: Path, log_dir: Path) -> TrainingTimes:
    """Trains a copy of the starter project, so the cached reference model stays as it is."""
    with tempfile.TemporaryDirectory(prefix="bench-train-reference-") as tmp_name:
        tmp = Path(tmp_name)
        project = tmp / "project"
        project.mkdir()
        for name in COPIED_FROM_REFERENCE:
            src = reference / name
            (shutil.copytree if src.is_dir() else shutil.copy)(src, project / name)
        cache = tmp / "cache"
        scratch = _rasa_train(project, tmp / "models", cache, "scratch", log_dir / "train-reference.log")
        domain = project / "domain.yml"
        edited = domain.read_text().replace('"Great, carry on!"', '"Great, keep going!"', 1)
        assert edited != domain.read_text(), "the benchmark's domain edit no longer applies; update bench/training.py"
        domain.write_text(edited)
        changed = _rasa_train(project, tmp / "models", cache, "changed", log_dir / "train-reference-changed.log")
    return TrainingTimes(scratch, changed, "edit of one response in domain.yml: `rasa train` with a warm cache")

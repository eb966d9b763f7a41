"""The reference bot: Rasa's own starter project (`rasa init --no-prompt`), trained once and cached."""
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import rasa

from bench.procs import run_timed


@dataclass(frozen=True)
class ReferenceProject:
    path: Path
    model: Path
    rasa_version: str


def _newest_model(path: Path) -> Path:
    models = sorted((path / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise FileNotFoundError(path / "models")
    return models[-1]


def ensure_reference(cache_dir: Path, log_dir: Path) -> ReferenceProject:
    """Reuses cache_dir when it holds a model trained by this Rasa version; otherwise runs `rasa init` there."""
    marker = cache_dir / ".rasa_version"
    if marker.exists() and marker.read_text().strip() == rasa.__version__:
        try:
            return ReferenceProject(cache_dir, _newest_model(cache_dir), rasa.__version__)
        except FileNotFoundError:
            pass
    if cache_dir.exists():
        shutil.rmtree(cache_dir)
    cache_dir.mkdir(parents=True)
    print(f"bench: creating and training the reference bot in {cache_dir} (once; a few minutes)", flush=True)
    # `rasa init --no-prompt` also trains the starter model (into models/, cache in .rasa/ there).
    run_timed([sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(cache_dir)],
              cache_dir, log_dir / "reference-init.log")
    marker.write_text(rasa.__version__ + "\n")
    return ReferenceProject(cache_dir, _newest_model(cache_dir), rasa.__version__)

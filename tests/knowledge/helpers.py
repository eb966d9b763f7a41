"""Plain helpers for the knowledge tests: editing a copied content dir, dumping the
kb_ tables, running the CLI as a subprocess."""
import subprocess
import sys
from pathlib import Path
from typing import Callable, Dict, List, Tuple

import yaml
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = ROOT / "knowledge" / "content"
GUIDE = Path("/work/shared/seed/ml-engineer-career-guide.txt")


def edit_text(content_dir: Path, filename: str, old: str, new: str) -> Path:
    """Replaces `old` (which must occur exactly once) by `new` in one content file."""
    path = content_dir / filename
    source = path.read_text(encoding="utf-8")
    assert source.count(old) == 1, f"{old!r} occurs {source.count(old)} times in {filename}"
    path.write_text(source.replace(old, new), encoding="utf-8")
    return path


def edit_yaml(content_dir: Path, filename: str, change: Callable[[dict], None]) -> Path:
    """Loads one content file, lets `change` mutate the data, writes it back."""
    path = content_dir / filename
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def drop_not_covered_refs(content_dir: Path, ref: str) -> int:
    """Removes `ref` from every not-covered entry's `instead` (needed before deleting that
    record: the content checks refuse references to missing topics); returns how many had it."""
    changed = []

    def change(data: dict) -> None:
        for topic in data["topics"]:
            if ref in topic["instead"]:
                topic["instead"].remove(ref)
                changed.append(topic["id"])
    edit_yaml(content_dir, "not_covered.yml", change)
    return len(changed)


def kb_tables(engine: Engine) -> List[str]:
    return sorted(t for t in inspect(engine).get_table_names() if t.startswith("kb_"))


def dump(engine: Engine) -> Dict[str, List[Tuple]]:
    """Every row of every kb_ table, in a stable order: the whole state of the knowledge base."""
    with engine.connect() as conn:
        return {
            table: [tuple(row) for row in conn.execute(text(f'SELECT * FROM "{table}" ORDER BY id'))]
            for table in kb_tables(engine)
        }


def start_cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "knowledge", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    proc = start_cli(*args)
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def nonzero(counts: Dict[str, int]) -> Dict[str, int]:
    return {table: n for table, n in counts.items() if n}

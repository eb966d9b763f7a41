"""Child processes that never outlive the benchmark, and process-tree memory from /proc."""
import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from bot.processes import die_with_parent

# Keeps Rasa off the network and TensorFlow quiet in every child.
QUIET_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONUNBUFFERED": "1"}


def spawn(cmd: Sequence[str], cwd: Path, log: Path, env: Optional[Dict[str, str]] = None) -> subprocess.Popen:
    """Starts cmd in its own session (so a terminal's Ctrl-C reaches only the benchmark), output to log."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        return subprocess.Popen(list(cmd), cwd=cwd, env={**os.environ, **QUIET_ENV, **(env or {})},
                                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True, preexec_fn=die_with_parent())


def descendants(pid: int) -> List[int]:
    """pid and every process below it, whatever session each child chose."""
    children: Dict[int, List[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # The command name in field 2 may hold spaces and parentheses: split after the last ')'.
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def rss_bytes(pids: Sequence[int]) -> int:
    """Sum of VmRSS over pids (shared pages count once per process, as `ps` would)."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
                    break
        except OSError:
            continue
    return total


def stop_tree(proc: subprocess.Popen, first_signal: int = signal.SIGTERM, grace_s: float = 20.0) -> None:
    """Asks proc to stop, then kills whatever is left of its tree, one pid at a time."""
    tree = descendants(proc.pid)
    if proc.poll() is None:
        try:
            os.kill(proc.pid, first_signal)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            pass
    deadline = time.monotonic() + 5
    for pid in tree:
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if _alive(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    if proc.poll() is None:
        proc.wait()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@dataclass(frozen=True)
class TimedRun:
    seconds: float
    returncode: int
    log: Path


def run_timed(cmd: Sequence[str], cwd: Path, log: Path, env: Optional[Dict[str, str]] = None,
              timeout_s: float = 1800) -> TimedRun:
    """Wall time of a command from process start to exit; its tree is killed on error or Ctrl-C."""
    started = time.perf_counter()
    proc = spawn(cmd, cwd, log, env)
    try:
        returncode = proc.wait(timeout=timeout_s)
    finally:
        if proc.poll() is None:
            stop_tree(proc, grace_s=5)
    seconds = time.perf_counter() - started
    if returncode != 0:
        tail = "".join(log.read_text(errors="replace").splitlines(keepends=True)[-30:])
        raise RuntimeError(f"{' '.join(cmd)} exited with {returncode}; end of {log}:\n{tail}")
    return TimedRun(seconds, returncode, log)

"""Starts careerbot and the reference bot on free loopback ports, and watches their memory."""
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

from bench.procs import cmdline, descendants, rss_bytes, spawn, stop_tree
from bot.processes import free_port

START_TIMEOUT_S = 300


@dataclass
class RunningBot:
    name: str
    proc: subprocess.Popen
    rest_url: str
    log: Path
    started_at: float
    # Which child of a supervisor is which server: role -> predicate on the child's command line.
    # Empty when the started process is the server itself.
    roles: Dict[str, Callable[[str], bool]]
    first_answer_s: Optional[float] = None

    def role_pids(self) -> Dict[str, List[int]]:
        """Each server's process tree, by role."""
        if not self.roles:
            return {"rasa server": descendants(self.proc.pid)}
        found: Dict[str, List[int]] = {role: [] for role in self.roles}
        for pid in descendants(self.proc.pid):
            if pid == self.proc.pid:
                continue
            line = cmdline(pid)
            for role, matches in self.roles.items():
                if matches(line) and pid not in found[role]:
                    found[role].extend(p for p in descendants(pid) if p not in found[role])
        return found


def start_careerbot(project: Path, log_dir: Path, tracker_db: Path) -> RunningBot:
    """`python -m bot.serve` as `make run` starts it: action server, Rasa server, web page.

    Conversations go to a scratch SQLite tracker store (tracker_db, emptied first), so the
    benchmark neither fills var/tracker.db nor is slowed by what earlier runs left there.
    """
    tracker_db.parent.mkdir(parents=True, exist_ok=True)
    tracker_db.unlink(missing_ok=True)
    rasa_port = free_port()
    env = {"CAREERBOT_HOST": "127.0.0.1", "CAREERBOT_RASA_PORT": str(rasa_port),
           "CAREERBOT_ACTIONS_PORT": str(free_port()), "CAREERBOT_WEB_PORT": str(free_port()),
           "CAREERBOT_TRACKER_DB_URL": f"sqlite:///{tracker_db}"}
    # `make` exports an action URL for the default port 5055: make sure nothing can pick that one up.
    env["CAREERBOT_ACTION_URL"] = f"http://127.0.0.1:{env['CAREERBOT_ACTIONS_PORT']}/webhook"
    started = time.perf_counter()
    proc = spawn([sys.executable, "-m", "bot.serve"], project, log_dir / "careerbot.log", env)
    return RunningBot("careerbot", proc, f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook",
                      log_dir / "careerbot.log", started,
                      roles={"rasa server": lambda c: " bot.rasa_server run " in c,
                             "action server": lambda c: " bot.action_server " in c,
                             "web page": lambda c: "web/serve.py" in c})


def start_reference(project: Path, model: Path, log_dir: Path) -> RunningBot:
    """The starter bot as its README says: plain `rasa run` (REST channel, no HTTP API, no action server)."""
    port = free_port()
    started = time.perf_counter()
    proc = spawn([sys.executable, "-m", "rasa", "run", "--model", str(model), "--interface", "127.0.0.1",
                  "--port", str(port), "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"],
                 project, log_dir / "reference.log")
    return RunningBot("reference", proc, f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                      log_dir / "reference.log", started, roles={})


def wait_first_answer(bot: RunningBot, message: str) -> float:
    """Seconds from process start to the first non-empty REST answer."""
    body = json.dumps({"sender": "bench-first-answer", "message": message}).encode()
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if bot.proc.poll() is not None:
            raise RuntimeError(f"{bot.name} exited with code {bot.proc.returncode} while starting; see {bot.log}")
        try:
            req = urllib.request.Request(bot.rest_url, data=body, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=60) as resp:
                if resp.status == 200 and json.loads(resp.read()):
                    bot.first_answer_s = time.perf_counter() - bot.started_at
                    return bot.first_answer_s
        except (OSError, urllib.error.HTTPError, ValueError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{bot.name} gave no answer within {START_TIMEOUT_S}s; see {bot.log}")


def failed_action_calls(bot: RunningBot) -> int:
    """Custom-action calls the Rasa server logged as failed (the user then gets no answer from that action)."""
    return bot.log.read_text(errors="replace").count("Failed to run custom action")


def stop(bot: RunningBot) -> None:
    # bot.serve stops its own children on SIGTERM; rasa run shuts Sanic down.
    stop_tree(bot.proc)


@dataclass
class RssPeaks:
    peak_bytes: Dict[str, Dict[str, int]] = field(default_factory=dict)  # bot -> role -> bytes
    samples: int = 0


class RssSampler:
    """Samples each bot's per-role RSS twice a second in a thread; keeps the peaks."""

    def __init__(self, bots: List[RunningBot], interval_s: float = 0.5) -> None:
        self.bots = bots
        self.interval_s = interval_s
        self.peaks = RssPeaks()
        self._lock = threading.Lock()  # sample() also runs on the main thread, for a last reading
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> None:
        with self._lock:
            for bot in list(self.bots):
                if bot.proc.poll() is not None:
                    continue
                per_bot = self.peaks.peak_bytes.setdefault(bot.name, {})
                for role, pids in bot.role_pids().items():
                    per_bot[role] = max(per_bot.get(role, 0), rss_bytes(pids))
            self.peaks.samples += 1

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval_s)

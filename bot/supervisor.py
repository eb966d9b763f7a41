"""Runs careerbot's servers as children: starts them with only the secrets each may see,
restarts one that dies as its RestartPolicy says, and stops them all."""
import os
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Dict, List, Optional, Tuple

from bot.processes import die_with_parent
from bot.shared_secrets import ACTION_TOKEN, LOG_KEY
from settings import PROJECT_ROOT

START_TIMEOUT_S = 240


# Environment variables no server sees unless SECRETS_FOR lets it: tokens, and URLs that may
# carry a database's or Redis's password.
CHANNEL_SECRETS = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "CAREERBOT_API_TOKEN", "CAREERBOT_REST_TOKEN",
                   "CAREERBOT_SESSION_SECRET")
STORE_URLS = ("CAREERBOT_DB_URL", "CAREERBOT_TRACKER_DB_URL", "CAREERBOT_REDIS_URL")
SECRETS = (*CHANNEL_SECRETS, *STORE_URLS, ACTION_TOKEN.env, LOG_KEY.env)
# What each program (python -m <module>) may see. Anything else, the demo page included, gets none.
SECRETS_FOR: Dict[str, Tuple[str, ...]] = {
    "bot.rasa_server": SECRETS,
    "bot.action_server": (*STORE_URLS, ACTION_TOKEN.env, LOG_KEY.env),  # signs rating tokens, hashes ids
}


def child_env(cmd: List[str], env: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """This process's environment plus `env`, minus the secrets the program of `cmd` may not see:
    a page server holding the Slack token, say, would hand it to whoever breaks into it."""
    program = cmd[2] if len(cmd) > 2 and cmd[1] == "-m" else None
    allowed = SECRETS_FOR.get(program or "", ())
    return {k: v for k, v in {**os.environ, **(env or {})}.items() if k not in SECRETS or k in allowed}


@dataclass(frozen=True)
class RestartPolicy:
    """When a server that died is started again: after backoff_s[n] seconds for its n-th restart
    in a row; the count starts over once it has stayed up stable_s. After give_up_after restarts
    in a row the supervisor gives up and everything stops (None: never)."""
    backoff_s: Tuple[float, ...] = (0.0,)
    stable_s: float = 60.0
    give_up_after: Optional[int] = 3


@dataclass
class _Restarts:
    count: int = 0
    last_start: float = 0.0
    due: Optional[float] = None


class GaveUp(Exception):
    pass


class Supervisor:
    """Starts the servers, restarts one that dies (a crash costs its users a moment, not the
    bot) as its RestartPolicy says, and stops them all."""

    def __init__(self, policy: RestartPolicy = RestartPolicy()) -> None:
        self.policy = policy
        self.procs: Dict[str, subprocess.Popen] = {}
        self.commands: Dict[str, Tuple[List[str], Optional[Dict[str, str]], Optional[Path]]] = {}
        self.restarts: Dict[str, _Restarts] = {}
        self.logs: Dict[str, IO[bytes]] = {}

    def start(self, name: str, cmd: List[str], env: Optional[Dict[str, str]] = None,
              log: Optional[Path] = None) -> None:
        """Starts `name` in its own session; its output goes to this terminal, or appended to `log`."""
        print(f"careerbot: starting {name}", flush=True)
        self.commands[name] = (cmd, env, log)
        self._close_log(name)
        output: Dict = {}
        if log is not None:
            log.parent.mkdir(parents=True, exist_ok=True)
            self.logs[name] = open(log, "ab")
            output = {"stdin": subprocess.DEVNULL, "stdout": self.logs[name], "stderr": subprocess.STDOUT}
        self.procs[name] = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=child_env(cmd, env),
                                            start_new_session=True, preexec_fn=die_with_parent(), **output)
        self.restarts.setdefault(name, _Restarts()).last_start = time.monotonic()

    def wait_until_up(self, name: str, url: str) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.procs[name].poll() is not None:
                raise SystemExit(f"careerbot: {name} exited with code {self.procs[name].returncode} while starting")
            try:
                with urllib.request.urlopen(url, timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        raise SystemExit(f"careerbot: {name} did not answer at {url} within {START_TIMEOUT_S}s")

    def restart_dead(self) -> List[str]:
        """Restarts the servers that died and are due; returns their names. Raises GaveUp."""
        now = time.monotonic()
        restarted = []
        for name, proc in list(self.procs.items()):
            state = self.restarts[name]
            if proc.poll() is None:
                if now - state.last_start > self.policy.stable_s:
                    state.count = 0  # it stayed up: the next crash is restarted quickly again
                continue
            if state.due is None:
                if self.policy.give_up_after is not None and state.count >= self.policy.give_up_after:
                    raise GaveUp(f"{name} stopped (exit code {proc.returncode}) {state.count + 1} times in a row "
                                 f"without staying up {self.policy.stable_s:g}s")
                delay = self.policy.backoff_s[min(state.count, len(self.policy.backoff_s) - 1)]
                state.due = now + delay
                print(f"careerbot: {name} stopped (exit code {proc.returncode}); restarting it"
                      + (f" in {delay:g}s" if delay else ""), flush=True)
            if now >= state.due:
                state.count += 1
                state.due = None
                self.start(name, *self.commands[name])
                restarted.append(name)
        return restarted

    def watch(self) -> int:
        """Restarts dead servers until the policy gives up (returns 1) or Ctrl-C."""
        while True:
            try:
                self.restart_dead()
            except GaveUp as e:
                print(f"careerbot: {e}; stopping the others", flush=True)
                return 1
            time.sleep(0.5)

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + 15
        for proc in self.procs.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        for name in list(self.logs):
            self._close_log(name)

    def _close_log(self, name: str) -> None:
        log = self.logs.pop(name, None)
        if log is not None:
            log.close()

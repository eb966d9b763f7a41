"""Starts careerbot: the action server, the Rasa server and the demo web page.

    python -m bot.serve           # what `make run` does
    python -m bot.serve --shell   # action server + `rasa shell` (what `make shell` does)

Prints the URLs once every server answers; Ctrl-C stops them all.
"""
import argparse
import ctypes
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Dict, List, Optional, Tuple
from urllib.parse import urlparse

import yaml
from sqlalchemy.engine import make_url

from bot.settings import PROJECT_ROOT, Settings, load_settings
from bot.shared_secrets import ACTION_TOKEN, ACTION_TOKEN_HEADER, RUN_DIR, shared_secret
from knowledge.db import private_dirs, private_sqlite_file

START_TIMEOUT_S = 240
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Children get SIGTERM if this supervisor dies, so nothing is left orphaned."""
    try:
        ctypes.CDLL("libc.so.6").prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


LOOPBACK = ("127.0.0.1", "::1", "localhost")


def rest_credentials(settings: Settings, token_required: bool = False) -> Optional[Dict]:
    """The REST channel's settings, or None when it is off: beyond loopback (or whenever
    token_required) it needs a token, because whoever can reach it can talk as any REST
    conversation."""
    if settings.rest_token:
        return {"token": settings.rest_token}
    if settings.host in LOOPBACK and not token_required:
        return {}
    return None


def rest_status(settings: Settings) -> str:
    rest = rest_credentials(settings)
    if rest is None:
        return "off (set CAREERBOT_REST_TOKEN to turn it on beyond loopback)"
    return f"{settings.rasa_url}/webhooks/rest/webhook" + (" (bearer token required)" if rest else "")


def credentials(settings: Settings, rest_token_required: bool = False) -> Dict:
    creds: Dict = {
        "bot.channels.socketio.CareerbotSocketIOInput": {
            "user_message_evt": "user_uttered",
            "bot_message_evt": "bot_uttered",
            "session_persistence": True,
            "cors_allowed_origins": settings.cors_origins,
        },
    }
    rest = rest_credentials(settings, rest_token_required)
    if rest is not None:
        creds["bot.channels.rest.CareerbotRestInput"] = rest
    if settings.slack_enabled:
        creds["bot.channels.slack.CareerbotSlackInput"] = {
            "slack_token": settings.slack_token,
            "slack_signing_secret": settings.slack_signing_secret,
            "use_threads": True,
            **({"slack_channel": settings.slack_channel} if settings.slack_channel else {}),
            **({"api_url": settings.slack_api_url} if settings.slack_api_url else {}),
            # several Rasa servers share which deliveries were answered (a retry may reach any)
            **({"redis_url": settings.redis_url} if settings.redis_url else {}),
        }
    return creds


def tracker_store(url: str) -> Dict:
    """Rasa's SQL tracker store settings (our subclass: reads incrementally, can forget a user) from a database URL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        private_sqlite_file(parsed.database)  # before Rasa's SQLTrackerStore creates it world-readable
        return {"type": "bot.tracking.CareerbotTrackerStore", "dialect": "sqlite", "db": parsed.database}
    return {"type": "bot.tracking.CareerbotTrackerStore", "dialect": parsed.drivername, "url": parsed.host,
            "port": parsed.port, "db": parsed.database, "username": parsed.username, "password": parsed.password}


def lock_store(url: str) -> Dict:
    """careerbot's Redis lock store (bot/locking.py) from a redis://[:password@]host:port/db URL."""
    parsed = urlparse(url)
    return {"type": "bot.locking.AtomicRedisLockStore", "url": parsed.hostname, "port": parsed.port or 6379,
            "password": parsed.password, "db": int(parsed.path.lstrip("/") or 0), "key_prefix": "careerbot"}


def endpoints(settings: Settings) -> Dict:
    # careerbot's actions never read the domain, so Rasa need not send it on every call.
    config = {"action_endpoint": {"url": settings.action_url, "enable_selective_domain": True,
                                  "headers": {ACTION_TOKEN_HEADER: shared_secret(ACTION_TOKEN)}},
              "tracker_store": tracker_store(settings.tracker_db_url)}
    if settings.redis_url:
        config["lock_store"] = lock_store(settings.redis_url)
    return config


def write_run_file(name: str, content: Dict, directory: Path = RUN_DIR) -> Path:
    """Writes a generated Rasa config file (it may hold secrets) under var/run, readable only by
    us from the first byte: a temp file created 0600 and renamed over the old one. Writing in
    place, then chmod, left a moment when anyone could open it, and whoever had the old file
    open would read the new secrets through it."""
    private_dirs(directory)
    path = directory / name
    tmp = directory / f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(yaml.safe_dump(content, sort_keys=False))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def action_server_cmd(settings: Settings) -> List[str]:
    return [sys.executable, "-m", "bot.action_server", "--port", str(settings.actions_port)]


def rasa_cmd(settings: Settings, creds: Path, endpoints_file: Path, shell: bool = False) -> List[str]:
    common = ["--model", str(settings.model), "--endpoints", str(endpoints_file),
              "--interface", settings.host, "--port", str(settings.rasa_port)]
    if shell:
        return [sys.executable, "-m", "bot.shell", *common]
    # No API token here: a command line is readable by every user (ps). The Rasa server gets
    # CAREERBOT_API_TOKEN in its environment (SECRETS_FOR) and turns the API on itself.
    return [sys.executable, "-m", "bot.rasa_server", "run", *common, "--credentials", str(creds),
            "--cors", *settings.cors_origins]


def web_cmd(settings: Settings) -> List[str]:
    return [sys.executable, "web/serve.py", "--host", settings.host, "--port", str(settings.web_port),
            "--rasa-url", settings.rasa_url]


# Environment variables no server sees unless SECRETS_FOR lets it: tokens, and URLs that may
# carry a database's or Redis's password.
CHANNEL_SECRETS = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "CAREERBOT_API_TOKEN", "CAREERBOT_REST_TOKEN",
                   "CAREERBOT_SESSION_SECRET")
STORE_URLS = ("CAREERBOT_DB_URL", "CAREERBOT_TRACKER_DB_URL", "CAREERBOT_REDIS_URL")
SECRETS = (*CHANNEL_SECRETS, *STORE_URLS, ACTION_TOKEN.env)
# What each program (python -m <module>) may see. Anything else, the demo page included, gets none.
SECRETS_FOR: Dict[str, Tuple[str, ...]] = {
    "bot.rasa_server": SECRETS,
    "bot.action_server": (*STORE_URLS, ACTION_TOKEN.env),
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
                                            start_new_session=True, preexec_fn=_die_with_parent, **output)
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shell", action="store_true", help="talk to the bot in this terminal")
    args = parser.parse_args()
    settings = load_settings()
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")  # nothing careerbot runs calls out to the internet
    if not settings.model.exists():
        raise SystemExit(f"careerbot: no trained model at {settings.model}; run `make train` first")
    endpoints_file = write_run_file("endpoints.yml", endpoints(settings))
    sup = Supervisor()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in the background
    try:
        sup.start("action server", action_server_cmd(settings), {"SANIC_HOST": settings.actions_host})
        sup.wait_until_up("action server", f"http://{settings.actions_host}:{settings.actions_port}/health")
        if args.shell:
            print("careerbot: starting rasa shell (Ctrl-D or /stop to leave)", flush=True)
            return subprocess.call(rasa_cmd(settings, Path(), endpoints_file, shell=True), cwd=PROJECT_ROOT)
        if not settings.slack_enabled:
            print("careerbot: Slack is off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on)", flush=True)
        sup.start("rasa server", rasa_cmd(settings, write_run_file("credentials.yml", credentials(settings)), endpoints_file))
        sup.start("web page", web_cmd(settings))
        sup.wait_until_up("rasa server", f"http://{settings.host}:{settings.rasa_port}/")
        sup.wait_until_up("web page", f"http://{settings.host}:{settings.web_port}/")
        print(f"\ncareerbot is ready:\n  chat in your browser:  {settings.web_url}\n"
              f"  REST channel:          {rest_status(settings)}\n"
              f"  action server:         http://{settings.actions_host}:{settings.actions_port} (local only)\n"
              f"  Slack events:          {settings.rasa_url + '/webhooks/slack/webhook' if settings.slack_enabled else 'off'}\n"
              "Press Ctrl-C to stop.", flush=True)
        return sup.watch()
    except KeyboardInterrupt:
        return 0
    finally:
        print("careerbot: stopping", flush=True)
        sup.stop()


if __name__ == "__main__":
    sys.exit(main())

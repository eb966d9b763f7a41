"""Starts careerbot's Rasa servers and action servers on this host, for the scale-out deployment.

    python -m deploy.cluster --rasa 2 --rasa-port 5005 --actions 2 --actions-port 5155

Settings come from the environment, as for `python -m bot.serve` (docs/scale-out.md):
CAREERBOT_TRACKER_DB_URL (PostgreSQL), CAREERBOT_REDIS_URL (Rasa's lock store), CAREERBOT_DB_URL
(the knowledge base and profiles), CAREERBOT_HOST (where the Rasa servers listen) and
CAREERBOT_ACTIONS_HOST / CAREERBOT_ACTIONS_PORT: the action endpoint the Rasa servers call,
i.e. nginx's actions listener, not an action server.

Waits until every server answers, restarts a server that dies, and stops them all on Ctrl-C.
"""
import argparse
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from sqlalchemy.engine import make_url

from bot.server_config import action_server_cmd, credentials, endpoints, rasa_cmd, write_run_file
from bot.supervisor import RestartPolicy, Supervisor
from settings import RUN_DIR, Settings, load_settings

QUIET_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONUNBUFFERED": "1"}
# A message waits for its conversation's lock until the turns before it are done, and for the
# ticket of a turn whose server died until that ticket expires (TICKET_LOCK_LIFETIME, Rasa's
# default 60 s). Sanic cuts every request at SANIC_RESPONSE_TIMEOUT (60 s when Rasa's HTTP API
# is off): the lock wait plus the turn must fit in it, and it in nginx's proxy_read_timeout (120 s).
# Their values: settings.RASA_TIMEOUTS.
RESTART_BACKOFF_S = (2.0, 5.0, 15.0, 30.0)
STOP_GRACE_S = 15.0


@dataclass(frozen=True)
class Server:
    name: str  # "rasa-1", "actions-2", ...
    kind: str  # "rasa" or "actions"
    host: str
    port: int
    cmd: List[str]
    env: Dict[str, str]

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.address}"

    @property
    def health_url(self) -> str:
        # The REST channel answers only once the model is loaded.
        return f"{self.url}/" if self.kind == "rasa" else f"{self.url}/health"


class ConfigError(ValueError):
    pass


def check_settings(settings: Settings, rasa_servers: int) -> None:
    """A cluster shares conversations through the tracker store and serialises each
    conversation's turns through the lock store: both must be shared servers."""
    if rasa_servers > 1 and not settings.redis_url:
        raise ConfigError("more than one Rasa server needs CAREERBOT_REDIS_URL: with the in-memory lock store, "
                          "two servers would run turns of one conversation at once")
    backend = make_url(settings.tracker_db_url).get_backend_name()
    if rasa_servers > 1 and backend == "sqlite":
        raise ConfigError("more than one Rasa server needs a shared tracker store: set CAREERBOT_TRACKER_DB_URL "
                          "to a postgresql+psycopg2:// URL")


def plan(settings: Settings, rasa_ports: Sequence[int], action_ports: Sequence[int], actions_bind: str,
         run_files_tag: str, env: Optional[Dict[str, str]] = None) -> List[Server]:
    """Every server's command line and environment (env is added to this process's own).
    All Rasa servers share one endpoints.yml: the same tracker store, lock store and action
    endpoint (the balancer)."""
    check_settings(settings, len(rasa_ports))
    if settings.actions_port in action_ports and settings.actions_host == actions_bind and len(action_ports) > 1:
        raise ConfigError(f"the action endpoint {settings.actions_host}:{settings.actions_port} is one of the "
                          "action servers; point CAREERBOT_ACTIONS_HOST/PORT at the balancer")
    endpoints_file = write_run_file(f"{run_files_tag}-endpoints.yml", endpoints(settings))
    # Behind nginx every client looks alike: REST is on only with CAREERBOT_REST_TOKEN.
    creds_file = write_run_file(f"{run_files_tag}-credentials.yml", credentials(settings, rest_token_required=True))
    servers = []
    for i, port in enumerate(action_ports, 1):
        own = replace(settings, actions_host=actions_bind, actions_port=port)
        servers.append(Server(f"actions-{i}", "actions", actions_bind, port, action_server_cmd(own),
                              {**(env or {}), **QUIET_ENV}))
    for i, port in enumerate(rasa_ports, 1):
        own = replace(settings, rasa_port=port)
        servers.append(Server(f"rasa-{i}", "rasa", settings.host, port, rasa_cmd(own, creds_file, endpoints_file),
                              {**settings.rasa_timeouts, **(env or {}), **QUIET_ENV}))
    return servers


class Cluster:
    """The servers of this host. Each runs in its own session (Ctrl-C in a terminal reaches
    only the launcher), gets SIGTERM if the launcher dies, and is restarted when it dies."""

    def __init__(self, servers: Sequence[Server], log_dir: Optional[Path] = None) -> None:
        self.servers: Dict[str, Server] = {s.name: s for s in servers}
        self.log_dir = log_dir
        self.supervisor = Supervisor(RestartPolicy(RESTART_BACKOFF_S, stable_s=300, give_up_after=None))

    def start(self) -> None:
        for server in self.servers.values():
            self.start_server(server.name, wait=False)
        for server in self.servers.values():
            self.wait_until_up(server.name)

    def start_server(self, name: str, wait: bool = True) -> None:
        server = self.servers[name]
        print(f"careerbot-cluster: starting {name} on {server.address}", flush=True)
        self.supervisor.start(name, server.cmd, server.env, self.log_dir / f"{name}.log" if self.log_dir else None)
        if wait:
            self.wait_until_up(name)

    def wait_until_up(self, name: str) -> None:
        self.supervisor.wait_until_up(name, self.servers[name].health_url)

    def pid(self, name: str) -> int:
        return self.supervisor.procs[name].pid


    def stop_server(self, name: str) -> None:
        proc = self.supervisor.procs.get(name)
        if proc is None or proc.poll() is not None:
            return
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def restart_dead(self) -> List[str]:
        """Restarts the servers that died (with a growing delay if one keeps dying); returns their names."""
        return self.supervisor.restart_dead()

    def watch(self) -> None:
        self.supervisor.watch()

    def stop(self) -> None:
        self.supervisor.stop()


def remove_run_files(tag: str) -> None:
    for path in RUN_DIR.glob(f"{tag}-*.yml"):
        path.unlink(missing_ok=True)


def consecutive_ports(first: int, count: int) -> List[int]:
    return list(range(first, first + count))


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.cluster", description=__doc__.splitlines()[0])
    parser.add_argument("--rasa", type=int, default=2, help="Rasa servers on this host (default: %(default)s)")
    parser.add_argument("--rasa-port", type=int, default=5005, help="port of the first; the others follow")
    parser.add_argument("--actions", type=int, default=2, help="action servers on this host (default: %(default)s)")
    parser.add_argument("--actions-port", type=int, default=5155, help="port of the first; the others follow")
    parser.add_argument("--actions-bind", default=None,
                        help="address the action servers listen on (default: $CAREERBOT_HOST or 127.0.0.1)")
    parser.add_argument("--log-dir", type=Path, default=None, help="one log file per server (default: this terminal)")
    args = parser.parse_args(argv)
    settings = load_settings()
    if not settings.model.exists():
        raise SystemExit(f"careerbot-cluster: no trained model at {settings.model}; run `make train` first")
    tag = f"cluster-{os.getpid()}"
    try:
        servers = plan(settings, consecutive_ports(args.rasa_port, args.rasa),
                       consecutive_ports(args.actions_port, args.actions), args.actions_bind or settings.host, tag)
    except ConfigError as exc:
        raise SystemExit(f"careerbot-cluster: {exc}") from None
    cluster = Cluster(servers, args.log_dir)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        cluster.start()
        print("\ncareerbot-cluster is ready:", flush=True)
        for server in servers:
            print(f"  {server.name:10} {server.url}  (pid {cluster.pid(server.name)})", flush=True)
        print(f"  Rasa calls actions at {settings.action_url}\nPress Ctrl-C to stop.", flush=True)
        cluster.watch()
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        print("careerbot-cluster: stopping", flush=True)
        cluster.stop()
        remove_run_files(tag)


if __name__ == "__main__":
    sys.exit(main())

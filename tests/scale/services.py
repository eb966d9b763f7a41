"""The real infrastructure of the scale-out deployment, on loopback ports and in a temp dir:
PostgreSQL, Redis and nginx, each a child of this process (so none outlives the test run)."""
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import psycopg2

from bot.processes import die_with_parent
from deploy.nginx import ClientLimits, NginxConfig, render

DEBIAN_PACKAGES = {"postgresql": "/usr/lib/postgresql", "redis-server": "/usr/bin/redis-server",
                   "nginx": "/usr/sbin/nginx"}
START_TIMEOUT_S = 60.0
# Every simulated user of the load tests comes from 127.0.0.1: one "client" for nginx's
# per-client limits, which must not be what the load tests measure (test_client_limits.py tests them).
LOAD_TEST_LIMITS = ClientLimits(requests_per_second=10_000, burst=10_000, connections=10_000)


def ensure_debian_packages() -> None:
    """apt-get installs PostgreSQL, Redis and nginx when one is missing (as root; otherwise says what to do)."""
    missing = [name for name, path in DEBIAN_PACKAGES.items() if not Path(path).exists()]
    if not missing:
        return
    if os.geteuid() != 0:
        raise RuntimeError(f"the scale test needs Debian's {' '.join(missing)}: "
                           f"sudo apt-get install -y {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    # policy-rc.d may stop the packages' own services from starting; we start our own anyway.
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env, stdout=subprocess.DEVNULL)


def spawn(cmd: Sequence[str], log: Path, user: Optional[str] = None, death_signal: int = signal.SIGTERM,
          cwd: Optional[Path] = None) -> subprocess.Popen:
    """A child in its own session that gets death_signal if this process dies, even by SIGKILL."""
    out = open(log, "ab")
    try:
        return subprocess.Popen(list(cmd), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True, user=user, cwd=cwd,
                                preexec_fn=die_with_parent(death_signal))
    finally:
        out.close()


def wait_for(check, what: str, proc: Optional[subprocess.Popen] = None, timeout_s: float = START_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what} exited with code {proc.returncode} while starting")
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not come up within {timeout_s:.0f}s")


def port_open(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=1):
        return True


def stop_process(proc: Optional[subprocess.Popen], sig: int = signal.SIGTERM, grace_s: float = 15.0) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@dataclass
class Postgres:
    """initdb into root/pgdata; `postgres` runs as this process's child (as the postgres user when
    we are root: initdb refuses root). Password auth over TCP, as in production."""
    root: Path
    port: int
    user: str = "careerbot"
    password: str = "scale-test-pw"
    proc: Optional[subprocess.Popen] = None
    bin_dir: Path = field(default_factory=lambda: _postgres_bin_dir())

    @property
    def data_dir(self) -> Path:
        return self.root / "pgdata"

    @property
    def log(self) -> Path:
        return self.root / "postgres.log"

    @property
    def os_user(self) -> Optional[str]:
        return "postgres" if os.geteuid() == 0 else None

    def init(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        pwfile = self.root / "pwfile"
        pwfile.write_text(self.password + "\n")
        self.log.touch()
        if self.os_user:
            owner = pwd.getpwnam(self.os_user)
            for path in (self.root, pwfile, self.log):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        subprocess.run([str(self.bin_dir / "initdb"), "-D", str(self.data_dir), "-U", self.user,
                        f"--pwfile={pwfile}", "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8",
                        "--locale=C.UTF-8"], check=True, user=self.os_user, stdout=subprocess.DEVNULL)

    def start(self) -> None:
        # SIGINT = fast shutdown, should this process die without stopping it.
        self.proc = spawn([str(self.bin_dir / "postgres"), "-D", str(self.data_dir), "-p", str(self.port),
                           "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={self.data_dir}",
                           "-c", "max_connections=300", "-c", "fsync=off"],
                          self.log, user=self.os_user, death_signal=signal.SIGINT)
        wait_for(self._accepts_connections, "PostgreSQL", self.proc)

    def _accepts_connections(self) -> bool:
        try:
            psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user, password=self.password,
                             dbname="postgres", connect_timeout=2).close()
            return True
        except psycopg2.OperationalError:
            return False

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop_immediately(self) -> None:
        """What a crash looks like to the clients: every backend gone at once, no clean shutdown."""
        subprocess.run([str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.data_dir), "-m", "immediate", "-w"],
                       check=True, user=self.os_user, stdout=subprocess.DEVNULL)
        if self.proc is not None:
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        stop_process(self.proc, signal.SIGINT)

    def create_database(self, name: str) -> None:
        conn = psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user, password=self.password,
                                dbname="postgres")
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(f'CREATE DATABASE "{name}"')
        finally:
            conn.close()

    def url(self, database: str) -> str:
        return f"postgresql+psycopg2://{self.user}:{self.password}@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str):
        return psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user, password=self.password,
                                dbname=database)


def _postgres_bin_dir() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parent.parent.name))
    if not versions:
        raise RuntimeError("PostgreSQL is not installed under /usr/lib/postgresql")
    return versions[-1].parent


@dataclass
class Redis:
    root: Path
    port: int
    proc: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        # Locks only: nothing worth persisting (--save '' and no AOF).
        self.proc = spawn(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                           "--appendonly", "no", "--dir", str(self.root)], self.root / "redis.log")
        wait_for(lambda: port_open(self.port), "Redis", self.proc)

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        stop_process(self.proc)


@dataclass
class Nginx:
    prefix: Path
    public_port: int
    actions_port: int
    rasa_servers: Sequence[str]
    action_servers: Sequence[str]
    proc: Optional[subprocess.Popen] = None
    client_limits: ClientLimits = LOAD_TEST_LIMITS

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.public_port}"

    @property
    def conf(self) -> Path:
        return self.prefix / "nginx.conf"

    @property
    def access_log(self) -> Path:
        return self.prefix / "logs" / "access.log"

    def write_config(self) -> None:
        (self.prefix / "logs").mkdir(parents=True, exist_ok=True)
        (self.prefix / "run").mkdir(parents=True, exist_ok=True)
        # nginx's workers run as an unprivileged user when we are root: they must reach the temp dirs.
        for path in (self.prefix, self.prefix / "run"):
            path.chmod(0o755)
        self.conf.write_text(render(NginxConfig(
            public_listen=f"127.0.0.1:{self.public_port}", actions_listen=f"127.0.0.1:{self.actions_port}",
            rasa_servers=self.rasa_servers, action_servers=self.action_servers, runtime_dir=self.prefix / "run",
            error_log=str(self.prefix / "logs" / "error.log"), access_log=str(self.access_log),
            worker_processes="1", client_limits=self.client_limits)))

    def command(self, *extra: str) -> List[str]:
        return [shutil.which("nginx") or "/usr/sbin/nginx", "-p", str(self.prefix), "-c", str(self.conf),
                "-e", str(self.prefix / "logs" / "error.log"), *extra]

    def start(self) -> None:
        self.write_config()
        subprocess.run(self.command("-t", "-q", "-g", f"pid {self.prefix}/run/nginx-test.pid;"), check=True)
        self.proc = spawn(self.command("-g", f"daemon off; pid {self.prefix}/run/nginx.pid;"),
                          self.prefix / "logs" / "nginx.out", death_signal=signal.SIGTERM)
        wait_for(lambda: urllib.request.urlopen(f"{self.url}/nginx-health", timeout=2).status == 200, "nginx",
                 self.proc)

    def upstream_counts(self, path: str = "/webhooks/rest/webhook", since_line: int = 0) -> Dict[str, int]:
        """How many requests for path each upstream server answered (from the access log)."""
        counts: Dict[str, int] = {}
        for line in self.access_log.read_text().splitlines()[since_line:]:
            if f'"POST {path} ' in line:
                upstream = line.split("upstream=", 1)[1].split(" upstream_status=", 1)[0]
                counts[upstream] = counts.get(upstream, 0) + 1
        return counts

    def wait_actions_reachable(self, timeout_s: float = 30.0) -> None:
        """Until nginx itself reaches an action server again (it skips failed ones for a while)."""
        url = f"http://127.0.0.1:{self.actions_port}/health"
        wait_for(lambda: urllib.request.urlopen(url, timeout=2).status == 200,
                 "the action servers behind nginx", timeout_s=timeout_s)

    def access_log_lines(self) -> int:
        return len(self.access_log.read_text().splitlines())

    def stop(self) -> None:
        stop_process(self.proc, signal.SIGQUIT)  # graceful: finish the requests in flight

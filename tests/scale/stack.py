"""The whole scale-out deployment on this machine: PostgreSQL (tracker store + application DB),
Redis (lock store), 2 action servers and 2 Rasa servers started with deploy.cluster, and nginx
in front, all on free loopback ports with their data in one temp dir."""
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List
from unittest import mock

from bot.processes import free_ports
from deploy.cluster import Cluster, plan, remove_run_files
from settings import PROJECT_ROOT, Settings, load_settings
from tests.scale.chat import REST_TOKEN
from tests.scale.services import Nginx, Postgres, Redis, ensure_debian_packages

MODEL = PROJECT_ROOT / "models" / "careerbot.tar.gz"
LOG_COPY_DIR = PROJECT_ROOT / "results" / "scale-logs"
APP_DB = "careerbot"
TRACKER_DB = "careerbot_tracker"


@dataclass
class Stack:
    root: Path
    postgres: Postgres
    redis: Redis
    nginx: Nginx
    cluster: Cluster
    env: Dict[str, str]

    @property
    def url(self) -> str:
        """Where users reach the bot: nginx."""
        return self.nginx.url

    @property
    def rasa_names(self) -> List[str]:
        return [name for name, s in self.cluster.servers.items() if s.kind == "rasa"]

    @property
    def action_names(self) -> List[str]:
        return [name for name, s in self.cluster.servers.items() if s.kind == "actions"]

    def rasa_url(self, name: str) -> str:
        """One Rasa server directly, bypassing nginx."""
        return self.cluster.servers[name].url

    def running(self, name: str) -> bool:
        proc = self.cluster.supervisor.procs.get(name)
        return proc is not None and proc.poll() is None

    def kill_server(self, name: str) -> None:
        """SIGKILL, as a crash would, and returns once the process (and so its sockets) is gone."""
        proc = self.cluster.supervisor.procs[name]
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    def heal(self) -> None:
        """Starts again whatever a fault test left stopped, so each test begins with everything up."""
        if not self.postgres.running:
            self.postgres.start()
        if not self.redis.running:
            self.redis.start()
        stopped = [name for name in self.cluster.servers if not self.running(name)]
        for name in stopped:
            self.cluster.start_server(name, wait=False)
        for name in stopped:
            self.cluster.wait_until_up(name)
        self.nginx.wait_actions_reachable()

    @property
    def tracker_db_url(self) -> str:
        return self.postgres.url(TRACKER_DB)

    @property
    def app_db_url(self) -> str:
        return self.postgres.url(APP_DB)


def settings_for(env: Dict[str, str]) -> Settings:
    with mock.patch.dict(os.environ, env):
        return load_settings()


def load_knowledge_base(db_url: str, log: Path) -> None:
    with open(log, "wb") as out:
        subprocess.run([sys.executable, "-m", "knowledge", "load", "--db", db_url], cwd=PROJECT_ROOT, check=True,
                       stdout=out, stderr=subprocess.STDOUT)


@contextmanager
def scale_stack(rasa_servers: int = 2, action_servers: int = 2) -> Iterator[Stack]:
    """Starts everything, yields it, and stops every process it started, whatever happens."""
    if not MODEL.exists():
        raise RuntimeError(f"no trained model at {MODEL}; run `make train` first")
    ensure_debian_packages()
    root = Path(tempfile.mkdtemp(prefix="careerbot-scale-"))
    root.chmod(0o711)  # the postgres user and nginx's workers must reach their subfolders
    ports = free_ports(4 + rasa_servers + action_servers)
    pg_port, redis_port, public_port, actions_port = ports[:4]
    rasa_ports, action_ports = ports[4:4 + rasa_servers], ports[4 + rasa_servers:]
    tag = f"scale-{os.getpid()}"
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, root, True)
        stack.callback(_keep_logs, root)  # runs after every process has stopped
        logs = root / "logs"
        logs.mkdir()
        # Our own copy: a `make train` in this tree must not swap the model under a starting server.
        model = root / "careerbot.tar.gz"
        shutil.copy(MODEL, model)
        postgres = Postgres(root / "pg", pg_port)
        postgres.init()
        postgres.start()
        stack.callback(postgres.stop)
        postgres.create_database(APP_DB)
        postgres.create_database(TRACKER_DB)
        load_knowledge_base(postgres.url(APP_DB), logs / "kb-load.log")

        redis = Redis(root / "redis", redis_port)
        redis.start()
        stack.callback(redis.stop)

        nginx = Nginx(root / "nginx", public_port, actions_port, [f"127.0.0.1:{p}" for p in rasa_ports],
                      [f"127.0.0.1:{p}" for p in action_ports])
        nginx.start()
        stack.callback(nginx.stop)

        env = {
            "CAREERBOT_HOST": "127.0.0.1",
            "CAREERBOT_MODEL": str(model),
            "CAREERBOT_DB_URL": postgres.url(APP_DB),
            "CAREERBOT_TRACKER_DB_URL": postgres.url(TRACKER_DB),
            "CAREERBOT_REDIS_URL": redis.url,
            # The Rasa servers call the action servers through nginx.
            "CAREERBOT_ACTIONS_HOST": "127.0.0.1",
            "CAREERBOT_ACTIONS_PORT": str(actions_port),
            "CAREERBOT_CORS_ORIGINS": f"http://127.0.0.1:{public_port}",
            "CAREERBOT_REST_TOKEN": REST_TOKEN,
        }
        servers = plan(settings_for(env), rasa_ports, action_ports, "127.0.0.1", tag, env)
        stack.callback(remove_run_files, tag)
        cluster = Cluster(servers, log_dir=logs)
        stack.callback(cluster.stop)
        cluster.start()
        yield Stack(root, postgres, redis, nginx, cluster, env)


def _keep_logs(root: Path) -> None:
    """Copies every log to results/scale-logs/ (the temp dir goes away)."""
    shutil.rmtree(LOG_COPY_DIR, ignore_errors=True)
    LOG_COPY_DIR.mkdir(parents=True, exist_ok=True)
    for log in root.rglob("*.log"):
        shutil.copy(log, LOG_COPY_DIR / f"{log.parent.name}-{log.name}")

"""Renders deploy/nginx.conf.template into a complete nginx.conf.

    python -m deploy.nginx --listen 0.0.0.0:80 --actions-listen 10.0.0.5:5055 \\
        --rasa 10.0.0.11:5005,10.0.0.12:5005 --actions 10.0.0.21:5055,10.0.0.22:5055 \\
        --runtime-dir /var/lib/nginx > /etc/nginx/nginx.conf
"""
import argparse
import ipaddress
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Sequence

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
SERVER_INDENT = " " * 8


@dataclass(frozen=True)
class ClientLimits:
    """What one client address may ask of the public listener; beyond it nginx answers 429
    at once, so one client cannot take the Rasa servers' time from everybody else."""
    requests_per_second: int = 10
    burst: int = 20  # requests above the rate that are still served at once
    connections: int = 20  # at the same time (a widget holds one WebSocket)


@dataclass(frozen=True)
class NginxConfig:
    public_listen: str            # "host:port" for the channels
    actions_listen: str           # "host:port" of the action endpoint the Rasa servers call
    rasa_servers: Sequence[str]   # "host:port" of each Rasa server
    action_servers: Sequence[str]  # "host:port" of each action server
    runtime_dir: Path             # nginx's temp files
    error_log: str = "/var/log/nginx/careerbot-error.log"
    access_log: str = "/var/log/nginx/careerbot-access.log"
    worker_processes: str = "auto"
    actions_timeout: str = "30s"
    # A server that refused a connection is left out for this long (then tried again).
    fail_timeout: str = "2s"
    client_limits: ClientLimits = ClientLimits()


def _servers(addresses: Sequence[str], fail_timeout: str) -> str:
    if not addresses:
        raise ValueError("an upstream needs at least one server")
    return "\n".join(f"{SERVER_INDENT}server {a} max_fails=1 fail_timeout={fail_timeout};" for a in addresses)


def _allow(addresses: Sequence[str]) -> str:
    """`allow` lines for the hosts of host:port addresses, which must be IP addresses (nginx
    matches the client's address, not names)."""
    hosts = []
    for address in addresses:
        host = address.rsplit(":", 1)[0].strip("[]")
        try:
            ipaddress.ip_address(host)
        except ValueError:
            raise ValueError(f"the actions listener allows only IP addresses; {address!r} is not one") from None
        if host not in hosts:
            hosts.append(host)
    return "\n".join(f"{SERVER_INDENT}allow {h};" for h in hosts)


def render(config: NginxConfig, template: str = "") -> str:
    values: Dict[str, str] = {
        "WORKER_PROCESSES": config.worker_processes,
        "ERROR_LOG": config.error_log,
        "ACCESS_LOG": config.access_log,
        "RUNTIME_DIR": str(config.runtime_dir),
        "PUBLIC_LISTEN": config.public_listen,
        "ACTIONS_LISTEN": config.actions_listen,
        "ACTIONS_TIMEOUT": config.actions_timeout,
        "RASA_SERVERS": _servers(config.rasa_servers, config.fail_timeout),
        "ACTION_SERVERS": _servers(config.action_servers, config.fail_timeout),
        "ACTIONS_ALLOW": _allow(config.rasa_servers),
        "CLIENT_RATE": str(config.client_limits.requests_per_second),
        "CLIENT_BURST": str(config.client_limits.burst),
        "CLIENT_CONNECTIONS": str(config.client_limits.connections),
    }
    text = template or TEMPLATE.read_text()
    rendered = re.sub(r"{{(\w+)}}", lambda m: values[m.group(1)], text)
    return rendered


def _addresses(raw: str) -> List[str]:
    return [a.strip() for a in raw.split(",") if a.strip()]


def main(argv: Sequence[str] = ()) -> int:
    parser = argparse.ArgumentParser(description="Render careerbot's nginx.conf")
    parser.add_argument("--listen", required=True, help="public host:port (the channels)")
    parser.add_argument("--actions-listen", required=True, help="internal host:port the Rasa servers call for actions")
    parser.add_argument("--rasa", required=True, type=_addresses, help="comma-separated host:port of the Rasa servers")
    parser.add_argument("--actions", required=True, type=_addresses,
                        help="comma-separated host:port of the action servers")
    parser.add_argument("--runtime-dir", type=Path, default=Path("/var/lib/nginx"))
    parser.add_argument("--error-log", default=NginxConfig.error_log)
    parser.add_argument("--access-log", default=NginxConfig.access_log)
    defaults = ClientLimits()
    parser.add_argument("--client-rate", type=int, default=defaults.requests_per_second,
                        help="requests per second per client address (default: %(default)s)")
    parser.add_argument("--client-burst", type=int, default=defaults.burst,
                        help="requests above the rate still served at once (default: %(default)s)")
    parser.add_argument("--client-connections", type=int, default=defaults.connections,
                        help="connections at once per client address (default: %(default)s)")
    args = parser.parse_args(list(argv) or None)
    limits = ClientLimits(args.client_rate, args.client_burst, args.client_connections)
    sys.stdout.write(render(NginxConfig(args.listen, args.actions_listen, args.rasa, args.actions, args.runtime_dir,
                                        args.error_log, args.access_log, client_limits=limits)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

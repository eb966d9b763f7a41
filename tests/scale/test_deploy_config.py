"""The deployment's configuration, without starting anything (these run in a plain `make test`)."""
import os
import re
import shutil
import subprocess

import pytest
import yaml

from deploy.cluster import ConfigError, plan, remove_run_files
from deploy.nginx import ClientLimits, NginxConfig, render
from tests.scale.stack import settings_for

PG = "postgresql+psycopg2://careerbot:pw@10.0.0.20:5432/careerbot_tracker"
ENV = {"CAREERBOT_TRACKER_DB_URL": PG, "CAREERBOT_REDIS_URL": "redis://:secret@10.0.0.20:6379/0",
       "CAREERBOT_ACTIONS_HOST": "10.0.0.5", "CAREERBOT_ACTIONS_PORT": "5055", "CAREERBOT_HOST": "10.0.0.11"}


def nginx_config(tmp_path) -> NginxConfig:
    return NginxConfig("127.0.0.1:18080", "127.0.0.1:18081", ["10.0.0.11:5005", "10.0.0.12:5005"],
                       ["10.0.0.11:5155", "10.0.0.12:5155"], tmp_path / "run", str(tmp_path / "error.log"),
                       str(tmp_path / "access.log"), "1")


def test_the_nginx_config_lists_every_server_and_fills_every_placeholder(tmp_path):
    text = render(nginx_config(tmp_path))
    assert "{{" not in text
    rasa = re.search(r"upstream careerbot_rasa \{(.*?)\}", text, re.S).group(1)
    actions = re.search(r"upstream careerbot_actions \{(.*?)\}", text, re.S).group(1)
    assert "10.0.0.11:5005" in rasa and "10.0.0.12:5005" in rasa and "hash" not in rasa  # round-robin
    assert "10.0.0.11:5155" in actions and "10.0.0.12:5155" in actions


def server_block(text: str, listen: str) -> str:
    """The `server { ... }` block of the rendered config that listens on `listen`."""
    for start in (m.end() for m in re.finditer(r"\n    server \{", text)):
        depth, end = 1, start
        while depth:
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        if f"listen {listen};" in text[start:end]:
            return text[start:end]
    raise AssertionError(f"no server listens on {listen}")


def test_public_clients_are_limited_and_only_the_rasa_servers_reach_the_actions(tmp_path):
    config = nginx_config(tmp_path)
    text = render(config)
    limits = ClientLimits()
    assert "limit_conn_zone $binary_remote_addr zone=careerbot_connections:10m;" in text
    rate = limits.requests_per_second
    assert f"limit_req_zone $binary_remote_addr zone=careerbot_requests:10m rate={rate}r/s;" in text
    assert "limit_conn_status 429;" in text and "limit_req_status 429;" in text
    public = server_block(text, config.public_listen)
    assert "client_max_body_size 64k;" in public
    for path in ("/webhooks/", "/socket.io/"):
        location = re.search(rf"location {re.escape(path)} \{{(.*?)\}}", public, re.S).group(1)
        assert f"limit_conn careerbot_connections {limits.connections};" in location, path
        assert f"limit_req zone=careerbot_requests burst={limits.burst} nodelay;" in location, path
    actions = server_block(text, config.actions_listen)
    rules = re.findall(r"^\s*((?:allow|deny) \S+);", actions, re.M)
    assert rules == ["allow 10.0.0.11", "allow 10.0.0.12", "deny all"]  # each Rasa host once, then nobody else


def test_the_actions_listener_needs_the_rasa_servers_ip_addresses(tmp_path):
    config = NginxConfig("127.0.0.1:18080", "127.0.0.1:18081", ["rasa-1.internal:5005"], ["10.0.0.11:5155"],
                         tmp_path / "run")
    with pytest.raises(ValueError, match=r"rasa-1.internal:5005"):
        render(config)
    v6 = NginxConfig("[::1]:18080", "[::1]:18081", ["[fd00::11]:5005"], ["[fd00::11]:5155"], tmp_path / "run")
    assert "allow fd00::11;" in render(v6)


@pytest.mark.skipif(not shutil.which("nginx") and not os.path.exists("/usr/sbin/nginx"),
                    reason="nginx is not installed")
def test_nginx_accepts_the_rendered_config(tmp_path):
    (tmp_path / "run").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(render(nginx_config(tmp_path)))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "error.log"),
                             "-g", f"pid {tmp_path}/nginx.pid;"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing,why", [("CAREERBOT_REDIS_URL", "REDIS"), ("CAREERBOT_TRACKER_DB_URL", "postgresql")])
def test_two_rasa_servers_need_redis_and_a_shared_tracker_store(missing, why):
    env = {**ENV, missing: ""}
    with pytest.raises(ConfigError, match=why):
        plan(settings_for(env), [5005, 5006], [5155], "10.0.0.11", "test-cluster-config")


def test_every_rasa_server_shares_the_stores_and_calls_actions_through_the_balancer():
    tag = f"test-cluster-{os.getpid()}"
    try:
        servers = plan(settings_for(ENV), [5005, 5006], [5155, 5156], "10.0.0.11", tag, {"EXTRA": "1"})
        rasa = [s for s in servers if s.kind == "rasa"]
        actions = [s for s in servers if s.kind == "actions"]
        assert [s.address for s in rasa] == ["10.0.0.11:5005", "10.0.0.11:5006"]
        assert [s.address for s in actions] == ["10.0.0.11:5155", "10.0.0.11:5156"]
        endpoint_files = {s.cmd[s.cmd.index("--endpoints") + 1] for s in rasa}
        assert len(endpoint_files) == 1
        endpoints = yaml.safe_load(open(endpoint_files.pop()).read())
        assert endpoints["action_endpoint"]["url"] == "http://10.0.0.5:5055/webhook"
        assert endpoints["tracker_store"]["dialect"] == "postgresql+psycopg2"
        assert endpoints["lock_store"]["url"] == "10.0.0.20" and endpoints["lock_store"]["password"] == "secret"
        assert all(s.env["EXTRA"] == "1" and s.env["RASA_TELEMETRY_ENABLED"] == "false" for s in servers)
        assert all(int(s.env["SANIC_RESPONSE_TIMEOUT"]) > int(s.env["TICKET_LOCK_LIFETIME"]) for s in rasa)
        assert [s.cmd[s.cmd.index("--host") + 1] for s in actions] == ["10.0.0.11", "10.0.0.11"]
        assert all(str(s.port) in s.cmd for s in actions)
    finally:
        remove_run_files(tag)

"""nginx with the production limits of deploy/nginx.conf.template (ClientLimits' defaults) in
front of the deployment's real servers: one client's burst gets 429s while another client,
and the same one at a normal pace, is served; the actions listener answers the Rasa servers'
address only; an oversized body never reaches Rasa. (The deployment's own nginx has loose
limits: the load tests' 50 users all come from 127.0.0.1.)"""
import http.client
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator, List, Tuple

import pytest

from bot.processes import free_ports
from deploy.nginx import ClientLimits
from tests.scale.services import Nginx
from tests.scale.stack import Stack

pytestmark = pytest.mark.scale

CLIENT, OTHER_CLIENT = "127.0.0.1", "127.0.0.2"  # both loopback: Linux routes all of 127/8 to lo
LIMITS = ClientLimits()
HEALTH = "/webhooks/rest/"  # the REST channel's health check: through nginx's limits, cheap for Rasa


@pytest.fixture
def limited(stack: Stack) -> Iterator[Nginx]:
    public, actions = free_ports(2)
    rasa = [stack.cluster.servers[n].address for n in stack.rasa_names]
    action_servers = [stack.cluster.servers[n].address for n in stack.action_names]
    nginx = Nginx(stack.root / "nginx-limited", public, actions, rasa, action_servers, client_limits=LIMITS)
    nginx.start()
    try:
        yield nginx
    finally:
        nginx.stop()


def response(port: int, path: str, source: str, method: str = "GET", body: bytes = b"") -> Tuple[int, bytes]:
    """Status and body of one request from the loopback address `source`, on a connection of its own."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    try:
        connection.request(method, path, body=body or None, headers={"Content-Type": "application/json"})
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def request(port: int, path: str, source: str, method: str = "GET", body: bytes = b"") -> int:
    return response(port, path, source, method, body)[0]


def at_a_normal_pace(port: int, source: str, count: int = 6, every_s: float = 0.5) -> List[int]:
    statuses = []
    for _ in range(count):
        statuses.append(request(port, HEALTH, source))
        time.sleep(every_s)
    return statuses


def test_a_burst_gets_429s_while_a_normal_pace_is_served(limited):
    port = limited.public_port
    burst = 3 * (LIMITS.burst + LIMITS.connections)
    other: List[int] = []
    pacer = threading.Thread(target=lambda: other.extend(at_a_normal_pace(port, OTHER_CLIENT)))
    pacer.start()
    with ThreadPoolExecutor(max_workers=30) as pool:
        statuses = list(pool.map(lambda _: request(port, HEALTH, CLIENT), range(burst)))
    pacer.join()
    assert set(statuses) <= {200, 429}, statuses
    assert statuses.count(429) >= burst // 2, statuses  # what the burst allowance does not cover
    assert statuses.count(200) > LIMITS.burst // 2, statuses  # the burst allowance is served
    assert other == [200] * 6  # another client meanwhile: unaffected

    time.sleep(LIMITS.burst / LIMITS.requests_per_second + 1)  # the allowance comes back
    assert at_a_normal_pace(port, CLIENT) == [200] * 6


def test_only_the_rasa_servers_address_reaches_the_action_servers(limited):
    assert request(limited.actions_port, "/health", OTHER_CLIENT) == 403
    assert request(limited.actions_port, "/webhook", OTHER_CLIENT, "POST", b"{}") == 403
    assert request(limited.actions_port, "/health", CLIENT) == 200  # where the Rasa servers are


def test_an_oversized_body_is_refused_by_nginx(limited):
    large = b'{"sender": "big", "message": "' + b"x" * (100 * 1024) + b'"}'
    status, body = response(limited.public_port, "/webhooks/rest/webhook", CLIENT, "POST", large)
    assert status == 413 and b"<center>nginx</center>" in body  # nginx's own page: no Rasa server saw it


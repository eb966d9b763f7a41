"""The demo page server (web/serve.py), started as bot.serve starts it: silent clients cannot
hold it, and its pages may connect to the configured Rasa server only (issue 12)."""
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from typing import Iterator

import pytest

from tests.e2e.conftest import ROOT, free_port

pytestmark = pytest.mark.e2e

IDLE_TIMEOUT_S = 5  # web/serve.py's


@contextmanager
def web_page(rasa_url: str) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "web/serve.py", "--host", "127.0.0.1", "--port", str(port),
                             "--rasa-url", rasa_url, "--quiet"], cwd=ROOT, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/healthz", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_silent_connections_are_dropped_while_other_clients_are_served():
    with web_page("http://127.0.0.1:5005") as url:
        port = int(url.rsplit(":", 1)[1])
        silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(20)]
        silent[0].sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # headers begun, never finished
        try:
            started = time.monotonic()
            with urllib.request.urlopen(f"{url}/", timeout=5) as response:
                assert response.status == 200 and b"careerbot" in response.read()
            assert time.monotonic() - started < 2
            for client in silent:
                client.settimeout(IDLE_TIMEOUT_S + 10)
                assert client.recv(1024) == b"", "the server answered a request nobody sent"  # closed by it
            assert time.monotonic() - started < IDLE_TIMEOUT_S + 5
        finally:
            for client in silent:
                client.close()


@pytest.mark.parametrize("rasa_url,allowed", [
    ("http://localhost:5005", "'self' http://localhost:5005 ws://localhost:5005"),
    ("https://bot.example.com", "'self' https://bot.example.com wss://bot.example.com"),
])
def test_pages_may_connect_to_the_rasa_server_only(rasa_url, allowed):
    with web_page(rasa_url) as url:
        with urllib.request.urlopen(f"{url}/", timeout=5) as response:
            policy = dict(d.strip().split(" ", 1) for d in response.headers["Content-Security-Policy"].split(";"))
    assert policy["connect-src"] == allowed
    assert policy["default-src"] == "'self'" and policy["script-src"] == "'self'"

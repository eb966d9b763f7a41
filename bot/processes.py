"""Child processes that never outlive their parent, and free loopback ports: shared by the
supervisor (bot/supervisor.py), the scale-out cluster, the benchmark and the tests."""
import ctypes
import signal
import socket
from typing import Callable, List, Sequence

PR_SET_PDEATHSIG = 1
# Ports that other servers on this machine use by default (`make run`, PostgreSQL, Redis, nginx).
RESERVED_PORTS = frozenset({80, 443, 5005, 5055, 5432, 6379, 8000})


def die_with_parent(sig: int = signal.SIGTERM) -> Callable[[], None]:
    """A preexec_fn: the child gets `sig` when its parent dies, even by SIGKILL, so nothing is
    left orphaned."""
    def set_death_signal() -> None:
        try:
            ctypes.CDLL("libc.so.6").prctl(PR_SET_PDEATHSIG, sig)
        except OSError:  # not Linux: the parent's own cleanup has to do
            pass
    return set_death_signal


def free_port(taken: Sequence[int] = ()) -> int:
    """A loopback port nothing listens on, none of RESERVED_PORTS nor `taken`."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in RESERVED_PORTS and port not in taken:
            return port


def free_ports(count: int) -> List[int]:
    ports: List[int] = []
    while len(ports) < count:
        ports.append(free_port(ports))
    return ports

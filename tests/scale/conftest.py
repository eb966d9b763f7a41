"""The scale-out tests run only when asked for (`make test-scale`, i.e. `pytest -m scale
tests/scale`): they start PostgreSQL, Redis, nginx and four careerbot servers and take minutes.
A plain `pytest` (`make test`) reports them as skipped."""
from typing import Callable, Iterator, List

import pytest

from tests.scale.conversations import CONVERSATIONS, scripts
from tests.scale.load import Run, compare, run_alone
from tests.scale.stack import Stack, scale_stack

FIGURES: List[str] = []


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "scale: the scale-out deployment under load and faults (make test-scale)")


def pytest_collection_modifyitems(config, items) -> None:
    if "scale" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="scale-out test: run `make test-scale` (pytest -m scale tests/scale)")
    for item in items:
        if item.get_closest_marker("scale"):
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter) -> None:
    if FIGURES:
        terminalreporter.section("careerbot scale-out figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def report() -> Callable[[str], None]:
    """Figures for the end of the test output (and the test's own output)."""
    def add(line: str) -> None:
        FIGURES.append(line)
        print(line, flush=True)
    return add


@pytest.fixture(scope="session")
def deployment(report) -> Iterator[Stack]:
    with scale_stack() as stack:
        report(f"deployment: nginx {stack.url}, {', '.join(stack.rasa_names + stack.action_names)}, "
               f"PostgreSQL :{stack.postgres.port}, Redis :{stack.redis.port} (logs: results/scale-logs/)")
        yield stack


@pytest.fixture
def stack(deployment: Stack) -> Stack:
    deployment.heal()
    return deployment


@pytest.fixture(scope="session")
def reference(deployment: Stack, report) -> Run:
    """Every conversation run alone, one after the other, on one Rasa server (no nginx): what
    each of them must also get under load."""
    run = run_alone("alone on rasa-1", deployment.rasa_url("rasa-1"), scripts(CONVERSATIONS), "alone")
    report(run.summary())
    # The scripts themselves must hold: a conversation whose profile the bot misread cannot tell
    # a stray reply from its own.
    mismatches = compare(run, run, scripts(CONVERSATIONS))
    assert not mismatches, "the reference run itself fails its checks:\n" + "\n".join(map(str, mismatches[:10]))
    return run

"""50 users talk to careerbot at once, through nginx, over 2 Rasa servers and 2 action servers:
every message gets its own conversation's reply, in order, the same one it gets alone."""
import pytest

from tests.scale.conversations import CONVERSATIONS, TURNS, scripts
from tests.scale.load import compare, run_concurrently

pytestmark = pytest.mark.scale


def test_50_concurrent_conversations_get_what_each_gets_alone(stack, reference, report):
    log_start = stack.nginx.access_log_lines()
    run = run_concurrently(f"{CONVERSATIONS} at once through nginx", stack.url, scripts(CONVERSATIONS), "load")
    report(run.summary())
    per_server = stack.nginx.upstream_counts(since_line=log_start)
    report(f"  messages per Rasa server: {per_server}")

    assert len(run.replies) == CONVERSATIONS * TURNS
    # compare() checks each reply's status, that it is not empty, that it equals the reply the
    # same turn got alone (so the order held), and that it names its own conversation's level
    # and city (so nothing strayed in from another conversation); turn 10's "what do you know
    # about me?" is the final state of the conversation's slots.
    mismatches = compare(run, reference, scripts(CONVERSATIONS))
    assert not mismatches, f"{len(mismatches)} wrong replies:\n" + "\n".join(map(str, mismatches[:20]))
    # Round-robin really spread the load.
    rasa = {stack.cluster.servers[name].address for name in stack.rasa_names}
    assert set(per_server) == rasa, per_server
    assert min(per_server.values()) >= 0.3 * len(run.replies), per_server

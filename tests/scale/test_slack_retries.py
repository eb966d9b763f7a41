"""With several Rasa servers a Slack retry may reach a server other than the one that got the
first delivery: which deliveries were answered is shared in the deployment's Redis."""
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.rasa_ext.channels.seen_events import SeenInRedis

pytestmark = pytest.mark.scale


def test_a_delivery_seen_by_one_server_is_seen_by_the_others(stack):
    server_1, server_2 = SeenInRedis(stack.redis.url), SeenInRedis(stack.redis.url)
    event, message = f"Ev{uuid.uuid4().hex}", f"C1:{uuid.uuid4().hex}"
    assert not server_1.seen_before([event, message])
    assert server_2.seen_before([event, None])  # the retry
    assert server_2.seen_before([f"Ev{uuid.uuid4().hex}", message])  # another event for the same message


def test_of_simultaneous_deliveries_exactly_one_is_answered(stack):
    servers = [SeenInRedis(stack.redis.url) for _ in range(4)]
    event = f"Ev{uuid.uuid4().hex}"
    with ThreadPoolExecutor(max_workers=20) as pool:
        seen = list(pool.map(lambda i: servers[i % 4].seen_before([event]), range(20)))
    assert seen.count(False) == 1

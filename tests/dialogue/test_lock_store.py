"""careerbot's Redis lock store (bot/rasa_ext/lock_store.py) against a real Redis (Debian's
redis-server on a loopback port): tickets in order even when several stores take them at
once, a conversation served one turn at a time, released locks gone, dead servers' tickets
skipped, waiting tickets kept alive."""
import asyncio
import shutil
import threading
import time
from typing import Iterator, List

import pytest
from rasa.core.lock_store import LockError, LockStore
from rasa.utils.endpoints import EndpointConfig

from bot.processes import free_port
from bot.rasa_ext.lock_store import AtomicRedisLockStore
from bot.server_config import lock_store
from tests.scale.services import Redis

WAIT_S = 0.02  # how often a waiting turn looks at the lock (Rasa's default is 1 s)


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory) -> Iterator[Redis]:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server); "
                    "the lock store is tested against a real Redis only")
    server = Redis(tmp_path_factory.mktemp("redis"), free_port())
    server.start()
    yield server
    server.stop()


def new_store(redis_server: Redis) -> AtomicRedisLockStore:
    return AtomicRedisLockStore(EndpointConfig(url="127.0.0.1", port=redis_server.port, db=0, key_prefix="test"))


@pytest.fixture
def store(redis_server) -> Iterator[AtomicRedisLockStore]:
    store = new_store(redis_server)
    yield store
    store.red.flushdb()


def ticket_numbers(store: AtomicRedisLockStore, conversation_id: str) -> List[int]:
    lock = store.get_lock(conversation_id)
    return [] if lock is None else [t.number for t in lock.tickets]


async def served_within(store: AtomicRedisLockStore, conversation_id: str, ticket: int, seconds: float) -> bool:
    try:
        await asyncio.wait_for(store._acquire_lock(conversation_id, ticket, WAIT_S), seconds)
        return True
    except asyncio.TimeoutError:
        return False


def test_the_endpoints_files_lock_store_settings_build_this_store_on_that_redis(redis_server):
    store = LockStore.create(EndpointConfig.from_dict(lock_store(redis_server.url)))
    assert isinstance(store, AtomicRedisLockStore)
    assert store.key_prefix == "careerbot:lock:"
    assert store.red.ping()


def test_tickets_are_issued_in_order_from_zero(store):
    assert [store.issue_ticket("c") for _ in range(3)] == [0, 1, 2]
    assert ticket_numbers(store, "c") == [0, 1, 2]
    assert store.issue_ticket("another conversation") == 0


def test_tickets_taken_at_the_same_moment_by_several_stores_are_all_different(redis_server, store):
    stores = [new_store(redis_server) for _ in range(6)]
    issued: List[int] = []
    start = threading.Barrier(len(stores))

    def take(s: AtomicRedisLockStore) -> None:
        start.wait()
        numbers = [s.issue_ticket("c") for _ in range(20)]
        issued.extend(numbers)

    threads = [threading.Thread(target=take, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(issued) == list(range(120))  # no ticket issued twice (Rasa's GET-then-SET could)
    assert ticket_numbers(store, "c") == list(range(120))


def test_the_first_turn_is_served_at_once_and_its_release_deletes_the_lock(store):
    async def turn() -> None:
        async with store.lock("c", wait_time_in_seconds=WAIT_S) as lock:
            assert [t.number for t in lock.tickets] == [0]
            assert ticket_numbers(store, "c") == [0]

    asyncio.run(asyncio.wait_for(turn(), 5))
    assert store.get_lock("c") is None
    assert store.red.get(store.key_prefix + "c") is None


def test_releasing_a_ticket_keeps_the_lock_for_the_turns_still_waiting(store):
    first, second = store.issue_ticket("c"), store.issue_ticket("c")
    store.cleanup("c", first)
    assert ticket_numbers(store, "c") == [second]
    store.cleanup("c", second)
    assert store.get_lock("c") is None


def test_releasing_a_lock_that_is_gone_does_nothing(store):
    store.cleanup("never locked", 0)
    assert store.get_lock("never locked") is None


def test_a_turn_waits_until_the_turn_before_it_is_released(store):
    async def scenario() -> None:
        first, second = store.issue_ticket("c"), store.issue_ticket("c")
        waiting = asyncio.create_task(served_within(store, "c", second, 5))
        await asyncio.sleep(0.3)
        assert not waiting.done()  # the first turn still holds the conversation
        store.cleanup("c", first)
        assert await waiting

    asyncio.run(scenario())


def test_two_stores_share_one_lock_per_conversation(redis_server, store):
    other = new_store(redis_server)

    async def scenario() -> None:
        async with store.lock("c", wait_time_in_seconds=WAIT_S):
            ticket = other.issue_ticket("c")
            assert ticket == 1
            assert not await served_within(other, "c", ticket, 0.3)
        assert await served_within(other, "c", ticket, 5)
        other.cleanup("c", ticket)

    asyncio.run(scenario())
    assert store.get_lock("c") is None


def test_the_expired_ticket_of_a_dead_server_is_skipped(store):
    dead = store.issue_ticket("c", lock_lifetime=0.1)  # its server died mid-turn: never released
    mine = store.issue_ticket("c")
    time.sleep(0.2)
    assert asyncio.run(served_within(store, "c", mine, 5))
    assert dead not in ticket_numbers(store, "c")


def test_a_waiting_ticket_is_renewed_so_it_outlives_its_lifetime(store):
    async def scenario() -> None:
        first = store.issue_ticket("c")
        second = store.issue_ticket("c", lock_lifetime=0.2)
        waiting = asyncio.create_task(served_within(store, "c", second, 5))
        await asyncio.sleep(0.5)  # longer than the second ticket was issued for
        assert ticket_numbers(store, "c") == [first, second]
        store.cleanup("c", first)
        assert await waiting

    asyncio.run(scenario())


def test_a_ticket_that_expired_while_its_server_stalled_goes_back_in_line_by_number(store):
    stalled = store.issue_ticket("c", lock_lifetime=0.1)
    later = store.issue_ticket("c")
    time.sleep(0.2)
    assert ticket_numbers(store, "c") == [stalled, later]  # expired, but not yet removed by anyone
    store.issue_ticket("c")  # removes the expired ticket
    assert stalled not in ticket_numbers(store, "c")
    assert asyncio.run(served_within(store, "c", stalled, 5))  # first in line again: the lowest number
    assert ticket_numbers(store, "c") == [stalled, later, later + 1]


def test_a_redis_that_cannot_be_reached_is_a_lock_error():
    unreachable = AtomicRedisLockStore(EndpointConfig(url="127.0.0.1", port=free_port(), db=0))
    with pytest.raises(LockError):
        unreachable.issue_ticket("c")

"""The Rasa server's cache of recent conversations (bot/rasa_ext/event_cache.py): bounded by
the events it holds, least recently used conversation out first, forgettable, and safe to
share between threads."""
import sys
import threading
from typing import List

import pytest
from rasa.shared.core.events import ActionExecuted, Event

from bot.rasa_ext.event_cache import ConversationWindow, EventCache


def window(events: int, last_row_id: int = 1) -> ConversationWindow:
    evs: List[Event] = [ActionExecuted("action_listen") for _ in range(events)]
    return ConversationWindow(base_slots={}, events=evs, last_row_id=last_row_id, rows_up_to_last=last_row_id)


def cached(cache: EventCache, *sender_ids: str) -> List[str]:
    return [s for s in sender_ids if cache.get(s) is not None]


def test_a_conversation_put_is_got_back_and_an_unknown_one_is_none():
    cache = EventCache(max_events=10)
    entry = window(3)
    cache.put("a", entry)
    assert cache.get("a") is entry
    assert cache.get("b") is None


def test_the_cache_holds_at_most_max_events_dropping_the_oldest_conversation():
    cache = EventCache(max_events=10)
    for sender in "abc":
        cache.put(sender, window(4))
    assert cached(cache, "a", "b", "c") == ["b", "c"]


def test_a_conversation_read_recently_outlives_one_put_later_but_not_read():
    cache = EventCache(max_events=10)
    cache.put("a", window(4))
    cache.put("b", window(4))
    cache.get("a")  # a is now the most recently used
    cache.put("c", window(4))
    assert cached(cache, "a", "b", "c") == ["a", "c"]


def test_putting_a_conversation_again_replaces_it_and_counts_only_the_new_events():
    cache = EventCache(max_events=10)
    cache.put("a", window(4))
    newer = window(8, last_row_id=2)
    cache.put("a", newer)  # 8 held, not 12: nothing has to go
    assert cache.get("a") is newer
    cache.put("b", window(2))
    assert cached(cache, "a", "b") == ["a", "b"]


def test_a_conversation_bigger_than_the_whole_cache_is_not_kept_nor_its_older_window():
    cache = EventCache(max_events=10)
    cache.put("other", window(5))
    cache.put("a", window(4))
    cache.put("a", window(11))
    assert cache.get("a") is None  # the old window would be stale now
    assert cache.get("other") is not None  # and nothing else was pushed out for it


def test_a_forgotten_conversation_is_gone_and_frees_its_room():
    cache = EventCache(max_events=10)
    cache.put("a", window(6))
    cache.forget("a")
    cache.forget("never cached")
    assert cache.get("a") is None
    cache.put("b", window(5))
    cache.put("c", window(5))
    assert cached(cache, "b", "c") == ["b", "c"]


@pytest.fixture
def frequent_thread_switches():
    saved = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(saved)


def test_threads_using_the_cache_at_once_leave_its_count_of_events_right(frequent_thread_switches):
    cache = EventCache(max_events=50)
    start = threading.Barrier(8)
    errors: List[BaseException] = []

    def use(n: int) -> None:
        start.wait()
        try:
            for i in range(2000):
                sender = f"s{(n * 7 + i) % 20}"
                cache.put(sender, window(1 + i % 5))
                cache.get(sender)
                if i % 3 == 0:
                    cache.forget(f"s{i % 20}")
        except BaseException as e:  # reported below, in the test's thread
            errors.append(e)

    threads = [threading.Thread(target=use, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    # Whatever is left, the cache must still count exactly what it holds: emptied, it takes
    # max_events again (a count too high would push some out), and then not one more.
    for n in range(20):
        cache.forget(f"s{n}")
    for n in range(10):
        cache.put(f"full{n}", window(5))
    assert len(cached(cache, *(f"full{n}" for n in range(10)))) == 10
    cache.put("one more", window(1))
    assert cached(cache, "full0", "one more") == ["one more"]

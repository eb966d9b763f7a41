"""The knowledge base's answers, kept for a short while.

Every answer is a pure function of its arguments and the content, and the content changes
only when someone runs `python -m knowledge load`; a salary answer alone takes a dozen
queries. So the action server keeps each answer for `ttl_s` seconds: a content change goes
live within that time, with no restart. The user profiles are not in here (ProfileStore).
"""
import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Hashable, Tuple

from knowledge.repository import KnowledgeBase

DEFAULT_TTL_S = 30.0
MAX_ANSWERS = 4096


def _key(value: Any) -> Hashable:
    """A hashable stand-in for an argument (lists of ids become tuples, sets frozensets)."""
    if isinstance(value, (list, tuple)):
        return tuple(_key(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(_key(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _key(v)) for k, v in value.items()))
    return value


class CachedKnowledgeBase:
    """Answers like KnowledgeBase (same methods), from memory when asked in the last ttl_s seconds."""

    def __init__(self, kb: KnowledgeBase, ttl_s: float = DEFAULT_TTL_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._kb = kb
        self._ttl_s = ttl_s
        self._clock = clock
        self._answers: "OrderedDict[Tuple, Tuple[float, Any]]" = OrderedDict()
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._kb, name)
        if name.startswith("_") or not callable(method) or self._ttl_s <= 0:
            return method

        def answer(*args: Any, **kwargs: Any) -> Any:
            key = (name, _key(args), _key(kwargs))
            now = self._clock()
            with self._lock:
                hit = self._answers.get(key)
                if hit is not None and now - hit[0] < self._ttl_s:
                    self._answers.move_to_end(key)
                    return hit[1]
            value = method(*args, **kwargs)  # outside the lock: queries run in parallel threads
            with self._lock:
                self._answers[key] = (now, value)
                self._answers.move_to_end(key)
                while len(self._answers) > MAX_ANSWERS:
                    self._answers.popitem(last=False)
            return value

        return answer

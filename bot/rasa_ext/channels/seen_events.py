"""Which Slack deliveries were handled already, so a retry is not answered twice.

One Rasa server remembers them in memory. Several Rasa servers (a retry may reach any of
them) share them in Redis: each key is claimed with SET NX EX, an atomic "first one wins".
"""
from collections import OrderedDict
from typing import Iterable, Optional, Text

import redis

# Slack retries 3 times over about 5 minutes; an hour leaves room for clock and queue delays.
REMEMBER_S = 3600
REMEMBER_MAX = 4096  # in memory


class SeenInMemory:
    def __init__(self) -> None:
        self._seen: "OrderedDict[Text, None]" = OrderedDict()

    def seen_before(self, keys: Iterable[Optional[Text]]) -> bool:
        """Remembers the keys (a bounded LRU) and tells whether any was seen already."""
        present = [k for k in keys if k]
        seen = any(k in self._seen for k in present)
        for k in present:
            self._seen[k] = None
            self._seen.move_to_end(k)
        while len(self._seen) > REMEMBER_MAX:
            self._seen.popitem(last=False)
        return seen


class SeenInRedis:
    def __init__(self, url: Text, prefix: Text = "careerbot:slack-seen:") -> None:
        self._redis = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self._prefix = prefix

    def seen_before(self, keys: Iterable[Optional[Text]]) -> bool:
        """Claims every key; seen when another delivery claimed any of them first.
        A Redis failure raises: the caller answers an error and Slack retries later."""
        present = [k for k in keys if k]
        with self._redis.pipeline(transaction=False) as pipe:
            for k in present:
                pipe.set(self._prefix + k, 1, nx=True, ex=REMEMBER_S)
            claimed = pipe.execute()
        return not all(claimed)


def seen_events(redis_url: Optional[Text]) -> "SeenInMemory | SeenInRedis":
    return SeenInRedis(redis_url) if redis_url else SeenInMemory()

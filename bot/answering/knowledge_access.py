"""The action server's one KnowledgeBase."""
import os
from functools import lru_cache

from knowledge import KnowledgeBase
from knowledge.cache import DEFAULT_TTL_S, CachedKnowledgeBase


@lru_cache(maxsize=None)
def knowledge_base() -> KnowledgeBase:
    """One KnowledgeBase (and so one engine) per process; sessions are opened per query.
    Answers are kept CAREERBOT_KB_CACHE_SECONDS (default 30; 0: never) by knowledge.cache."""
    setting = os.environ.get("CAREERBOT_KB_CACHE_SECONDS", str(DEFAULT_TTL_S))
    try:
        ttl_s = float(setting)
    except ValueError:
        raise ValueError(f"CAREERBOT_KB_CACHE_SECONDS must be a number of seconds, not {setting!r}") from None
    return CachedKnowledgeBase(KnowledgeBase(), ttl_s)  # type: ignore[return-value]  # same methods

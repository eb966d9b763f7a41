"""The action server's one KnowledgeBase."""
from functools import lru_cache

from knowledge import KnowledgeBase
from knowledge.cache import CachedKnowledgeBase
from settings import load_settings


@lru_cache(maxsize=None)
def knowledge_base() -> KnowledgeBase:
    """One KnowledgeBase (and so one engine) per process; sessions are opened per query.
    Answers are kept CAREERBOT_KB_CACHE_SECONDS (default 30; 0: never) by knowledge.cache."""
    return CachedKnowledgeBase(KnowledgeBase(), load_settings().kb_cache_seconds)  # type: ignore[return-value]  # same methods

"""careerbot's knowledge base: the career guide as validated YAML content, a SQLAlchemy
store, and a query API (KnowledgeBase) returning plain dataclasses."""
from knowledge.errors import ContentError
from knowledge.repository import KnowledgeBase

__all__ = ["ContentError", "KnowledgeBase"]

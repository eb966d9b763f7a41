"""The one SQLAlchemy metadata of the application database: the knowledge base's tables
(knowledge/models.py) and the users' (userdata/models.py) share it, and one Alembic chain
(storage/migrations) migrates both."""
from sqlalchemy import MetaData
from sqlalchemy.orm import registry
from sqlalchemy.orm.decl_api import DeclarativeMeta

mapper_registry = registry()


class Base(metaclass=DeclarativeMeta):
    """What `declarative_base()` returns, spelt as a class so that type checkers accept it as
    a base class (SQLAlchemy 1.4's documented way without the mypy plugin)."""

    __abstract__ = True
    registry = mapper_registry
    metadata = mapper_registry.metadata
    __init__ = mapper_registry.constructor


def all_tables() -> MetaData:
    """The metadata with every table registered (importing the models registers them)."""
    import knowledge.models  # noqa: F401
    import userdata.models  # noqa: F401

    return Base.metadata

"""The one SQLAlchemy metadata of the application database: the knowledge base's tables
(knowledge/models.py) and the users' (userdata/models.py) share it, and one Alembic chain
(storage/migrations) migrates both."""
from sqlalchemy import MetaData
from sqlalchemy.orm import declarative_base

Base = declarative_base()


def all_tables() -> MetaData:
    """The metadata with every table registered (importing the models registers them)."""
    import knowledge.models  # noqa: F401
    import userdata.models  # noqa: F401

    return Base.metadata

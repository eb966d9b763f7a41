"""Writes validated content into the database in one transaction, idempotently."""
from dataclasses import dataclass, field
from typing import Dict

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge import models
from knowledge.content import Content
from knowledge.rows import content_rows
from storage import migrate


@dataclass
class LoadReport:
    inserted: Dict[str, int] = field(default_factory=dict)
    updated: Dict[str, int] = field(default_factory=dict)
    deleted: Dict[str, int] = field(default_factory=dict)

    @property
    def changes(self) -> int:
        return sum(self.inserted.values()) + sum(self.updated.values()) + sum(self.deleted.values())


def create_schema(engine: Engine) -> None:
    migrate.upgrade(engine)


def load(content: Content, engine: Engine) -> LoadReport:
    """Upserts every row and deletes rows no longer in the content; all or nothing."""
    create_schema(engine)
    wanted = content_rows(content)
    report = LoadReport()
    with Session(engine, future=True) as session, session.begin():
        existing = {table: {row.id: row for row in session.execute(select(table)).scalars()} for table in wanted}
        # Parents are written before children and stale rows deleted children-first, so a
        # foreign key never points at a missing row (renaming an id works in one load).
        for table in models.TABLES_IN_LOAD_ORDER:
            inserted = updated = 0
            for values in wanted[table]:
                row = existing[table].get(values["id"])
                if row is None:
                    session.add(table(**values))
                    inserted += 1
                elif any(getattr(row, key) != value for key, value in values.items()):
                    for key, value in values.items():
                        setattr(row, key, value)
                    updated += 1
            report.inserted[table.__tablename__] = inserted
            report.updated[table.__tablename__] = updated
            session.flush()
        for table in reversed(models.TABLES_IN_LOAD_ORDER):
            keep = {row["id"] for row in wanted[table]}
            stale = [row for row_id, row in existing[table].items() if row_id not in keep]
            for row in stale:
                session.delete(row)
            report.deleted[table.__tablename__] = len(stale)
            session.flush()
    if engine.dialect.name == "sqlite":  # the database file alone holds the whole load (copies, backups)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return report


def table_counts(engine: Engine) -> Dict[str, int]:
    """Rows per knowledge-base table; reads only (a missing table is an error, not created)."""
    missing = [t.__tablename__ for t in models.TABLES_IN_LOAD_ORDER if not inspect(engine).has_table(t.__tablename__)]
    if missing:
        what = "knowledge base" if len(missing) == len(models.TABLES_IN_LOAD_ORDER) else f"{', '.join(missing)} table"
        raise LookupError(f"the database has no {what}: run `python -m knowledge load` first")
    with Session(engine, future=True) as session:
        return {
            table.__tablename__: session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in models.TABLES_IN_LOAD_ORDER
        }

"""Alembic environment: migrations run on the connection storage.migrate hands over."""
from alembic import context

from storage.tables import all_tables

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=all_tables(), render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

"""which portfolio example suits an interest (portfolio.yml example_for)

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # rows loaded before this revision get an empty mapping until the next load
    op.add_column('kb_portfolio_topics', sa.Column('example_for', sa.JSON(), nullable=False, server_default='{}'))


def downgrade() -> None:
    with op.batch_alter_table('kb_portfolio_topics') as batch:  # SQLite cannot drop a column in place
        batch.drop_column('example_for')

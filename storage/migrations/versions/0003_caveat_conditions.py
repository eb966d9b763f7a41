"""when a salary caveat applies

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('kb_passages', sa.Column('applies', sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('kb_passages') as batch:  # SQLite cannot drop a column in place
        batch.drop_column('applies')

"""answer ratings and the unanswered log (issue 14)

Revision ID: 0007
Revises: 0006

Both name the conversation by a keyed hash of its id (HMAC-SHA256 with CAREERBOT_LOG_KEY), never
the id itself; "forget me" deletes a user's rows by that hash, and rows older than
CAREERBOT_LOG_DAYS are deleted (userdata/feedback.py).
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('answer_ratings',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('answer_id', sa.String(length=32), nullable=False),
    sa.Column('conversation_hash', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('topic', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('rating', sa.String(length=4), nullable=False),
    sa.Column('comment', sa.String(length=200), nullable=True),
    sa.Column('rated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("rating IN ('up', 'down')", name='ck_answer_ratings_rating'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conversation_hash', 'answer_id')
    )
    with op.batch_alter_table('answer_ratings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answer_ratings_conversation_hash'), ['conversation_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_answer_ratings_rated_at'), ['rated_at'], unique=False)

    op.create_table('unanswered_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('conversation_hash', sa.String(length=64), nullable=False),
    sa.Column('answer_id', sa.String(length=32), nullable=True),
    sa.Column('logged_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('did_you_mean', 'rephrase', 'not_covered', 'out_of_scope', 'thumbs_down')",
                       name='ck_unanswered_log_kind'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('unanswered_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unanswered_log_conversation_hash'), ['conversation_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_unanswered_log_logged_at'), ['logged_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('unanswered_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unanswered_log_logged_at'))
        batch_op.drop_index(batch_op.f('ix_unanswered_log_conversation_hash'))
    op.drop_table('unanswered_log')
    with op.batch_alter_table('answer_ratings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answer_ratings_rated_at'))
        batch_op.drop_index(batch_op.f('ix_answer_ratings_conversation_hash'))
    op.drop_table('answer_ratings')

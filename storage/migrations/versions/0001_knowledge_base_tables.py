"""knowledge base tables

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('kb_aliases',
    sa.Column('id', sa.String(length=160), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('alias', sa.String(length=120), nullable=False),
    sa.Column('target_id', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'alias')
    )
    op.create_table('kb_faqs',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('short_answer', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_sections',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_skill_groups',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_backgrounds',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('months_min', sa.Integer(), nullable=False),
    sa.Column('months_max', sa.Integer(), nullable=False),
    sa.Column('wording', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_career_levels',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('min_years', sa.Integer(), nullable=False),
    sa.Column('max_years', sa.Integer(), nullable=True),
    sa.Column('scope', sa.JSON(), nullable=False),
    sa.Column('advice', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_company_types',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('premium_min_pct', sa.Float(), nullable=True),
    sa.Column('premium_max_pct', sa.Float(), nullable=True),
    sa.Column('wording', sa.Text(), nullable=False),
    sa.Column('upside_note', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_education_paths',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('duration_min_months', sa.Integer(), nullable=True),
    sa.Column('duration_max_months', sa.Integer(), nullable=True),
    sa.Column('cost_note', sa.Text(), nullable=False),
    sa.Column('majors', sa.JSON(), nullable=False),
    sa.Column('programs', sa.JSON(), nullable=False),
    sa.Column('platforms', sa.JSON(), nullable=False),
    sa.Column('pros', sa.JSON(), nullable=False),
    sa.Column('cons', sa.JSON(), nullable=False),
    sa.Column('advice', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_facts',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('wording', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_faq_answers',
    sa.Column('id', sa.String(length=60), nullable=False),
    sa.Column('faq_id', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['faq_id'], ['kb_faqs.id'], ),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_learning_steps',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('prerequisites', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_location_tiers',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('premium_min_pct', sa.Float(), nullable=True),
    sa.Column('premium_max_pct', sa.Float(), nullable=True),
    sa.Column('wording', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_passages',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('topic', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('kb_passages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kb_passages_topic'), ['topic'], unique=False)

    op.create_table('kb_portfolio_topics',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('project_count_min', sa.Integer(), nullable=True),
    sa.Column('project_count_max', sa.Integer(), nullable=True),
    sa.Column('examples', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_roles',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('median_salary', sa.Integer(), nullable=False),
    sa.Column('focus', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_skill_categories',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_specializations',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_locations',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('tier_id', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['tier_id'], ['kb_location_tiers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_salary_bands',
    sa.Column('id', sa.String(length=60), nullable=False),
    sa.Column('level_id', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('min_usd', sa.Integer(), nullable=False),
    sa.Column('max_usd', sa.Integer(), nullable=True),
    sa.Column('wording', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['level_id'], ['kb_career_levels.id'], ),
    sa.ForeignKeyConstraint(['source'], ['kb_sections.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('kb_skills',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('category_id', sa.String(length=40), nullable=False),
    sa.Column('learning_step_id', sa.String(length=40), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('group_id', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['category_id'], ['kb_skill_categories.id'], ),
    sa.ForeignKeyConstraint(['group_id'], ['kb_skill_groups.id'], ),
    sa.ForeignKeyConstraint(['learning_step_id'], ['kb_learning_steps.id'], ),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('kb_skills')
    op.drop_table('kb_salary_bands')
    op.drop_table('kb_locations')
    op.drop_table('kb_specializations')
    op.drop_table('kb_skill_categories')
    op.drop_table('kb_roles')
    op.drop_table('kb_portfolio_topics')
    with op.batch_alter_table('kb_passages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kb_passages_topic'))

    op.drop_table('kb_passages')
    op.drop_table('kb_location_tiers')
    op.drop_table('kb_learning_steps')
    op.drop_table('kb_faq_answers')
    op.drop_table('kb_facts')
    op.drop_table('kb_education_paths')
    op.drop_table('kb_company_types')
    op.drop_table('kb_career_levels')
    op.drop_table('kb_backgrounds')
    op.drop_table('kb_skill_groups')
    op.drop_table('kb_sections')
    op.drop_table('kb_faqs')
    op.drop_table('kb_aliases')

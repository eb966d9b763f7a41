"""SQLAlchemy tables of the knowledge base (2.0-style declarative, runs on 1.4)."""
from sqlalchemy import JSON, Boolean, Column, Float, ForeignKey, Integer, String, Text, UniqueConstraint

from storage.tables import Base


def source_column() -> Column:
    return Column(String(40), ForeignKey("kb_sections.id"), nullable=False)


class Section(Base):
    __tablename__ = "kb_sections"
    id = Column(String(40), primary_key=True)
    title = Column(Text, nullable=False)
    position = Column(Integer, nullable=False)


class Passage(Base):
    """A piece of guide text that is not a structured record (advice, notes, caveats)."""

    __tablename__ = "kb_passages"
    id = Column(String(80), primary_key=True)
    topic = Column(String(40), nullable=False, index=True)
    position = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)
    items = Column(JSON, nullable=False)
    # When a caveat applies (knowledge.schema.Caveat.applies); None for other passages.
    applies = Column(String(20), nullable=True)
    source = source_column()


class Fact(Base):
    """A single number the guide states (job growth, median salary)."""

    __tablename__ = "kb_facts"
    id = Column(String(80), primary_key=True)
    value = Column(Float, nullable=False)
    unit = Column(String(20), nullable=False)
    wording = Column(Text, nullable=False)
    source = source_column()


class Role(Base):
    __tablename__ = "kb_roles"
    id = Column(String(40), primary_key=True)
    name = Column(String(80), nullable=False)
    median_salary = Column(Integer, nullable=False)
    focus = Column(Text, nullable=False)
    summary = Column(Text, nullable=False)
    source = source_column()


class LearningStep(Base):
    __tablename__ = "kb_learning_steps"
    id = Column(String(40), primary_key=True)
    position = Column(Integer, nullable=False)
    name = Column(String(80), nullable=False)
    summary = Column(Text, nullable=False)
    prerequisites = Column(JSON, nullable=False)
    source = source_column()


class SkillCategory(Base):
    __tablename__ = "kb_skill_categories"
    id = Column(String(40), primary_key=True)
    position = Column(Integer, nullable=False)
    name = Column(String(80), nullable=False)
    summary = Column(Text, nullable=False)
    source = source_column()


class Skill(Base):
    __tablename__ = "kb_skills"
    id = Column(String(40), primary_key=True)
    position = Column(Integer, nullable=False)
    name = Column(String(80), nullable=False)
    category_id = Column(String(40), ForeignKey("kb_skill_categories.id"), nullable=False)
    learning_step_id = Column(String(40), ForeignKey("kb_learning_steps.id"), nullable=False)
    required = Column(Boolean, nullable=False)
    note = Column(Text)
    group_id = Column(String(40), ForeignKey("kb_skill_groups.id"))


class SkillGroup(Base):
    """Skills of which knowing one is enough (one production language, one cloud)."""

    __tablename__ = "kb_skill_groups"
    id = Column(String(40), primary_key=True)
    note = Column(Text, nullable=False)


class EducationPath(Base):
    __tablename__ = "kb_education_paths"
    id = Column(String(40), primary_key=True)
    position = Column(Integer, nullable=False)
    name = Column(String(80), nullable=False)
    duration_min_months = Column(Integer)
    duration_max_months = Column(Integer)
    cost_note = Column(Text, nullable=False)
    majors = Column(JSON, nullable=False)
    programs = Column(JSON, nullable=False)
    platforms = Column(JSON, nullable=False)
    pros = Column(JSON, nullable=False)
    cons = Column(JSON, nullable=False)
    advice = Column(Text, nullable=False)
    source = source_column()


class CareerLevel(Base):
    __tablename__ = "kb_career_levels"
    id = Column(String(40), primary_key=True)
    position = Column(Integer, nullable=False)
    name = Column(String(80), nullable=False)
    min_years = Column(Integer, nullable=False)
    max_years = Column(Integer)
    scope = Column(JSON, nullable=False)
    advice = Column(Text)
    source = source_column()


class SalaryBand(Base):
    __tablename__ = "kb_salary_bands"
    id = Column(String(60), primary_key=True)
    level_id = Column(String(40), ForeignKey("kb_career_levels.id"), nullable=False)
    position = Column(Integer, nullable=False)
    min_usd = Column(Integer, nullable=False)
    max_usd = Column(Integer)
    wording = Column(Text, nullable=False)
    source = source_column()


class LocationTier(Base):
    __tablename__ = "kb_location_tiers"
    id = Column(String(40), primary_key=True)
    name = Column(String(120), nullable=False)
    premium_min_pct = Column(Float)
    premium_max_pct = Column(Float)
    wording = Column(Text, nullable=False)
    source = source_column()


class Location(Base):
    __tablename__ = "kb_locations"
    id = Column(String(40), primary_key=True)
    name = Column(String(80), nullable=False)
    tier_id = Column(String(40), ForeignKey("kb_location_tiers.id"), nullable=False)


class CompanyType(Base):
    __tablename__ = "kb_company_types"
    id = Column(String(40), primary_key=True)
    name = Column(String(80), nullable=False)
    premium_min_pct = Column(Float)
    premium_max_pct = Column(Float)
    wording = Column(Text, nullable=False)
    upside_note = Column(Text)
    source = source_column()


class Specialization(Base):
    __tablename__ = "kb_specializations"
    id = Column(String(40), primary_key=True)
    name = Column(String(80), nullable=False)
    source = source_column()


class Background(Base):
    __tablename__ = "kb_backgrounds"
    id = Column(String(40), primary_key=True)
    name = Column(String(80), nullable=False)
    months_min = Column(Integer, nullable=False)
    months_max = Column(Integer, nullable=False)
    wording = Column(Text, nullable=False)
    source = source_column()


class PortfolioTopic(Base):
    __tablename__ = "kb_portfolio_topics"
    id = Column(String(40), primary_key=True)
    position = Column(Integer, nullable=False)
    name = Column(String(80), nullable=False)
    text = Column(Text, nullable=False)
    project_count_min = Column(Integer)
    project_count_max = Column(Integer)
    examples = Column(JSON, nullable=False)
    # specialization id -> the example that suits an interest in it (migration 0006)
    example_for = Column(JSON, nullable=False)
    source = source_column()


class Faq(Base):
    __tablename__ = "kb_faqs"
    id = Column(String(40), primary_key=True)
    question = Column(Text, nullable=False)
    short_answer = Column(Text, nullable=False)


class FaqAnswer(Base):
    __tablename__ = "kb_faq_answers"
    id = Column(String(60), primary_key=True)
    faq_id = Column(String(40), ForeignKey("kb_faqs.id"), nullable=False)
    position = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)
    source = source_column()


class NotCovered(Base):
    """A question the guide does not answer (not_covered.yml); what the guide says nearby is
    the passage `not_covered.<id>`."""

    __tablename__ = "kb_not_covered"
    id = Column(String(40), primary_key=True)
    position = Column(Integer, nullable=False)
    topic = Column(Text, nullable=False)
    triggers = Column(JSON, nullable=False)
    context = Column(JSON, nullable=False)
    instead = Column(JSON, nullable=False)


class Alias(Base):
    """A way users name a thing, mapped to its id: ('location', 'sf') -> 'bay_area'."""

    __tablename__ = "kb_aliases"
    __table_args__ = (UniqueConstraint("kind", "alias"),)
    id = Column(String(160), primary_key=True)
    kind = Column(String(40), nullable=False)
    alias = Column(String(120), nullable=False)
    target_id = Column(String(40), nullable=False)


# Parents before children: the loader inserts in this order and deletes in reverse.
TABLES_IN_LOAD_ORDER = [
    Section, Passage, Fact, Role, LearningStep, SkillCategory, SkillGroup, Skill,
    EducationPath, CareerLevel, SalaryBand, LocationTier, Location, CompanyType,
    Specialization, Background, PortfolioTopic, Faq, FaqAnswer, NotCovered, Alias,
]

"""Plain typed results of the query API. No ORM rows leave the knowledge package."""
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple


@dataclass(frozen=True)
class Unknown:
    """The caller named something the knowledge base does not have."""

    kind: str
    value: str
    known: List[str]


@dataclass(frozen=True)
class Sourced:
    text: str
    source: str


@dataclass(frozen=True)
class RoleOverview:
    summary: str
    duties: List[str]
    intersection: str
    source: str


@dataclass(frozen=True)
class RoleInfo:
    id: str
    name: str
    median_salary: int
    focus: str
    summary: str
    source: str


@dataclass(frozen=True)
class RoleComparison:
    first: RoleInfo
    second: RoleInfo
    higher_paid: Optional[RoleInfo]
    difference_usd: int
    faq: Optional["FaqAnswer"]


@dataclass(frozen=True)
class LearningStepInfo:
    id: str
    position: int
    name: str
    summary: str
    prerequisites: List[str]
    source: str


@dataclass(frozen=True)
class LearningPlan:
    steps: List[LearningStepInfo]
    done: List[LearningStepInfo]
    remaining: List[LearningStepInfo]
    next_step: Optional[LearningStepInfo]
    advice: Sourced


@dataclass(frozen=True)
class SkillInfo:
    id: str
    name: str
    category_id: str
    category_name: str
    learning_step_id: str
    learning_step_name: str
    required: bool
    note: Optional[str]
    group_id: Optional[str]


@dataclass(frozen=True)
class SkillCategoryInfo:
    id: str
    name: str
    summary: str
    skills: List[SkillInfo]
    source: str


@dataclass(frozen=True)
class SkillGap:
    known: List[SkillInfo]
    missing: List[SkillInfo]
    # Missing skills grouped by the learning step that covers them, in step order.
    by_step: List[Tuple[LearningStepInfo, List[SkillInfo]]]
    # Notes of the one-of groups ("one cloud platform") that no known skill covers yet.
    alternatives: List[Sourced]


@dataclass(frozen=True)
class EducationPathInfo:
    id: str
    name: str
    duration_min_months: Optional[int]
    duration_max_months: Optional[int]
    cost_note: str
    majors: List[str]
    programs: List[str]
    platforms: List[str]
    pros: List[str]
    cons: List[str]
    advice: str
    source: str


@dataclass(frozen=True)
class SalaryBandInfo:
    min_usd: int
    max_usd: Optional[int]
    wording: str
    source: str


@dataclass(frozen=True)
class CareerLevelInfo:
    id: str
    position: int
    name: str
    min_years: int
    max_years: Optional[int]
    scope: List[str]
    advice: Optional[str]
    salary_bands: List[SalaryBandInfo]
    source: str


@dataclass(frozen=True)
class Adjustment:
    """One factor applied to a base salary; min_pct/max_pct None = named but not quantified."""

    factor: str
    name: str
    min_pct: Optional[float]
    max_pct: Optional[float]
    wording: str
    source: str
    # For a location: its tier (e.g. "outside_us": the guide's figures do not apply there).
    tier: Optional[str] = None


@dataclass(frozen=True)
class LocationTierInfo:
    """A group of places the guide gives one location premium for (or says it has none)."""

    id: str
    name: str
    min_pct: Optional[float]
    max_pct: Optional[float]
    wording: str
    source: str


@dataclass(frozen=True)
class SalaryRange:
    low_usd: int
    high_usd: Optional[int]  # None: open-ended ("exceeds")
    base: SalaryBandInfo


@dataclass(frozen=True)
class SalaryEstimate:
    level: Optional[CareerLevelInfo]
    location: Optional[str]
    company_type: Optional[str]
    specialization: Optional[str]
    ranges: List[SalaryRange]
    adjustments: List[Adjustment]
    caveats: List[Sourced]
    unknown: List[Unknown] = field(default_factory=list)


@dataclass(frozen=True)
class BackgroundInfo:
    id: str
    name: str
    months_min: int
    months_max: int
    wording: str
    source: str


@dataclass(frozen=True)
class TimeToReady:
    background: Optional[BackgroundInfo]
    options: List[BackgroundInfo]
    note: Sourced


@dataclass(frozen=True)
class FaqAnswer:
    id: str
    question: str
    short_answer: str
    answers: List[Sourced]
    # Statements of the answer replies use on their own, by id ("research_roles": who a PhD helps).
    points: Dict[str, Sourced] = field(default_factory=dict)


@dataclass(frozen=True)
class NotCoveredTopic:
    """A question the guide does not answer: its wording (`topic` completes "The guide doesn't
    cover ..."), how to spot it, what the guide says nearby, and covered topics to offer instead."""

    id: str
    topic: str
    triggers: List[str]
    context: List[str]
    instead: List[str]
    guide_says: Optional[Sourced]


@dataclass(frozen=True)
class PortfolioTopicInfo:
    id: str
    name: str
    text: str
    project_count_min: Optional[int]
    project_count_max: Optional[int]
    examples: List[str]
    source: str
    # specialization id -> the example that suits an interest in it
    example_for: Dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PortfolioAdvice:
    intro: Sourced
    topics: List[PortfolioTopicInfo]


@dataclass(frozen=True)
class JobOutlook:
    growth_pct: float
    through_year: int
    median_salary: int
    wording: str
    demand: Sourced
    ai_resistance: Sourced
    # "one of the fastest-growing and highest-paying tech careers"
    standing: Sourced
    # "challenging but deeply rewarding ... an excellent career choice"
    verdict: Sourced


@dataclass(frozen=True)
class VocabularyEntry:
    kind: str
    id: str
    name: str
    aliases: List[str]

"""The shape of every content file under knowledge/content/, as pydantic models.

Field-level rules (types, required fields, ranges) live here; rules that span
records or files (references, duplicates) live in content.py.
"""
from typing import Dict, List, Literal, Optional

from pydantic import BaseModel, Extra, Field, root_validator, validator

Money = Field(..., gt=0, description="US dollars per year")


class Strict(BaseModel):
    class Config:
        extra = Extra.forbid
        anystr_strip_whitespace = True
        min_anystr_length = 1


class Sourced(Strict):
    source: str


class Named(Sourced):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    name: str


class Aliased(Named):
    aliases: List[str] = Field(..., min_items=1)


class Passage(Sourced):
    text: str


class BackgroundNote(Passage):
    """What an answer adds for one programming background (an id of time_to_ready.yml)."""

    background: str


def one_note_per_background(notes: List[BackgroundNote]) -> List[BackgroundNote]:
    backgrounds = [n.background for n in notes]
    if len(set(backgrounds)) != len(backgrounds):
        raise ValueError(f"more than one note for a background in {backgrounds}")
    return notes


class PercentRange(Strict):
    premium_min_pct: Optional[float] = Field(None, ge=0)
    premium_max_pct: Optional[float] = Field(None, ge=0)

    @root_validator(skip_on_failure=True)
    def _ordered(cls, values):
        low, high = values.get("premium_min_pct"), values.get("premium_max_pct")
        if (low is None) != (high is None):
            raise ValueError("premium_min_pct and premium_max_pct must both be set or both be null")
        if low is not None and low > high:
            raise ValueError(f"premium range is inverted: {low}% > {high}%")
        return values


# sections.yml
class Section(Strict):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    title: str


class SectionsFile(Strict):
    version: int
    sections: List[Section] = Field(..., min_items=1)


# role.yml
class Overview(Sourced):
    summary: str
    duties: List[str] = Field(..., min_items=1)
    intersection: str


class RoleFile(Strict):
    version: int
    overview: Overview
    for_background: List[BackgroundNote] = []

    _one_note_per_background = validator("for_background", allow_reuse=True)(one_note_per_background)


# roles.yml
class Role(Aliased):
    median_salary: int = Money
    focus: str
    summary: str


class RolesFile(Strict):
    version: int
    roles: List[Role] = Field(..., min_items=1)


# learning_path.yml
class LearningStep(Aliased):
    position: int = Field(..., ge=1)
    summary: str
    prerequisites: List[str]


class LearningPathFile(Strict):
    version: int
    steps: List[LearningStep] = Field(..., min_items=1)
    advice: Passage


# skills.yml
class Skill(Strict):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    name: str
    aliases: List[str] = Field(..., min_items=1)
    required: bool
    note: Optional[str] = None
    learning_step: str


class SkillCategory(Aliased):
    summary: str
    skills: List[Skill] = Field(..., min_items=1)


class SkillGroup(Strict):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    skills: List[str] = Field(..., min_items=2)
    note: str


class SkillsFile(Strict):
    version: int
    categories: List[SkillCategory] = Field(..., min_items=1)
    one_of: List[SkillGroup] = []


# education.yml
class EducationPath(Aliased):
    duration_min_months: Optional[int] = Field(None, gt=0)
    duration_max_months: Optional[int] = Field(None, gt=0)
    cost_note: str
    majors: List[str]
    programs: List[str]
    platforms: List[str]
    pros: List[str] = Field(..., min_items=1)
    cons: List[str] = Field(..., min_items=1)
    advice: str

    @root_validator(skip_on_failure=True)
    def _ordered(cls, values):
        low, high = values.get("duration_min_months"), values.get("duration_max_months")
        if low is not None and high is not None and low > high:
            raise ValueError(f"duration range is inverted: {low} > {high} months")
        return values


class EducationFile(Strict):
    version: int
    advice: Passage
    paths: List[EducationPath] = Field(..., min_items=1)
    for_background: List[BackgroundNote] = []

    _one_note_per_background = validator("for_background", allow_reuse=True)(one_note_per_background)


# career_levels.yml
class SalaryBand(Sourced):
    min: int = Money
    max: Optional[int] = Field(None, gt=0)
    wording: str

    @root_validator(skip_on_failure=True)
    def _ordered(cls, values):
        if values.get("max") is not None and values["min"] > values["max"]:
            raise ValueError(f"salary range is inverted: min {values['min']} > max {values['max']}")
        return values


class CareerLevel(Aliased):
    position: int = Field(..., ge=1)
    min_years: int = Field(..., ge=0)
    max_years: Optional[int] = Field(None, ge=0)
    scope: List[str] = Field(..., min_items=1)
    advice: Optional[str] = None
    salary_bands: List[SalaryBand]

    @root_validator(skip_on_failure=True)
    def _ordered(cls, values):
        if values.get("max_years") is not None and values["min_years"] > values["max_years"]:
            raise ValueError("years range is inverted")
        return values


class CareerLevelsFile(Strict):
    version: int
    levels: List[CareerLevel] = Field(..., min_items=1)
    progression_advice: Passage


# salary_factors.yml
class Median(Sourced):
    role: str
    amount: int = Money
    wording: str


class LocationTier(PercentRange):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    name: str
    wording: str
    source: str


class Location(Strict):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    name: str
    tier: str
    aliases: List[str] = Field(..., min_items=1)


class CompanyType(PercentRange):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    name: str
    aliases: List[str] = Field(..., min_items=1)
    wording: str
    upside_note: Optional[str] = None
    source: str


class Specialization(Aliased):
    pass


class Wording(Sourced):
    wording: str


class PremiumBaselines(Strict):
    """What the location and the company premiums are measured against, in the guide's words."""

    location: Passage
    company_type: Passage


class Caveat(Passage):
    # always; only when the guide gives two figures for the level; only when a premium was added
    applies: Literal["always", "two_figures", "with_premium"] = "always"


class SalaryFactorsFile(Strict):
    version: int
    median: Median
    location_tiers: List[LocationTier] = Field(..., min_items=1)
    locations: List[Location] = Field(..., min_items=1)
    company_types: List[CompanyType] = Field(..., min_items=1)
    specializations: List[Specialization] = Field(..., min_items=1)
    specialization_premium: Wording
    remote_work: Wording
    premium_baselines: PremiumBaselines
    caveats: List[Caveat]


# outlook.yml
class JobGrowth(Sourced):
    growth_pct: float = Field(..., gt=0)
    through_year: int = Field(..., ge=2000)
    wording: str
    # what the growth and the pay make of the role, in the words of `wording`
    standing: str
    demand: Passage


class OutlookFile(Strict):
    version: int
    job_growth: JobGrowth
    ai_resistance: Wording
    # the guide's own verdict on the career ("challenging but deeply rewarding")
    verdict: Passage


# time_to_ready.yml
class Background(Aliased):
    months_min: int = Field(..., gt=0)
    months_max: int = Field(..., gt=0)
    wording: str

    @root_validator(skip_on_failure=True)
    def _ordered(cls, values):
        if values["months_min"] > values["months_max"]:
            raise ValueError("months range is inverted")
        return values


class TimeToReadyFile(Strict):
    version: int
    backgrounds: List[Background] = Field(..., min_items=1)
    note: Passage


# portfolio.yml
class PortfolioTopic(Named):
    text: str
    project_count_min: Optional[int] = Field(None, gt=0)
    project_count_max: Optional[int] = Field(None, gt=0)
    examples: List[str]
    # specialization id (salary_factors.yml) -> the example that suits an interest in it
    example_for: Dict[str, str] = {}

    @root_validator(skip_on_failure=True)
    def _examples_known(cls, values):
        for interest, example in values.get("example_for", {}).items():
            if example not in values.get("examples", []):
                raise ValueError(f"example_for.{interest}: '{example}' is not one of the examples")
        return values


class PortfolioFile(Strict):
    version: int
    intro: Passage
    topics: List[PortfolioTopic] = Field(..., min_items=1)


# faq.yml
class FaqPoint(Passage):
    """One statement of an answer that replies use on its own (e.g. who a PhD helps)."""

    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")


class FaqEntry(Strict):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    question: str
    short_answer: str
    answers: List[Passage] = Field(..., min_items=1)
    points: List[FaqPoint] = []

    @validator("points")
    def _unique_points(cls, points):
        ids = [p.id for p in points]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate point id in {ids}")
        return points


class FaqFile(Strict):
    version: int
    faqs: List[FaqEntry] = Field(..., min_items=1)


# not_covered.yml
class NotCoveredTopic(Strict):
    """A question the guide does not answer: how to spot it, what to say, what to offer instead."""

    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    topic: str  # completes "The guide I'm built from doesn't cover ..."
    triggers: List[str] = Field(..., min_items=1)
    context: List[str] = []  # when given, a trigger counts only next to one of these
    guide_says: Optional[Passage] = None
    instead: List[str] = Field(..., min_items=1, max_items=3)  # covered topics (content.covered_topics)


class NotCoveredFile(Strict):
    version: int
    topics: List[NotCoveredTopic] = Field(..., min_items=1)


FILES = {
    "sections.yml": SectionsFile,
    "role.yml": RoleFile,
    "roles.yml": RolesFile,
    "learning_path.yml": LearningPathFile,
    "skills.yml": SkillsFile,
    "education.yml": EducationFile,
    "career_levels.yml": CareerLevelsFile,
    "salary_factors.yml": SalaryFactorsFile,
    "outlook.yml": OutlookFile,
    "time_to_ready.yml": TimeToReadyFile,
    "portfolio.yml": PortfolioFile,
    "faq.yml": FaqFile,
    "not_covered.yml": NotCoveredFile,
}

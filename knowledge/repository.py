"""The knowledge query API: one repository class, one short-lived session per query."""
from typing import Dict, Iterable, List, Optional, Union

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge import models as m
from knowledge.results import (
    Adjustment,
    BackgroundInfo,
    CareerLevelInfo,
    EducationPathInfo,
    FaqAnswer,
    JobOutlook,
    LearningPlan,
    LearningStepInfo,
    LocationTierInfo,
    NotCoveredTopic,
    PortfolioAdvice,
    PortfolioTopicInfo,
    RoleComparison,
    RoleInfo,
    RoleOverview,
    SalaryBandInfo,
    SalaryEstimate,
    SalaryRange,
    SkillCategoryInfo,
    SkillGap,
    SkillInfo,
    Sourced,
    TimeToReady,
    Unknown,
    VocabularyEntry,
)
from knowledge.salary import apply_adjustments
from storage.engine import get_engine

# Entity kinds and the table whose `name` column names their ids.
NAMED_TABLES = {
    "level": m.CareerLevel,
    "location": m.Location,
    "company_type": m.CompanyType,
    "specialization": m.Specialization,
    "skill": m.Skill,
    "skill_category": m.SkillCategory,
    "learning_step": m.LearningStep,
    "role": m.Role,
    "education_path": m.EducationPath,
    "background": m.Background,
}


class KnowledgeBase:
    def __init__(self, engine: Optional[Engine] = None) -> None:
        self._engine = engine or get_engine()

    def _session(self) -> Session:
        return Session(self._engine, future=True)

    # --- names and aliases -------------------------------------------------
    def resolve(self, kind: str, text: str) -> Optional[str]:
        """The id a user's wording refers to ('sf' -> 'bay_area'), an id itself, or None."""
        if kind not in NAMED_TABLES or not text:
            return None
        key = text.strip().lower()
        with self._session() as s:
            table = NAMED_TABLES[kind]
            if s.get(table, key) is not None:
                return key
            return s.execute(
                select(m.Alias.target_id).where(m.Alias.kind == kind, m.Alias.alias == key)
            ).scalar_one_or_none()

    def names(self, kind: str) -> Dict[str, str]:
        table = NAMED_TABLES[kind]
        with self._session() as s:
            return {row.id: row.name for row in s.execute(select(table)).scalars()}

    def vocabulary(self) -> List[VocabularyEntry]:
        with self._session() as s:
            aliases: Dict[tuple, List[str]] = {}
            for a in s.execute(select(m.Alias).order_by(m.Alias.id)).scalars():
                aliases.setdefault((a.kind, a.target_id), []).append(a.alias)
        entries = []
        for kind in NAMED_TABLES:
            for entry_id, name in self.names(kind).items():
                entries.append(VocabularyEntry(kind, entry_id, name, aliases.get((kind, entry_id), [])))
        return entries

    def _unknown(self, kind: str, value: str) -> Unknown:
        return Unknown(kind, value, sorted(self.names(kind).values()))

    # --- the role ------------------------------------------------------------
    def role_overview(self) -> RoleOverview:
        with self._session() as s:
            ov = s.get(m.Passage, "role.overview")
            inter = s.get(m.Passage, "role.intersection")
            return RoleOverview(ov.text, list(ov.items), inter.text, self._title(s, ov.source))

    def role(self, role: str) -> Union[RoleInfo, Unknown]:
        role_id = self.resolve("role", role)
        with self._session() as s:
            row = s.get(m.Role, role_id) if role_id else None
            return _role(row, self._title(s, row.source)) if row else self._unknown("role", role)

    def roles(self) -> List[RoleInfo]:
        with self._session() as s:
            rows = s.execute(select(m.Role).order_by(m.Role.median_salary.desc())).scalars().all()
            return [_role(r, self._title(s, r.source)) for r in rows]

    def compare_roles(self, first: str, second: str = "ml_engineer") -> Union[RoleComparison, Unknown]:
        a, b = self.role(first), self.role(second)
        if isinstance(a, Unknown):
            return a
        if isinstance(b, Unknown):
            return b
        higher = None if a.median_salary == b.median_salary else max((a, b), key=lambda r: r.median_salary)
        faq = self.faq("mle_vs_ds") if {a.id, b.id} == {"ml_engineer", "data_scientist"} else None
        return RoleComparison(a, b, higher, abs(a.median_salary - b.median_salary),
                              faq if isinstance(faq, FaqAnswer) else None)

    # --- skills and learning ---------------------------------------------------
    def skill_categories(self) -> List[SkillCategoryInfo]:
        skills = self._skills()
        with self._session() as s:
            cats = s.execute(select(m.SkillCategory).order_by(m.SkillCategory.position)).scalars().all()
            return [
                SkillCategoryInfo(c.id, c.name, c.summary, [k for k in skills if k.category_id == c.id],
                                  self._title(s, c.source))
                for c in cats
            ]

    def skill_category(self, category: str) -> Union[SkillCategoryInfo, Unknown]:
        cat_id = self.resolve("skill_category", category)
        for cat in self.skill_categories():
            if cat.id == cat_id:
                return cat
        return self._unknown("skill_category", category)

    def skills_for_step(self, step: str) -> Union[List[SkillInfo], Unknown]:
        step_id = self.resolve("learning_step", step)
        if step_id is None:
            return self._unknown("learning_step", step)
        return [k for k in self._skills() if k.learning_step_id == step_id]

    def skill_gap(self, known_skills: Iterable[str]) -> SkillGap:
        """What a user still lacks, given the skills (ids or wordings) they already have."""
        known_ids = {self.resolve("skill", k) for k in known_skills} - {None}
        skills = self._skills()
        known = [k for k in skills if k.id in known_ids]
        covered_groups = {k.group_id for k in known if k.group_id}
        missing = [k for k in skills
                   if k.id not in known_ids and (k.group_id is None or k.group_id not in covered_groups)]
        steps = self.learning_steps()
        by_step = [(step, [k for k in missing if k.learning_step_id == step.id]) for step in steps]
        with self._session() as s:
            groups = s.execute(select(m.SkillGroup).order_by(m.SkillGroup.id)).scalars().all()
            alternatives = [Sourced(g.note, self._title(s, "skills")) for g in groups if g.id not in covered_groups]
        return SkillGap(known, missing, [(step, ks) for step, ks in by_step if ks], alternatives)

    def learning_steps(self) -> List[LearningStepInfo]:
        with self._session() as s:
            rows = s.execute(select(m.LearningStep).order_by(m.LearningStep.position)).scalars().all()
            return [_step(r, self._title(s, r.source)) for r in rows]

    def learning_plan(self, done: Iterable[str] = ()) -> LearningPlan:
        """The learning sequence split into what is done and what remains; a step counts as
        done when the user did it or a later step (having done deep learning implies the maths)."""
        steps = self.learning_steps()
        done_ids = {self.resolve("learning_step", d) for d in done} - {None}
        last_done = max((st.position for st in steps if st.id in done_ids), default=0)
        done_steps = [st for st in steps if st.position <= last_done]
        remaining = [st for st in steps if st.position > last_done]
        with self._session() as s:
            advice = s.get(m.Passage, "learning.advice")
            advice_src = Sourced(advice.text, self._title(s, advice.source))
        return LearningPlan(steps, done_steps, remaining, remaining[0] if remaining else None, advice_src)

    def step_after(self, step: str, done: Iterable[str] = ()) -> Union[LearningPlan, Unknown]:
        """The plan from the step after `step` on (`done`: what else the user has done, so a
        later step they did is skipped too)."""
        if self.resolve("learning_step", step) is None:
            return self._unknown("learning_step", step)
        return self.learning_plan([*done, step])

    # --- education ---------------------------------------------------------------
    def education_paths(self) -> List[EducationPathInfo]:
        with self._session() as s:
            rows = s.execute(select(m.EducationPath).order_by(m.EducationPath.position)).scalars().all()
            return [_education(r, self._title(s, r.source)) for r in rows]

    def education_path(self, path: str) -> Union[EducationPathInfo, Unknown]:
        path_id = self.resolve("education_path", path)
        for p in self.education_paths():
            if p.id == path_id:
                return p
        return self._unknown("education_path", path)

    def education_advice(self) -> Sourced:
        return self._passage("education.advice")

    def background_note(self, topic: str, background: Optional[str]) -> Optional[Sourced]:
        """What the answer about `topic` ("role", "education") adds for a programming background, if anything."""
        if not background:
            return None
        with self._session() as s:
            note = s.get(m.Passage, f"{topic}.for_background.{background}")
            return Sourced(note.text, self._title(s, note.source)) if note else None

    # --- career and salary ----------------------------------------------------------
    def career_levels(self) -> List[CareerLevelInfo]:
        with self._session() as s:
            rows = s.execute(select(m.CareerLevel).order_by(m.CareerLevel.position)).scalars().all()
            bands = s.execute(
                select(m.SalaryBand).order_by(m.SalaryBand.level_id, m.SalaryBand.position)
            ).scalars().all()
            result = []
            for lv in rows:
                lv_bands = [SalaryBandInfo(b.min_usd, b.max_usd, b.wording, self._title(s, b.source))
                            for b in bands if b.level_id == lv.id]
                result.append(CareerLevelInfo(lv.id, lv.position, lv.name, lv.min_years, lv.max_years, list(lv.scope),
                                              lv.advice, lv_bands, self._title(s, lv.source)))
            return result

    def career_level(self, level: str) -> Union[CareerLevelInfo, Unknown]:
        level_id = self.resolve("level", level)
        for lv in self.career_levels():
            if lv.id == level_id:
                return lv
        return self._unknown("level", level)

    def level_for_years(self, years: float) -> CareerLevelInfo:
        """The highest level whose minimum years the user has reached."""
        levels = self.career_levels()
        return max((lv for lv in levels if lv.min_years <= years), key=lambda lv: lv.position, default=levels[0])

    def progression_advice(self) -> Sourced:
        return self._passage("career.progression")

    def salary_estimate(
        self,
        level: Optional[str] = None,
        location: Optional[str] = None,
        company_type: Optional[str] = None,
        specialization: Optional[str] = None,
    ) -> SalaryEstimate:
        """A salary range for the given profile with the base band(s) and every premium that produced it.

        Without a level the base is the ML engineer median. Where the guide gives two
        figures for a level, one range per figure is returned. Unknown inputs are listed
        in `unknown` and left out of the arithmetic. `caveats` are those that apply to this
        estimate (salary_factors.yml says when).
        """
        unknown: List[Unknown] = []
        lv: Optional[CareerLevelInfo] = None
        if level:
            found = self.career_level(level)
            if isinstance(found, Unknown):
                unknown.append(found)
            else:
                lv = found
        adjustments: List[Adjustment] = []
        names = {}
        with self._session() as s:
            if location:
                loc_id = self.resolve("location", location)
                loc = s.get(m.Location, loc_id) if loc_id else None
                if loc is None:
                    unknown.append(self._unknown("location", location))
                else:
                    tier = s.get(m.LocationTier, loc.tier_id)
                    names["location"] = loc.name
                    adjustments.append(Adjustment("location", loc.name, tier.premium_min_pct, tier.premium_max_pct,
                                                  tier.wording, self._title(s, tier.source), tier.id))
            if company_type:
                ct_id = self.resolve("company_type", company_type)
                ct = s.get(m.CompanyType, ct_id) if ct_id else None
                if ct is None:
                    unknown.append(self._unknown("company_type", company_type))
                else:
                    names["company_type"] = ct.name
                    upside = ct.upside_note
                    wording = ct.wording + (f" {upside}" if upside and upside not in ct.wording else "")
                    adjustments.append(Adjustment("company_type", ct.name, ct.premium_min_pct, ct.premium_max_pct,
                                                  wording, self._title(s, ct.source)))
            if specialization:
                sp_id = self.resolve("specialization", specialization)
                sp = s.get(m.Specialization, sp_id) if sp_id else None
                if sp is None:
                    unknown.append(self._unknown("specialization", specialization))
                else:
                    names["specialization"] = sp.name
                    premium = s.get(m.Passage, "salary.specialization")
                    adjustments.append(Adjustment("specialization", sp.name, None, None, premium.text,
                                                  self._title(s, premium.source)))
            median = s.get(m.Fact, "mle_median_salary")
            median_band = SalaryBandInfo(int(median.value), int(median.value), median.wording,
                                         self._title(s, median.source))
            bands = lv.salary_bands if lv else [median_band]
            applies = {"always", *(["two_figures"] if len(bands) > 1 else []),
                       *(["with_premium"] if any(a.min_pct for a in adjustments) else [])}
            caveats = [Sourced(p.text, self._title(s, p.source)) for p in s.execute(
                select(m.Passage).where(m.Passage.topic == "salary_caveat").order_by(m.Passage.position)).scalars()
                if (p.applies or "always") in applies]
        ranges = [SalaryRange(*apply_adjustments(b.min_usd, b.max_usd, adjustments), base=b) for b in bands]
        return SalaryEstimate(lv, names.get("location"), names.get("company_type"), names.get("specialization"),
                              ranges, adjustments, caveats, unknown)

    def location_tier(self, location: str) -> Optional[str]:
        """The tier of a place ("outside_us" where the guide's figures do not apply), or None."""
        with self._session() as s:
            row = s.get(m.Location, self.resolve("location", location) or "")
            return row.tier_id if row else None

    def remote_work(self) -> Sourced:
        return self._passage("salary.remote")

    def specialization_premium(self) -> Sourced:
        return self._passage("salary.specialization")

    def premium_baseline(self, factor: str) -> Sourced:
        """What the `factor` ("location", "company_type") premium is measured against ("Midwest cities")."""
        return self._passage(f"salary.baseline.{factor}")

    def location_tiers(self) -> List[LocationTierInfo]:
        """The groups of places, the highest premium first and those without a figure last."""
        with self._session() as s:
            rows = s.execute(select(m.LocationTier).order_by(m.LocationTier.id)).scalars().all()
            tiers = [LocationTierInfo(t.id, t.name, t.premium_min_pct, t.premium_max_pct, t.wording,
                                      self._title(s, t.source)) for t in rows]
        return sorted(tiers, key=lambda t: (t.max_pct is None, -(t.max_pct or 0)))

    # --- time, outlook, portfolio, FAQ -----------------------------------------------
    def time_to_job_ready(self, background: Optional[str] = None) -> Union[TimeToReady, Unknown]:
        with self._session() as s:
            options = [BackgroundInfo(b.id, b.name, b.months_min, b.months_max, b.wording, self._title(s, b.source))
                       for b in s.execute(select(m.Background).order_by(m.Background.months_min)).scalars()]
        note = self._passage("time.note")
        if background is None:
            return TimeToReady(None, options, note)
        bg_id = self.resolve("background", background)
        chosen = next((o for o in options if o.id == bg_id), None)
        return TimeToReady(chosen, options, note) if chosen else self._unknown("background", background)

    def job_outlook(self) -> JobOutlook:
        with self._session() as s:
            growth = s.get(m.Fact, "job_growth_pct")
            year = s.get(m.Fact, "job_growth_through_year")
            median = s.get(m.Fact, "mle_median_salary")
        return JobOutlook(growth.value, int(year.value), int(median.value), growth.wording,
                          self._passage("outlook.demand"), self._passage("outlook.ai_resistance"),
                          self._passage("outlook.standing"), self._passage("outlook.verdict"))

    def portfolio_advice(self, topic: Optional[str] = None) -> Union[PortfolioAdvice, Unknown]:
        with self._session() as s:
            rows = s.execute(select(m.PortfolioTopic).order_by(m.PortfolioTopic.position)).scalars().all()
            topics = [PortfolioTopicInfo(t.id, t.name, t.text, t.project_count_min, t.project_count_max,
                                         list(t.examples), self._title(s, t.source), dict(t.example_for))
                      for t in rows]
        if topic is not None:
            topics = [t for t in topics if t.id == topic]
            if not topics:
                return Unknown("portfolio_topic", topic, [t.id for t in rows])
        return PortfolioAdvice(self._passage("portfolio.intro"), topics)

    def faq(self, faq_id: str) -> Union[FaqAnswer, Unknown]:
        with self._session() as s:
            faq = s.get(m.Faq, faq_id)
            if faq is None:
                ids = s.execute(select(m.Faq.id).order_by(m.Faq.id)).scalars().all()
                return Unknown("faq", faq_id, list(ids))
            answers = s.execute(
                select(m.FaqAnswer).where(m.FaqAnswer.faq_id == faq_id).order_by(m.FaqAnswer.position)
            ).scalars()
            points = s.execute(
                select(m.Passage).where(m.Passage.topic == "faq_point", m.Passage.id.startswith(f"faq.{faq_id}."))
                .order_by(m.Passage.position)
            ).scalars()
            return FaqAnswer(faq.id, faq.question, faq.short_answer,
                             [Sourced(a.text, self._title(s, a.source)) for a in answers],
                             {p.id[len(f"faq.{faq_id}."):]: Sourced(p.text, self._title(s, p.source)) for p in points})

    # --- what the guide does not cover -----------------------------------------------
    def not_covered_topics(self) -> List[NotCoveredTopic]:
        with self._session() as s:
            rows = s.execute(select(m.NotCovered).order_by(m.NotCovered.position)).scalars().all()
            return [self._not_covered(s, row) for row in rows]

    def not_covered(self, topic_id: str) -> Union[NotCoveredTopic, Unknown]:
        with self._session() as s:
            row = s.get(m.NotCovered, topic_id) if topic_id else None
            if row is None:
                ids = s.execute(select(m.NotCovered.id).order_by(m.NotCovered.id)).scalars().all()
                return Unknown("not_covered", str(topic_id), list(ids))
            return self._not_covered(s, row)

    def _not_covered(self, s: Session, row: m.NotCovered) -> NotCoveredTopic:
        says = s.get(m.Passage, f"not_covered.{row.id}")
        return NotCoveredTopic(row.id, row.topic, list(row.triggers), list(row.context), list(row.instead),
                               Sourced(says.text, self._title(s, says.source)) if says else None)

    # --- helpers -----------------------------------------------------------------------
    def _skills(self) -> List[SkillInfo]:
        with self._session() as s:
            rows = s.execute(
                select(m.Skill, m.SkillCategory.name, m.LearningStep.name)
                .join(m.SkillCategory, m.Skill.category_id == m.SkillCategory.id)
                .join(m.LearningStep, m.Skill.learning_step_id == m.LearningStep.id)
                .order_by(m.Skill.position)
            ).all()
            return [SkillInfo(k.id, k.name, k.category_id, cat, k.learning_step_id, step, k.required, k.note,
                              k.group_id) for k, cat, step in rows]

    # Passage topics that are no guide text of their own: baselines ("Midwest cities"), the notes
    # that finish a sentence about the user's background, and the replies about what the guide
    # does not cover.
    NOT_RETRIEVED_TOPICS = ("salary_baseline", "role_for_background", "education_for_background", "not_covered")

    def retrievable_texts(self) -> List[Sourced]:
        """Every piece of guide prose the KB holds, each with its section's title: for finding the
        passage a question is about when no answer fits it."""
        tables = ((m.PortfolioTopic, "text"), (m.FaqAnswer, "text"), (m.SkillCategory, "summary"),
                  (m.LearningStep, "summary"), (m.Role, "summary"))
        with self._session() as s:
            passages = s.scalars(select(m.Passage).order_by(m.Passage.topic, m.Passage.position))
            rows = [(p.text, p.source) for p in passages if p.topic not in self.NOT_RETRIEVED_TOPICS]
            for table, column in tables:
                rows += [(getattr(r, column), r.source) for r in s.scalars(select(table).order_by(table.id))]
            titles = {sec.id: sec.title for sec in s.scalars(select(m.Section))}
        return [Sourced(text, titles[source]) for text, source in rows if text]

    def _passage(self, passage_id: str) -> Sourced:
        with self._session() as s:
            p = s.get(m.Passage, passage_id)
            return Sourced(p.text, self._title(s, p.source))

    @staticmethod
    def _title(s: Session, section_id: str) -> str:
        return s.get(m.Section, section_id).title


def _role(r: m.Role, source: str) -> RoleInfo:
    return RoleInfo(r.id, r.name, r.median_salary, r.focus, r.summary, source)


def _step(r: m.LearningStep, source: str) -> LearningStepInfo:
    return LearningStepInfo(r.id, r.position, r.name, r.summary, list(r.prerequisites), source)


def _education(r: m.EducationPath, source: str) -> EducationPathInfo:
    return EducationPathInfo(r.id, r.name, r.duration_min_months, r.duration_max_months, r.cost_note, list(r.majors),
                             list(r.programs), list(r.platforms), list(r.pros), list(r.cons), r.advice, source)

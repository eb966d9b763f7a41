"""Turns validated content into plain row dicts, one list per table."""
from typing import Dict, List, Optional

from knowledge import models
from knowledge.content import Content, vocabulary

Rows = Dict[type, List[dict]]


def content_rows(c: Content) -> Rows:
    rows: Rows = {table: [] for table in models.TABLES_IN_LOAD_ORDER}
    add = lambda table, **values: rows[table].append(values)  # noqa: E731

    for i, s in enumerate(c.sections.sections):
        add(models.Section, id=s.id, title=s.title, position=i)

    def passage(pid: str, topic: str, text: str, source: str, items=(), position: int = 0,
                applies: Optional[str] = None) -> None:
        add(models.Passage, id=pid, topic=topic, position=position, text=text, items=list(items), source=source,
            applies=applies)

    ov = c.role.overview
    passage("role.overview", "role", ov.summary, ov.source, ov.duties)
    passage("role.intersection", "role", ov.intersection, ov.source, position=1)
    passage("learning.advice", "learning", c.learning_path.advice.text, c.learning_path.advice.source)
    passage("education.advice", "education", c.education.advice.text, c.education.advice.source)
    for topic_file, notes in (("role", c.role.for_background), ("education", c.education.for_background)):
        for note in notes:
            passage(f"{topic_file}.for_background.{note.background}", f"{topic_file}_for_background", note.text,
                    note.source)
    adv = c.career_levels.progression_advice
    passage("career.progression", "career", adv.text, adv.source)
    sf = c.salary_factors
    passage("salary.specialization", "salary", sf.specialization_premium.wording, sf.specialization_premium.source)
    passage("salary.remote", "salary", sf.remote_work.wording, sf.remote_work.source)
    for factor in ("location", "company_type"):
        baseline = getattr(sf.premium_baselines, factor)
        passage(f"salary.baseline.{factor}", "salary_baseline", baseline.text, baseline.source)
    for i, cav in enumerate(sf.caveats):
        passage(f"salary.caveat.{i}", "salary_caveat", cav.text, cav.source, position=i, applies=cav.applies)
    jg = c.outlook.job_growth
    passage("outlook.demand", "outlook", jg.demand.text, jg.demand.source)
    passage("outlook.standing", "outlook", jg.standing, jg.source)
    passage("outlook.ai_resistance", "outlook", c.outlook.ai_resistance.wording, c.outlook.ai_resistance.source)
    passage("outlook.verdict", "outlook", c.outlook.verdict.text, c.outlook.verdict.source)
    passage("time.note", "time", c.time_to_ready.note.text, c.time_to_ready.note.source)
    passage("portfolio.intro", "portfolio", c.portfolio.intro.text, c.portfolio.intro.source)

    add(models.Fact, id="job_growth_pct", value=jg.growth_pct, unit="percent", wording=jg.wording, source=jg.source)
    add(models.Fact, id="job_growth_through_year", value=jg.through_year, unit="year", wording=jg.wording,
        source=jg.source)
    add(models.Fact, id="mle_median_salary", value=sf.median.amount, unit="usd", wording=sf.median.wording,
        source=sf.median.source)

    for r in c.roles.roles:
        add(models.Role, id=r.id, name=r.name, median_salary=r.median_salary, focus=r.focus, summary=r.summary,
            source=r.source)
    for step in c.learning_path.steps:
        add(models.LearningStep, id=step.id, position=step.position, name=step.name, summary=step.summary,
            prerequisites=list(step.prerequisites), source=step.source)

    group_of = {skill: g.id for g in c.skills.one_of for skill in g.skills}
    for g in c.skills.one_of:
        add(models.SkillGroup, id=g.id, note=g.note)
    position = 0
    for i, cat in enumerate(c.skills.categories):
        add(models.SkillCategory, id=cat.id, position=i, name=cat.name, summary=cat.summary, source=cat.source)
        for skill in cat.skills:
            add(models.Skill, id=skill.id, position=position, name=skill.name, category_id=cat.id,
                learning_step_id=skill.learning_step, required=skill.required, note=skill.note,
                group_id=group_of.get(skill.id))
            position += 1

    for i, p in enumerate(c.education.paths):
        add(models.EducationPath, id=p.id, position=i, name=p.name, duration_min_months=p.duration_min_months,
            duration_max_months=p.duration_max_months, cost_note=p.cost_note, majors=list(p.majors),
            programs=list(p.programs), platforms=list(p.platforms), pros=list(p.pros), cons=list(p.cons),
            advice=p.advice, source=p.source)

    for lv in c.career_levels.levels:
        add(models.CareerLevel, id=lv.id, position=lv.position, name=lv.name, min_years=lv.min_years,
            max_years=lv.max_years, scope=list(lv.scope), advice=lv.advice, source=lv.source)
        for i, band in enumerate(lv.salary_bands):
            add(models.SalaryBand, id=f"{lv.id}.{i}", level_id=lv.id, position=i, min_usd=band.min, max_usd=band.max,
                wording=band.wording, source=band.source)

    for t in sf.location_tiers:
        add(models.LocationTier, id=t.id, name=t.name, premium_min_pct=t.premium_min_pct,
            premium_max_pct=t.premium_max_pct, wording=t.wording, source=t.source)
    for loc in sf.locations:
        add(models.Location, id=loc.id, name=loc.name, tier_id=loc.tier)
    for ct in sf.company_types:
        add(models.CompanyType, id=ct.id, name=ct.name, premium_min_pct=ct.premium_min_pct,
            premium_max_pct=ct.premium_max_pct, wording=ct.wording, upside_note=ct.upside_note, source=ct.source)
    for spec in sf.specializations:
        add(models.Specialization, id=spec.id, name=spec.name, source=spec.source)

    for b in c.time_to_ready.backgrounds:
        add(models.Background, id=b.id, name=b.name, months_min=b.months_min, months_max=b.months_max,
            wording=b.wording, source=b.source)
    for i, topic in enumerate(c.portfolio.topics):
        add(models.PortfolioTopic, id=topic.id, position=i, name=topic.name, text=topic.text,
            project_count_min=topic.project_count_min, project_count_max=topic.project_count_max,
            examples=list(topic.examples), example_for=dict(topic.example_for), source=topic.source)
    for f in c.faq.faqs:
        add(models.Faq, id=f.id, question=f.question, short_answer=f.short_answer)
        for i, a in enumerate(f.answers):
            add(models.FaqAnswer, id=f"{f.id}.{i}", faq_id=f.id, position=i, text=a.text, source=a.source)
        for i, point in enumerate(f.points):
            passage(f"faq.{f.id}.{point.id}", "faq_point", point.text, point.source, position=i)

    for i, nc in enumerate(c.not_covered.topics):
        add(models.NotCovered, id=nc.id, position=i, topic=nc.topic, triggers=list(nc.triggers),
            context=list(nc.context), instead=list(nc.instead))
        if nc.guide_says:
            passage(f"not_covered.{nc.id}", "not_covered", nc.guide_says.text, nc.guide_says.source)

    for kind, _file, entries in vocabulary(c):
        seen = set()
        for target, aliases in entries:
            for alias in aliases:
                key = alias.lower()
                if key not in seen:
                    seen.add(key)
                    add(models.Alias, id=f"{kind}:{key}", kind=kind, alias=key, target_id=target)
    return rows

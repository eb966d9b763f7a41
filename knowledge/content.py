"""Reads and validates the YAML content, file by file and across files.

Nothing here touches the database: `read_content` either returns the whole
validated content or raises one ContentError naming file, entry and problem.
"""
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Tuple

import yaml
from pydantic import ValidationError

from knowledge import schema
from knowledge.errors import ContentError

CONTENT_DIR = Path(__file__).parent / "content"


@dataclass
class Content:
    sections: schema.SectionsFile
    role: schema.RoleFile
    roles: schema.RolesFile
    learning_path: schema.LearningPathFile
    skills: schema.SkillsFile
    education: schema.EducationFile
    career_levels: schema.CareerLevelsFile
    salary_factors: schema.SalaryFactorsFile
    outlook: schema.OutlookFile
    time_to_ready: schema.TimeToReadyFile
    portfolio: schema.PortfolioFile
    faq: schema.FaqFile
    not_covered: schema.NotCoveredFile


def read_content(directory: Path = CONTENT_DIR) -> Content:
    directory = Path(directory)
    parsed = {}
    for filename, model in schema.FILES.items():
        path = directory / filename
        parsed[filename[: -len(".yml")]] = _parse_file(path, model)
    unexpected = sorted(p.name for p in directory.glob("*.y*ml") if p.name not in schema.FILES)
    if unexpected:
        raise ContentError(str(directory / unexpected[0]), "-",
                           "unknown content file (expected one of: " + ", ".join(schema.FILES) + ")")
    content = Content(**parsed)
    _check_references(content, directory)
    return content


def _parse_file(path: Path, model) -> Any:
    if not path.exists():
        raise ContentError(str(path), "-", "file is missing")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "-"
        raise ContentError(str(path), where, f"invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(raw, dict):
        raise ContentError(str(path), "-", "expected a mapping at the top level")
    try:
        return model.parse_obj(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = first["loc"]
        raise ContentError(str(path), _entry_name(raw, loc), f"{'.'.join(map(str, loc))}: {first['msg']}") from None


def _entry_name(raw: Any, loc: Tuple) -> str:
    """The id of the innermost record on the error's path, else the path itself."""
    name, node = None, raw
    for key in loc:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            name = node["id"]
    return repr(name) if name else ".".join(str(k) for k in loc[:2])


class _Checker:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def fail(self, filename: str, entry: str, problem: str) -> None:
        raise ContentError(str(self.directory / filename), repr(entry), problem)

    def unique(self, filename: str, kind: str, ids: Iterable[str]) -> None:
        seen = set()
        for entry_id in ids:
            if entry_id in seen:
                self.fail(filename, entry_id, f"duplicate {kind} id")
            seen.add(entry_id)

    def known(self, filename: str, entry: str, field: str, value: str, known: Iterable[str]) -> None:
        known = list(known)
        if value not in known:
            self.fail(filename, entry, f"{field} '{value}' does not exist (known: {', '.join(known)})")


def _check_references(c: Content, directory: Path) -> None:
    check = _Checker(directory)
    check.unique("sections.yml", "section", (s.id for s in c.sections.sections))
    sections = [s.id for s in c.sections.sections]

    for filename, entry, source in _sources(c):
        check.known(filename, entry, "source", source, sections)

    steps = c.learning_path.steps
    check.unique("learning_path.yml", "learning step", (s.id for s in steps))
    check.unique("learning_path.yml", "learning step position", (str(s.position) for s in steps))
    position = {s.id: s.position for s in steps}
    for step in steps:
        for prereq in step.prerequisites:
            check.known("learning_path.yml", step.id, "prerequisite", prereq, position)
            if position[prereq] >= step.position:
                check.fail("learning_path.yml", step.id, f"prerequisite '{prereq}' does not come before this step")

    check.unique("skills.yml", "skill category", (cat.id for cat in c.skills.categories))
    skill_ids = [s.id for cat in c.skills.categories for s in cat.skills]
    check.unique("skills.yml", "skill", skill_ids)
    for cat in c.skills.categories:
        for skill in cat.skills:
            check.known("skills.yml", skill.id, "learning_step", skill.learning_step, position)
    check.unique("skills.yml", "skill group", (g.id for g in c.skills.one_of))
    for group in c.skills.one_of:
        for skill_id in group.skills:
            check.known("skills.yml", group.id, "skill", skill_id, skill_ids)

    check.unique("roles.yml", "role", (r.id for r in c.roles.roles))
    check.known("salary_factors.yml", "median", "role", c.salary_factors.median.role, (r.id for r in c.roles.roles))
    check.unique("education.yml", "education path", (p.id for p in c.education.paths))
    check.unique("career_levels.yml", "career level", (lv.id for lv in c.career_levels.levels))
    check.unique("career_levels.yml", "career level position", (str(lv.position) for lv in c.career_levels.levels))
    sf = c.salary_factors
    check.unique("salary_factors.yml", "location tier", (t.id for t in sf.location_tiers))
    check.unique("salary_factors.yml", "location", (loc.id for loc in sf.locations))
    for loc in sf.locations:
        check.known("salary_factors.yml", loc.id, "tier", loc.tier, (t.id for t in sf.location_tiers))
    check.unique("salary_factors.yml", "company type", (ct.id for ct in sf.company_types))
    check.unique("salary_factors.yml", "specialization", (s.id for s in sf.specializations))
    check.unique("time_to_ready.yml", "background", (b.id for b in c.time_to_ready.backgrounds))
    check.unique("portfolio.yml", "portfolio topic", (t.id for t in c.portfolio.topics))
    check.unique("faq.yml", "faq", (f.id for f in c.faq.faqs))

    for kind, filename, entries in vocabulary(c):
        owner: Dict[str, str] = {}
        for entry_id, aliases in entries:
            for alias in aliases:
                key = alias.lower()
                if key in owner and owner[key] != entry_id:
                    check.fail(filename, entry_id, f"alias '{alias}' is already used by {kind} '{owner[key]}'")
                owner[key] = entry_id

    _check_not_covered(c, check)


def _check_not_covered(c: Content, check: _Checker) -> None:
    """Ids unique; `instead` names covered topics; a trigger belongs to one entry and is not a
    name the guide covers (that question has an answer)."""
    filename = "not_covered.yml"
    topics = c.not_covered.topics
    check.unique(filename, "not-covered topic", (t.id for t in topics))
    covered = covered_topics(c)
    names = {alias.lower(): f"{kind} '{entry_id}'"
             for kind, _file, entries in vocabulary(c) for entry_id, aliases in entries for alias in aliases}
    owner: Dict[str, str] = {}
    for t in topics:
        for ref in t.instead:
            check.known(filename, t.id, "instead", ref, covered)
            if len(covered[ref]) > 1:
                check.fail(filename, t.id, f"instead '{ref}' is ambiguous: it names a {' and a '.join(covered[ref])}")
        for phrase in [*t.triggers, *t.context]:
            key = " ".join(phrase.lower().split())
            if key in names:
                check.fail(filename, t.id, f"trigger '{phrase}' is the name of {names[key]}, which the guide covers")
        for trigger in t.triggers:
            key = " ".join(trigger.lower().split())
            if key in owner:
                check.fail(filename, t.id, f"trigger '{trigger}' is already used by '{owner[key]}'")
            owner[key] = t.id


def covered_topics(c: Content) -> Dict[str, List[str]]:
    """id -> the kinds of record it names, for every topic a not-covered entry may point to instead."""
    kinds: Dict[str, List[str]] = {}
    named = [("section", [s.id for s in c.sections.sections]),
             ("portfolio topic", [t.id for t in c.portfolio.topics]),
             ("faq", [f.id for f in c.faq.faqs]),
             ("education path", [p.id for p in c.education.paths]),
             ("outlook record", ["job_growth"]),
             ("learning path", ["learning_path"])]
    for kind, ids in named:
        for topic_id in ids:
            kinds.setdefault(topic_id, []).append(kind)
    return kinds


def vocabulary(c: Content) -> List[Tuple[str, str, List[Tuple[str, List[str]]]]]:
    """(entity kind, file, [(id, aliases incl. name)]) for every named thing users may mention."""
    sf = c.salary_factors

    def named(items) -> List[Tuple[str, List[str]]]:
        return [(i.id, [i.name, *i.aliases]) for i in items]

    return [
        ("level", "career_levels.yml", named(c.career_levels.levels)),
        ("location", "salary_factors.yml", named(sf.locations)),
        ("company_type", "salary_factors.yml", [(ct.id, list(ct.aliases)) for ct in sf.company_types]),
        ("specialization", "salary_factors.yml", named(sf.specializations)),
        ("skill", "skills.yml", named(s for cat in c.skills.categories for s in cat.skills)),
        ("skill_category", "skills.yml", named(c.skills.categories)),
        ("learning_step", "learning_path.yml", named(c.learning_path.steps)),
        ("role", "roles.yml", named(c.roles.roles)),
        ("education_path", "education.yml", named(c.education.paths)),
        ("background", "time_to_ready.yml", [(b.id, list(b.aliases)) for b in c.time_to_ready.backgrounds]),
    ]


def _sources(c: Content) -> Iterable[Tuple[str, str, str]]:
    """(file, entry, source section) for every record that names its source."""
    yield "role.yml", "overview", c.role.overview.source
    for note in c.role.for_background:
        yield "role.yml", f"for_background.{note.background}", note.source
    for r in c.roles.roles:
        yield "roles.yml", r.id, r.source
    for step in c.learning_path.steps:
        yield "learning_path.yml", step.id, step.source
    yield "learning_path.yml", "advice", c.learning_path.advice.source
    for cat in c.skills.categories:
        yield "skills.yml", cat.id, cat.source
    yield "education.yml", "advice", c.education.advice.source
    for note in c.education.for_background:
        yield "education.yml", f"for_background.{note.background}", note.source
    for p in c.education.paths:
        yield "education.yml", p.id, p.source
    for lv in c.career_levels.levels:
        yield "career_levels.yml", lv.id, lv.source
        for band in lv.salary_bands:
            yield "career_levels.yml", lv.id, band.source
    yield "career_levels.yml", "progression_advice", c.career_levels.progression_advice.source
    sf = c.salary_factors
    yield "salary_factors.yml", "median", sf.median.source
    for tier in sf.location_tiers:
        yield "salary_factors.yml", tier.id, tier.source
    for ct in sf.company_types:
        yield "salary_factors.yml", ct.id, ct.source
    for spec in sf.specializations:
        yield "salary_factors.yml", spec.id, spec.source
    yield "salary_factors.yml", "specialization_premium", sf.specialization_premium.source
    yield "salary_factors.yml", "remote_work", sf.remote_work.source
    yield "salary_factors.yml", "premium_baselines.location", sf.premium_baselines.location.source
    yield "salary_factors.yml", "premium_baselines.company_type", sf.premium_baselines.company_type.source
    for i, cav in enumerate(sf.caveats):
        yield "salary_factors.yml", f"caveats[{i}]", cav.source
    yield "outlook.yml", "job_growth", c.outlook.job_growth.source
    yield "outlook.yml", "job_growth.demand", c.outlook.job_growth.demand.source
    yield "outlook.yml", "ai_resistance", c.outlook.ai_resistance.source
    for b in c.time_to_ready.backgrounds:
        yield "time_to_ready.yml", b.id, b.source
    yield "time_to_ready.yml", "note", c.time_to_ready.note.source
    yield "portfolio.yml", "intro", c.portfolio.intro.source
    for topic in c.portfolio.topics:
        yield "portfolio.yml", topic.id, topic.source
    for f in c.faq.faqs:
        for a in f.answers:
            yield "faq.yml", f.id, a.source
        for point in f.points:
            yield "faq.yml", f"{f.id}.points.{point.id}", point.source
    for nc in c.not_covered.topics:
        if nc.guide_says:
            yield "not_covered.yml", nc.id, nc.guide_says.source

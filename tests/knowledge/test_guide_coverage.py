"""The knowledge base covers the guide: every section is cited, every figure is stored."""
import re
from typing import List, Optional, Set, Tuple

import pytest
from sqlalchemy import inspect, text

from tests.knowledge.helpers import GUIDE

# A title ending in a parenthesis ("(second list)") is derived: the guide repeats the base title.
DERIVED = re.compile(r"^(?P<base>.*?)\s*\((?P<note>[^)]*)\)$")
MONEY = re.compile(r"\$(\d+)(?:-(\d+))?K")
PERCENT = re.compile(r"(\d+)(?:-(\d+))?%")
DURATION = re.compile(r"\b(\d+)(?:-(\d+)|(\+))?[ -](months?|years?)\b")


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def rows(engine, sql: str) -> List[Tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def test_every_section_title_appears_in_the_guide(guide, shipped_content):
    sections = shipped_content.sections.sections
    missing = []
    for section in sections:
        derived = DERIVED.match(section.title)
        if derived:
            # "(second list)": the base title must occur (at least) a second time.
            if guide.count(derived["base"]) < 2:
                missing.append(f"{section.id}: {derived['base']!r} does not occur twice")
        elif section.title not in guide:
            missing.append(f"{section.id}: {section.title!r}")
    assert missing == [], "section titles not in the guide:\n" + "\n".join(missing)
    assert len(sections) == 10


def test_every_section_is_cited_by_at_least_one_record(kb_engine):
    inspector = inspect(kb_engine)
    cited: Set[str] = set()
    citing_tables = []
    for table in inspector.get_table_names():
        if table.startswith("kb_") and "source" in {c["name"] for c in inspector.get_columns(table)}:
            citing_tables.append(table)
            cited |= {r[0] for r in rows(kb_engine, f'SELECT DISTINCT source FROM "{table}"')}
    sections = {r[0]: r[1] for r in rows(kb_engine, "SELECT id, title FROM kb_sections")}

    uncited = {sid: title for sid, title in sections.items() if sid not in cited}
    assert uncited == {}, f"sections no record cites (looked in {citing_tables}): {uncited}"
    assert cited <= set(sections)


def figures(pattern, guide: str) -> List[Tuple[str, Tuple]]:
    return [(m.group(0), m.groups()) for m in pattern.finditer(guide)]


def kb_money(engine) -> Tuple[Set[int], Set[Tuple[int, Optional[int]]]]:
    singles = {r[0] for r in rows(engine, "SELECT median_salary FROM kb_roles")}
    singles |= {int(r[0]) for r in rows(engine, "SELECT value FROM kb_facts WHERE unit = 'usd'")}
    bands = set(rows(engine, "SELECT min_usd, max_usd FROM kb_salary_bands"))
    singles |= {low for low, high in bands if high is None}  # "exceeds $200K"
    return singles, bands


def kb_percent(engine) -> Tuple[Set[float], Set[Tuple[float, float]]]:
    singles = {r[0] for r in rows(engine, "SELECT value FROM kb_facts WHERE unit = 'percent'")}
    ranges = set()
    for table in ("kb_location_tiers", "kb_company_types"):
        ranges |= {r for r in rows(engine, f"SELECT premium_min_pct, premium_max_pct FROM {table}") if r[0] is not None}
    return singles, ranges


def kb_durations_in_months(engine) -> Set[Tuple[int, Optional[int]]]:
    spans = set(rows(engine, "SELECT duration_min_months, duration_max_months FROM kb_education_paths "
                             "WHERE duration_min_months IS NOT NULL"))
    spans |= set(rows(engine, "SELECT months_min, months_max FROM kb_backgrounds"))
    spans |= {(lo * 12, None if hi is None else hi * 12)
              for lo, hi in rows(engine, "SELECT min_years, max_years FROM kb_career_levels")}
    return spans


def test_the_figure_extraction_finds_the_guides_figures(guide):
    assert {f for f, _ in figures(MONEY, guide)} >= {"$165K", "$150-180K", "$200K", "$180K", "$130K", "$120-140K",
                                                      "$160-200K", "$250K", "$140K"}
    assert {f for f, _ in figures(PERCENT, guide)} == {"40%", "30-50%", "20-40%"}
    assert {f for f, _ in figures(DURATION, guide)} >= {"4 years", "1-2 years", "3-6 month", "0-2 years", "2-5 years",
                                                         "5+ years", "7+ years", "12-18 months", "2-3 years"}


def test_every_money_figure_of_the_guide_is_in_the_knowledge_base(guide, kb_engine):
    singles, bands = kb_money(kb_engine)
    missing = []
    for figure, (low, high) in figures(MONEY, guide):
        found = (int(low) * 1000, int(high) * 1000) in bands if high else int(low) * 1000 in singles
        if not found:
            missing.append(figure)
    assert missing == [], f"money figures of the guide missing from the knowledge base: {missing}"


def test_every_percentage_of_the_guide_is_in_the_knowledge_base(guide, kb_engine):
    singles, ranges = kb_percent(kb_engine)
    missing = [figure for figure, (low, high) in figures(PERCENT, guide)
               if ((float(low), float(high)) not in ranges if high else float(low) not in singles)]
    assert missing == [], f"percentages of the guide missing from the knowledge base: {missing}"


def test_every_duration_of_the_guide_is_in_the_knowledge_base(guide, kb_engine):
    spans = kb_durations_in_months(kb_engine)
    missing = []
    for figure, (low, high, plus, unit) in figures(DURATION, guide):
        per = 12 if unit.startswith("year") else 1
        wanted = (int(low) * per, None if plus else int(high or low) * per)
        if wanted not in spans:
            missing.append(f"{figure} (= {wanted} months)")
    assert missing == [], f"durations of the guide missing from the knowledge base: {missing}"

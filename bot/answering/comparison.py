"""Comparisons of two things of one kind ("New York vs Seattle?", "bachelor's or self-study?",
"FAANG or an established enterprise?", "mid or senior?", "PyTorch or TensorFlow?"): both
sides from the knowledge base, and what the guide says separates them, or that it puts
them together. Role comparisons have their own answer (bot/actions/role.py)."""
import re
from typing import Callable, Dict, List, Optional

from bot.answering.query import Profile, Query
from bot.answering.replies import bullets, join_words, level_years, lower_first, money_range, months
from bot.answering.statements import ASKED, COMPARED
from knowledge import KnowledgeBase
from knowledge.results import EducationPathInfo, Unknown

CUE = re.compile(r"\b(?:vs\.?|versus|or|compare|comparing|comparison|diff|difference|differences|better|which|between|"
                 r"against|than|rather|from|jump|progression)\b", re.IGNORECASE)


# "is my pay lower than at FAANG?", "how does my pay compare to the Midwest?": the user's own side
# (from the profile) against the one named.
MINE_AGAINST = re.compile(r"\b(?:my|mine|i|i'm|im|me)\b.*\b(?:than|compare[sd]?|compared|vs\.?|versus|against|"
                          r"relative to)\b", re.IGNORECASE)
# Profile values a comparison can take the user's side from.
PROFILE_SIDES = ("location", "company_type", "level", "specialization")


def compared_values(query: Query, kind: str) -> List[str]:
    """The values of a kind the message names, only those it asks about when it asks about two
    or more ("i have a physics bachelors. would a bootcamp or a masters make more sense?")."""
    asked = list(dict.fromkeys(s.value for s in query.said if s.kind == kind and s.stance in (ASKED, COMPARED)))
    return asked if len(asked) >= 2 else list(dict.fromkeys(query.entities.get(kind) or []))


# Kinds compared three at a time: "SageMaker vs Vertex AI vs Azure ML", offers from a startup, Amazon and a bank.
THREE_WAY = ("skill", "company_type")


def _two(query: Query, kind: str, profile: Optional[Profile]) -> Optional[List[str]]:
    """Two (for THREE_WAY kinds up to three) values of the kind."""
    values = compared_values(query, kind)
    mine = getattr(profile, kind) if profile is not None and kind in PROFILE_SIDES else None
    if len(values) == 1 and mine and mine != values[0] and MINE_AGAINST.search(query.text):
        return [mine, values[0]]
    return values[:3 if kind in THREE_WAY else 2] if len(values) >= 2 else None


def _locations(kb: KnowledgeBase, ids: List[str]) -> str:
    sides = [kb.salary_estimate(location=i).adjustments[0] for i in ids]
    baseline = kb.premium_baseline("location").text
    lines = []
    for a in sides:
        if a.tier == "outside_us":
            lines.append(f"**{a.name}**: {a.wording}")
        elif a.min_pct is None or a.max_pct is None:
            lines.append(f"**{a.name}**: the guide gives no figure for it. {a.wording}")
        elif a.max_pct == 0:
            lines.append(f"**{a.name}**: the guide's baseline ({baseline}).")
        else:
            lines.append(f"**{a.name}**: +{a.min_pct:g}-{a.max_pct:g}% over {baseline}.")
    text = bullets(lines)
    if sides[0].tier == sides[1].tier and sides[0].min_pct:
        text += (f"\nThe guide puts them in the same group (“{sides[0].wording}”), so it doesn't separate "
                 f"{sides[0].name} from {sides[1].name}.")
    else:
        text += f"\nWhat the guide says: {sides[0].wording}" + (
            f" {sides[1].wording}" if sides[1].wording != sides[0].wording else "")
    return text


def _companies(kb: KnowledgeBase, ids: List[str]) -> str:
    sides = [kb.salary_estimate(company_type=i).adjustments[0] for i in ids]
    baseline = kb.premium_baseline("company_type").text
    lines = [f"**{a.name}**: " + (f"+{a.min_pct:g}-{a.max_pct:g}% above {baseline}" if a.min_pct and a.max_pct
                                  else "no premium figure") + f". {a.wording}" for a in sides]
    text = bullets(lines)
    low, high = sides[0].min_pct, sides[0].max_pct
    if low is not None and high is not None and (low, high) == (sides[1].min_pct, sides[1].max_pct):
        text += f"\nOn pay the guide puts them together ({low:g}-{high:g}%)."
    return text


def _levels(kb: KnowledgeBase, ids: List[str]) -> str:
    levels = {lv.id: lv for lv in kb.career_levels()}
    lines = []
    for i in ids:
        lv = levels[i]
        years = level_years(lv)
        pay = " or ".join(money_range(b.min_usd, b.max_usd) for b in lv.salary_bands) or "no salary figure in the guide"
        lines.append(f"**{lv.name}** ({years}; {pay}): {'; '.join(lv.scope)}")
    return bullets(lines)


def _education(kb: KnowledgeBase, ids: List[str]) -> str:
    lines = []
    for i in ids:
        p = kb.education_path(i)
        if isinstance(p, Unknown):
            continue
        extra = "; ".join([*p.pros, *(f"but {c[:1].lower()}{c[1:]}" for c in p.cons)])
        lines.append(f"**{p.name}** ({months(p.duration_min_months, p.duration_max_months)}; {p.cost_note}): {extra}")
    return bullets(lines) + f"\n{kb.education_advice().text}"


def _steps(kb: KnowledgeBase, ids: List[str]) -> str:
    steps = {s.id: s for s in kb.learning_steps()}
    first, second = sorted((steps[i] for i in ids), key=lambda s: s.position)
    return (bullets(f"**{s.name}** (step {s.position} of {len(steps)}): {s.summary}" for s in (first, second)) +
            f"\nIn the guide's sequence {first.name} comes before {second.name}.")


def _skills(kb: KnowledgeBase, ids: List[str]) -> str:
    skills = {s.id: s for c in kb.skill_categories() for s in c.skills}
    lines = []
    for i in ids:
        s = skills[i]
        lines.append(f"**{s.name}**: {s.category_name}" + (f" ({s.note})" if s.note else ""))
    required = [skills[i] for i in ids if skills[i].required]
    text = bullets(lines)
    if required and len(required) < len(ids):  # "java or python?": the guide does rank these
        text += "\n" + " ".join(f"The guide counts {k.name} as required" + (f" ({k.note})" if k.note else "") + "."
                                for k in required)
    elif len({skills[i].category_id for i in ids}) == 1:
        text += "\nThe guide lists them side by side in the same group and doesn't rank one above the other."
    return text


def _specializations(kb: KnowledgeBase, ids: List[str]) -> str:
    names = kb.names("specialization")
    a, b = (names.get(i, i) for i in ids)
    text = (f"The guide names {a} and {b} together: “{kb.specialization_premium().text}” It gives no figure for "
            f"either and doesn't rank them")
    faq = kb.faq("specialize")
    return text + ("." if isinstance(faq, Unknown) else f"; its advice is to {lower_first(faq.short_answer)}")


COMPARERS: Dict[str, Callable[[KnowledgeBase, List[str]], str]] = {
    "location": _locations, "company_type": _companies, "level": _levels, "education_path": _education,
    "learning_step": _steps, "skill": _skills, "specialization": _specializations,
}


# "what's the cheapest way, bootcamp or masters or what?": every path, not only the ones named.
CHEAPEST_OR_FASTEST = re.compile(r"\b(?:cheap\w*|least expensive|low(?:er|est)? cost|afford\w*|budget|fast(?!\.?ai)\w*|"
                                 r"quick\w*|shortest)\b", re.IGNORECASE)


CHEAP = re.compile(r"\b(?:cheap\w*|least expensive|expensive|low(?:er|est)? cost|cost\w*|afford\w*|budget)\b",
                   re.IGNORECASE)


def all_paths(kb: KnowledgeBase, query: Query) -> Optional[str]:
    """Every education path with its time and cost, for a cheapest or fastest question, after
    the guide's answer among the paths asked about (all of them when none is named)."""
    if not CHEAPEST_OR_FASTEST.search(query.text):
        return None
    paths = kb.education_paths()
    named = compared_values(query, "education_path")
    among = [p for p in paths if p.id in named] if len(named) >= 2 else paths
    return f"{_verdict(among, cheap=bool(CHEAP.search(query.text)))}\n{_education(kb, [p.id for p in paths])}"


def _verdict(paths: List[EducationPathInfo], cheap: bool) -> str:
    names = join_words([p.name for p in paths], "or")
    if cheap:
        low = [p for p in paths if "lower cost" in " ".join([p.cost_note, *p.pros]).lower()]
        if not low:
            return f"The guide gives no cost figures for {names}, so it doesn't say which is cheaper."
        return (f"**{low[0].name}** is the one the guide calls lower cost; it gives no cost figures, so it "
                "doesn't rank the others.")
    timed = [p for p in paths if p.duration_max_months]
    if not timed:
        return f"The guide gives no length for {names}."
    fastest = min(timed, key=lambda p: p.duration_max_months or 0)
    return (f"The shortest by the guide's figures is **{fastest.name}** "
            f"({months(fastest.duration_min_months, fastest.duration_max_months)}).")


def comparison(kb: KnowledgeBase, query: Query, profile: Optional[Profile] = None) -> Optional[str]:
    """Both sides of a comparison the message asks for, or None when it asks for none."""
    if query.entities.get("education_path") and CHEAPEST_OR_FASTEST.search(query.text):
        return all_paths(kb, query)
    if not CUE.search(query.both_texts):
        return None
    sides = []  # "a startup in SF or a bank in Charlotte?": the companies and the places
    for kind, compare in COMPARERS.items():
        pair = _two(query, kind, profile)
        if pair:
            level = query.first("level") or (profile.level if profile is not None else None)
            at_level = _at_level(kb, level, kind, pair) if level else ""
            sides.append(compare(kb, pair) + at_level)
    return "\n\n".join(sides) or None


def _at_level(kb: KnowledgeBase, level: str, kind: str, pair: List[str]) -> str:
    """"senior pay, Seattle vs Columbus": each side's figure for that level (premiums applied alone)."""
    if kind not in ("location", "company_type"):
        return ""
    lines, level_name = [], ""
    for value in pair:
        estimate = kb.salary_estimate(level=level, **{kind: value})
        if estimate.level is None or estimate.unknown:
            return ""
        level_name = estimate.level.name
        name = estimate.location if kind == "location" else estimate.company_type
        lines.append(f"{name}: " + " or ".join(money_range(r.low_usd, r.high_usd) for r in estimate.ranges))
    return f"\nFor a {level_name} (US figures): " + "; ".join(lines) + "."

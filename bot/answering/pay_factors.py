"""What moves pay: each premium's effect on its own, and questions about a pay factor
("does the city change pay?", "how much does experience add?") answered with that factor and
its figures rather than one estimate."""
import re
from dataclasses import dataclass
from typing import List, Optional

from bot.answering.query import Query
from bot.answering.replies import bullets, level_years, money_range
from knowledge import KnowledgeBase
from knowledge.results import Adjustment, SalaryBandInfo, SalaryRange
from knowledge.salary import apply_adjustments


def _with_premium(r: SalaryRange, adj: Adjustment) -> str:
    return money_range(*apply_adjustments(r.base.min_usd, r.base.max_usd, [adj]))


def premium_line(adj: Adjustment, ranges: List[SalaryRange]) -> str:
    """One premium and its effect on the base band(s) alone."""
    if adj.tier == "outside_us":
        return f"{adj.name}: {adj.wording}"
    if adj.min_pct is None:
        return f"{adj.name}: the guide has no figure for it, so nothing is added. {adj.wording}"
    if adj.max_pct == 0:
        return f"{adj.name}: no premium. {adj.wording}"
    effect = " or ".join(f"**{_with_premium(r, adj)}**" for r in ranges)
    return f"+{adj.min_pct:g}-{adj.max_pct:g}% for {adj.name}: {effect} ({adj.wording})"


# "does the city change pay?", "how much does experience add?": a question about what moves
# pay, answered with that factor and its figures rather than one estimate.
EFFECT = re.compile(r"\b(?:change|changes|affect|affects|impact|depend|depends|matter|matters|move|moves|add|adds|"
                    r"boost|bump|premium|difference|higher|more|less|really|pay well|pays well|worth|factor|factors|"
                    r"influence|vary|varies|increase|raise|most|best|highest|top|determine|determines|drive|drives|"
                    r"needle|compare|compared|comparison|versus|vs|as much|the same|same as|earn well|still earn|"
                    r"decide|decides|above market|below market|count(?:s|ed)? as|stands? for|extra|on top|push|pushes|"
                    r"up or down|without relocat\w*|(?:have|need) to (?:move|relocate)|"
                    r"(?:paid|earn|make|pay) like)\b",
                    re.IGNORECASE)
PAY = re.compile(r"\b(?:pay|pays|paid|salary|salaries|earn|earns|earning|make|money|comp|compensation|tc|income|"
                 r"premium|\$\$)\b", re.IGNORECASE)
ALL_FACTORS = re.compile(r"\b(?:factors?|determines?|decides?|drives?|moves the needle|what moves|what affects|"
                         r"depends on|push(?:es)? \w+(?: \w+)? (?:up|down)|up or down|"
                         r"main things|biggest things|what things)\b",
                         re.IGNORECASE)
FACTORS = {
    # first: "remotely from a cheap town" asks about remote work, not the town; "my area of
    # interest" about a specialisation, not a place; "faang vs a place like mine" about companies
    "remote": re.compile(r"\b(?:remote|remotely|wfh|work from home|stay (?:where i am|where i live|put|here)|"
                         r"without relocat\w*|(?:have|need) to (?:move|relocate)|"
                         r"without moving|(?:don'?t|not) (?:want to )?(?:move|moving|relocate))\b", re.I),
    "specialization": re.compile(r"\b(?:niche|niches|speciali[sz]\w*|domain|domains|expertise|interests?)\b", re.I),
    "company_type": re.compile(r"\b(?:company|companies|employer|faang|big tech|startups?|enterprises?|firm)\b", re.I),
    "location": re.compile(r"\b(?:city|cities|location|where (?:you|i|we) live|live|living|place|region|area|hub|hubs|"
                           r"geograph\w*|moving|relocat\w*)\b", re.I),
    "level": re.compile(r"\b(?:experience|seniority|years|level|levels|promotion)\b", re.I),
}


THEY = re.compile(r"\b(?:they|them|those|these|that|there|it)\b", re.IGNORECASE)
# The context key a factor answer leaves for the next turn.
FACTOR_CONTEXT = "pay_factor"


def asked_factor(query: Query) -> Optional[str]:
    """The pay factor a question asks about ("all" for what moves pay in general), when it asks
    what moves pay rather than for a figure."""
    text = query.both_texts
    # "and company?", "and experience?" right after a factor answer: the next factor ("and
    # startups?" names a company: the pay there)
    follows = (bool((query.previous.get("entities") or {}).get(FACTOR_CONTEXT)) and not query.said
               and len(text.split()) <= 5)
    if not (EFFECT.search(text) or follows) or len(set(query.entities.get("level") or [])) == 1:
        return None
    for factor, words in FACTORS.items():
        if words.search(text):
            return factor
    if ALL_FACTORS.search(text):
        return "all"
    # "and how much above market do they pay?" right after the company factor: that factor
    before = query.previous.get("entities") or {}
    shown = [f for f in before.get(FACTOR_CONTEXT) or [] if f != "all"] or [
        f for f in ("company_type", "location") if before.get(f)]
    return shown[0] if shown and THEY.search(text) else None


@dataclass(frozen=True)
class FactorAnswer:
    factor: str  # level, location, company_type, specialization, remote or "all"
    text: str


def pay_factor_answer(kb: KnowledgeBase, query: Query, about_pay: bool) -> Optional[FactorAnswer]:
    """The factor answer for a what-moves-pay question; outside the salary answers only when the
    message is about pay at all ("is it worth moving to New York for a higher salary?")."""
    if not (about_pay or PAY.search(query.both_texts)):
        return None
    factor = asked_factor(query)
    if factor is None or (factor == "location" and len(set(query.entities.get("location") or [])) >= 2):
        return None  # two places: the comparison answers
    if factor == "all":
        return FactorAnswer(factor, "What moves ML engineer pay, by the guide (US figures):\n" + bullets(
            factor_summary(kb, f) for f in ("level", "location", "company_type", "specialization")))
    return FactorAnswer(factor, describe_factor(kb, factor))


# Location tiers the guide gives no figure for that a location answer names (salary_factors.yml).
UNQUANTIFIED_PLACES = ("elsewhere", "outside_us")


def _describe_location(kb: KnowledgeBase, median: SalaryBandInfo) -> str:
    tiers = kb.location_tiers()
    hub = next((t for t in tiers if t.min_pct and t.max_pct), None)  # the highest premium comes first
    if hub is None or hub.min_pct is None or hub.max_pct is None:
        return "**Location**: " + " ".join(t.wording for t in tiers)
    premium = Adjustment("location", hub.name, hub.min_pct, hub.max_pct, hub.wording, hub.source, hub.id)
    with_hub = money_range(*apply_adjustments(median.min_usd, median.max_usd, [premium]))
    others = " ".join(t.wording for t in tiers if t.id in UNQUANTIFIED_PLACES)
    return (f"**Location moves pay by about {hub.min_pct:g}-{hub.max_pct:g}%**: “{hub.wording}” Applied to the "
            f"guide's US median of {money_range(median.min_usd, median.max_usd)} that is about {with_hub}."
            + (f" {others}" if others else ""))


def factor_summary(kb: KnowledgeBase, factor: str) -> str:
    """One line for a factor in the answer about all of them."""
    if factor == "level":
        return "**Experience** moves pay the most: " + "; ".join(
            f"{lv.name} {' or '.join(money_range(b.min_usd, b.max_usd) for b in lv.salary_bands) or 'no figure'}"
            for lv in kb.career_levels()) + "."
    if factor == "company_type":
        words = [kb.salary_estimate(company_type=i).adjustments[0].wording for i in ("faang", "enterprise")]
        return "**Company type**: " + " ".join(f"“{w}”" for w in words)
    return describe_factor(kb, factor)


def describe_factor(kb: KnowledgeBase, factor: str) -> str:
    median = kb.salary_estimate().ranges[0].base
    if factor == "location":
        return _describe_location(kb, median)
    if factor == "company_type":
        lines = [premium_line(kb.salary_estimate(company_type=i).adjustments[0], kb.salary_estimate().ranges)
                 for i in ("faang", "startup", "early_startup", "enterprise")]
        return "**Company type moves pay**, by the guide:\n" + bullets(lines)
    if factor == "level":
        lines = []
        for lv in kb.career_levels():
            pay = " or ".join(money_range(b.min_usd, b.max_usd) for b in lv.salary_bands) or "no figure in the guide"
            years = level_years(lv)
            lines.append(f"{lv.name} ({years}): {pay}")
        return ("**Experience moves pay the most** in the guide's figures (US):\n" + bullets(lines) +
                "\nWhere the guide gives two figures for a level, both are shown.")
    if factor == "specialization":
        return f"**Specialisation**: “{kb.specialization_premium().text}” The guide gives no figure for that premium."
    return (f"**Remote work**: “{kb.remote_work().text}” The guide gives no separate figure for remote pay; its "
            f"median is {money_range(median.min_usd, median.max_usd)} (US).")

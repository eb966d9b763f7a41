"""Salary estimates: a base band, the location/company/specialization premiums, and the caveats."""
import re
from typing import List, Optional

from bot.actions.base import KnowledgeAction, Reply
from bot.actions.profile_state import Profile, Query
from bot.actions.replies import bullets, button, inform_button, join_words, money_range
from knowledge import KnowledgeBase
from knowledge.results import Adjustment, SalaryEstimate, SalaryRange
from knowledge.salary import apply_adjustments

PARAMS = ("level", "location", "company_type", "specialization")


def _with_premium(r: SalaryRange, adj: Adjustment) -> str:
    return money_range(*apply_adjustments(r.base.min_usd, r.base.max_usd, [adj]))


def _premium(adj: Adjustment, ranges: List[SalaryRange]) -> str:
    """One premium and its effect on the base band(s) alone."""
    if adj.tier == "outside_us":
        return f"{adj.name}: {adj.wording}"
    if adj.min_pct is None:
        return f"{adj.name}: {adj.wording} (no figure given, so not added)"
    if adj.max_pct == 0:
        return f"{adj.name}: no premium. {adj.wording}"
    effect = " or ".join(f"**{_with_premium(r, adj)}**" for r in ranges)
    return f"+{adj.min_pct:g}-{adj.max_pct:g}% for {adj.name}: {effect} ({adj.wording})"


def _base(r: SalaryRange) -> str:
    return f"**{money_range(r.base.min_usd, r.base.max_usd)}** (“{r.base.wording}”)"


def describe(est: SalaryEstimate, from_profile: List[str]) -> str:
    """The base band first, named as such; then each premium's effect on its own line; a
    combined figure only as careerbot's own arithmetic, never as the headline."""
    who = est.level.name if est.level else "ML engineer"
    where = [w for w in (f"in {est.location}" if est.location and est.location != "remote" else "",
                         "working remotely" if est.location == "remote" else "",
                         f"at {est.company_type}" if est.company_type else "",
                         f"in {est.specialization}" if est.specialization else "") if w]
    title = f"**{who}{' ' + ' '.join(where) if where else ''}**"
    abroad = [a for a in est.adjustments if a.factor == "location" and a.tier == "outside_us"]
    text = ""
    if abroad:
        text = (f"The guide's salary figures are **US salaries**; it has none for {abroad[0].name}. "
                f"The figures below are US pay, not pay in {abroad[0].name}.\n")
    if not est.ranges:
        return text + (f"{title}: the guide gives no salary figure for this level. Senior roles are its highest figure "
                       f"(often over $200K; elsewhere “exceed $250K base plus significant equity”).")
    basis = "US median for the role" if est.level is None else "US base for the level"
    if len(est.ranges) == 1:
        text += f"{title}: {basis}, before any premium: about {_base(est.ranges[0])} a year."
    else:
        text += f"{title}: {basis}, before any premium: the guide gives two figures, " + \
            " and ".join(_base(r) for r in est.ranges) + "."
    if est.adjustments:
        text += "\nWhat moves it, each on its own:\n" + bullets(_premium(a, est.ranges) for a in est.adjustments)
    if sum(1 for a in est.adjustments if a.min_pct) > 1:
        combined = " or ".join(money_range(r.low_usd, r.high_usd) for r in est.ranges)
        text += (f"\nAll of them together would come to {combined}, but that is careerbot's arithmetic: "
                 "the guide states no combined figure, and premiums may not simply add up.")
    if from_profile:
        text += f"\n(Using what you told me: {join_words(from_profile)}.)"
    if est.caveats:
        text += "\n\n" + " ".join(c.text for c in est.caveats)
    for unknown in est.unknown:
        text += f"\n\nI have no figures for that {unknown.kind.replace('_', ' ')}; I know: {join_words(unknown.known[:12])}."
    return text


# "does the city change pay?", "how much does experience add?": a question about what moves
# pay, answered with that factor and its figures rather than one estimate.
EFFECT = re.compile(r"\b(?:change|changes|affect|affects|impact|depend|depends|matter|matters|move|moves|add|adds|"
                    r"boost|bump|premium|difference|higher|more|less|really|pay well|pays well|worth|factor|factors|"
                    r"influence|vary|varies|increase|raise)\b", re.IGNORECASE)
FACTORS = {
    "location": re.compile(r"\b(?:city|cities|location|where you live|place|region|area|hub|hubs|geograph\w*)\b", re.I),
    "company_type": re.compile(r"\b(?:company|companies|employer|faang|big tech|startups?|enterprises?|firm)\b", re.I),
    "level": re.compile(r"\b(?:experience|seniority|years|level|levels|promotion)\b", re.I),
    "specialization": re.compile(r"\b(?:niche|niches|speciali[sz]\w*|domain|domains|expertise)\b", re.I),
    "remote": re.compile(r"\b(?:remote|remotely|wfh|work from home)\b", re.I),
}


def asked_factor(query: Query) -> Optional[str]:
    """The pay factor a question asks about, when it asks what moves pay rather than for a figure."""
    if not EFFECT.search(query.understood) or query.first("level"):
        return None
    for factor, words in FACTORS.items():
        if words.search(query.understood):
            return factor
    return None


def describe_factor(kb: KnowledgeBase, factor: str) -> str:
    median = kb.salary_estimate().ranges[0].base
    if factor == "location":
        hub = kb.salary_estimate(location="seattle").adjustments[0]
        with_hub = money_range(*apply_adjustments(median.min_usd, median.max_usd, [hub]))
        return (f"**Location moves pay by about 30-50%**: “{hub.wording}” Applied to the guide's US median of "
                f"{money_range(median.min_usd, median.max_usd)} that is about {with_hub}. For other places the "
                f"guide gives no figure, and all its figures are US salaries.")
    if factor == "company_type":
        lines = [_premium(kb.salary_estimate(company_type=i).adjustments[0], kb.salary_estimate().ranges)
                 for i in ("faang", "startup", "enterprise")]
        return "**Company type moves pay**, by the guide:\n" + bullets(lines)
    if factor == "level":
        lines = []
        for lv in kb.career_levels():
            pay = " or ".join(money_range(b.min_usd, b.max_usd) for b in lv.salary_bands) or "no figure in the guide"
            years = f"{lv.min_years}+ years" if lv.max_years is None else f"{lv.min_years}-{lv.max_years} years"
            lines.append(f"{lv.name} ({years}): {pay}")
        return ("**Experience moves pay the most** in the guide's figures (US):\n" + bullets(lines) +
                "\nWhere the guide gives two figures for a level, both are shown.")
    if factor == "specialization":
        return ("**Specialisation**: “Deep expertise in specific domains (computer vision, NLP, reinforcement "
                "learning) commands premium salaries.” The guide gives no figure for that premium.")
    return (f"**Remote work**: “{kb.remote_work().text}” The guide gives no separate figure for remote pay; its "
            f"median is {money_range(median.min_usd, median.max_usd)} (US).")


class ActionSalary(KnowledgeAction):
    def name(self) -> str:
        return "action_salary"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        factor = asked_factor(query)
        if factor:
            return Reply(describe_factor(kb, factor), [button("My estimate", "/ask_salary")])
        params = {}
        from_profile = []
        for name in PARAMS:
            value: Optional[str] = query.first(name)
            if value is None and getattr(profile, name):
                value = getattr(profile, name)
                from_profile.append(kb.names(name).get(value, value))
            params[name] = value
        est = kb.salary_estimate(**params)
        text = describe(est, from_profile)
        buttons = []
        asks_for = None
        if params["level"] is None and profile.may_ask("level"):
            text += "\n\nThat's the overall median. Which level are you at (or aiming for)? I'll narrow it down."
            buttons = [inform_button(lv.name.split()[0], "level", lv.id) for lv in kb.career_levels()]
            asks_for = "level"
        else:
            if params["location"] != "new_york":
                buttons.append(button("And in New York?", '/followup_what_about{"location":"new_york"}'))
            if params["company_type"] != "faang":
                buttons.append(button("What about FAANG?", '/followup_what_about{"company_type":"faang"}'))
            if params["location"] != "remote":
                buttons.append(button("Remote?", '/followup_what_about{"location":"remote"}'))
        context = {k: [v] for k, v in params.items() if v}
        return Reply(text, buttons, asks_for=asks_for, context=context)

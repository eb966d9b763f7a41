"""Salary estimates: a base band, the location/company/specialization premiums, and the caveats."""
import re
from typing import Dict, List, Optional, Sequence

from bot.actions.role import MLE
from bot.answering.action_base import KnowledgeAction, Reply, action_registry
from bot.answering.pay_factors import premium_line
from bot.answering.query import Profile, Query
from bot.answering.replies import (
    bullets,
    entity_button,
    highest_figures,
    inform_button,
    join_words,
    money_range,
)
from bot.answering.salary_chart import salary_chart
from knowledge import KnowledgeBase
from knowledge.results import CareerLevelInfo, SalaryEstimate, SalaryRange

PARAMS = ("level", "location", "company_type", "specialization")
# The follow-ups a salary answer offers (ids of salary_factors.yml).
NEW_YORK, FAANG, REMOTE = "new_york", "faang", "remote"


def _base(r: SalaryRange) -> str:
    return f"**{money_range(r.base.min_usd, r.base.max_usd)}** (“{r.base.wording}”)"


def describe(est: SalaryEstimate, from_profile: List[str], levels: Sequence[CareerLevelInfo]) -> str:
    """The base band first, named as such; then each premium's effect on its own line; a
    combined figure only as careerbot's own arithmetic, never as the headline."""
    who = est.level.name if est.level else "ML engineer"
    abroad = [a for a in est.adjustments if a.factor == "location" and a.tier == "outside_us"]
    # a place outside the US never heads US figures: "ML engineer in Toronto: $165K" reads as local pay
    here = est.location if est.location and est.location != "remote" and not abroad else ""
    where = [w for w in (f"in {here}" if here else "", "in the US" if abroad else "",
                         "working remotely" if est.location == "remote" else "",
                         f"at {est.company_type}" if est.company_type else "",
                         f"in {est.specialization}" if est.specialization else "") if w]
    title = f"**{who}{' ' + ' '.join(where) if where else ''}**"
    text = ""
    if abroad:
        text = (f"The guide's salary figures are **US salaries**; it has none for {abroad[0].name}. "
                f"The figures below are US pay, not pay in {abroad[0].name}.\n")
    if not est.ranges:
        return text + f"{title}: the guide gives no salary figure for this level.{highest_figures(levels)}"
    basis = "US median for the role" if est.level is None else "US base for the level"
    if len(est.ranges) == 1:
        text += f"{title}: {basis}, before any premium: about {_base(est.ranges[0])} a year."
    else:
        text += f"{title}: {basis}, before any premium: the guide gives two figures, " + \
            " and ".join(_base(r) for r in est.ranges) + "."
    if est.adjustments:
        text += "\nWhat moves it, each on its own:\n" + bullets(premium_line(a, est.ranges) for a in est.adjustments)
    if sum(1 for a in est.adjustments if a.min_pct) > 1:  # no sum of premiums: the guide states none
        text += "\nThe guide gives no figure for these premiums together, and they may not simply add up."
    if from_profile:
        text += f"\n(Using what you told me: {join_words(from_profile)}.)"
    if est.caveats:
        text += "\n\n" + " ".join(c.text for c in est.caveats)
    for unknown in est.unknown:
        text += (f"\n\nI have no figures for that {unknown.kind.replace('_', ' ')}; "
                 f"I know: {join_words(unknown.known[:12])}.")
    return text


# Pay at the start of the ladder, whatever level the profile holds.
STARTING_OUT = re.compile(r"\bstart(?:ing)? out\b|\bstarting (?:salary|pay)\b|\bentry[- ]level\b|"
                          r"\bfirst (?:(?:ml|machine learning|mle|ai)\s+)?(?:(?:engineer|engineering|eng)\s+)?"
                          r"(?:job|role|position|gig|offer|salary|paycheck|pay)\b|\b(?:fresh|new) grads?\b|"
                          r"\bstarting level\b|"
                          r"\b(?:switch(?:ed|ing)?|mov(?:e|ed|ing)|transition(?:ed|ing)?|pivot(?:ed|ing)?|jump(?:ed|ing)?)"
                          r"\s+(?:in)?to\s+(?:ml|machine learning|ai)\b", re.IGNORECASE)
# Words that ask about pay: "does remote pay less?" is about pay, "is remote work common?" is not.
PAY_WORDS = re.compile(r"\b(?:pay|pays|paid|salar\w*|earn\w*|make|making|money|comp|compensation|income|wage|tc|"
                       r"\$|\d+k)\b", re.IGNORECASE)
# "Remote?", "and remote?" after a pay answer ask about pay.
FOLLOW_UP_WORDS = 4
# A FAANG company by its own name.
ONE_COMPANY = re.compile(r"\b(?:google|meta|facebook|apple|amazon|netflix)\b", re.IGNORECASE)


class ActionSalary(KnowledgeAction):
    about_pay = True
    two_roles_answer = "action_compare_pay"

    def name(self) -> str:
        return "action_salary"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        if any(role != MLE for role in query.entities.get("role") or []):  # "what's a data engineer paid?"
            return action_registry()["action_compare_pay"].answer(kb, profile, query)
        follow_up = query.previous.get("action") == self.name() and len(query.text.split()) <= FOLLOW_UP_WORDS
        if query.first("location") == REMOTE and not PAY_WORDS.search(query.text) and not follow_up:
            # "is remote work common for this role?": what the guide says of remote work, not a pay figure
            return Reply(f"{kb.remote_work().text} The guide gives no pay figure of its own for remote roles; "
                         "ask me what a remote role pays and I'll show the US figures it does give.",
                         [entity_button("Remote pay?", "ask_salary", location=REMOTE)], context={"location": [REMOTE]})
        params: Dict[str, Optional[str]] = {}
        from_profile: List[str] = []
        starting = query.first("level") is None and STARTING_OUT.search(query.text) is not None
        for name in PARAMS:
            value: Optional[str] = query.first(name)
            if name == "level" and starting:  # "what would I make starting out?": where the ladder starts
                value = kb.career_levels()[0].id
            if value is None and getattr(profile, name):
                value = getattr(profile, name)
                from_profile.append(kb.names(name).get(value, value))
            params[name] = value
        est = kb.salary_estimate(**params)
        levels = kb.career_levels()
        text = describe(est, from_profile, levels)
        company = ONE_COMPANY.search(query.text) if query.first("company_type") == FAANG else None
        if company:  # "how much does netflix pay?": the guide has FAANG as a group, not each company
            text = (f"The guide gives no figures for {company.group(0).title()} itself; it counts it among FAANG, "
                    f"which it treats as one group.\n{text}")
        buttons = []
        asks_for = None
        if params["level"] is None and profile.may_ask("level"):
            text += "\n\nThat's the overall median. Which level are you at (or aiming for)? I'll narrow it down."
            buttons = [inform_button(lv.name.split()[0], "level", lv.id) for lv in levels]
            asks_for = "level"
        else:
            places, companies = kb.names("location"), kb.names("company_type")
            for kind, value, title in (("location", NEW_YORK, f"And in {places.get(NEW_YORK)}?"),
                                       ("company_type", FAANG, f"What about {companies.get(FAANG)}?"),
                                       ("location", REMOTE, "Remote?")):
                known = places if kind == "location" else companies
                if params[kind] != value and value in known:
                    buttons.append(entity_button(title, "followup_what_about", **{kind: value}))
        context = {k: [v] for k, v in params.items() if v}
        chart = salary_chart(kb, params["level"], params["location"], params["company_type"])
        return Reply(text, buttons, asks_for=asks_for, context=context, chart=chart)

"""What an ML engineer does, and how the role compares with related roles."""
import re
from typing import List

from bot.answering.action_base import KnowledgeAction, Reply, action_registry
from bot.answering.query import Profile, Query
from bot.answering.replies import (
    bullets,
    entity_button,
    highest_figures,
    intent_button,
    level_pay,
    money,
    since_background,
)
from bot.answering.statements import ASKED
from knowledge import KnowledgeBase
from knowledge.results import RoleInfo, Unknown

MLE = "ml_engineer"
DATA_SCIENTIST = "data_scientist"  # the role the guide compares ML engineering with


class ActionExplainRole(KnowledgeAction):
    def name(self) -> str:
        return "action_explain_role"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        if asks_about_a_level(query):
            return action_registry()["action_career_levels"].answer(kb, profile, query)
        ov = kb.role_overview()
        text = f"{ov.summary}\n\n**Day to day:**\n{bullets(ov.duties)}\n\n{ov.intersection}"
        note = kb.background_note("role", profile.background)
        since = since_background(profile.background)
        if note and since:
            text += f"\n\n{since}, {note.text}"
        scientist = kb.role(DATA_SCIENTIST)
        return Reply(text, [
            *([] if isinstance(scientist, Unknown) else
              [entity_button(f"MLE vs {scientist.name}", "compare_roles", role=scientist.id)]),
            intent_button("Skills I need", "ask_skills"),
            intent_button("Salary", "ask_salary"),
        ])


# A level named as an ML job: "a staff ML engineer" (but "the principal responsibilities").
LEVEL_AS_JOB = re.compile(r"\b(?:junior|jr|mid[- ]?level|mid|senior|sr|staff|principal|lead)\s+(?:ml|mle|mles|"
                          r"machine learning|ai)\b", re.IGNORECASE)


LEVEL_PEOPLE = re.compile(r"\b(?:juniors|seniors|mid-?levels|mid level engineers|staff engineers|principals)\b",
                          re.IGNORECASE)


def asks_about_a_level(query: Query) -> bool:
    """'what does a staff MLE do?', or 'what do they do?' after the staff years: that level's scope.
    'I'm a junior, what does an MLE do?' is about the role."""
    level = query.first("level")
    if not level or level in query.about_user("level"):
        return False
    carried = not any(s.kind == "level" for s in query.said)
    # "what do seniors do differently?" (but "the principal responsibilities" is no level)
    asked = any(s.kind == "level" and s.stance == ASKED for s in query.said) and bool(LEVEL_PEOPLE.search(query.text))
    return carried or asked or bool(LEVEL_AS_JOB.search(query.text))


def roles_to_compare(query: Query) -> List[str]:
    roles = [r for r in query.entities.get("role", []) if r != MLE]
    if not roles:
        return [MLE, DATA_SCIENTIST]
    return roles[:2] if len(roles) >= 2 else [MLE, roles[0]]


class ActionCompareRoles(KnowledgeAction):
    compares_things = False  # it compares roles itself

    def name(self) -> str:
        return "action_compare_roles"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        first, second = roles_to_compare(query)
        cmp = kb.compare_roles(second, first)
        if isinstance(cmp, Unknown):
            return Reply(f"I can compare ML engineering with: {', '.join(cmp.known)}.")
        text = "\n\n".join(_describe(r) for r in (cmp.second, cmp.first))
        if cmp.faq:
            text += f"\n\n{cmp.faq.answers[0].text}"
        others = [r for r in kb.roles() if r.id not in (first, second, MLE)]
        return Reply(text, [intent_button("Which pays more?", "compare_pay")] + [
            entity_button(f"MLE vs {r.name}", "compare_roles", role=r.id) for r in others
        ], context={"role": [first, second]})


COMPARES = re.compile(r"\b(?:vs\.?|versus|or|than|compare\w*|difference|diff|against)\b", re.IGNORECASE)


class ActionComparePay(KnowledgeAction):
    compares_things = False  # it compares roles itself
    about_pay = True

    def name(self) -> str:
        return "action_compare_pay"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        named = [r for r in query.entities.get("role") or [] if r != MLE]
        if not named and any(query.entities.get(k) for k in ("level", "location", "company_type", "specialization")):
            # "mle tc at faang?", "mle pay in london?": ML engineer pay there, not the role table
            return action_registry()["action_salary"].answer(kb, profile, query)
        roles = query.entities.get("role") or (query.previous.get("entities") or {}).get("role")
        if not roles or (set(roles) == {MLE} and not COMPARES.search(query.text)):
            # "what related roles are there?", "mle median": every role of the guide
            return Reply("The roles in the guide, by median US salary, highest first:\n" +
                         bullets(_describe(r) for r in kb.roles()))
        first, second = roles_to_compare(Query(query.intent, query.text, {"role": roles}))
        cmp = kb.compare_roles(first, second)
        if isinstance(cmp, Unknown):
            return Reply(f"I have salary figures for: {', '.join(cmp.known)}.")
        if cmp.higher_paid is None:
            return Reply(f"{cmp.first.name} and {cmp.second.name} have the same median: "
                         f"{money(cmp.first.median_salary)}.")
        lower = cmp.second if cmp.higher_paid.id == cmp.first.id else cmp.first
        text = (f"**{cmp.higher_paid.name}** pays more: a median of {money(cmp.higher_paid.median_salary)} vs "
                f"{money(lower.median_salary)} for {lower.name} ({money(cmp.difference_usd)} more).")
        asked_level = query.first("level")
        level = kb.career_level(asked_level) if asked_level else None
        if MLE in (first, second) and level is not None and not isinstance(level, Unknown):
            # "staff vs research scientist?": the medians are for whole roles; the level has its own figures
            text += (f"\n\nThose are medians for the roles as a whole. **{level.name}** pay (US): {level_pay(level)}."
                     + ("" if level.salary_bands else highest_figures(kb.career_levels())))
        elif MLE in (first, second):
            text += "\n\nFor ML engineer pay by level, location and company, ask me about salary."
        return Reply(text, [intent_button("ML engineer salary", "ask_salary")], context={"role": [first, second]})


def _describe(role: RoleInfo) -> str:
    return f"**{role.name}** ({money(role.median_salary)} median): {role.focus}."

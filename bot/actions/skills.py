"""Which skills an ML engineer needs, and which of them a user is still missing."""
from typing import List

from bot.answering.action_base import KnowledgeAction, Reply
from bot.answering.other_skills import ENTITY as OTHER_SKILL
from bot.answering.other_skills import other_skill_names
from bot.answering.query import Profile, Query
from bot.answering.replies import bullets, intent_button, join_words
from bot.answering.skill_needed import one_skill
from bot.answering.skills_outside_guide import not_in_the_guide
from bot.answering.statements import HOLDS, TARGET
from knowledge import KnowledgeBase
from knowledge.results import SkillInfo, Unknown


def known_skills(profile: Profile, query: Query) -> List[str]:
    """The profile's skills and those the message says the user has ("I know Python, what am I
    missing?", "if I know SQL ..."), not those it asks about ("does the guide cover transformers?")."""
    said = [s.value for s in query.said if s.kind == "skill" and s.stance in (HOLDS, TARGET)]
    return list(dict.fromkeys([*profile.skills_known, *said]))


def _mark(skill: SkillInfo, known: List[str]) -> str:
    return f"{skill.name} ✓" if skill.id in known else skill.name


class ActionListSkills(KnowledgeAction):
    two_roles_answer = "action_compare_roles"

    def name(self) -> str:
        return "action_list_skills"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        known = profile.skills_known
        buttons = [intent_button("What am I missing?", "ask_skill_gap"),
                   intent_button("Learning roadmap", "ask_learning_path")]
        category = query.first("skill_category")
        step = query.first("learning_step")
        skill = query.first("skill")
        others = query.entities.get(OTHER_SKILL)
        if category:
            cat = kb.skill_category(category)
            if isinstance(cat, Unknown):
                return Reply(f"The skill areas I know are: {join_words(cat.known)}.", buttons)
            lines = [f"{_mark(k, known)} (learned in: {k.learning_step_name})" for k in cat.skills]
            text = f"**{cat.name}**: {cat.summary}\n{bullets(lines)}"
            # "does kotlin count for the production languages thing?"
            return Reply(f"{not_in_the_guide(kb, others)}\n\n{text}" if others else text, buttons)
        if skill and not step:  # "does kotlin count as the java thing?": Kotlin first, then Java
            text = one_skill(kb, skill, known)
            return Reply(f"{not_in_the_guide(kb, others)}\n\n{text}" if others else text, buttons)
        if others and not step:  # "is C# useful for ML?"
            return Reply(not_in_the_guide(kb, others), buttons)
        if step:
            skills = kb.skills_for_step(step)
            if not isinstance(skills, Unknown) and skills:
                name = skills[0].learning_step_name
                summary = next((s.summary for s in kb.learning_steps() if s.id == step), "")
                return Reply(f"The **{name}** step covers:\n{bullets(_mark(k, known) for k in skills)}"
                             + (f"\n{summary}" if summary else ""), buttons)
        lines = []
        for cat in kb.skill_categories():
            lines.append(f"**{cat.name}**: {cat.summary}")
        text = "Here's what employers expect from ML engineers:\n" + bullets(lines)
        if known:
            names = [k.name for c in kb.skill_categories() for k in c.skills if k.id in known]
            text += f"\n\nYou already have {join_words(names)}; ask “what am I missing?” for the rest."
        return Reply(text, buttons)


class ActionSkillGap(KnowledgeAction):
    def name(self) -> str:
        return "action_skill_gap"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        known = known_skills(profile, query)
        gap = kb.skill_gap(known)
        slots = {"skills_known": [k.id for k in gap.known]} if gap.known else {}
        if not gap.missing:
            return Reply("You've got every skill on the guide's list. Time for projects!",
                         [intent_button("Portfolio advice", "ask_portfolio")], slots)
        lines = [f"**{step.name}**: {join_words([k.name for k in skills])}" for step, skills in gap.by_step]
        if gap.known:
            intro = (f"You know {join_words([k.name for k in gap.known])}. "
                     "Still missing, by the roadmap step that covers it:")
        elif profile.other_skills:
            named = join_words([other_skill_names().get(s, s) for s in profile.other_skills])
            intro = (f"You've told me {named}, which the guide doesn't name, so none of its list is crossed off "
                     "yet. Here it is by roadmap step:")
        else:
            intro = ("You haven't told me which skills you have, so here is the full list by roadmap step. "
                     "Tell me what you know (e.g. “I know Python and SQL”) and I'll cross those off:")
        text = f"{intro}\n{bullets(lines)}"
        asked_about = query.entities.get(OTHER_SKILL)
        if asked_about:  # "do my C# skills transfer at all?"
            text = f"{not_in_the_guide(kb, asked_about)}\n\n{text}"
        alternatives = [a.text for a in gap.alternatives]
        if alternatives:
            text += "\n\nWhere the guide names alternatives, one is enough: " + " ".join(alternatives)
        return Reply(text, [intent_button("What should I learn next?", "ask_next_step")], slots)

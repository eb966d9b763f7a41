"""FAQ answers that need only light personalisation: PhD, and whether to specialise."""
from typing import Union

from bot.answering.action_base import KnowledgeAction, Reply
from bot.answering.query import Profile, Query
from bot.answering.replies import intent_button, lower_first
from bot.answering.skill_needed import NEEDED
from knowledge import KnowledgeBase
from knowledge.results import FaqAnswer, Unknown


def faq_text(faq: Union[FaqAnswer, Unknown]) -> str:
    return "I don't have that answer right now." if isinstance(faq, Unknown) else faq.answers[0].text


class ActionPhd(KnowledgeAction):
    def name(self) -> str:
        return "action_phd"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        faq = kb.faq("phd")
        text = faq_text(faq)
        # "does that job need a doctorate?" right after research-scientist pay: that job is the research role
        roles = query.entities.get("role") or (query.previous.get("entities") or {}).get("role") or []
        points = {} if isinstance(faq, Unknown) else faq.points
        if "research_scientist" in roles and {"research_roles", "industry_roles"} <= points.keys():
            text = f"**{points['research_roles'].text}** {points['industry_roles'].text}\n\n{text}"
        elif not NEEDED.search(query.text) and {"research_roles", "industry_roles", "degree_needed"} <= points.keys():
            # "will my PhD help or is it wasted?": the guide's "No." answers whether one is needed, not this
            text = " ".join(points[p].text for p in ("research_roles", "industry_roles", "degree_needed"))
        return Reply(text, [intent_button("Education paths", "ask_education"),
                            intent_button("Portfolio advice", "ask_portfolio")])


class ActionSpecialize(KnowledgeAction):
    def name(self) -> str:
        return "action_specialize"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        faq = kb.faq("specialize")
        text = faq_text(faq)
        interest = query.first("specialization") or profile.specialization
        if interest:
            name = kb.names("specialization").get(interest, interest)
            level = kb.career_level(profile.level) if profile.level else None
            if level is not None and not isinstance(level, Unknown) and level.position > 1:  # past junior
                text += (f"\n\nWith your experience, leaning into {name} now makes sense: "
                         f"{lower_first(kb.specialization_premium().text)}")
            elif not isinstance(faq, Unknown):
                text += (f"\n\nSo for {name}: keep it as the theme of a portfolio project, but "
                         f"{lower_first(faq.short_answer)}")
        return Reply(text, [intent_button("Salary by specialization", "ask_salary"),
                            intent_button("Project ideas", "ask_project_ideas")])

"""FAQ answers that need only light personalisation: PhD, and whether to specialise."""
from bot.answering.action_base import KnowledgeAction, Reply
from bot.answering.query import Profile, Query
from bot.answering.replies import intent_button
from knowledge import KnowledgeBase
from knowledge.results import Unknown


def faq_text(faq) -> str:
    return "I don't have that answer right now." if isinstance(faq, Unknown) else faq.answers[0].text


class ActionPhd(KnowledgeAction):
    def name(self) -> str:
        return "action_phd"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        text = faq_text(kb.faq("phd"))
        # "does that job need a doctorate?" right after research-scientist pay: that job is the research role
        roles = query.entities.get("role") or (query.previous.get("entities") or {}).get("role") or []
        if "research_scientist" in roles:
            text = ("**For AI/ML Research Scientist roles, the guide says a PhD helps.** For most industry ML "
                    "engineer roles it isn't needed:\n\n" + text)
        return Reply(text, [intent_button("Education paths", "ask_education"), intent_button("Portfolio advice", "ask_portfolio")])


class ActionSpecialize(KnowledgeAction):
    def name(self) -> str:
        return "action_specialize"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        faq = kb.faq("specialize")
        text = faq_text(faq)
        interest = query.first("specialization") or profile.specialization
        if interest:
            name = kb.names("specialization").get(interest, interest)
            if profile.level in ("senior", "staff", "mid"):
                text += f"\n\nWith your experience, leaning into {name} now makes sense: specialization commands premium salaries."
            else:
                text += f"\n\nSo for {name}: keep it as the theme of a portfolio project, but build the broad base first."
        return Reply(text, [intent_button("Salary by specialization", "ask_salary"), intent_button("Project ideas", "ask_project_ideas")])

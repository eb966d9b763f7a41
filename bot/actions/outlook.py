"""Job growth, demand, and whether AI will automate the job."""
from bot.answering.action_base import KnowledgeAction, Reply
from bot.answering.query import Profile, Query
from bot.answering.replies import intent_button, money
from knowledge import KnowledgeBase
from knowledge.results import Unknown


class ActionJobGrowth(KnowledgeAction):
    def name(self) -> str:
        return "action_job_growth"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        o = kb.job_outlook()
        text = (f"{o.demand.text} The role is projected to grow **+{o.growth_pct:g}% through {o.through_year}**, "
                f"with a median US salary of {money(o.median_salary)}: {o.standing.text}.")
        return Reply(text, [intent_button("Will AI automate it?", "ask_ai_threat"),
                            intent_button("How long to get there?", "ask_time_to_ready")])


class ActionAiThreat(KnowledgeAction):
    def name(self) -> str:
        return "action_ai_threat"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        faq = kb.faq("ai_threat")
        if isinstance(faq, Unknown):
            text = kb.job_outlook().ai_resistance.text
        else:
            text = f"**{faq.short_answer}** {faq.answers[0].text}"
        return Reply(text, [intent_button("Job growth", "ask_job_growth")])

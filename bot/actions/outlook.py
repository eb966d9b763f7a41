"""Job growth, demand, and whether AI will automate the job."""
import re

from bot.answering.action_base import KnowledgeAction, Reply
from bot.answering.query import Profile, Query
from bot.answering.replies import intent_button, money
from knowledge import KnowledgeBase
from knowledge.results import Unknown

# A question about the career as a whole rather than its numbers.
VERDICT = re.compile(r"\b(?:good|great|bad|right|smart) (?:career|choice|move|idea)|\bcareer choice|"
                     r"\bworth (?:it|pursuing)|recommend|rewarding|hard|tough|difficult|challenging|hype\b",
                     re.IGNORECASE)


OUTSIDE_US = "outside_us"  # knowledge/content/salary_factors.yml
# Where the user lives, said without naming it.
HERE = re.compile(r"\b(?:here|there|where i (?:live|am|'m)|my (?:country|city|area|region|part of the world))\b",
                  re.IGNORECASE)


class ActionJobGrowth(KnowledgeAction):
    def name(self) -> str:
        return "action_job_growth"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        o = kb.job_outlook()
        text = (f"{o.demand.text} The role is projected to grow **+{o.growth_pct:g}% through {o.through_year}**, "
                f"with a median US salary of {money(o.median_salary)}: {o.standing.text}.")
        if VERDICT.search(query.text):  # "would you recommend this career?", "is it hard?": the guide's verdict first
            text = f"{o.verdict.text}\n\n{text}"
        places = query.entities.get("location") or (
            [profile.location] if profile.location and HERE.search(query.text) else [])  # "is demand growing there?"
        abroad = [p for p in places if kb.location_tier(p) == OUTSIDE_US]
        if abroad:  # "is there demand in Europe?": the guide's outlook is about the US
            place = kb.names("location").get(abroad[0], abroad[0])
            text = (f"The guide I'm built from doesn't say anything about demand in {place}: its outlook figures "
                    f"are about the US. What it says:\n{text}")
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

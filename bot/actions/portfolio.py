"""Portfolio, projects, open source, Kaggle, writing, networking and job hunting."""
from typing import Dict, Optional

from bot.answering.action_base import KnowledgeAction, Reply
from bot.answering.query import Profile, Query
from bot.answering.replies import bullets, intent_button, join_words
from knowledge import KnowledgeBase
from knowledge.results import PortfolioTopicInfo, Unknown

TOPIC_OF_INTENT: Dict[str, Optional[str]] = {
    "ask_portfolio": None,
    "ask_project_ideas": "projects",
    "ask_open_source": "open_source",
    "ask_kaggle": "kaggle",
    "ask_writing": "writing",
    "ask_networking": "networking",
    "ask_job_hunting": "job_hunting",
}

# Which example project fits a specialization interest best.
PROJECT_FOR_INTEREST = {"nlp": "natural language processing", "computer_vision": "image classifier"}


def project_text(t: PortfolioTopicInfo, profile: Profile) -> str:
    text = f"{t.text} Examples: {join_words(t.examples, 'or')}."
    hint = PROJECT_FOR_INTEREST.get(profile.specialization or "")
    pick = next((e for e in t.examples if hint and hint in e), None)
    if pick:
        text += f" Given your interest, make {pick} one of them."
    return text


class ActionPortfolio(KnowledgeAction):
    def name(self) -> str:
        return "action_portfolio"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        topic = TOPIC_OF_INTENT.get(query.intent)
        advice = kb.portfolio_advice(topic)
        if isinstance(advice, Unknown):
            advice = kb.portfolio_advice()
            topic = None
        more = [intent_button(label, intent) for label, intent in (
            ("Project ideas", "ask_project_ideas"), ("Open source", "ask_open_source"), ("Kaggle", "ask_kaggle"),
            ("Networking", "ask_networking"), ("Job hunting", "ask_job_hunting")) if TOPIC_OF_INTENT[intent] != topic]
        if topic is None:
            lines = [f"**{t.name}**: {project_text(t, profile) if t.id == 'projects' else t.text}"
                     for t in advice.topics if t.id != "job_hunting"]
            return Reply(f"{advice.intro.text}\n{bullets(lines)}", more)
        t = advice.topics[0]
        text = f"**{t.name}**: {project_text(t, profile) if t.id == 'projects' else t.text}"
        if t.id == "job_hunting":
            networking = kb.portfolio_advice("networking")
            if not isinstance(networking, Unknown):
                text += f"\n\nAlso: {networking.topics[0].text}"
            text += f"\n\n{advice.intro.text}"
        return Reply(text, more)

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

def project_text(t: PortfolioTopicInfo, profile: Profile) -> str:
    text = f"{t.text} Examples: {join_words(t.examples, 'or')}."
    pick = t.example_for.get(profile.specialization or "")  # the example that suits the user's interest
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
        if isinstance(advice, Unknown):  # only a topic can be unknown
            raise LookupError("the knowledge base has no portfolio advice")
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

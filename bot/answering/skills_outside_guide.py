"""A question about skills the guide does not name ("is C# useful?", "does Kotlin count as the
Java thing?"): it says so, and what the guide names nearest."""
from typing import List

from bot.answering.other_skills import LANGUAGES, any_programming, other_skill_names
from bot.answering.replies import join_words
from knowledge import KnowledgeBase


def not_in_the_guide(kb: KnowledgeBase, other_skills: List[str]) -> str:
    """What the guide says nearest to skills it does not name: its languages, or its skill areas."""
    names = other_skill_names()
    named = join_words([names.get(s, s) for s in other_skills])
    categories = kb.skill_categories()
    languages = next((c for c in categories if c.id == LANGUAGES), None)
    if languages is not None and any_programming(other_skills):
        nearest = f"The languages it names: {languages.summary}"
    else:
        nearest = f"The skill areas it lists: {join_words([c.name for c in categories])}."
    return f"The guide I'm built from doesn't mention {named}. {nearest}"

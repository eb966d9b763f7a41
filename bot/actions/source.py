"""'where is that from?', 'source?': the guide sections and the guide's own sentences behind
the previous answer (noted when it was sent: bot/answering/sources.py)."""
from bot.answering.action_base import KnowledgeAction, Reply, about_previous
from bot.answering.query import Profile, Query
from bot.answering.replies import bullets, join_words
from knowledge import KnowledgeBase

NOTHING_BEFORE = "Ask me something first, e.g. “how much do ML engineers earn?”, then ask where it comes from."
NO_SOURCE = ("That answer wasn't taken from a section of the guide (it was about our conversation). "
             "Ask me about a topic of the guide and I can show where it comes from.")


class ActionShowSource(KnowledgeAction):
    compares_things = False

    def name(self) -> str:
        return "action_show_source"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        previous = query.previous.get("action")
        if not previous:
            return Reply(NOTHING_BEFORE)
        sources = query.previous.get("sources") or {}
        sections = [s for s in sources.get("sections") or [] if isinstance(s, str)]
        if not sections:
            return about_previous(query, NO_SOURCE)
        quotes = [q for q in sources.get("quotes") or [] if isinstance(q, str)]
        text = f"That comes from the guide's section{'s' if len(sections) > 1 else ''} " \
               f"{join_words([f'**{s}**' for s in sections])}."
        if quotes:
            text += " In the guide's own words:\n" + bullets(f"“{q}”" for q in quotes)
        return about_previous(query, text)

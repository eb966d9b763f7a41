"""Career levels and progression."""
from bot.answering.action_base import KnowledgeAction, Reply
from bot.answering.query import Profile, Query
from bot.answering.replies import bullets, entity_button, join_words, level_pay, level_years
from knowledge import KnowledgeBase
from knowledge.results import Unknown


class ActionCareerLevels(KnowledgeAction):
    def name(self) -> str:
        return "action_career_levels"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        levels = kb.career_levels()
        asked = query.first("level")
        if asked:
            level = kb.career_level(asked)
            if isinstance(level, Unknown):
                return Reply(f"The levels in the guide are: {join_words(level.known)}.")
            text = f"**{level.name}** ({level_years(level)}):\n{bullets(level.scope)}\nPay (US): {level_pay(level)}."
            if level.advice:
                text += f"\n{level.advice}"
            nxt = next((lv for lv in levels if lv.position == level.position + 1), None)
            if nxt:
                text += f"\n\nNext: **{nxt.name}** from {nxt.min_years} years."
            return Reply(text, [entity_button(f"{level.name.split()[0]} salary", "ask_salary", level=level.id)])
        lines = [f"**{lv.name}** ({level_years(lv)}): {join_words(lv.scope).lower()}." for lv in levels]
        text = f"{kb.progression_advice().text}\n{bullets(lines)}"
        if profile.level:
            mine = next((lv for lv in levels if lv.id == profile.level), None)
            nxt = next((lv for lv in levels if mine and lv.position == mine.position + 1), None)
            if mine:
                text += f"\n\nYou're at **{mine.name}**" + (
                    f"; next is **{nxt.name}** ({level_years(nxt)})." if nxt else ", the top of the ladder.")
        # The guide's career section names the complementary paths.
        others = [r for r in kb.roles() if r.source == levels[0].source]
        if others:
            text += "\n\nComplementary paths: " + "; ".join(f"{r.name} ({r.focus})" for r in others) + "."
        return Reply(text, [entity_button(lv.name.split()[0], "ask_career_levels", level=lv.id) for lv in levels])

"""Career levels and progression."""
import re
from typing import Optional

from bot.actions.outlook import OUTSIDE_US
from bot.answering.action_base import KnowledgeAction, Reply
from bot.answering.query import Profile, Query
from bot.answering.replies import bullets, entity_button, join_words, level_pay, level_years
from bot.answering.routing import GO_ON
from knowledge import KnowledgeBase
from knowledge.results import TimeToReady, Unknown

# "what level would I come in at?", "would I be hired as a senior right away?": where the user starts.
WHERE_I_START = re.compile(
    r"\b(?:what|which)\s+(?:ml\s+)?level(?:\s+(?:of\s+)?(?:ml|machine learning|ai)?\s*(?:engineer|mle|eng))?\s+"
    r"(?:would|will|could|should|do|am|can)\s+(?:i|you put me)\b|\bstarting level\b|"
    r"\b(?:would|will|could|do|can)\s+i\s+(?:start|come in|begin|jump in|go in)\s+(?:at|as)\b|"
    r"\blevel\s+(?:would|will|could|do)\s+i\s+(?:start|come|begin|be|land|get)\b|"
    r"\b(?:would|will|could|do|can)\s+i\s+(?:be\s+hired|start|come\s+in|get\s+hired|land|go\s+straight|jump\s+straight)"
    r"\b[^?.!]{0,30}\bas\b|\bwhere\s+(?:would|will|do)\s+i\s+(?:start|fit|come in)\b|"
    r"\bstart\s+(?:as\s+a\s+|at\s+)junior\b|\b(?:have|need)\s+to\s+start\s+(?:as|at|from)\b|"
    r"\bi\s+(?:start|come in|begin|get hired|land)\s+(?:as|at)\b|"
    # "does my lead title count for anything in ml?"
    r"\b(?:count|carry over|transfer|translate)\b[^?.!]{0,25}\b(?:in|for|to|into) (?:ml|machine learning)\b",
    re.IGNORECASE)


# "the typical career progression, from entry level upward": every level, not the one named
WHOLE_LADDER = re.compile(r"\b(?:progression|ladder|trajectory|upward|upwards|from \w+(?: \w+)? (?:up|on|onward))\b",
                          re.IGNORECASE)
# "how many years at that level?": the level the last answer named; "at my level": the user's.
THAT_LEVEL = re.compile(r"\b(?:that|this) level\b|\bat that\b", re.IGNORECASE)
MY_LEVEL = re.compile(r"\b(?:my|this) level\b|\bfirst (?:couple of |few )?years?\b|\bfocus on\b", re.IGNORECASE)


def where_user_starts(kb: KnowledgeBase, profile: Profile, query: Query) -> Optional[str]:
    """For a user with no ML level yet, where the guide's ladder starts: its levels count years in
    ML, so years in another job do not skip levels."""
    if profile.level or not WHERE_I_START.search(query.text):
        return None
    junior = kb.career_levels()[0]
    text = (f"{kb.progression_advice().text.split('. ')[0]}. The guide's levels count years as an ML engineer "
            f"(**{junior.name}**: {level_years(junior)}; pay (US) {level_pay(junior)}), so with no ML experience "
            f"yet you would most likely start there.")
    ready = kb.time_to_job_ready(profile.background) if profile.background else None
    if isinstance(ready, TimeToReady) and ready.background is not None:
        text += (f" Your other work doesn't count as ML years; what the guide does give for your background "
                 f"is the time to job-ready: {ready.background.wording}")
    return text


def us_pay_only(kb: KnowledgeBase, profile: Profile) -> str:
    """For a user outside the US, that the pay figures that follow are US pay."""
    if not profile.location or kb.location_tier(profile.location) != OUTSIDE_US:
        return ""
    place = kb.names("location").get(profile.location, profile.location)
    return f"The guide's salary figures are **US salaries**; it has none for {place}.\n"


class ActionCareerLevels(KnowledgeAction):
    def name(self) -> str:
        return "action_career_levels"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        levels = kb.career_levels()
        start = where_user_starts(kb, profile, query)
        asked = query.first_asked("level") or (
            query.previous_entity("level") if THAT_LEVEL.search(query.text) else None)
        shown = query.previous_entity("level")
        if shown and GO_ON.search(query.text):  # "and after that?" after a level: the next one
            current = next((lv for lv in levels if lv.id == shown), None)
            nxt = next((lv for lv in levels if current and lv.position == current.position + 1), None)
            if current and nxt is None:
                return Reply(f"**{current.name}** is the top of the guide's ladder.")
            asked = nxt.id if nxt else asked
        if asked is None and profile.level and MY_LEVEL.search(query.text):  # "what should I focus on at my level?"
            asked = profile.level
        if WHOLE_LADDER.search(query.text) and not start:  # "the progression from entry level upward"
            asked = None
        if start and asked:
            level = kb.career_level(asked)
            if not isinstance(level, Unknown) and level.position > 1:
                return Reply(f"{start}\n\n**{level.name}** is {level_years(level)} of ML experience in the guide: "
                             f"{join_words(level.scope).lower()}.")
        if start:  # "and what would that pay?" is then the first level's pay
            junior = levels[0]
            return Reply(start, [entity_button(f"{junior.name.split()[0]} salary", "ask_salary", level=junior.id)],
                         context={"level": [junior.id]})
        if asked:
            level = kb.career_level(asked)
            if isinstance(level, Unknown):
                return Reply(f"The levels in the guide are: {join_words(level.known)}.")
            text = (f"{us_pay_only(kb, profile)}**{level.name}** ({level_years(level)}):\n{bullets(level.scope)}\n"
                    f"Pay (US): {level_pay(level)}.")
            if level.advice:
                text += f"\n{level.advice}"
            nxt = next((lv for lv in levels if lv.position == level.position + 1), None)
            if nxt:
                text += f"\n\nNext: **{nxt.name}** from {nxt.min_years} years."
            return Reply(text, [entity_button(f"{level.name.split()[0]} salary", "ask_salary", level=level.id)],
                         context={"level": [level.id]})
        lines = [f"**{lv.name}** ({level_years(lv)}): {join_words(lv.scope).lower()}." for lv in levels]
        text = f"{kb.progression_advice().text}\n{bullets(lines)}"
        context = None
        if profile.level:
            mine = next((lv for lv in levels if lv.id == profile.level), None)
            nxt = next((lv for lv in levels if mine and lv.position == mine.position + 1), None)
            if mine:
                text += f"\n\nYou're at **{mine.name}**" + (
                    f"; next is **{nxt.name}** ({level_years(nxt)})." if nxt else ", the top of the ladder.")
            if nxt:  # "how many years at that level?", "what do they do?" go on from the next level
                context = {"level": [nxt.id]}
        # The guide's career section names the complementary paths.
        others = [r for r in kb.roles() if r.source == levels[0].source]
        if others:
            text += "\n\nComplementary paths: " + "; ".join(f"{r.name} ({r.focus})" for r in others) + "."
        return Reply(text, [entity_button(lv.name.split()[0], "ask_career_levels", level=lv.id) for lv in levels],
                     context=context)

"""How long it takes to become job-ready, by programming background."""
import re
from dataclasses import replace
from typing import Optional

from bot.answering.action_base import KnowledgeAction, Reply, action_registry
from bot.answering.query import Profile, Query
from bot.answering.replies import inform_button, intent_button, join_words, months, since_background
from knowledge import KnowledgeBase
from knowledge.results import TimeToReady, Unknown

PROGRAMMER, NON_PROGRAMMER = "programmer", "non_programmer"  # background ids of time_to_ready.yml
# "how many years does that take?" after "I want to reach staff": the level just named.
REFERS_BACK = re.compile(r"\b(?:that|there|that level)\b", re.IGNORECASE)
NEXT_LEVEL = re.compile(r"\b(?:next level|promot\w*|move up|level up|climb)\b", re.IGNORECASE)


def every_background(kb: KnowledgeBase) -> TimeToReady:
    result = kb.time_to_job_ready()
    if isinstance(result, Unknown):  # only a named background can be unknown
        raise LookupError("the knowledge base has no time-to-job-ready figures")
    return result


# The skill category of programming languages (skills.yml).
LANGUAGES = "languages"


# "how long would it take me if I already code in Java?": the user programs, whatever the stance.
CODES_IN = re.compile(r"\bi\b.*\b(?:code|coding|program|programming|write|writing|know|use|work)\b", re.IGNORECASE)


def known_language(kb: KnowledgeBase, profile: Profile, query: Query) -> Optional[str]:
    """The name of a programming language the user said they know, if any."""
    said = set(query.entities.get("skill") or []) if CODES_IN.search(query.text) else set()
    return next((k.name for c in kb.skill_categories() if c.id == LANGUAGES for k in c.skills
                 if k.id in profile.skills_known or k.id in said), None)


class ActionTimeToReady(KnowledgeAction):
    def name(self) -> str:
        return "action_time_to_ready"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        level = query.first("level")
        if level is None and profile.level:  # "how many years does that take?" after the level the user aims at
            level = query.previous_entity("level") if REFERS_BACK.search(query.text) else None
        if level is None and profile.level and NEXT_LEVEL.search(query.text):  # "how long until I'm promoted?"
            levels = [lv.id for lv in kb.career_levels()]
            at = levels.index(profile.level) if profile.level in levels else len(levels) - 1
            level = levels[min(at + 1, len(levels) - 1)]
        if level and level != kb.career_levels()[0].id:
            # "how many years until staff?": the years of that level, not the time to a first job
            about_level = replace(query, entities={**query.entities, "level": [level]})
            return action_registry()["action_career_levels"].answer(kb, profile, about_level)
        background = query.first("background") or profile.background
        language = None if background else known_language(kb, profile, query)
        if language:  # "I know Python" is a programming background: no need to ask
            background = PROGRAMMER
        if background is None and profile.may_ask("background"):
            general = every_background(kb)
            both = "; ".join(f"{o.name}: {months(o.months_min, o.months_max)}" for o in general.options)
            return Reply(f"It depends mostly on one thing, a programming background ({both}). "
                         "Do you already know how to program?",
                         [inform_button("Yes, I program", "background", PROGRAMMER),
                          inform_button("No, not yet", "background", NON_PROGRAMMER)]
                         if len(general.options) >= 2 else [], asks_for="background")
        result = kb.time_to_job_ready(background)
        if isinstance(result, Unknown) or result.background is None:
            general = every_background(kb)
            lines = [f"{o.name}: {months(o.months_min, o.months_max)}" for o in general.options]
            return Reply("With focused effort: " + "; ".join(lines) + f". {general.note.text}",
                         [intent_button("Where do I start?", "ask_where_to_start")])
        bg = result.background
        since = f"Since you know {language}" if language else since_background(bg.id) or f"For those {bg.name}"
        text = (f"{since}, expect about **{months(bg.months_min, bg.months_max)}** of focused learning "
                f"to be job-ready. {result.note.text}")
        plan = kb.learning_plan(profile.steps_done)
        if plan.done:
            text += (f"\n\nYou've already done {join_words([s.name for s in plan.done])} "
                     f"({len(plan.done)} of {len(plan.steps)} roadmap steps), so you're part of the way there.")
        return Reply(text, [intent_button("Where do I start?", "ask_where_to_start"),
                            intent_button("Learning roadmap", "ask_learning_path")])

"""'What should I know before deep learning?', 'before picking up PyTorch?', 'before moving up to
senior?': what comes before it in the guide's learning sequence or career levels, not the
thing itself."""
import re
from typing import Optional

from bot.answering.query import Profile, Query
from bot.answering.replies import bullets, join_words
from knowledge import KnowledgeBase

CUE = re.compile(r"\b(?:before|prerequisites?|prereqs?|come first|comes first|first need|need first|prior to|"
                 r"ready for|ready to start|foundation for|foundations for|leading up to|to get to|moving up to|"
                 r"has to come first|needed for|required for)\b", re.IGNORECASE)


BEFORE_LEARNING = re.compile(r"\b(?:before|prior to|ready for|prerequisites? (?:for|of)|prereqs? (?:for|of))\s+"
                             r"(?:i\s+)?(?:start(?:ing)?\s+|learn(?:ing)?\s+|pick(?:ing)?\s+up\s+|div(?:e|ing)\s+into\s+|"
                             r"get(?:ting)?\s+into\s+|tackl(?:e|ing)\s+|mov(?:e|ing)\s+on\s+to\s+|us(?:e|ing)\s+|"
                             r"touch(?:ing)?\s+)?(?:the\s+)?\w", re.IGNORECASE)


def _before_step(kb: KnowledgeBase, step_id: str, profile: Profile, via: str = "") -> str:
    steps = kb.learning_steps()
    target = next(s for s in steps if s.id == step_id)
    earlier = [s for s in steps if s.position < target.position]
    if not earlier:
        return f"Nothing comes before **{target.name}**{via}: it's the first step of the guide's learning sequence."
    lines = [f"**{s.name}**: {s.summary}" + (" (you've done this)" if s.id in profile.steps_done else "")
             for s in earlier]
    return (f"Before **{target.name}**{via}, the guide's learning sequence puts:\n" + bullets(lines) +
            f"\nThe whole sequence: {' → '.join(s.name for s in steps)}.")


def _before_level(kb: KnowledgeBase, level_id: str) -> Optional[str]:
    levels = kb.career_levels()
    target = next(lv for lv in levels if lv.id == level_id)
    earlier = [lv for lv in levels if lv.position < target.position]
    if not earlier:
        return f"**{target.name}** is where most ML engineers start: {join_words(target.scope).lower()}."
    before = earlier[-1]
    years = f"{target.min_years}+ years"
    return (f"Before **{target.name}** ({years}) comes **{before.name}**, "
            f"where you {join_words(before.scope).lower()}. "
            f"At {target.name.split()[0].lower()} level you'll {join_words(target.scope).lower()}.")


# "what comes before it?": the step the last answer was about.
IT = re.compile(r"\b(?:it|that|this one|that one)\b", re.IGNORECASE)


def prerequisites(kb: KnowledgeBase, profile: Profile, query: Query) -> Optional[str]:
    """What comes before the step, skill or level the message asks about, or None."""
    if not CUE.search(query.both_texts):
        return None
    step = query.first("learning_step") or (query.previous_entity("learning_step") if IT.search(query.text) else None)
    if step:
        return _before_step(kb, step, profile)
    skill = query.first("skill")
    if skill and BEFORE_LEARNING.search(query.both_texts):  # not "projects on my github before applying"
        info = next((k for c in kb.skill_categories() for k in c.skills if k.id == skill), None)
        if info:
            return _before_step(kb, info.learning_step_id, profile, f" (where {info.name} is learned)")
    level = query.first("level")
    if level:
        return _before_level(kb, level)
    return None

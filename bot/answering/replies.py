"""Small helpers to write reply text: money, durations, lists, buttons, the user's background."""
import json
from typing import Callable, Dict, Iterable, List, Optional, Sequence

from bot.answering.other_skills import other_skill_names
from bot.answering.query import Profile
from knowledge.results import CareerLevelInfo


def money(amount: int) -> str:
    return f"${amount // 1000}K" if amount % 1000 == 0 else f"${amount:,}"


def money_range(low: int, high: Optional[int]) -> str:
    if high is None:
        return f"{money(low)}+"
    return money(low) if low == high else f"{money(low)}-{money(high)}"


def months(low: Optional[int], high: Optional[int]) -> str:
    if low is None:
        return "at your own pace"
    if high is None:
        high = low
    if low % 12 == 0 and high % 12 == 0 and low >= 24:
        return f"{low // 12}-{high // 12} years" if low != high else f"{low // 12} years"
    return f"{low}-{high} months" if low != high else f"{low} months"


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def join_words(items: Sequence[str], last: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def button(title: str, payload: str) -> Dict[str, str]:
    return {"title": title, "payload": payload}


def entity_button(title: str, intent: str, **entities: str) -> Dict[str, str]:
    """A button that sends `intent` with `entities`, in the payload form Rasa parses:
    /intent{"key":"value"} (JSON, so no value can break out of its quotes)."""
    payload = f"/{intent}"
    if entities:
        payload += json.dumps(entities, separators=(",", ":"), ensure_ascii=False)
    return button(title, payload)


def inform_button(title: str, slot: str, value: str) -> Dict[str, str]:
    return entity_button(title, "inform", **{slot: value})


def intent_button(title: str, intent: str) -> Dict[str, str]:
    return entity_button(title, intent)


# How careerbot speaks of the user's programming background (the background ids of
# knowledge/content/time_to_ready.yml); conversation, not a guide fact.
BACKGROUND_WORDS = {"programmer": "you already program", "non_programmer": "you're new to coding"}


def background_words(background: Optional[str]) -> str:
    """'you already program', "you're new to coding", or '' for no (or an unknown) background."""
    return BACKGROUND_WORDS.get(background or "", "")


def since_background(background: Optional[str]) -> str:
    """The preface of an answer tailored to the user's background: 'Since you already program',
    "Since you're new to coding", or '' when the background is not known."""
    words = background_words(background)
    return f"Since {words}" if words else ""


def lower_first(text: str) -> str:
    """'Build broad fundamentals first' -> 'build broad fundamentals first' (to go on a sentence)."""
    return text[:1].lower() + text[1:]


def level_pay(level: CareerLevelInfo) -> str:
    """A level's salary figures with the guide's wording of each, or that it gives none."""
    if not level.salary_bands:
        return "the guide gives no salary figure"
    return " or ".join(f"{money_range(b.min_usd, b.max_usd)} (“{b.wording}”)" for b in level.salary_bands)


def highest_figures(levels: Sequence[CareerLevelInfo]) -> str:
    """The guide's highest salary figures: those of the highest level that has any."""
    top = next((lv for lv in reversed(levels) if lv.salary_bands), None)
    return f" {top.name.split()[0]} roles are its highest figure: {level_pay(top)}." if top else ""


def level_years(level: CareerLevelInfo) -> str:
    """'2-5 years', '5+ years': how long into a career the guide puts a level."""
    return f"{level.min_years}+ years" if level.max_years is None else f"{level.min_years}-{level.max_years} years"


def describe_profile(profile: Profile, names: Callable[[str], Dict[str, str]]) -> List[str]:
    """The profile as lines ("Location: Seattle"), names from the knowledge base."""
    lines = []
    if profile.occupation:
        lines.append(f"Work: {profile.occupation}")
    if profile.background:
        words = background_words(profile.background) or profile.background
        yet = " (no programming yet)" if profile.background == "non_programmer" else ""
        lines.append(f"Background: {words}{yet}")
    for slot, label in (("level", "Level"), ("location", "Location"), ("company_type", "Company"),
                        ("specialization", "Interest")):
        value = getattr(profile, slot)
        if value:
            lines.append(f"{label}: {names(slot).get(value, value)}")
    if profile.skills_known:
        lines.append("Skills: " + join_words([names("skill").get(s, s) for s in profile.skills_known]))
    if profile.other_skills:
        other = other_skill_names()
        lines.append("Other skills (the guide doesn't name them): " +
                     join_words([other.get(s, s) for s in profile.other_skills]))
    if profile.steps_done:
        steps = [names("learning_step").get(s, s) for s in profile.steps_done]
        lines.append("Roadmap steps done: " + join_words(steps))
    return lines


def profile_reply(profile: Profile, names: Callable[[str], Dict[str, str]]) -> str:
    """'Here's what I know about you: ...', or that nothing is known yet."""
    lines = describe_profile(profile, names)
    return "Here's what I know about you:\n" + bullets(lines) if lines else ""

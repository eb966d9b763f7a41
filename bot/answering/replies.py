"""Small helpers to write reply text: money, durations, lists, buttons."""
from typing import Dict, Iterable, Optional, Sequence

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


def inform_button(title: str, slot: str, value: str) -> Dict[str, str]:
    return button(title, f'/inform{{"{slot}":"{value}"}}')


def intent_button(title: str, intent: str) -> Dict[str, str]:
    return button(title, f"/{intent}")



def level_years(level: CareerLevelInfo) -> str:
    """'2-5 years', '5+ years': how long into a career the guide puts a level."""
    return f"{level.min_years}+ years" if level.max_years is None else f"{level.min_years}-{level.max_years} years"

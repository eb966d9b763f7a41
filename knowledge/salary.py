"""Salary arithmetic: a base band adjusted by percentage premiums. Pure functions."""
from typing import Iterable, Optional, Tuple

from knowledge.results import Adjustment


def round_thousands(amount: float) -> int:
    return round(amount / 1000.0) * 1000


def apply_adjustments(low: int, high: Optional[int], adjustments: Iterable[Adjustment]) -> Tuple[int, Optional[int]]:
    """Multiplies the band by every quantified premium: the low end by the minimum, the high end by the maximum."""
    low_factor = high_factor = 1.0
    for adj in adjustments:
        if adj.min_pct is None or adj.max_pct is None:  # named, not quantified (the schema sets both or neither)
            continue
        low_factor *= 1 + adj.min_pct / 100.0
        high_factor *= 1 + adj.max_pct / 100.0
    return round_thousands(low * low_factor), None if high is None else round_thousands(high * high_factor)

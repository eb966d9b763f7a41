"""The data of the salary chart the widget draws under a salary answer (issue 14,
/work/notes/answer_payload.md): one bar per career level band, both of the guide's figures
where it gives two, and the user's location and company premiums applied to the user's level
(or to the first level with figures). Every figure comes from the knowledge base, in $K."""
from typing import Any, Dict, List, Optional, Union

from bot.answering.replies import level_years
from knowledge import KnowledgeBase
from knowledge.results import Adjustment, CareerLevelInfo, SalaryBandInfo, Unknown
from knowledge.salary import apply_adjustments

TITLE = "US ML engineer base salaries by level (the guide's figures)"
OTHER_FIGURE = "the guide's other figure"

Number = Union[int, float]


def _k(amount: Optional[int]) -> Optional[Number]:
    """Dollars to $K: 150000 -> 150, 152500 -> 152.5; None (open-ended) stays None."""
    if amount is None:
        return None
    return amount // 1000 if amount % 1000 == 0 else amount / 1000


def _k_text(low: Optional[Number], high: Optional[Number]) -> str:
    if high is None:
        return f"${low:g}K+"
    return f"${low:g}K" if low == high else f"${low:g}-{high:g}K"


def _short_name(level: CareerLevelInfo) -> str:
    """'Mid-Level ML Engineer' -> 'Mid-Level' (the chart's labels are short)."""
    name = level.name
    for suffix in (" ML Engineer", " Engineer"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _figures(band: SalaryBandInfo, adjustments: List[Adjustment]) -> Dict[str, Optional[Number]]:
    low, high = apply_adjustments(band.min_usd, band.max_usd, adjustments)
    return {"low": _k(low), "high": _k(high)}


def _with_alternative(entry: Dict[str, Any], bands: List[SalaryBandInfo],
                      adjustments: List[Adjustment]) -> Dict[str, Any]:
    entry.update(_figures(bands[0], adjustments))
    if len(bands) > 1:
        entry["alternative"] = {**_figures(bands[1], adjustments), "note": OTHER_FIGURE}
    return entry


def _figures_text(entry: Dict[str, Any]) -> str:
    text = _k_text(entry["low"], entry["high"])
    alt = entry.get("alternative")
    return text + (f" (also {_k_text(alt['low'], alt['high'])})" if alt else "")


def _premium_label(adj: Adjustment) -> str:
    name = adj.name[:1].upper() + adj.name[1:]
    return f"{name} (+{adj.min_pct:g}-{adj.max_pct:g}%)"


def _note(adj: Adjustment) -> Optional[str]:
    """Why a premium the user's profile names has no bar, or None when it has one."""
    name = adj.name[:1].upper() + adj.name[1:]
    if adj.tier == "outside_us":
        return adj.wording
    if adj.min_pct is None or adj.max_pct is None:
        return f"{name}: the guide gives no figure, so no premium bar."
    if not adj.min_pct and not adj.max_pct:
        return f"{name}: no premium over these figures."
    return None


def salary_chart(kb: KnowledgeBase, level: Optional[str] = None, location: Optional[str] = None,
                 company_type: Optional[str] = None) -> Optional[Dict[str, Any]]:
    """The contract's `chart` dict for a salary answer, or None when the knowledge base has
    no salary band at all. `level`, `location` and `company_type` are KB ids or names (unknown
    ones are ignored). Besides the contract's keys it may carry `notes`: why a premium the user
    named has no bar (no figure in the guide, no premium, outside the US)."""
    levels = [lv for lv in kb.career_levels() if lv.salary_bands]
    if not levels:
        return None
    user_level = kb.career_level(level) if level else None
    user_level = None if isinstance(user_level, Unknown) else user_level

    bands = [_with_alternative({"id": lv.id, "label": f"{_short_name(lv)} ({level_years(lv)})"}, lv.salary_bands, [])
             for lv in levels]
    notes: List[str] = []
    if user_level is not None and not user_level.salary_bands:
        notes.append(f"{user_level.name}: the guide gives no salary figure for this level.")
    target = next((lv for lv in levels if user_level is not None and lv.id == user_level.id), None)
    highlight = target.id if target else None
    if target is None and user_level is None:
        target = levels[0]  # no level known: the premiums are shown on the first level's band

    adjustments: List[Adjustment] = []
    if location or company_type:
        adjustments = kb.salary_estimate(None, location, company_type).adjustments
    premiums: List[Dict[str, Any]] = []
    for adj in adjustments:
        note = _note(adj)
        if note:
            notes.append(note)
        elif target is not None:
            premiums.append(_with_alternative({"label": _premium_label(adj)}, target.salary_bands, [adj])
                            | {"of": target.id})

    parts = [f"{b['label']} {_figures_text(b)}" for b in bands]
    names = {lv.id: _short_name(lv) for lv in levels}
    parts += [f"{p['label']} on {names[p['of']]}: {_figures_text(p)}" for p in premiums]
    chart: Dict[str, Any] = {
        "kind": "salary_bands",
        "unit": "$K",
        "title": TITLE,
        "highlight": highlight,
        "bands": bands,
        "premiums": premiums,
        "text_alternative": f"{TITLE}: " + "; ".join(parts) + ".",
    }
    if notes:
        chart["notes"] = notes
        chart["text_alternative"] += " " + " ".join(notes)
    return chart

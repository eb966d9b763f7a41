"""The salary chart's data (bot/answering/salary_chart.py) against a real SQLite KB: every bar is
a knowledge-base figure, the highlight is the user's level, each premium sits on the right band."""
from pathlib import Path
from typing import Any, Dict, Optional

import pytest
import yaml

from bot.answering.salary_chart import salary_chart
from knowledge import KnowledgeBase
from knowledge.content import CONTENT_DIR
from storage.engine import get_engine

GUIDE = Path("/work/shared/seed/ml-engineer-career-guide.txt")


@pytest.fixture
def kb(kb_url) -> KnowledgeBase:
    return KnowledgeBase(get_engine(kb_url))


def _yaml(name: str) -> Dict[str, Any]:
    return yaml.safe_load((Path(CONTENT_DIR) / name).read_text(encoding="utf-8"))


def _k(amount: Optional[int]) -> Optional[float]:
    return None if amount is None else amount / 1000


def test_one_bar_per_level_with_figures_in_career_order_each_a_kb_figure(kb):
    chart = salary_chart(kb, None, None, None)
    assert chart is not None
    assert chart["kind"] == "salary_bands" and chart["unit"] == "$K"
    assert chart["highlight"] is None and chart["premiums"] == []
    levels = [lv for lv in kb.career_levels() if lv.salary_bands]
    assert [b["id"] for b in chart["bands"]] == [lv.id for lv in levels]
    for bar, lv in zip(chart["bands"], levels):
        first = lv.salary_bands[0]
        assert (bar["low"], bar["high"]) == (_k(first.min_usd), _k(first.max_usd))
        if len(lv.salary_bands) > 1:
            other = lv.salary_bands[1]
            assert (bar["alternative"]["low"], bar["alternative"]["high"]) == (_k(other.min_usd), _k(other.max_usd))
        else:
            assert "alternative" not in bar


def test_the_bars_are_the_content_files_figures(kb):
    chart = salary_chart(kb, None, None, None)
    content = {lv["id"]: lv["salary_bands"] for lv in _yaml("career_levels.yml")["levels"]}
    for bar in chart["bands"]:
        figures = [(bar["low"], bar["high"])]
        if "alternative" in bar:
            figures.append((bar["alternative"]["low"], bar["alternative"]["high"]))
        assert figures == [(_k(b["min"]), _k(b["max"])) for b in content[bar["id"]]]
    # staff has no figure in the guide: no bar, and it is not invented
    assert "staff" not in [b["id"] for b in chart["bands"]] and content["staff"] == []


def test_the_guides_wording_of_the_figures_is_in_the_text_alternative(kb):
    alt = salary_chart(kb, None, None, None)["text_alternative"]
    guide = GUIDE.read_text(encoding="utf-8") if GUIDE.exists() else None
    for figure in ("$120-140K", "$150-180K", "$160-200K", "$200K+", "$250K+"):
        assert figure in alt
    if guide is not None:
        for words in ("$120-140K", "$150-180K", "$160-200K", "exceed $200K", "exceed $250K"):
            assert words in guide


@pytest.mark.parametrize("level", ["junior", "mid", "senior"])
def test_the_highlight_is_the_users_level(kb, level):
    assert salary_chart(kb, level, None, None)["highlight"] == level


def test_a_level_named_in_words_or_unknown(kb):
    assert salary_chart(kb, "mid-level", None, None)["highlight"] == "mid"
    assert salary_chart(kb, "wizard", None, None)["highlight"] is None


def test_location_and_company_premiums_are_applied_to_the_users_level_each_on_its_own(kb):
    chart = salary_chart(kb, "mid", "new_york", "faang")
    assert [p["of"] for p in chart["premiums"]] == ["mid", "mid"]
    by_label = {p["label"]: p for p in chart["premiums"]}
    assert set(by_label) == {"New York (+30-50%)", "FAANG (+20-40%)"}
    # the KB's own arithmetic for one premium alone, for both of the guide's mid-level figures
    for label, where in (("New York (+30-50%)", {"location": "new_york"}), ("FAANG (+20-40%)",
                                                                             {"company_type": "faang"})):
        ranges = kb.salary_estimate("mid", **where).ranges
        bar = by_label[label]
        assert (bar["low"], bar["high"]) == (_k(ranges[0].low_usd), _k(ranges[0].high_usd))
        assert (bar["alternative"]["low"], bar["alternative"]["high"]) == (_k(ranges[1].low_usd),
                                                                           _k(ranges[1].high_usd))
    # and the figures of the content files: 150-180K x 1.3-1.5, 160-200K x 1.3-1.5
    tier = {t["id"]: t for t in _yaml("salary_factors.yml")["location_tiers"]}["high_cost_hub"]
    mid = {lv["id"]: lv for lv in _yaml("career_levels.yml")["levels"]}["mid"]["salary_bands"]
    ny = by_label["New York (+30-50%)"]
    assert ny["low"] == round(mid[0]["min"] * (1 + tier["premium_min_pct"] / 100) / 1000)
    assert ny["high"] == round(mid[0]["max"] * (1 + tier["premium_max_pct"] / 100) / 1000)
    assert (ny["low"], ny["high"], ny["alternative"]["low"], ny["alternative"]["high"]) == (195, 270, 208, 300)
    assert "New York (+30-50%) on Mid-Level: $195-270K (also $208-300K)" in chart["text_alternative"]


def test_an_open_ended_band_keeps_its_premium_open_ended(kb):
    chart = salary_chart(kb, "senior", "seattle", None)
    (premium,) = chart["premiums"]
    base = kb.salary_estimate("senior", location="seattle").ranges
    assert premium["of"] == "senior"
    assert (premium["low"], premium["high"]) == (_k(base[0].low_usd), None)
    assert (premium["alternative"]["low"], premium["alternative"]["high"]) == (_k(base[1].low_usd), None)


def test_without_a_level_the_premium_goes_on_the_first_band(kb):
    chart = salary_chart(kb, None, "bay_area", None)
    (premium,) = chart["premiums"]
    assert chart["highlight"] is None and premium["of"] == "junior"
    base = kb.salary_estimate("junior", location="bay_area").ranges[0]
    assert (premium["low"], premium["high"]) == (_k(base.low_usd), _k(base.high_usd))


def test_outside_the_us_there_is_no_us_premium_bar_and_a_note_says_why(kb):
    chart = salary_chart(kb, "mid", "london", None)
    assert chart["premiums"] == []
    assert any("US salaries" in note for note in chart["notes"])
    assert "US salaries" in chart["text_alternative"]
    # a company premium still applies to the (US) figures shown
    with_company = salary_chart(kb, "mid", "berlin", "faang")
    assert [p["label"] for p in with_company["premiums"]] == ["FAANG (+20-40%)"]


def test_premiums_without_a_figure_or_of_zero_get_no_bar(kb):
    for location, company in (("remote", None), ("chicago", None), ("austin", "enterprise"), (None, "market_average")):
        chart = salary_chart(kb, "junior", location, company)
        assert chart["premiums"] == [], (location, company)
        assert len(chart["notes"]) == sum(1 for v in (location, company) if v)


def test_a_level_the_guide_gives_no_figure_for(kb):
    chart = salary_chart(kb, "staff", "new_york", None)
    assert chart["highlight"] is None and chart["premiums"] == []
    assert any("no salary figure" in note for note in chart["notes"])


def test_unknown_places_and_companies_are_ignored(kb):
    chart = salary_chart(kb, "mid", "atlantis", "acme")
    assert chart["premiums"] == [] and "notes" not in chart and chart["highlight"] == "mid"

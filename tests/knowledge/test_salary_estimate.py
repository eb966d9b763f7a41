"""KnowledgeBase.salary_estimate: the guide's bands times the guide's premiums."""
import pytest

from knowledge.results import Unknown

CAREER = "What Does the Career Progression Look Like?"
SALARY = "What Salary and Growth Should You Expect?"


def ranges(estimate):
    return [(r.low_usd, r.high_usd) for r in estimate.ranges]


def test_mid_level_in_seattle_at_faang_gives_one_range_per_guide_band(kb):
    est = kb.salary_estimate("mid-level", "Seattle", "FAANG")

    # 150K*1.3*1.2 .. 180K*1.5*1.4 and 160K*1.3*1.2 (249.6K) .. 200K*1.5*1.4
    assert ranges(est) == [(234_000, 378_000), (250_000, 420_000)]
    assert [(r.base.min_usd, r.base.max_usd) for r in est.ranges] == [(150_000, 180_000), (160_000, 200_000)]
    assert (est.level.id, est.location, est.company_type, est.specialization) == ("mid", "Seattle", "FAANG", None)
    assert [(a.factor, a.min_pct, a.max_pct) for a in est.adjustments] == [("location", 30, 50),
                                                                           ("company_type", 20, 40)]
    assert all(a.source == SALARY for a in est.adjustments)
    assert est.unknown == []


def test_junior_in_the_midwest_is_the_unadjusted_junior_band(kb):
    assert ranges(kb.salary_estimate("junior", "Midwest")) == [(120_000, 140_000)]
    assert ranges(kb.salary_estimate("junior", "Chicago")) == [(120_000, 140_000)]


def test_junior_in_the_bay_area_gets_the_30_to_50_percent_location_premium(kb):
    assert ranges(kb.salary_estimate("junior", "bay area")) == [(156_000, 210_000)]


def test_without_a_level_the_estimate_is_the_165k_median(kb):
    est = kb.salary_estimate()

    assert est.level is None
    assert ranges(est) == [(165_000, 165_000)]
    assert "$165K" in est.ranges[0].base.wording
    assert est.ranges[0].base.source == SALARY


def test_senior_gives_two_open_ended_figures_with_their_wordings(kb):
    est = kb.salary_estimate("senior")

    assert ranges(est) == [(200_000, None), (250_000, None)]
    wordings = [r.base.wording for r in est.ranges]
    assert "senior roles often exceed $200K" in wordings[0]
    assert "Senior roles exceed $250K base plus significant equity" in wordings[1]


def test_senior_open_ended_figures_scale_only_their_low_end(kb):
    assert ranges(kb.salary_estimate("senior", "NYC", "startup")) == [(312_000, None), (390_000, None)]


def test_staff_level_has_no_salary_figure_in_the_guide(kb):
    est = kb.salary_estimate("staff", "Seattle")

    assert est.level.name == "Staff/Principal ML Engineer"
    assert est.ranges == []
    assert est.unknown == []


def test_mid_level_figures_contradict_each_other_and_both_come_with_their_sections(kb):
    est = kb.salary_estimate("mid")

    assert [(r.base.min_usd, r.base.max_usd, r.base.source) for r in est.ranges] == [
        (150_000, 180_000, CAREER), (160_000, 200_000, SALARY)]
    assert any("$150-180K" in c.text and "$160-200K" in c.text for c in est.caveats)


def test_senior_figures_contradict_each_other_and_both_come_with_their_sections(kb):
    assert [(r.base.min_usd, r.base.source) for r in kb.salary_estimate("senior").ranges] == [
        (200_000, CAREER), (250_000, SALARY)]


def test_specialization_adds_a_premium_the_guide_does_not_quantify(kb):
    est = kb.salary_estimate("junior", specialization="NLP")

    assert est.specialization == "NLP"
    [adj] = est.adjustments
    assert (adj.factor, adj.min_pct, adj.max_pct) == ("specialization", None, None)
    assert "commands premium salaries" in adj.wording
    assert ranges(est) == [(120_000, 140_000)]


def test_remote_adds_an_adjustment_the_guide_does_not_quantify(kb):
    est = kb.salary_estimate("junior", "remote")

    [adj] = est.adjustments
    assert (adj.factor, adj.min_pct, adj.max_pct) == ("location", None, None)
    assert "Remote work is increasingly common" in adj.wording
    assert ranges(est) == [(120_000, 140_000)]


def test_an_established_enterprise_adds_zero_percent_and_mentions_less_upside(kb):
    est = kb.salary_estimate("junior", company_type="enterprise")

    [adj] = est.adjustments
    assert (adj.min_pct, adj.max_pct) == (0, 0)
    assert "less upside" in adj.wording
    assert ranges(est) == [(120_000, 140_000)]


@pytest.mark.parametrize("wording", ["SF", "san francisco", "bay area", "Silicon Valley"])
def test_bay_area_aliases_resolve_to_bay_area(kb, wording):
    assert kb.resolve("location", wording) == "bay_area"
    assert kb.salary_estimate("junior", wording).location == "the Bay Area"


def test_nyc_resolves_to_new_york(kb):
    assert kb.resolve("location", "NYC") == "new_york"
    assert ranges(kb.salary_estimate("junior", "NYC")) == [(156_000, 210_000)]


def test_unknown_inputs_are_reported_in_unknown_and_left_out_of_the_arithmetic(kb):
    est = kb.salary_estimate("wizard", "Atlantis", "Hooli", "underwater basket weaving")

    assert [(u.kind, u.value) for u in est.unknown] == [
        ("level", "wizard"), ("location", "Atlantis"), ("company_type", "Hooli"),
        ("specialization", "underwater basket weaving")]
    assert all(isinstance(u, Unknown) for u in est.unknown)
    assert "Seattle" in est.unknown[1].known
    assert "Junior ML Engineer" in est.unknown[0].known
    assert est.adjustments == [] and est.level is None
    assert ranges(est) == [(165_000, 165_000)]


def test_one_unknown_input_does_not_spoil_the_known_ones(kb):
    est = kb.salary_estimate("junior", "Atlantis", "FAANG")

    assert [(u.kind, u.value) for u in est.unknown] == [("location", "Atlantis")]
    assert ranges(est) == [(144_000, 196_000)]


def test_an_estimate_carries_the_caveats_that_apply_to_it(kb):
    def caveats(**params):
        return [c.text for c in kb.salary_estimate(**params).caveats]

    growth = "Growth and learning matter more than maximum salary early in your career."
    assert caveats(level="junior") == [growth]
    assert [c[:31] for c in caveats(level="mid")] == ["The guide gives two mid-level b", growth[:31]]
    assert [c[:31] for c in caveats(level="junior", location="seattle")] == ["The guide measures location pre",
                                                                            growth[:31]]
    assert len(caveats(level="senior", company_type="faang")) == 3
    assert caveats(level="junior", location="chicago") == [growth]  # Midwest: no premium added

"""Roles, career levels, education paths, time to job-ready."""
from knowledge.results import Unknown

CAREER = "What Does the Career Progression Look Like?"


def test_role_medians_are_the_guides(kb):
    assert {r.id: r.median_salary for r in kb.roles()} == {
        "ml_engineer": 165_000, "data_scientist": 140_000, "research_scientist": 180_000, "data_engineer": 130_000}


def test_roles_are_listed_best_paid_first(kb):
    assert [r.median_salary for r in kb.roles()] == [180_000, 165_000, 140_000, 130_000]


def test_ml_engineers_earn_25000_more_than_data_scientists_and_the_faq_comes_along(kb):
    cmp = kb.compare_roles("data scientist")

    assert (cmp.first.id, cmp.second.id) == ("data_scientist", "ml_engineer")
    assert cmp.higher_paid.id == "ml_engineer"
    assert cmp.difference_usd == 25_000
    assert cmp.faq.id == "mle_vs_ds" and len(cmp.faq.answers) == 2


def test_comparing_other_roles_has_no_faq(kb):
    cmp = kb.compare_roles("data engineer", "research scientist")
    assert (cmp.higher_paid.id, cmp.difference_usd, cmp.faq) == ("research_scientist", 50_000, None)


def test_comparing_with_an_unknown_role_is_unknown(kb):
    result = kb.compare_roles("astronaut")
    assert isinstance(result, Unknown) and (result.kind, result.value) == ("role", "astronaut")
    assert "Data Scientist" in result.known


def test_role_overview_lists_the_six_duties(kb):
    overview = kb.role_overview()
    assert len(overview.duties) == 6
    assert "intersection of software engineering and data science" in overview.intersection
    assert overview.source == "What Exactly Does a Machine Learning Engineer Do?"


def test_career_levels_are_four_with_their_years(kb):
    levels = kb.career_levels()

    assert [(lv.id, lv.min_years, lv.max_years) for lv in levels] == [
        ("junior", 0, 2), ("mid", 2, 5), ("senior", 5, None), ("staff", 7, None)]
    assert [lv.position for lv in levels] == [1, 2, 3, 4]
    assert all(lv.source == CAREER for lv in levels)


def test_career_level_resolves_aliases_and_reports_unknown(kb):
    assert kb.career_level("jr").id == "junior"
    assert kb.career_level("Principal").id == "staff"
    assert isinstance(kb.career_level("overlord"), Unknown)


def test_level_for_years_is_the_highest_level_reached(kb):
    assert [kb.level_for_years(y).id for y in (0, 1.5, 2, 4, 5, 6, 7, 20)] == [
        "junior", "junior", "mid", "mid", "senior", "senior", "staff", "staff"]


def test_progression_advice_comes_from_the_career_section(kb):
    advice = kb.progression_advice()
    assert "start in junior roles" in advice.text and advice.source == CAREER


def test_education_paths_are_the_four_of_the_guide(kb):
    paths = {p.id: p for p in kb.education_paths()}

    assert list(paths) == ["bachelors", "masters", "bootcamp", "self_study"]
    assert paths["masters"].programs == ["Carnegie Mellon", "Stanford", "UC Berkeley"]
    assert paths["self_study"].platforms == ["Coursera", "Udacity", "fast.ai"]
    assert (paths["bootcamp"].duration_min_months, paths["bootcamp"].duration_max_months) == (3, 6)
    assert (paths["masters"].duration_min_months, paths["masters"].duration_max_months) == (12, 24)
    assert (paths["bachelors"].duration_min_months, paths["bachelors"].duration_max_months) == (48, 48)
    assert paths["bachelors"].majors == ["Computer Science", "Mathematics", "Physics", "Engineering"]


def test_education_path_resolves_aliases_and_reports_unknown(kb):
    assert kb.education_path("grad school").id == "masters"
    assert kb.education_path("self-taught").id == "self_study"
    assert isinstance(kb.education_path("apprenticeship"), Unknown)
    assert "Choose based on your current background" in kb.education_advice().text


def test_programmers_are_job_ready_in_12_to_18_months(kb):
    ready = kb.time_to_job_ready("software engineer")
    assert (ready.background.id, ready.background.months_min, ready.background.months_max) == ("programmer", 12, 18)
    assert "Continuous learning" in ready.note.text


def test_non_programmers_are_job_ready_in_24_to_36_months(kb):
    ready = kb.time_to_job_ready("never coded")
    assert (ready.background.id, ready.background.months_min, ready.background.months_max) == ("non_programmer", 24, 36)


def test_time_to_job_ready_without_a_background_lists_both_options(kb):
    ready = kb.time_to_job_ready()
    assert ready.background is None
    assert [(o.id, o.months_min, o.months_max) for o in ready.options] == [("programmer", 12, 18),
                                                                           ("non_programmer", 24, 36)]


def test_time_to_job_ready_for_an_unknown_background_is_unknown(kb):
    result = kb.time_to_job_ready("astronaut")
    assert isinstance(result, Unknown) and (result.kind, result.value) == ("background", "astronaut")

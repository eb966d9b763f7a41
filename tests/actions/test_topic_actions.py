"""Career levels, education, outlook, FAQ and portfolio answers carry the guide's facts."""
from bot.actions.career import ActionCareerLevels
from bot.actions.education import ActionEducationPaths, ActionMajors, ActionPrograms
from bot.actions.faq import ActionPhd, ActionSpecialize
from bot.actions.outlook import ActionAiThreat, ActionJobGrowth
from bot.actions.portfolio import ActionPortfolio
from bot.actions.salary import ActionSalary
from tests.actions.conftest import run_action, slots_after


def test_career_levels_list_every_level_with_years():
    out = run_action(ActionCareerLevels(), "career ladder", "ask_career_levels")
    for text in ("Junior ML Engineer** (0-2 years)", "Mid-Level ML Engineer** (2-5 years)",
                 "Senior ML Engineer** (5+ years)", "Staff/Principal ML Engineer** (7+ years)"):
        assert text in out.text


def test_someone_with_no_ml_level_asking_where_they_would_start_is_told_junior_and_why():
    out = run_action(ActionCareerLevels(), "what level would i come in at as an ML engineer?", "ask_career_levels",
                     slots={"background": "programmer"})
    assert "start in junior roles" in out.text and "0-2 years" in out.text and "$120K-$140K" in out.text
    assert "12-18 months" in out.text


def test_asking_to_be_hired_as_a_senior_without_ml_years_gets_where_the_ladder_starts_and_what_senior_is():
    out = run_action(ActionCareerLevels(), "would i be hired as a senior ml engineer right away?",
                     "ask_career_levels", {"level": ["senior"]})
    assert "start in junior roles" in out.text and "**Senior ML Engineer** is 5+ years" in out.text


def test_one_level_shows_both_of_the_guides_pay_figures():
    out = run_action(ActionCareerLevels(), "what does a mid level do", "ask_career_levels", {"level": "mid"})
    assert "$150K-$180K" in out.text and "$160K-$200K" in out.text and "Mentor juniors" in out.text


def test_career_levels_point_at_the_users_next_level():
    out = run_action(ActionCareerLevels(), "levels", "ask_career_levels", slots={"level": "junior"})
    assert "You're at **Junior ML Engineer**; next is **Mid-Level ML Engineer**" in out.text


def test_education_paths_overview_and_details():
    out = run_action(ActionEducationPaths(), "degree or bootcamp", "ask_education")
    assert "48 months" not in out.text and "4 years" in out.text and "3-6 months" in out.text
    one = run_action(ActionEducationPaths(), "is a masters worth it", "ask_education", {"education_path": "masters"})
    assert "Carnegie Mellon" in one.text and "12-24 months" in one.text and "financial investment" in one.text
    assert not one.text.startswith("**No")


def test_asking_whether_a_degree_is_needed_gets_the_guides_verdict_first():
    masters = run_action(ActionEducationPaths(), "do I need a master's to get hired?", "ask_education",
                         {"education_path": "masters"})
    assert masters.text.startswith("**No.** Most industry ML Engineer roles require only a bachelor's degree "
                                   "or equivalent experience")
    assert "Carnegie Mellon" in masters.text  # the path's details still follow
    bachelors = run_action(ActionEducationPaths(), "is a degree required at all?", "ask_education",
                           {"education_path": "bachelors"})
    assert bachelors.text.startswith("**Not necessarily.**") and "equivalent experience" in bachelors.text


def test_majors_and_programs():
    majors = run_action(ActionMajors(), "major?", "ask_major").text
    assert "Computer Science, Mathematics, Physics or Engineering" in majors
    programs = run_action(ActionPrograms(), "which courses", "ask_programs").text
    assert "Coursera" in programs and "fast.ai" in programs and "UC Berkeley" in programs


def test_outlook_answers():
    assert "+40% through 2026" in run_action(ActionJobGrowth(), "is it growing", "ask_job_growth").text
    assert "resistant" in run_action(ActionAiThreat(), "will ai take my job", "ask_ai_threat").text


def test_faq_answers():
    assert "bachelor's degree or equivalent experience" in run_action(ActionPhd(), "phd?", "ask_phd").text
    spec = run_action(ActionSpecialize(), "should I do nlp", "ask_specialize", {"specialization": "nlp"})
    assert "broad fundamentals" in spec.text and "NLP" in spec.text


def test_portfolio_topics_by_intent():
    overview = run_action(ActionPortfolio(), "portfolio?", "ask_portfolio").text
    assert "more important than credentials" in overview and "3-5 end-to-end projects" in overview
    ideas = run_action(ActionPortfolio(), "project ideas", "ask_project_ideas", slots={"specialization": "nlp"}).text
    assert "recommendation system" in ideas
    assert "Given your interest, make a natural language processing application" in ideas
    assert "deploy models" in run_action(ActionPortfolio(), "kaggle?", "ask_kaggle").text
    assert "referrals" in run_action(ActionPortfolio(), "networking", "ask_networking").text
    assert "meaningful ML problems" in run_action(ActionPortfolio(), "first job", "ask_job_hunting").text


def test_not_needing_college_gets_the_guides_word_on_a_bachelors():
    out = run_action(ActionEducationPaths(), "i dont need college at all??", "ask_education")
    assert out.text.startswith("**Not necessarily.**") and "equivalent experience" in out.text


def test_asking_whether_the_career_is_worth_it_gets_the_guides_verdict_first():
    out = run_action(ActionJobGrowth(), "would you recommend this career?", "ask_job_growth")
    assert out.text.startswith("Becoming a Machine Learning Engineer is challenging but deeply rewarding")
    assert "+40% through 2026" in out.text


def test_a_question_about_remote_work_gets_what_the_guide_says_of_it_not_a_pay_figure():
    out = run_action(ActionSalary(), "is remote work common for this role?", "ask_salary", {"location": "remote"})
    assert out.text.startswith("Remote work is increasingly common") and "$" not in out.text


def test_a_pay_question_about_remote_work_still_gets_the_figures():
    out = run_action(ActionSalary(), "does remote pay less?", "ask_salary", {"location": "remote"})
    assert "$165K" in out.text


def test_demand_outside_the_us_is_said_to_be_outside_the_guides_figures():
    out = run_action(ActionJobGrowth(), "is there demand for ml engineers in europe?", "ask_job_growth",
                     {"location": "europe"})
    assert out.text.startswith("The guide I'm built from doesn't say anything about demand in Europe")
    assert "+40%" in out.text


def test_the_progression_from_entry_level_upward_is_the_whole_ladder():
    out = run_action(ActionCareerLevels(), "Would you kindly describe the typical career progression for a machine "
                     "learning engineer, from entry level upward?", "ask_career_levels", {"level": "junior"})
    assert "Senior ML Engineer" in out.text and "Staff/Principal" in out.text


def test_what_that_pays_after_where_a_newcomer_starts_is_the_first_levels_pay():
    start = run_action(ActionCareerLevels(), "if i switched to ml engineering what level would i likely come in at?",
                       "ask_career_levels", slots={"background": "programmer"})
    pay = run_action(ActionSalary(), "and what would that pay?", "ask_salary", slots=slots_after(start))
    assert "Junior ML Engineer" in pay.text and "$120K-$140K" in pay.text

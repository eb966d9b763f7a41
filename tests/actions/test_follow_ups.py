"""A follow-up continues the answer it refers to, and never repeats it word for word."""
from bot.actions.career import ActionCareerLevels
from bot.actions.education import ActionEducationPaths
from bot.actions.fallback import ActionDidYouMean
from bot.actions.faq import ActionPhd
from bot.actions.followup import ActionAnswerYesNo, ActionFollowUp
from bot.actions.learning import ActionNextStep
from bot.actions.outlook import ActionJobGrowth
from bot.actions.role import ActionComparePay, ActionExplainRole
from bot.actions.salary import ActionSalary
from bot.actions.skills import ActionListSkills
from tests.actions.conftest import run_action, slots_after, spans


def test_a_place_after_the_role_answer_gets_pay_there_not_the_role_again():
    role = run_action(ActionExplainRole(), "what does an mle do", "ask_role")
    out = run_action(ActionFollowUp(), "and in the bay area?", "followup_what_about", {"location": "bay_area"},
                     slots=slots_after(role))
    assert "the Bay Area" in out.text and "+30-50%" in out.text
    assert out.text != role.text


def test_another_role_after_the_growth_answer_gets_that_roles_figures():
    growth = run_action(ActionJobGrowth(), "is the field growing", "ask_job_growth")
    out = run_action(ActionFollowUp(), "and for data engineers?", "followup_what_about", {"role": "data_engineer"},
                     slots=slots_after(growth))
    assert "$130K" in out.text and out.text != growth.text


def test_that_job_after_research_scientist_pay_is_the_research_role():
    pay = run_action(ActionComparePay(), "research scientist vs mle pay", "compare_pay",
                     {"role": ["research_scientist", "ml_engineer"]})
    out = run_action(ActionPhd(), "does that job need a doctorate?", "ask_phd", slots=slots_after(pay))
    assert out.text.splitlines()[0].startswith("**For AI/ML Research Scientist roles, the guide says a PhD helps")


def test_a_follow_up_that_would_repeat_the_answer_points_back_to_it_instead():
    first = run_action(ActionSalary(), "junior salary in seattle", "ask_salary",
                       {"level": "junior", "location": "seattle"})
    again = run_action(ActionFollowUp(), "and in seattle?", "followup_what_about", {"location": "seattle"},
                       slots=slots_after(first))
    assert again.text.startswith("That's what I just said: **Junior ML Engineer in Seattle**")
    assert again.text != first.text and len(again.text.splitlines()) == 2


def test_two_company_types_after_a_salary_answer_get_both_sides():
    first = run_action(ActionSalary(), "how much do juniors make", "ask_salary", {"level": "junior"})
    out = run_action(ActionFollowUp(), "enterprise or startup?", "followup_what_about",
                     {"company_type": ["enterprise", "startup"]}, slots=slots_after(first))
    assert "established enterprise" in out.text.lower() and "startup" in out.text.lower()
    assert "+20-40%" in out.text  # the startup side's premium, not only the first one named


def test_another_pay_factor_after_a_factor_answer_gets_that_factor():
    first = run_action(ActionSalary(), "how much does location matter for pay?", "ask_salary")
    assert "30-50%" in first.text
    out = run_action(ActionFollowUp(), "and company?", "followup_what_about", slots=slots_after(first))
    assert "20-40%" in out.text and out.text != first.text


def test_the_named_one_of_the_last_answer_gets_that_line_of_it():
    clouds = run_action(ActionListSkills(), "which cloud platforms do ML engineers use?", "ask_skills",
                        {"skill_category": "cloud"})
    out = run_action(ActionSalary(), "what's the Google one called again?", "ask_salary", {"company_type": "faang"},
                     slots=slots_after(clouds))
    assert out.text.startswith("From my last answer: Google Cloud (Vertex AI)")


def test_a_short_unclear_question_about_the_last_answer_gets_the_line_it_asks_about():
    growth = run_action(ActionJobGrowth(), "how fast is the field growing", "ask_job_growth")
    out = run_action(ActionDidYouMean(), "through what year?", "nlu_fallback", slots=slots_after(growth))
    assert out.text.startswith("From my last answer:") and "2026" in out.text


def test_the_very_last_step_is_the_capstone_not_the_step_after_the_last_answer():
    after = run_action(ActionNextStep(), "what comes right after supervised learning?", "ask_next_step",
                       {"learning_step": "supervised_learning"})
    out = run_action(ActionNextStep(), "and the very last step?", "ask_next_step", slots=slots_after(after))
    assert out.text.startswith("The last step is **Capstone project**")


def test_what_seniors_do_differently_is_the_senior_level_not_the_role():
    out = run_action(ActionExplainRole(), "what do seniors actually do differently?", "ask_role",
                     spans("what do seniors actually do differently?", level__seniors="senior"))
    assert out.text.startswith("**Senior ML Engineer**") and "technical strategy" in out.text


def test_the_principal_responsibilities_are_the_role_not_the_principal_level():
    text = "Could you please outline the principal responsibilities of a machine learning engineer?"
    out = run_action(ActionExplainRole(), text, "ask_role", spans(text, level__principal="staff"))
    assert "Day to day" in out.text


def test_a_level_and_place_after_a_pay_comparison_get_the_salary_there_even_naming_the_mle():
    pay = run_action(ActionComparePay(), "how much more would I make switching from DS to MLE?", "compare_pay",
                     {"role": ["data_scientist", "ml_engineer"]})
    out = run_action(ActionFollowUp(), "ok and as a mid level MLE here in nyc?", "followup_what_about",
                     {"level": "mid", "location": "new_york", "role": "ml_engineer"}, slots=slots_after(pay))
    assert out.text.startswith("**Mid-Level ML Engineer in New York**")


def test_a_phd_question_that_is_not_whether_one_is_needed_gets_no_bare_no():
    out = run_action(ActionPhd(), "will my physics PhD help me or is it wasted?", "ask_phd")
    assert not out.text.startswith("No")
    assert "PhD helps" in out.text and "portfolio" in out.text
    needed = run_action(ActionPhd(), "do I need a PhD?", "ask_phd")
    assert needed.text.startswith("No.")


def test_a_question_read_as_a_no_is_answered_with_its_topic():
    out = run_action(ActionAnswerYesNo(), "phd or not?", "deny",
                     ranking=[{"name": "deny", "confidence": 0.5}, {"name": "ask_phd", "confidence": 0.3}])
    assert "PhD" in out.text and "No problem" not in out.text


def test_pay_diff_after_two_levels_compares_the_same_two():
    first = run_action(ActionCareerLevels(), "whats the diff between jr and sr mle", "ask_career_levels",
                       {"level": ["junior", "senior"]})
    out = run_action(ActionSalary(), "pay diff?", "ask_salary", slots=slots_after(first))
    assert "**Junior ML Engineer** (0-2 years; $120K-$140K)" in out.text and "**Senior ML Engineer**" in out.text


def test_years_at_that_level_and_what_they_do_follow_the_next_level_named():
    first = run_action(ActionCareerLevels(), "what's the next level for me", "ask_career_levels",
                       slots={"level": "senior"})
    years = run_action(ActionCareerLevels(), "how many years do people usually have at that level",
                       "ask_career_levels", slots=slots_after(first, {"level": "senior"}))
    assert years.text.startswith("**Staff/Principal ML Engineer** (7+ years)")
    scope = run_action(ActionExplainRole(), "what do they actually do", "ask_role",
                       slots=slots_after(years, {"level": "senior"}))
    assert "moonshot" in scope.text.lower()


def test_what_to_focus_on_in_the_first_years_is_the_users_level():
    out = run_action(ActionCareerLevels(), "what should i focus on in my first couple of years", "ask_career_levels",
                     slots={"level": "junior"})
    assert out.text.startswith("**Junior ML Engineer**") and "shipping" in out.text


def test_and_after_that_after_a_level_goes_on_to_the_next_level_then_says_the_ladder_ends():
    senior = run_action(ActionCareerLevels(), "and senior?", "ask_career_levels", {"level": "senior"})
    staff = run_action(ActionFollowUp(), "and after that?", "followup_what_about", slots=slots_after(senior))
    assert staff.text.startswith("**Staff/Principal ML Engineer**") and "company-wide" in staff.text
    top = run_action(ActionFollowUp(), "and after that?", "followup_what_about", slots=slots_after(staff))
    assert "top of the guide's ladder" in top.text


def test_another_topic_of_the_skills_answer_replaces_the_skill_area_before_it():
    data = run_action(ActionListSkills(), "and for data manipulation?", "ask_skills",
                      {"skill_category": "data_manipulation"})
    out = run_action(ActionFollowUp(), "and deep learning topics?", "followup_what_about",
                     {"learning_step": "deep_learning"}, slots=slots_after(data))
    assert "Transformers" in out.text and "pandas" not in out.text


def test_which_is_cheaper_after_two_paths_asked_one_by_one_compares_those_two():
    bootcamp = run_action(ActionEducationPaths(), "what does a bootcamp give me", "ask_education",
                          {"education_path": "bootcamp"})
    self_study = run_action(ActionFollowUp(), "and self study?", "followup_what_about",
                            {"education_path": "self_study"}, slots=slots_after(bootcamp))
    out = run_action(ActionDidYouMean(), "which is cheaper", "nlu_fallback", slots=slots_after(self_study))
    assert "Bootcamp" in out.text and "Self-study" in out.text and "Lower cost" in out.text

"""A follow-up continues the answer it refers to, and never repeats it word for word."""
from bot.actions.faq import ActionPhd
from bot.actions.followup import ActionFollowUp
from bot.actions.outlook import ActionJobGrowth
from bot.actions.role import ActionComparePay, ActionExplainRole
from bot.actions.salary import ActionSalary
from tests.actions.conftest import run_action, slots_after


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

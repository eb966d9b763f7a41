"""'why?' after an answer gives the guide's own reasons for it, and keeps that answer as the context."""
from bot.actions.explain import ActionExplainPrevious
from bot.actions.faq import ActionSpecialize
from bot.actions.salary import ActionSalary
from tests.actions.conftest import run_action, slots_after


def test_why_after_the_specialisation_advice_explains_it_from_the_guide():
    advice = run_action(ActionSpecialize(), "should I specialise early?", "ask_specialize")
    why = run_action(ActionExplainPrevious(), "how come?", "ask_why", slots=slots_after(advice))
    assert "broad fundamentals" in why.text and "earning potential" in why.text
    assert slots_after(why)["context"]["action"] == "action_specialize"


def test_which_one_is_right_after_two_figures_explains_both_come_from_the_guide():
    pay = run_action(ActionSalary(), "mid level pay", "ask_salary", {"level": "mid"})
    why = run_action(ActionExplainPrevious(), "which one is right?", "ask_why", slots=slots_after(pay))
    assert "$150-180K" in why.text and "$160-200K" in why.text and "shows both" in why.text


def test_why_with_nothing_before_asks_what_to_explain():
    assert "Ask me something first" in run_action(ActionExplainPrevious(), "why?", "ask_why").text


def test_why_naming_a_company_type_gives_the_last_answers_line_about_it():
    pay = run_action(ActionSalary(), "does the kind of company change pay?", "ask_salary")
    why = run_action(ActionExplainPrevious(), "why would anyone stay at an enterprise then", "ask_why",
                     {"company_type": "enterprise"}, slots=slots_after(pay))
    assert "Established enterprises pay more reliably but may offer less upside" in why.text

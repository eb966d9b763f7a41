from bot.actions.career import ActionCareerLevels
from bot.actions.role import ActionComparePay, ActionCompareRoles, ActionExplainRole
from tests.actions.conftest import run_action, slots_after, spans


def test_role_answer_lists_the_day_to_day_work():
    out = run_action(ActionExplainRole(), "what does an mle do", "ask_role")
    assert "A/B testing" in out.text and "Monitoring and maintaining models" in out.text


def test_role_answer_speaks_to_a_programmer():
    out = run_action(ActionExplainRole(), "what does an mle do", "ask_role", slots={"background": "programmer"})
    assert "Since you already program" in out.text


def test_compare_with_data_scientist_gives_both_medians_and_the_guides_answer():
    out = run_action(ActionCompareRoles(), "mle vs data scientist", "compare_roles",
                     {"role": ["ml_engineer", "data_scientist"]})
    assert "$165K median" in out.text and "$140K median" in out.text
    assert "robust, scalable code" in out.text
    assert "Which pays more?" in [b["title"] for b in out.buttons]


def test_which_pays_more_follows_the_comparison():
    cmp = run_action(ActionCompareRoles(), "how is a research scientist different", "compare_roles",
                     {"role": "research_scientist"})
    pay = run_action(ActionComparePay(), "which pays more?", "compare_pay", slots=slots_after(cmp))
    assert "**AI/ML Research Scientist** pays more" in pay.text
    assert "$180K" in pay.text and "$165K" in pay.text and "$15K more" in pay.text


def test_which_pays_more_without_context_ranks_all_roles():
    out = run_action(ActionComparePay(), "who earns most", "compare_pay")
    order = [out.text.index(n)
             for n in ("Research Scientist", "Machine Learning Engineer", "Data Scientist", "Data Engineer")]
    assert order == sorted(order)


def test_what_a_level_does_is_that_levels_scope():
    text = "what does a staff ML engineer actually do?"
    out = run_action(ActionExplainRole(), text, "ask_role", spans(text, level__staff="staff"))
    assert "company-wide" in out.text.lower()


def test_the_users_own_level_beside_a_role_question_gets_the_role():
    text = "I'm a junior, what does an ML engineer do?"
    out = run_action(ActionExplainRole(), text, "ask_role", spans(text, level__junior="junior"))
    assert "Day to day" in out.text


def test_principal_as_an_adjective_is_no_level_question():
    text = "could you outline the principal responsibilities of an ML engineer?"
    out = run_action(ActionExplainRole(), text, "ask_role", spans(text, level__principal="staff"))
    assert "Day to day" in out.text


def test_related_roles_list_every_role_with_its_focus_and_median():
    out = run_action(ActionComparePay(), "what related roles are there besides ml engineer?", "compare_pay",
                     {"role": ["ml_engineer"]})
    for text in ("AI/ML Research Scientist** ($180K median)", "Data Engineer** ($130K median): data infrastructure"):
        assert text in out.text


def test_a_level_asked_by_a_user_abroad_says_its_pay_is_us_pay():
    out = run_action(ActionCareerLevels(), "what does a mid level do", "ask_career_levels", {"level": "mid"},
                     slots={"location": "bangalore"})
    assert out.text.startswith("The guide's salary figures are **US salaries**; it has none for Bangalore.")


def test_a_level_against_another_role_gives_that_levels_own_figures_beside_the_medians():
    out = run_action(ActionComparePay(), "staff vs research scientist, which pays more?", "compare_pay",
                     {"level": "staff", "role": ["research_scientist"]})
    assert "$180K" in out.text
    assert "**Staff/Principal ML Engineer** pay (US): the guide gives no salary figure" in out.text
    assert "$200K+" in out.text

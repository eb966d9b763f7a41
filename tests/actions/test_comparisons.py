"""Two things of one kind get both sides and what the guide says separates them."""
from bot.actions.career import ActionCareerLevels
from bot.actions.education import ActionEducationPaths
from bot.actions.explain import ActionExplainPrevious
from bot.actions.salary import ActionSalary
from bot.actions.skills import ActionListSkills
from tests.actions.conftest import run_action, slots_after, spans


def test_two_cities_of_one_group_are_said_to_be_together():
    out = run_action(ActionSalary(), "New York vs Seattle?", "ask_salary", {"location": ["new_york", "seattle"]})
    assert "**New York**" in out.text and "**Seattle**" in out.text
    assert "same group" in out.text and "+30-50%" in out.text


def test_a_hub_and_a_midwest_city_show_the_premium_between_them():
    out = run_action(ActionSalary(), "chicago or the bay area, which pays more", "ask_salary",
                     {"location": ["chicago", "bay_area"]})
    assert "baseline" in out.text and "+30-50%" in out.text


def test_faang_or_enterprise_gives_both_sides():
    out = run_action(ActionSalary(), "FAANG or an established enterprise?", "ask_salary",
                     {"company_type": ["faang", "enterprise"]})
    assert "**FAANG**" in out.text and "20-40%" in out.text and "reliably" in out.text


def test_a_bachelors_or_self_study_gives_both_paths():
    out = run_action(ActionEducationPaths(), "bachelor's or self-study, which suits me?", "ask_education",
                     {"education_path": ["bachelors", "self_study"]})
    assert "**Bachelor's degree** (4 years" in out.text and "**Self-study" in out.text


def test_two_levels_give_both_bands_and_years():
    out = run_action(ActionCareerLevels(), "mid vs senior", "ask_career_levels", {"level": ["mid", "senior"]})
    assert "2-5 years" in out.text and "5+ years" in out.text and "$150K-$180K" in out.text


def test_two_frameworks_the_guide_lists_together_are_not_ranked():
    out = run_action(ActionListSkills(), "pytorch or tensorflow?", "ask_skills", {"skill": ["pytorch", "tensorflow"]})
    assert "PyTorch" in out.text and "TensorFlow" in out.text and "doesn't rank" in out.text


def test_a_required_skill_against_an_alternative_says_which_the_guide_requires():
    out = run_action(ActionListSkills(), "can i just use java or do i really need python", "ask_skills",
                     {"skill": ["java", "python"]})
    assert "counts Python as required" in out.text and "doesn't rank" not in out.text


def test_an_early_stage_startup_gets_no_premium_beside_faang():
    out = run_action(ActionSalary(), "seed stage startup or google, which one pays more?", "ask_salary",
                     {"company_type": ["early_startup", "faang"]})
    assert "**an early-stage startup**: no premium figure" in out.text
    assert "**FAANG**: +20-40%" in out.text and "well-funded startups" in out.text


def test_a_cheapest_way_question_gets_every_path_with_its_cost():
    out = run_action(ActionEducationPaths(), "whats cheapest way to learn, bootcamp or masters or what",
                     "ask_education", {"education_path": ["bootcamp", "masters"]})
    assert "**Self-study + certificates**" in out.text and "Lower cost" in out.text
    assert "**Bachelor's degree**" in out.text


def test_my_side_of_a_comparison_comes_from_the_profile():
    out = run_action(ActionSalary(), "is my pay probably lower than at faang?", "ask_salary",
                     {"company_type": ["faang"]}, slots={"company_type": "enterprise"})
    assert "**an established enterprise**" in out.text and "**FAANG**: +20-40%" in out.text


def test_two_places_compared_for_a_level_give_that_levels_figure_on_each_side():
    out = run_action(ActionSalary(), "senior pay in seattle vs columbus?", "ask_salary",
                     {"location": ["seattle", "columbus"], "level": ["senior"]})
    assert "For a Senior ML Engineer (US figures): Seattle: $260K+ or $325K+; Columbus: $200K+ or $250K+." in out.text


def test_which_is_cheaper_names_the_path_the_guide_calls_lower_cost_and_gives_no_made_up_figures():
    out = run_action(ActionEducationPaths(), "what's the cheapest way in", "ask_education")
    assert out.text.startswith("**Self-study + certificates** is the one the guide calls lower cost")
    assert "$" not in out.text


def test_which_is_cheaper_between_two_paths_without_a_cost_figure_says_the_guide_does_not_say():
    out = run_action(ActionEducationPaths(), "bootcamp or a masters, which is cheaper?", "ask_education",
                     {"education_path": ["bootcamp", "masters"]})
    assert out.text.startswith("The guide gives no cost figures for Master's degree or Bootcamp")


def test_which_is_faster_names_the_shortest_path_by_the_guides_figures():
    out = run_action(ActionEducationPaths(), "bootcamp or self study, which is faster?", "ask_education",
                     {"education_path": ["bootcamp", "self_study"]})
    assert out.text.startswith("The shortest by the guide's figures is **Bootcamp** (3-6 months)")


def test_which_one_is_cheaper_after_the_list_of_paths_chooses_among_them():
    paths = run_action(ActionEducationPaths(), "what are the education options", "ask_education")
    out = run_action(ActionExplainPrevious(), "which one is cheaper tho?", "ask_why", slots=slots_after(paths))
    assert out.text.startswith("**Self-study + certificates** is the one the guide calls lower cost")


def test_which_one_is_better_after_an_explanation_explains_and_does_not_loop():
    paths = run_action(ActionEducationPaths(), "what are the education options", "ask_education")
    why = run_action(ActionExplainPrevious(), "why?", "ask_why", slots=slots_after(paths))
    out = run_action(ActionExplainPrevious(), "which one is better?", "ask_why", slots=slots_after(why))
    assert out.text and "sorry" not in out.text.lower()


def test_the_two_paths_asked_about_are_compared_not_the_degree_the_user_holds():
    text = "i have a chemistry bachelors. a masters or a bootcamp, which suits me better?"
    out = run_action(ActionEducationPaths(), text, "ask_education",
                     spans(text, education_path__bachelors="bachelors", education_path__masters="masters",
                           education_path__bootcamp="bootcamp"))
    assert "**Bootcamp**" in out.text and "**Master's degree**" in out.text and "Bachelor's" not in out.text

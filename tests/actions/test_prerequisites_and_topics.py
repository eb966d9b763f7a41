"""Prerequisite questions get what comes before; a question naming a skill area gets that area."""
from bot.actions.career import ActionCareerLevels
from bot.actions.education import ActionMajors
from bot.actions.fallback import ActionDidYouMean
from bot.actions.learning import ActionLearningPath
from bot.actions.skills import ActionListSkills
from tests.actions.conftest import run_action, slots_after


def test_what_comes_before_a_step_is_the_earlier_steps_not_the_steps_own_skills():
    out = run_action(ActionListSkills(), "What should I know before I start learning deep learning?", "ask_skills",
                     {"learning_step": "deep_learning"})
    assert "Before **Deep learning**" in out.text and "Supervised learning" in out.text
    assert "Linear algebra & calculus" in out.text and "Production ML systems**:" not in out.text


def test_before_a_skill_means_before_the_step_it_is_learned_in():
    out = run_action(ActionLearningPath(), "what do i need before picking up pytorch", "ask_learning_path",
                     {"skill": "pytorch"}, slots={"steps_done": ["python_fundamentals"]})
    assert "where PyTorch is learned" in out.text and "(you've done this)" in out.text


def test_before_a_level_is_the_level_below_it():
    out = run_action(ActionCareerLevels(), "before moving up to senior, what should i have done?", "ask_career_levels",
                     {"level": "senior"})
    assert "Mid-Level" in out.text and "end-to-end" in out.text


def test_a_question_naming_a_skill_area_gets_that_area_whatever_it_was_classified_as():
    out = run_action(ActionMajors(), "Which areas of mathematics should I study?", "ask_major",
                     {"skill_category": "mathematics"})
    assert "Linear algebra" in out.text or "linear algebra" in out.text


def test_an_unclear_message_naming_a_topic_gets_that_topic_not_did_you_mean():
    out = run_action(ActionDidYouMean(), "what frameworks do ml people use these days", "nlu_fallback",
                     {"skill_category": "frameworks"})
    assert "PyTorch" in out.text and "did you mean" not in out.text.lower()


def test_what_comes_before_it_takes_the_step_of_the_last_answer():
    first = run_action(ActionListSkills(), "is deep learning really that important?", "ask_skills",
                       {"learning_step": ["deep_learning"]})
    assert "increasingly central" in first.text
    out = run_action(ActionLearningPath(), "what comes before it in the roadmap", "ask_learning_path",
                     slots=slots_after(first))
    assert out.text.startswith("Before **Deep learning**") and "Supervised learning" in out.text

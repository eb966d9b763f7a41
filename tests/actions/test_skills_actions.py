from bot.actions.fallback import ActionDidYouMean
from bot.actions.skills import ActionListSkills, ActionSkillGap
from tests.actions.conftest import run_action, spans


def test_all_skill_categories_are_listed():
    out = run_action(ActionListSkills(), "what skills do i need", "ask_skills")
    for category in ("Programming languages", "Machine learning frameworks", "Mathematics", "Data manipulation",
                     "Software engineering", "Cloud platforms", "Deep learning"):
        assert category in out.text


def test_one_category_lists_its_skills_and_where_they_are_learned():
    out = run_action(ActionListSkills(), "which cloud should I learn", "ask_skills", {"skill_category": "cloud"})
    assert "SageMaker" in out.text and "Vertex AI" in out.text and "Azure ML" in out.text
    assert "Production ML systems" in out.text


def test_asking_about_one_skill_says_whether_it_is_needed():
    out = run_action(ActionListSkills(), "do I need c++", "ask_skills", {"skill": "cpp"})
    assert "C++" in out.text and "alternatives" in out.text


def test_skill_gap_removes_known_skills_and_names_the_step_that_covers_the_rest():
    out = run_action(ActionSkillGap(), "I know python and sql, what am I missing", "ask_skill_gap",
                     {"skill": ["python", "sql", "aws_sagemaker"]})
    missing = out.text.split("Still missing", 1)[1]
    assert "Python," not in missing and "SQL" not in missing
    assert "Azure" not in missing  # one cloud is enough
    assert "**Python fundamentals**: pandas, NumPy" in missing
    assert "**Deep learning**:" in missing
    assert out.slot("skills_known") == ["python", "sql", "aws_sagemaker"]


def test_skill_gap_without_known_skills_invites_the_user_to_say_what_they_know():
    out = run_action(ActionSkillGap(), "what am I missing", "ask_skill_gap")
    assert "Tell me what you know" in out.text


def test_a_yes_no_question_whether_a_skill_is_needed_gets_the_verdict_whatever_its_topic():
    out = run_action(ActionSkillGap(), "Is Git something an ML engineer is expected to know?", "ask_skill_gap",
                     {"skill": "git"})
    assert out.text.startswith("**Git (version control)** (Software engineering): Yes")
    assert "You know Git" not in out.text  # asked about, not known


def test_a_skill_only_asked_about_is_not_stored_as_known():
    text = "does the guide say anything about transformers specifically?"
    out = run_action(ActionSkillGap(), text, "ask_skill_gap", spans(text, skill__transformers="transformers"))
    assert not out.sets("skills_known") and "You know Transformers" not in out.text


def test_one_skill_is_placed_on_the_roadmap_by_its_step_and_the_step_before():
    out = run_action(ActionListSkills(), "ok and linear algebra?", "ask_skills", {"skill": "linear_algebra"})
    assert "**Linear algebra & calculus** step of the roadmap (step 2 of 6, after Python fundamentals)" in out.text


def test_an_unclear_question_naming_one_skill_gets_that_skill_not_the_whole_gap():
    out = run_action(ActionDidYouMean(), "what's the ML service called on AWS?", "nlu_fallback",
                     {"skill": "aws_sagemaker"})
    assert out.text.startswith("**AWS (SageMaker)**") and "Still missing" not in out.text

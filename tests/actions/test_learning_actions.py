from bot.actions.learning import ActionLearningPath, ActionNextStep, ActionWhereToStart
from tests.actions.conftest import run_action, slots_after


def test_roadmap_has_the_six_steps_in_order():
    out = run_action(ActionLearningPath(), "roadmap", "ask_learning_path")
    names = ["Python fundamentals", "Linear algebra & calculus", "Supervised learning", "Deep learning",
             "Production ML systems", "Capstone project"]
    positions = [out.text.index(n) for n in names]
    assert positions == sorted(positions)


def test_roadmap_marks_done_steps_and_names_the_next_one():
    out = run_action(ActionLearningPath(), "roadmap", "ask_learning_path",
                     slots={"steps_done": ["supervised_learning"]})
    assert "your next step is **Deep learning**" in out.text
    assert out.text.count("✓ done") == 3


def test_what_comes_after_a_named_step():
    out = run_action(ActionNextStep(), "I finished deep learning, now what", "ask_next_step",
                     {"learning_step": "deep_learning"})
    assert "After Deep learning comes **Production ML systems**" in out.text
    assert out.slot("steps_done") == ["deep_learning"]


def test_whats_next_continues_from_the_step_just_presented():
    start = run_action(ActionWhereToStart(), "where do i start", "ask_where_to_start")
    assert "Python fundamentals" in start.text
    nxt = run_action(ActionNextStep(), "what's next?", "ask_next_step", slots=slots_after(start))
    assert "**Linear algebra & calculus**" in nxt.text
    again = run_action(ActionNextStep(), "and then?", "ask_next_step", slots=slots_after(nxt))
    assert "**Supervised learning**" in again.text


def test_next_step_without_any_context_asks_which_step_is_done():
    out = run_action(ActionNextStep(), "what's next", "ask_next_step")
    assert "Which step" in out.text and out.buttons
    assert out.slot("pending")["slot"] == "steps_done"


def test_where_to_start_is_tailored_to_a_programmer():
    out = run_action(ActionWhereToStart(), "where to start", "ask_where_to_start", slots={"background": "programmer"})
    assert "Since you already program" in out.text


def test_learning_answers_skip_known_skills():
    out = run_action(ActionNextStep(), "after python?", "ask_next_step", {"learning_step": "python_fundamentals"},
                     slots={"skills_known": ["calculus"]})
    assert "Skills it covers: Linear algebra." in out.text


def test_asking_what_comes_after_a_step_does_not_mark_it_done():
    out = run_action(ActionNextStep(), "what comes after deep learning?", "ask_next_step",
                     {"learning_step": "deep_learning"})
    assert "After Deep learning comes **Production ML systems**" in out.text
    assert not out.sets("steps_done")


def test_and_then_after_a_step_goes_on_to_the_following_one():
    from bot.actions.followup import ActionFollowUp
    from tests.actions.conftest import slots_after
    start = run_action(ActionWhereToStart(), "where do i start", "ask_where_to_start")
    then = run_action(ActionFollowUp(), "ok and then?", "followup_what_about", slots=slots_after(start))
    assert "Linear algebra & calculus" in then.text


def test_what_comes_after_a_skill_is_the_step_after_the_one_that_teaches_it():
    out = run_action(ActionNextStep(), "after python what comes next?", "ask_next_step", {"skill": "python"})
    assert "Linear algebra" in out.text.split("\n")[0]


def test_steps_before_the_one_the_user_finished_are_named_as_assumed_not_as_done():
    out = run_action(ActionNextStep(), "whats next", "ask_next_step", slots={"steps_done": ["linear_algebra_calculus"]})
    assert "You've done Linear algebra & calculus; I've assumed Python fundamentals before that" in out.text


def test_is_a_step_next_is_answered_yes_or_with_the_users_actual_next_step():
    slots = {"steps_done": ["python_fundamentals", "linear_algebra_calculus"]}
    yes = run_action(ActionNextStep(), "ok so supervised learning next?", "ask_next_step",
                     {"learning_step": "supervised_learning"}, slots=slots)
    assert yes.text.startswith("Yes: your next step is **Supervised learning**") and not yes.sets("steps_done")
    no = run_action(ActionNextStep(), "is deep learning next?", "ask_next_step", {"learning_step": "deep_learning"},
                    slots=slots)
    assert no.text.startswith("Not quite: **Deep learning** is step 4, and your next step is **Supervised learning**")


def test_steps_named_as_done_in_the_question_are_the_users_not_a_step_to_go_on_from():
    text = "self taught so far - done python basics, linear algebra + calculus and supervised learning. what next?"
    out = run_action(ActionNextStep(), text, "ask_next_step",
                     {"learning_step": ["python_fundamentals", "supervised_learning"]})
    assert out.text.startswith("Your next step is **Deep learning**")
    assert set(out.slot("steps_done")) == {"python_fundamentals", "supervised_learning"}


def test_the_cheapest_way_to_learn_is_a_choice_of_path():
    out = run_action(ActionLearningPath(), "ngl im kinda broke rn, whats the cheapest way to learn this stuff",
                     "ask_learning_path")
    assert out.text.startswith("**Self-study + certificates** is the one the guide calls lower cost")


def test_a_step_partly_known_names_the_step_that_follows_it():
    out = run_action(ActionNextStep(), "what next", "ask_next_step",
                     slots={"skills_known": ["python", "pandas"], "asked": ["steps_done"]})
    assert "**Python fundamentals**" in out.text
    assert "You know Python and pandas from it already; after it comes **Linear algebra & calculus**" in out.text


def test_the_first_step_asked_of_the_roadmap_is_that_step_and_its_context():
    out = run_action(ActionLearningPath(), "what's the very first step of the roadmap", "ask_learning_path")
    assert out.text.startswith("Step 1 of 6 is **Python fundamentals**")
    nxt = run_action(ActionNextStep(), "and after that?", "ask_next_step", slots=slots_after(out))
    assert "After Python fundamentals comes **Linear algebra & calculus**" in nxt.text

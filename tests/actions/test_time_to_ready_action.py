from bot.actions.profile import ActionUpdateProfile
from bot.actions.time_to_ready import ActionTimeToReady
from tests.actions.conftest import run_action, slots_after


def test_unknown_background_gets_one_short_question_with_buttons():
    out = run_action(ActionTimeToReady(), "how long will it take me", "ask_time_to_ready")
    assert "program" in out.text
    assert [b["payload"] for b in out.buttons] == ['/inform{"background":"programmer"}',
                                                   '/inform{"background":"non_programmer"}']
    assert out.slot("pending")["action"] == "action_time_to_ready"
    assert out.slot("asked") == ["background"]


def test_answering_the_question_answers_the_original_question():
    asked = run_action(ActionTimeToReady(), "how long will it take me", "ask_time_to_ready")
    answer = run_action(ActionUpdateProfile(), "/inform", "inform", {"background": "non_programmer"},
                        slots=slots_after(asked))
    assert "Since you're new to coding" in answer.text and "2-3 years" in answer.text
    assert answer.slot("pending") is None


def test_the_question_is_not_asked_twice():
    out = run_action(ActionTimeToReady(), "how long", "ask_time_to_ready", slots={"asked": ["background"]})
    assert "12-18 months" in out.text and "2-3 years" in out.text
    assert not out.buttons or "Yes, I program" not in [b["title"] for b in out.buttons]


def test_known_background_and_progress_personalise_the_answer():
    out = run_action(ActionTimeToReady(), "how long", "ask_time_to_ready",
                     slots={"background": "programmer", "steps_done": ["linear_algebra_calculus"]})
    assert "Since you already program" in out.text and "12-18 months" in out.text
    assert "2 of 6 roadmap steps" in out.text


def test_how_long_to_a_level_beyond_the_first_gets_that_levels_years():
    out = run_action(ActionTimeToReady(), "and staff, how many years in is that?", "ask_time_to_ready",
                     {"level": "staff"})
    assert "7+" in out.text and "12-18 months" not in out.text


def test_a_known_programming_language_is_a_programming_background():
    out = run_action(ActionTimeToReady(), "how long will it take me?", "ask_time_to_ready",
                     slots={"skills_known": ["sql", "python"]})
    assert out.text.startswith("Since you know Python") and "12-18 months" in out.text
    assert "Do you already know how to program?" not in out.text


def test_how_long_from_someone_who_codes_in_java_takes_the_programming_figure():
    out = run_action(ActionTimeToReady(), "how long would it take me if I already code in Java?", "ask_time_to_ready",
                     {"skill": ["java"]})
    assert "12-18 months" in out.text and "Do you already know" not in out.text


def test_how_long_after_naming_the_level_aimed_at_gives_that_levels_years():
    slots = {"level": "mid", "context": {"action": "action_career_levels", "entities": {"level": ["staff"]}}}
    out = run_action(ActionTimeToReady(), "how many years does that usually take", "ask_time_to_ready", slots=slots)
    assert "Staff/Principal ML Engineer** (7+ years)" in out.text

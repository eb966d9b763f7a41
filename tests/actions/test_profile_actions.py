from bot.actions.profile import ActionShowProfile, ActionUpdateProfile
from bot.actions.time_to_ready import ActionTimeToReady
from tests.actions.conftest import run_action


def test_a_self_description_fills_the_profile():
    out = run_action(ActionUpdateProfile(), "I'm a backend dev in Seattle, I know python and sql", "inform",
                     {"background": "programmer", "location": "seattle", "skill": ["python", "sql"]})
    assert out.slot("background") == "programmer"
    assert out.slot("location") == "seattle"
    assert out.slot("skills_known") == ["python", "sql"]
    assert "Seattle" in out.text and "already program" in out.text


def test_years_of_ml_experience_become_a_level():
    out = run_action(ActionUpdateProfile(), "I have 3 years of experience as an ML engineer", "inform")
    assert out.slot("level") == "mid"
    assert run_action(ActionUpdateProfile(), "6 yrs of mle work", "inform").slot("level") == "senior"


def test_years_in_another_job_are_a_background_and_years_of_nothing_in_particular_are_nothing():
    coding = run_action(ActionUpdateProfile(), "i've been writing javascript for like 4 years at work", "inform")
    assert coding.slot("background") == "programmer" and not coding.sets("level")
    vague = run_action(ActionUpdateProfile(), "6 yrs in the field", "inform")
    assert not vague.sets("level")


def test_skills_accumulate_instead_of_replacing():
    out = run_action(ActionUpdateProfile(), "I also know git", "inform", {"skill": "git"},
                     slots={"skills_known": ["python"]})
    assert out.slot("skills_known") == ["python", "git"]


def test_nothing_usable_gets_a_hint_of_what_the_bot_remembers():
    out = run_action(ActionUpdateProfile(), "I like cats", "inform", slots={"profile_restored": True})
    assert out.responses == ["utter_profile_nothing_new"]
    assert out.events == []


def test_show_profile_lists_what_was_remembered():
    out = run_action(ActionShowProfile(), "what do you know about me", "ask_profile",
                     slots={"background": "non_programmer", "location": "bay_area", "skills_known": ["sql"]})
    assert "new to coding" in out.text and "the Bay Area" in out.text and "SQL" in out.text
    empty = run_action(ActionShowProfile(), "what do you know about me", "ask_profile")
    assert empty.responses == ["utter_profile_empty"]


def test_a_background_mentioned_in_a_question_is_remembered():
    out = run_action(ActionTimeToReady(), "I'm a frontend dev, how long will it take?", "ask_time_to_ready",
                     {"background": "programmer"})
    assert out.slot("background") == "programmer"
    assert "12-18 months" in out.text


def test_a_question_in_a_self_description_is_answered_too():
    ranking = [{"name": "inform", "confidence": 0.6}, {"name": "ask_salary", "confidence": 0.3}]
    out = run_action(ActionUpdateProfile(), "I'm a junior in Chicago, how much could I make?", "inform",
                     {"level": "junior", "location": "chicago"}, ranking=ranking)
    assert "I'll remember that" in out.text
    assert "$120K-$140K" in out.text


def test_a_developers_years_are_not_taken_for_ml_experience():
    out = run_action(ActionUpdateProfile(), "frontend dev, 4 yrs exp", "inform", {"background": "programmer"})
    assert out.slot("background") == "programmer" and not out.sets("level")


def test_the_intent_to_action_map_comes_from_the_rules():
    from bot.answering.intent_actions import action_for_intent
    assert action_for_intent()["ask_salary"] == "action_salary"
    assert action_for_intent()["ask_kaggle"] == "action_portfolio"

"""The profile outlives the conversation: stored on every change, restored at session start, erased on request."""
from bot.actions.forget import ActionForgetMe
from bot.actions.profile import ActionUpdateProfile
from bot.actions.session import ActionSessionStart
from bot.actions.skills import ActionSkillGap
from knowledge.db import get_engine
from knowledge.profile_store import ProfileStore
from tests.actions.conftest import run_action


def store(kb_url) -> ProfileStore:
    return ProfileStore(get_engine(kb_url))


def test_telling_the_bot_about_yourself_stores_the_profile(kb_url):
    run_action(ActionUpdateProfile(), "backend dev in seattle", "inform", {"background": "programmer", "location": "seattle"})
    saved = store(kb_url).get(None, "tester")
    assert saved.data == {"background": "programmer", "location": "seattle"}


def test_skills_learned_in_a_question_are_stored_too(kb_url):
    run_action(ActionSkillGap(), "I know sql what am I missing", "ask_skill_gap", {"skill": "sql"},
               slots={"background": "programmer"})
    assert store(kb_url).get(None, "tester").data == {"background": "programmer", "skills_known": ["sql"]}


def test_a_new_session_brings_the_stored_profile_back(kb_url):
    store(kb_url).save("rest", "tester", {"level": "senior", "location": "new_york"})  # session start names no channel
    out = run_action(ActionSessionStart(), "", "")
    assert out.events[0]["event"] == "session_started"
    assert out.slot("level") == "senior" and out.slot("location") == "new_york"
    assert (out.events[-1]["event"], out.events[-1]["name"]) == ("action", "action_listen")


def test_slots_carried_over_win_over_the_stored_profile(kb_url):
    store(kb_url).save("unknown", "tester", {"level": "senior"})
    out = run_action(ActionSessionStart(), "", "", slots={"level": "junior"})
    assert out.slot("level") == "junior"


def test_forget_me_erases_the_stored_profile_and_resets_the_slots(kb_url):
    store(kb_url).save("unknown", "tester", {"level": "senior"})
    out = run_action(ActionForgetMe(), "forget me", "forget_me", slots={"level": "senior"})
    assert store(kb_url).get(None, "tester") is None
    assert out.responses == ["utter_forgotten"]
    assert {"event": "reset_slots", "timestamp": None} in out.events

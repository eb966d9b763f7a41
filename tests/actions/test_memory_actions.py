"""The profile outlives the conversation: stored on every change, restored by the first action of a
conversation, erased on request."""
from bot.actions.forget import ActionForgetMe
from bot.actions.profile import ActionUpdateProfile
from bot.actions.salary import ActionSalary
from bot.actions.skills import ActionSkillGap
from bot.answering.profile_memory import RESTORED_SLOT
from storage.engine import get_engine
from tests.actions.conftest import run_action, spans
from userdata.profiles import ProfileStore


def store(kb_url) -> ProfileStore:
    return ProfileStore(get_engine(kb_url))


def test_telling_the_bot_about_yourself_stores_the_profile(kb_url):
    run_action(ActionUpdateProfile(), "backend dev in seattle", "inform",
               {"background": "programmer", "location": "seattle"})
    saved = store(kb_url).get("tester")
    assert saved.data == {"background": "programmer", "location": "seattle", "occupation": "backend dev"}


def test_a_self_description_with_a_question_stores_the_profile_once(kb_url, monkeypatch):
    saved = []
    real_save = ProfileStore.save
    monkeypatch.setattr(ProfileStore, "save", lambda self, *args: saved.append(args) or real_save(self, *args))
    ranking = [{"name": "inform", "confidence": 0.6}, {"name": "ask_salary", "confidence": 0.3}]
    out = run_action(ActionUpdateProfile(), "I'm a junior in Chicago, how much could I make?", "inform",
                     {"level": "junior", "location": "chicago"}, ranking=ranking)
    assert "Chicago" in out.text and "$" in out.text, out.text
    assert [{k: v for k, v in data.items() if v} for _channel, _user, data in saved] == [
        {"level": "junior", "location": "chicago"}]


def test_skills_learned_in_a_question_are_stored_too(kb_url):
    run_action(ActionSkillGap(), "I know sql what am I missing", "ask_skill_gap", {"skill": "sql"},
               slots={"background": "programmer"})
    assert store(kb_url).get("tester").data == {"background": "programmer", "skills_known": ["sql"]}


def test_the_first_answer_of_a_new_conversation_uses_the_stored_profile(kb_url):
    store(kb_url).save("rest", "tester", {"level": "senior", "location": "new_york"})
    out = run_action(ActionSalary(), "how much would I make?", "ask_salary")
    assert out.slot("level") == "senior" and out.slot("location") == "new_york" and out.slot(RESTORED_SLOT)
    assert "New York" in out.text and "Senior" in out.text, out.text


def test_slots_the_conversation_already_has_win_over_the_stored_profile(kb_url):
    store(kb_url).save("unknown", "tester", {"level": "senior", "location": "new_york"})
    out = run_action(ActionSalary(), "how much would I make?", "ask_salary", slots={"level": "junior"})
    assert not out.sets("level") and out.slot("location") == "new_york"


def test_the_stored_profile_is_looked_up_once_per_conversation(kb_url):
    store(kb_url).save("unknown", "tester", {"level": "senior"})
    out = run_action(ActionSalary(), "how much would I make?", "ask_salary", slots={RESTORED_SLOT: True})
    assert not out.sets("level") and not out.sets(RESTORED_SLOT)


def test_a_profile_the_database_cannot_read_still_gets_an_answer(kb_url, monkeypatch):
    def broken(*_args):
        raise RuntimeError("database is down")
    monkeypatch.setattr(store(kb_url).__class__, "get", broken)
    out = run_action(ActionSalary(), "how much would a senior make?", "ask_salary", {"level": "senior"})
    assert "$" in out.text and not out.sets(RESTORED_SLOT)


def test_forget_me_erases_the_stored_profile_and_resets_the_slots(kb_url):
    store(kb_url).save("unknown", "tester", {"level": "senior"})
    out = run_action(ActionForgetMe(), "forget me", "forget_me", slots={"level": "senior"})
    assert store(kb_url).get("tester") is None
    assert out.responses == ["utter_forgotten"]
    assert {"event": "reset_slots", "timestamp": None} in out.events


def test_removing_one_part_of_the_profile_removes_only_that_part(kb_url):
    store(kb_url).save("unknown", "tester", {"company_type": "startup", "level": "senior"})
    text = "remove the startup thing from my profile"
    out = run_action(ActionForgetMe(), text, "forget_me", spans(text, company_type__startup="startup"),
                     slots={"company_type": "startup", "level": "senior"})
    assert out.slot("company_type") is None and "utter_forgotten" not in out.responses
    assert store(kb_url).get("tester") is not None
    assert {"event": "reset_slots", "timestamp": None} not in out.events


def test_forget_everything_still_forgets_everything_when_it_names_a_field(kb_url):
    store(kb_url).save("unknown", "tester", {"location": "austin"})
    out = run_action(ActionForgetMe(), "forget everything about me, my location too", "forget_me",
                     slots={"location": "austin"})
    assert out.responses == ["utter_forgotten"] and store(kb_url).get("tester") is None


def test_please_forget_that_takes_back_the_last_change_and_never_deletes_everything(kb_url):
    store(kb_url).save("unknown", "tester", {"location": "austin", "skills_known": ["java"]})
    out = run_action(ActionForgetMe(), "please forget that", "forget_me",
                     slots={"location": "austin", "skills_known": ["java"], "last_change": {"skills_known": []}})
    assert "utter_forgotten" not in out.responses and store(kb_url).get("tester") is not None
    assert out.slot("skills_known") == [] and not out.sets("location")

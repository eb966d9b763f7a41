from bot.actions.fallback import ActionDidYouMean
from bot.actions.faq import ActionSpecialize
from bot.actions.out_of_scope import ActionOutOfScope
from bot.actions.role import ActionExplainRole
from bot.actions.salary import ActionSalary
from bot.answering import knowledge_access as base
from storage.engine import get_engine
from tests.actions.conftest import run_action, slots_after


def test_gibberish_gets_a_request_to_rephrase():
    assert run_action(ActionDidYouMean(), "asdkjh qwpoei zzxv", "nlu_fallback").responses == ["utter_rephrase"]
    assert run_action(ActionDidYouMean(), "🙂🙂 ?!", "nlu_fallback").responses == ["utter_rephrase"]


def test_an_unclear_question_gets_did_you_mean_buttons_from_the_closest_topics():
    ranking = [{"name": "nlu_fallback", "confidence": 1}, {"name": "ask_salary", "confidence": 0.3},
               {"name": "greet", "confidence": 0.2}, {"name": "ask_career_levels", "confidence": 0.1}]
    out = run_action(ActionDidYouMean(), "money stuff for later years maybe", "nlu_fallback", ranking=ranking)
    assert out.responses == ["utter_did_you_mean"]
    assert [b["payload"] for b in out.buttons] == ["/ask_salary", "/ask_career_levels"]


def test_a_bare_profile_word_is_taken_as_the_user_describing_themselves():
    out = run_action(ActionDidYouMean(), "mid", "nlu_fallback", {"level": "mid"})
    assert out.slot("level") == "mid"


def test_a_ten_thousand_character_message_gets_a_polite_reply():
    out = run_action(ActionExplainRole(), "why " * 2500, "ask_role")
    assert out.responses == ["utter_message_too_long"]


def test_a_broken_database_gives_an_apology_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("CAREERBOT_DB_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    base.knowledge_base.cache_clear()
    get_engine.cache_clear()
    out = run_action(ActionSalary(), "salary", "ask_salary")
    assert out.responses == ["utter_knowledge_error"]
    assert out.events == []


def test_sql_and_html_in_the_text_are_just_text():
    out = run_action(ActionExplainRole(), "'; DROP TABLE kb_roles; -- <script>alert(1)</script>", "ask_role")
    assert "Day to day" in out.text


def test_an_unclear_question_the_guide_answers_somewhere_gets_that_passage_with_its_section():
    out = run_action(ActionDidYouMean(), "how important is writing blog posts about my projects", "nlu_fallback",
                     ranking=[{"name": "ask_portfolio", "confidence": 0.3}])
    assert out.text.startswith("The closest the guide comes, in **How Should You Build Your Portfolio")
    assert "Blog posts, Medium articles" in out.text and not out.messages[0].get("buttons")


def test_one_word_in_common_with_a_passage_is_no_answer():
    out = run_action(ActionDidYouMean(), "do they work together?", "nlu_fallback",
                     ranking=[{"name": "compare_roles", "confidence": 0.3}])
    assert "closest the guide comes" not in out.text


def test_a_button_title_typed_by_hand_does_what_the_button_does():
    advice = run_action(ActionSpecialize(), "should I specialise early?", "ask_specialize")
    assert "Salary by specialization" in [b["title"] for b in advice.buttons]
    out = run_action(ActionDidYouMean(), "salary by specialization", "nlu_fallback", slots=slots_after(advice))
    assert "premium" in out.text and "not sure I understood" not in out.text


def test_a_comparison_the_classifier_called_out_of_scope_is_answered():
    out = run_action(ActionOutOfScope(), "bank vs faang?", "out_of_scope", {"company_type": ["enterprise", "faang"]})
    assert "**FAANG**" in out.text and "reliably" in out.text

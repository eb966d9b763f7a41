"""Questions the guide does not cover get an honest answer quoting what the guide does say,
with the closest covered topics as buttons; messages in another language get a reply (in
that language where careerbot has the words) saying it answers in English."""
import asyncio

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.fallback import topic_titles
from bot.actions.not_covered import ActionNotCovered, guide_topics
from bot.actions.other_language import LANGUAGES_FILE, ActionOtherLanguage, languages
from bot.answering import knowledge_access as base
from knowledge.content import covered_topics, read_content
from storage.engine import get_engine
from tests.actions.conftest import Outcome, make_tracker


def run_with(action, text: str, intent: str, **parse_data) -> Outcome:
    """Runs the action on a message whose parse data has extra keys (what the NLU components add)."""
    tracker = make_tracker(text, intent)
    tracker.latest_message.update(parse_data)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return Outcome(dispatcher.messages, events)


def not_covered(topic: str, text: str = "a question") -> Outcome:
    return run_with(ActionNotCovered(), text, "not_covered", not_covered={"topic": topic, "matched": "x"})


def payloads(outcome: Outcome):
    return [b["payload"] for b in outcome.buttons]


def test_a_question_about_salaries_abroad_says_the_guide_has_us_figures_only():
    out = not_covered("non_us_salaries", "what do ML engineers earn in Europe")
    assert out.text.startswith("The guide I'm built from doesn't cover salaries outside the US.")
    assert "median US salary of $165K" in out.text
    assert payloads(out) == ["/ask_salary"]
    assert "Closest topics it does cover: Salary." in out.text


@pytest.mark.parametrize("topic, facts, buttons", [
    ("interviews", ["interview preparation", "a strong portfolio is often more important than credentials"],
     ["/ask_project_ideas", "/ask_networking", "/ask_job_hunting"]),
    ("company_pay", ["FAANG (Facebook, Apple, Amazon, Netflix, Google)", "20-40% above market average",
                     "established enterprises pay more reliably"], ["/ask_salary"]),
    ("course_rankings", ["Coursera, Udacity or fast.ai", "Carnegie Mellon, Stanford and UC Berkeley",
                         "not just data science"], ["/ask_education", "/ask_programs"]),
    ("age", ["12-18 months with a programming background, 2-3 years without"],
     ["/ask_time_to_ready", "/ask_learning_path"]),
    ("layoffs", ["projected +40% growth through 2026"], ["/ask_job_growth", "/ask_ai_threat"]),
    ("visas_relocation", ["remote work is increasingly common"], ["/ask_salary", "/ask_job_hunting"]),
])
def test_each_answer_quotes_the_guides_own_facts_and_offers_the_closest_covered_topics(topic, facts, buttons):
    out = not_covered(topic)
    assert out.text.startswith("The guide I'm built from doesn't cover ")
    for fact in facts:
        assert fact in out.text
    assert payloads(out) == buttons


def test_the_answer_leaves_the_previous_question_to_follow_up_on():
    out = not_covered("resumes")
    assert not any(e.get("name") in ("context", "pending") for e in out.events)


def test_a_not_covered_intent_without_a_known_topic_still_gets_an_honest_reply():
    for out in (not_covered("astrology"), run_with(ActionNotCovered(), "/not_covered", "not_covered")):
        assert out.text.startswith("The guide I'm built from doesn't cover that.")


def test_a_broken_knowledge_base_gives_an_apology(tmp_path, monkeypatch):
    monkeypatch.setenv("CAREERBOT_DB_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    base.knowledge_base.cache_clear()
    get_engine.cache_clear()
    assert not_covered("resumes").responses == ["utter_knowledge_error"]


def test_every_covered_topic_of_the_guide_has_a_button_the_bot_can_offer():
    titles = topic_titles()
    mapping = guide_topics()
    content = read_content()
    referenced = {ref for t in content.not_covered.topics for ref in t.instead}
    assert referenced <= set(mapping), referenced - set(mapping)
    assert set(mapping) <= set(covered_topics(content))
    assert all(intent in titles for intent in mapping.values())


@pytest.mark.parametrize("code, native", [
    ("fr", "je réponds uniquement en anglais"), ("de", "ich antworte nur auf Englisch"),
    ("es", "solo respondo en inglés"), ("pt", "eu só respondo em inglês"), ("it", "rispondo solo in inglese"),
    ("nl", "ik antwoord alleen in het Engels"), ("hi", "मैं केवल अंग्रेज़ी में जवाब देता हूँ"),
])
def test_a_message_in_another_language_is_told_in_that_language_and_in_english(code, native):
    out = run_with(ActionOtherLanguage(), "...", "other_language", language={"code": code, "confidence": 0.999})
    name = languages()["languages"][code]["name"]
    assert native in out.text
    assert f"It looks like you wrote in {name}. I'm careerbot and I answer in English only" in out.text
    assert payloads(out) == ["/help"]


def test_a_language_without_a_translation_gets_the_english_reply_naming_it():
    out = run_with(ActionOtherLanguage(), "...", "other_language", language={"code": "fi", "confidence": 1.0})
    assert out.text.startswith("It looks like you wrote in Finnish.")
    unknown = run_with(ActionOtherLanguage(), "...", "other_language", language={"code": "xx", "confidence": 1.0})
    assert unknown.text.startswith("It looks like you wrote in another language.")


def test_every_language_in_the_replies_file_is_a_code_with_a_name():
    data = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    assert all(isinstance(code, str) and len(code) == 2 and entry.get("name")
               for code, entry in data["languages"].items())


def test_a_misspelled_unclear_message_is_not_taken_for_gibberish_once_corrected():
    from bot.actions.fallback import ActionDidYouMean

    ranking = [{"name": "nlu_fallback", "confidence": 1}, {"name": "ask_salary", "confidence": 0.3}]
    out = run_with(ActionDidYouMean(), "sallary sceince", "nlu_fallback", corrected_text="salary science",
                   intent_ranking=ranking)
    assert out.responses == ["utter_did_you_mean"]

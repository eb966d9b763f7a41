"""A question whose words name its topic gets that topic (bot/content/topic_cues.yml) when the
classifier chose an unrelated one; a statement, or a question the classifier already got
right, keeps its intent."""
import asyncio

import pytest
import spacy
import yaml
from rasa.shared.exceptions import RasaException

from bot.rasa_ext.nlu.lemma_phrases import word
from bot.rasa_ext.nlu.topic_cues import CUES_FILE, cued_intent, load_topics
from settings import DOMAIN_FILE


@pytest.fixture(scope="module")
def nlp(kb_spacy_dir):
    return spacy.load(kb_spacy_dir)


@pytest.fixture(scope="module")
def topics(nlp):
    return load_topics(CUES_FILE, lambda phrase: words(nlp, phrase))


def words(nlp, text):
    return tuple(word(t.text.lower(), t.lemma_.lower()) for t in nlp(text) if any(c.isalnum() for c in t.text))


def test_every_cued_topic_and_every_intent_that_answers_it_is_an_intent_of_the_domain():
    intents = set(yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))["intents"])
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    for entry in data["topics"]:
        assert entry["intent"] in intents, entry["intent"]
        assert set(entry.get("answered_by") or []) <= intents, entry["intent"]


def test_a_cues_file_entry_without_cues_is_refused_with_the_file_named(tmp_path):
    bad = tmp_path / "topic_cues.yml"
    bad.write_text("topics:\n  - intent: ask_salary\n", encoding="utf-8")
    with pytest.raises(RasaException, match=r"topic_cues.yml: topic 1"):
        load_topics(bad, lambda phrase: ())


@pytest.mark.parametrize("text, guessed, topic", [
    ("what would I make as a senior, roughly?", "ask_career_levels", "ask_salary"),
    ("is this line of work still going to be in demand later on?", "ask_learning_path", "ask_job_growth"),
    ("which libraries do I have to be fluent in?", "ask_education", "ask_skills"),
    ("how do people land their first job in this field?", "out_of_scope", "ask_job_hunting"),
    ("what does a senior ML engineer make?", "ask_career_levels", "ask_salary"),
    ("where am I based these days?", "ask_source", "ask_profile"),
    ("what kind of company do I work at?", "nlu_fallback", "ask_profile"),
    # a specific cue of another topic wins over a one-word cue of the classifier's
    ("what skills do i have according to you?", "ask_skills", "ask_profile"),
    ("would they hire me as a senior straight away?", "ask_job_hunting", "ask_career_levels"),
    ("is ML engineering even realistic for me?", "ask_salary", "ask_time_to_ready"),
    ("whats the gap between me and an ML engineer?", "nlu_fallback", "ask_skill_gap"),
    ("how long does the whole roadmap take?", "ask_learning_path", "ask_time_to_ready"),
    ("is remote work common for this role?", "nlu_fallback", "ask_salary"),
    ("which learning step should I do next?", "nlu_fallback", "ask_next_step"),
    ("and the pay gap?", "ask_skill_gap", "ask_salary"),
    ("what would my first ml engineer job likely pay?", "ask_job_hunting", "ask_salary"),
    ("which schools are good for ML", "ask_education", "ask_programs"),
])
def test_a_question_naming_its_topic_gets_it(topics, nlp, text, guessed, topic):
    assert cued_intent(topics, words(nlp, text), guessed, []) == topic


@pytest.mark.parametrize("text, guessed", [
    ("what are the career levels and what does each one pay?", "ask_career_levels"),  # cued: kept
    ("does a master's degree pay off?", "ask_education"),  # "pay off" is no pay question
    ("how do I build a project portfolio?", "ask_portfolio"),
    ("what kind of company should I work at?", "ask_salary"),  # advice, not what the user told the bot
    ("what skills do I have to learn first?", "ask_skills"),  # not the profile's skills
])
def test_the_classifiers_intent_stands_when_it_is_a_cued_topic_or_no_cue_says_otherwise(topics, nlp, text, guessed):
    assert cued_intent(topics, words(nlp, text), guessed, []) is None


def test_of_two_cued_topics_the_one_the_classifier_ranked_higher_wins(topics, nlp):
    text = "what tools do they use day to day?"
    ranking = [{"name": "out_of_scope"}, {"name": "ask_role"}, {"name": "ask_skills"}]
    assert cued_intent(topics, words(nlp, text), "out_of_scope", ranking) == "ask_role"


def test_in_the_trained_pipeline_a_pay_question_becomes_a_salary_question_and_a_statement_does_not(agent):
    def intent(text):
        return asyncio.run(agent.parse_message(text))["intent"]["name"]

    assert intent("what would I make as a senior ML engineer?") == "ask_salary"
    assert intent("I earn about 80k as a data analyst in Denver") != "ask_salary"


def test_a_question_about_what_the_bot_knows_of_the_user_stays_a_profile_question(agent):
    parsed = asyncio.run(agent.parse_message("which skills have you got down for me?"))
    assert parsed["intent"]["name"] == "ask_profile"

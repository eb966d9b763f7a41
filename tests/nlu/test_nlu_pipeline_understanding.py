"""The trained pipeline end to end: the classifier and the EntityRuler read the spelling-
corrected text, questions the guide does not cover and messages in other languages get their
own intents, and questions the guide does cover keep theirs."""
import asyncio

import pytest


def parse(agent, text):
    return asyncio.run(agent.parse_message(text))


def test_the_classifier_and_the_entity_ruler_read_the_corrected_text_the_message_keeps_the_original(agent):
    typed = "sallary for a machin lerning enginer in Chicgo"
    parsed = parse(agent, typed)
    assert parsed["text"] == typed
    assert parsed["corrected_text"] == "salary for a machine learning engineer in Chicgo"  # a name mid-sentence stays
    assert parsed["intent"]["name"] == "ask_salary"
    role = next(e for e in parsed["entities"] if e["entity"] == "role")
    assert role["value"] == "ml_engineer"
    assert typed[role["start"]:role["end"]] == "machin lerning enginer"


def test_a_correctly_spelled_message_has_no_corrected_text(agent):
    assert "corrected_text" not in parse(agent, "how much does a senior engineer make in seattle")


@pytest.mark.parametrize("text, topic", [
    ("can you review my resume before I apply", "resumes"),
    ("what questions do they ask in ML interviews", "interviews"),
    ("how do I negotiate my first offer", "salary_negotiation"),
    ("do companies sponsor an H-1B visa for ML engineers", "visas_relocation"),
    ("are there many layoffs in ML right now", "layoffs"),
    ("which bootcamp should I pick, springboard or another one", "course_rankings"),
    ("what's the best book to learn deep learning", "books_and_media"),
    ("how much does nvidia pay machine learning engineers", "company_pay"),
    ("what do ML engineers earn overseas", "non_us_salaries"),
    ("will AI replace accountants before I even finish retraining lol", "other_jobs_and_ai"),
    ("is there any kind of ML job that uses my chemistry knowledge, like drug discovery?", "industries"),
    ("does the guide say anything about llms specifically or prompt engineering", "llm_applications"),
    ("do ML engineers have a good work-life balance", "work_life_balance"),
    ("am I too old to become an ML engineer", "age"),
    ("how do I land an ML internship", "internships"),
    ("can I freelance as an ML engineer", "freelancing"),
    ("should I put my model in a docker container", "deployment_tooling"),
    ("when do RSUs usually vest at big tech", "equity_and_taxes"),
    ("how long should my resume be, one page or two", "resumes"),
    ("I'm on a student visa right now, would an employer sponsor a work permit?", "visas_relocation"),
])
def test_a_question_the_guide_does_not_cover_is_recognised_with_its_topic(agent, text, topic):
    parsed = parse(agent, text)
    assert parsed["intent"]["name"] == "not_covered", parsed["intent"]
    assert parsed["not_covered"]["topic"] == topic


@pytest.mark.parametrize("text", [
    "how do I prepare for job hunting", "do I need a PhD", "is kaggle good for my resume",
    "when will I be ready for interviews", "how much do senior MLEs make at google",
    "will AI make ML engineers redundant",
    "is remote work common for ML engineers", "how long are ML bootcamps", "is a bootcamp a good idea",
    "I freelance from home", "where do I start",
    "I'm a nurse, honestly a bit burned out by shifts, how long would it take me to switch?",
])
def test_a_question_the_guide_covers_is_not_taken_for_not_covered(agent, text):
    assert parse(agent, text)["intent"]["name"] != "not_covered"


def test_commands_about_the_users_own_data_are_never_taken_over(agent):
    assert parse(agent, "forget everything about me, my resume too")["intent"]["name"] == "forget_me"


def test_a_misspelled_not_covered_question_is_still_recognised(agent):
    parsed = parse(agent, "how do I prepar for my intervews")
    assert parsed["corrected_text"] == "how do I prepare for my interviews"
    assert parsed["not_covered"]["topic"] == "interviews"


@pytest.mark.parametrize("text, code", [
    ("combien gagne un ingénieur en apprentissage automatique", "fr"),
    ("welche Fähigkeiten brauche ich für maschinelles Lernen", "de"),
    ("मुझे कौन से कौशल सीखने चाहिए", "hi"),
])
def test_a_message_in_another_language_gets_other_language_with_its_code(agent, text, code):
    parsed = parse(agent, text)
    assert parsed["intent"]["name"] == "other_language"
    assert parsed["language"]["code"] == code


@pytest.mark.parametrize("text", ["hi", "thx", "mle tc?", "ty very much", "sallary for a senior in nyc"])
def test_short_and_informal_english_is_not_taken_for_another_language(agent, text):
    assert parse(agent, text)["intent"]["name"] != "other_language"


@pytest.mark.parametrize("text", ["why 12-18 months tho, i already know 80% of the engineering side",
                                  "how come it takes that long?"])
def test_a_short_why_that_names_nothing_asks_about_the_last_answer(agent, text):
    assert parse(agent, text)["intent"]["name"] == "ask_why"


def test_a_question_about_remote_work_is_about_the_pay_factor_that_covers_it(agent):
    parsed = parse(agent, "is remote work common for this role?")
    assert parsed["intent"]["name"] == "ask_salary"
    assert {"entity": "location", "value": "remote"}.items() <= next(
        e for e in parsed["entities"] if e["entity"] == "location").items()


def test_a_skill_the_guide_does_not_name_is_found_as_such(agent):
    parsed = parse(agent, "I have 6 years of typescript and some kotlin")
    assert {e["value"] for e in parsed["entities"] if e["entity"] == "other_skill"} == {"typescript", "kotlin"}

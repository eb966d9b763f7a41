"""Skills the guide does not name ("TypeScript", "C#", "Excel") are kept as the user named them,
mean a programming background when they are languages, and a question about one says the guide
does not mention it and what it names instead."""
from pathlib import Path

import pytest

from bot.actions.followup import ActionFollowUp
from bot.actions.out_of_scope import ActionOutOfScope
from bot.actions.profile import ActionShowProfile, ActionUpdateProfile
from bot.actions.skills import ActionListSkills, ActionSkillGap
from bot.answering.other_skills import OtherSkillsError, load_other_skills
from tests.actions.conftest import run_action, spans


def test_a_language_outside_the_guide_is_kept_and_means_the_user_programs():
    text = "lead frontend dev, 6 years typescript, never touched ml"
    out = run_action(ActionUpdateProfile(), text, "inform", spans(text, other_skill__typescript="typescript"))
    assert out.slot("other_skills") == ["typescript"] and out.slot("background") == "programmer"
    assert "TypeScript" in out.text and "doesn't name" in out.text
    assert not out.sets("level")


def test_a_denied_other_skill_is_taken_off_and_the_new_one_noted():
    text = "actually I don't know typescript, it's javascript"
    out = run_action(ActionUpdateProfile(), text, "inform",
                     spans(text, other_skill__typescript="typescript", other_skill__javascript="javascript"),
                     slots={"other_skills": ["typescript"], "background": "programmer"})
    assert out.slot("other_skills") == ["javascript"]
    assert "No longer noted" in out.text and "TypeScript" in out.text


def test_a_tool_that_is_not_programming_does_not_make_a_programmer():
    text = "I'm great with excel"
    out = run_action(ActionUpdateProfile(), text, "inform", spans(text, other_skill__excel="excel"))
    assert out.slot("other_skills") == ["excel"] and not out.sets("background")


def test_someone_elses_language_is_not_the_users_even_when_read_as_out_of_scope():
    text = "my brother writes C# all day"
    out = run_action(ActionOutOfScope(), text, "out_of_scope", spans(text, **{"other_skill__C#": "csharp"}))
    assert not out.sets("other_skills") and "someone else" in out.text


def test_a_statement_read_as_a_follow_up_is_noted_not_compared():
    text = "about 4 years of C# at work"
    out = run_action(ActionFollowUp(), text, "followup_what_about", spans(text, **{"other_skill__C#": "csharp"}),
                     slots={"context": {"action": "action_time_to_ready", "entities": {}}})
    assert out.slot("other_skills") == ["csharp"] and out.slot("background") == "programmer"


def test_the_profile_shows_other_skills_by_name():
    out = run_action(ActionShowProfile(), "what do you know about me", "ask_profile",
                     slots={"other_skills": ["csharp", "golang"], "skills_known": ["python"]})
    assert "Python" in out.text and "C# and Go" in out.text


def test_a_question_about_a_language_outside_the_guide_says_so_and_names_the_guides_languages():
    text = "is C# useful for ml?"
    out = run_action(ActionListSkills(), text, "ask_skills", spans(text, **{"other_skill__C#": "csharp"}))
    assert "doesn't mention C#" in out.text
    assert "Python is non-negotiable" in out.text and "Java, Scala, or C++" in out.text


def test_a_question_about_a_tool_outside_the_guide_lists_its_skill_areas():
    text = "do i need excel"
    out = run_action(ActionListSkills(), text, "ask_skills", spans(text, other_skill__excel="excel"))
    assert "doesn't mention Excel" in out.text and "Cloud platforms" in out.text


def test_an_unknown_other_skill_value_never_reaches_the_profile():
    text = "I know cobol"
    out = run_action(ActionUpdateProfile(), text, "inform", spans(text, other_skill__cobol="cobol"))
    assert not out.sets("other_skills")


@pytest.mark.parametrize("entry", ["{id: x, name: X, aliases: [x]}", "{id: x, aliases: [x], programming: true}",
                                   "{id: x, name: X, aliases: x, programming: true}"])
def test_an_other_skill_entry_missing_a_field_is_named_in_the_error(tmp_path: Path, entry: str):
    path = tmp_path / "other_skills.yml"
    path.write_text(f"version: 1\nskills:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(OtherSkillsError, match=r"other_skills.yml: skill 1"):
        load_other_skills(path)


def test_asked_for_the_gap_a_user_with_only_other_skills_is_told_none_of_the_list_is_crossed_off():
    text = "Do my C# skills transfer at all, or is it Python or nothing?"
    out = run_action(ActionSkillGap(), text, "ask_skill_gap", spans(text, **{"other_skill__C#": "csharp"}),
                     slots={"other_skills": ["csharp", "typescript"], "background": "programmer"})
    assert out.text.startswith("The guide I'm built from doesn't mention C#")
    assert "You've told me C# and TypeScript, which the guide doesn't name" in out.text
    assert "haven't told me which skills" not in out.text


def test_a_question_about_a_skill_area_and_a_language_outside_the_guide_says_the_guide_does_not_mention_it():
    text = "does kotlin count for the production languages thing?"
    out = run_action(ActionListSkills(), text, "ask_skills",
                     spans(text, other_skill__kotlin="kotlin", skill_category__production_languages="languages"))
    assert out.text.startswith("The guide I'm built from doesn't mention Kotlin")
    assert "**Programming languages**" in out.text


def test_a_language_outside_the_guide_asked_beside_a_guide_skill_is_said_to_be_missing_first():
    text = "does kotlin count for the java or scala requirement?"
    out = run_action(ActionListSkills(), text, "ask_skills",
                     spans(text, other_skill__kotlin="kotlin", skill__java="java", skill__scala="scala"))
    assert out.text.startswith("The guide I'm built from doesn't mention Kotlin")
    assert "Java" in out.text

"""Bad content is refused with one message naming the file, the entry and the problem,
by read_content and by `python -m knowledge check|load`, and nothing is written."""
import re
from dataclasses import dataclass

import pytest

from knowledge.content import read_content
from knowledge.errors import ContentError
from tests.knowledge.helpers import dump, edit_text, start_cli


@dataclass
class Breakage:
    filename: str
    old: str
    new: str
    entry: str  # a regex for ContentError.entry
    problem: str  # a substring of ContentError.problem


XGBOOST = ("{id: xgboost, name: XGBoost, aliases: [xgboost, xg boost, gradient boosting], required: true, "
           "learning_step: ")
JUNIOR_BAND = "{min: 120000, max: 140000, wording: Junior roles"

CASES = {
    "invalid_yaml_syntax": Breakage(
        "roles.yml", "    median_salary: 140000\n", "    median_salary: [140000\n",
        r"line \d+", "invalid YAML"),
    "missing_required_field": Breakage(
        "roles.yml", "    median_salary: 140000\n", "",
        "'data_scientist'", "median_salary: field required"),
    "skill_with_unknown_learning_step": Breakage(
        "skills.yml", XGBOOST + "supervised_learning}", XGBOOST + "boosting}",
        "'xgboost'", "learning_step 'boosting' does not exist"),
    "record_with_unknown_source_section": Breakage(
        "roles.yml", "    source: career\n  - id: data_engineer", "    source: careers\n  - id: data_engineer",
        "'research_scientist'", "source 'careers' does not exist"),
    "background_note_with_unknown_source_section": Breakage(
        "role.yml", "what to build on.\n    source: role\n", "what to build on.\n    source: rolez\n",
        "'for_background.programmer'", "source 'rolez' does not exist"),
    "unknown_prerequisite": Breakage(
        "learning_path.yml", "prerequisites: [supervised_learning]", "prerequisites: [statistics_101]",
        "'deep_learning'", "prerequisite 'statistics_101' does not exist"),
    "negative_salary_band": Breakage(
        "career_levels.yml", JUNIOR_BAND, JUNIOR_BAND.replace("min: 120000", "min: -120000"),
        "'junior'", "salary_bands.0.min: ensure this value is greater than 0"),
    "negative_median_salary": Breakage(
        "roles.yml", "median_salary: 140000", "median_salary: -140000",
        "'data_scientist'", "median_salary: ensure this value is greater than 0"),
    "inverted_salary_range": Breakage(
        "career_levels.yml", JUNIOR_BAND, "{min: 140000, max: 120000, wording: Junior roles",
        "'junior'", "salary range is inverted: min 140000 > max 120000"),
    "duplicate_id": Breakage(
        "roles.yml", "id: data_engineer", "id: data_scientist",
        "'data_scientist'", "duplicate role id"),
    "duplicate_skill_group_id": Breakage(
        "skills.yml", "{id: cloud_platform,", "{id: production_language,",
        "'production_language'", "duplicate skill group id"),
    "unknown_extra_field": Breakage(
        "roles.yml", "    median_salary: 140000\n", "    median_salary: 140000\n    bonus: 5000\n",
        "'data_scientist'", "bonus: extra fields not permitted"),
    "duplicate_alias_within_one_kind": Breakage(
        "salary_factors.yml", "aliases: [seattle, seatle,", "aliases: [seattle, sf, seatle,",
        "'seattle'", "alias 'sf' is already used by location 'bay_area'"),
    # not_covered.yml: what the bot says it cannot answer must point at real topics and not
    # swallow questions the guide does answer.
    "not_covered_offers_a_topic_that_does_not_exist": Breakage(
        "not_covered.yml", "instead: [projects, networking, job_hunting]",
        "instead: [projects, networking, interview_prep]",
        "'interviews'", "instead 'interview_prep' does not exist"),
    "not_covered_trigger_is_a_name_the_guide_covers": Breakage(
        "not_covered.yml", "triggers: [internship, intern, co op]", "triggers: [internship, intern, PyTorch]",
        "'internships'", "trigger 'PyTorch' is the name of skill 'pytorch'"),
    "not_covered_trigger_used_by_two_entries": Breakage(
        "not_covered.yml", "triggers: [internship, intern, co op]", "triggers: [internship, intern, cover letter]",
        "'internships'", "trigger 'cover letter' is already used by 'resumes'"),
    "not_covered_duplicate_id": Breakage(
        "not_covered.yml", "  - id: freelancing\n", "  - id: internships\n",
        "'internships'", "duplicate not-covered topic id"),
    "not_covered_guide_says_with_unknown_section": Breakage(
        "not_covered.yml",
        "as top Master's programs; for bootcamps it says to look for programs focused on ML engineering "
        "(not just data science) with strong project components and job placement support.\", source: education}",
        "as top Master's programs; for bootcamps it says to look for programs focused on ML engineering "
        "(not just data science) with strong project components and job placement support.\", source: schools}",
        "'course_rankings'", "source 'schools' does not exist"),
    "not_covered_without_triggers": Breakage(
        "not_covered.yml", "triggers: [internship, intern, co op]", "triggers: []",
        "'internships'", "triggers: ensure this value has at least 1 items"),
}


def break_content(content_dir, case: Breakage):
    return edit_text(content_dir, case.filename, case.old, case.new)


@pytest.mark.parametrize("name", CASES)
def test_read_content_names_file_entry_and_problem(name, content_dir):
    case = CASES[name]
    broken = break_content(content_dir, case)

    with pytest.raises(ContentError) as caught:
        read_content(content_dir)

    error = caught.value
    assert error.file == str(broken)
    assert re.fullmatch(case.entry, error.entry), error.entry
    assert case.problem in error.problem
    assert str(error) == f"{broken}: entry {error.entry}: {error.problem}"


def test_invalid_yaml_names_the_line_of_the_syntax_error(content_dir):
    case = CASES["invalid_yaml_syntax"]
    broken = break_content(content_dir, case)
    broken_line = broken.read_text().splitlines().index(case.new.rstrip("\n")) + 1

    with pytest.raises(ContentError) as caught:
        read_content(content_dir)

    line = int(caught.value.entry.split()[1])
    assert broken_line <= line <= broken_line + 1


@pytest.mark.parametrize("name", CASES)
def test_cli_check_and_load_exit_1_with_one_message_and_leave_the_database_unchanged(name, content_dir, loaded_db_url,
                                                                                       loaded_engine):
    case = CASES[name]
    broken = break_content(content_dir, case)
    message = re.compile(re.escape(f"knowledge: content error: {broken}: entry ") + case.entry
                         + re.escape(": ") + ".*" + re.escape(case.problem) + ".*")
    before = dump(loaded_engine)

    check = start_cli("check", "--content", str(content_dir), "--db", loaded_db_url)
    load = start_cli("load", "--content", str(content_dir), "--db", loaded_db_url)
    results = {"check": (check, *check.communicate(timeout=60)), "load": (load, *load.communicate(timeout=60))}

    for command, (proc, out, err) in results.items():
        assert proc.returncode == 1, f"{command}: {err}"
        lines = err.splitlines()
        assert len(lines) == 2 and message.fullmatch(lines[0]), f"{command}: {err}"
        assert lines[1] == "knowledge: nothing was written."
        assert "content is valid" not in out
    assert dump(loaded_engine) == before


def test_shipped_content_is_valid_and_check_says_so(shipped_content):
    check = start_cli("check")
    out, err = check.communicate(timeout=60)
    assert check.returncode == 0, err
    assert "knowledge: content is valid" in out

"""Replies take the guide's facts from the knowledge base, never from code: with figures,
names and sentences changed in a copy of the content, every answer shows the changed ones.
Also: the action code holds no figure, and button payloads are JSON."""
import ast
import json
import re
import shutil
from pathlib import Path
from typing import Iterator, Tuple

import pytest

from bot.actions.career import ActionCareerLevels
from bot.actions.education import ActionEducationPaths
from bot.actions.faq import ActionPhd, ActionSpecialize
from bot.actions.learning import ActionNextStep, ActionWhereToStart
from bot.actions.outlook import ActionJobGrowth
from bot.actions.portfolio import ActionPortfolio
from bot.actions.role import ActionExplainRole
from bot.actions.salary import ActionSalary
from bot.answering.replies import entity_button, inform_button, intent_button
from knowledge.content import read_content
from knowledge.loader import load
from storage.engine import get_engine
from tests.actions.conftest import run_action
from tests.knowledge.helpers import CONTENT_DIR, ROOT, edit_text

# (file, what the shipped content says, what the copy says instead)
CHANGES = [
    ("career_levels.yml", "{min: 250000, max: null, wording: Senior roles exceed $250K base",
     "{min: 260000, max: null, wording: Senior roles exceed $260K base"),
    ("outlook.yml", "  growth_pct: 40\n", "  growth_pct: 45\n"),
    ("outlook.yml", "standing: one of the fastest-growing", "standing: one of the most talked-about"),
    ("salary_factors.yml", "    premium_min_pct: 30\n", "    premium_min_pct: 35\n"),
    ("salary_factors.yml", "location: {text: Midwest cities,", "location: {text: Great Lakes cities,"),
    ("salary_factors.yml", "company_type: {text: market average,", "company_type: {text: the going rate,"),
    ("salary_factors.yml", "  wording: Deep expertise in specific domains",
     "  wording: Narrow expertise in specific domains"),
    ("salary_factors.yml", "{id: new_york, name: New York,", "{id: new_york, name: New York City,"),
    ("faq.yml", "text: \"For AI/ML Research Scientist roles, the guide says a PhD helps.\"",
     "text: \"For research roles, a doctorate helps.\""),
    ("faq.yml", "text: \"You don't need a PhD for most industry ML Engineer roles.\"",
     "text: \"Industry roles rarely ask for a doctorate.\""),
    ("faq.yml", "short_answer: Build broad fundamentals first, specialize later.",
     "short_answer: Go broad before you go deep."),
    ("portfolio.yml", "nlp: a natural language processing application}", "nlp: a recommendation system}"),
    ("learning_path.yml", "    name: Capstone project\n", "    name: Capstone build\n"),
    ("skills.yml", "{id: sql, name: SQL,", "{id: sql, name: Structured Query Language,"),
    ("role.yml", "text: both halves are ahead of you; Python is the first step.",
     "text: both halves are ahead of you; start with Python fundamentals."),
    ("education.yml", "text: the faster routes (a bootcamp focused on ML engineering, or self-study with projects) "
     "build on what you have.", "text: the shorter routes suit you."),
]


@pytest.fixture(scope="module")
def kb_url(tmp_path_factory) -> str:
    """A knowledge base loaded from a copy of the content with CHANGES made (the actions' autouse
    fixture points them at it)."""
    content = tmp_path_factory.mktemp("changed") / "content"
    shutil.copytree(CONTENT_DIR, content)
    for filename, old, new in CHANGES:
        edit_text(content, filename, old, new)
    url = f"sqlite:///{content.parent / 'kb.db'}"
    load(read_content(content), get_engine(url))
    return url


def test_the_highest_salary_figure_for_a_level_without_one_is_the_contents():
    out = run_action(ActionSalary(), "staff salary", "ask_salary", {"level": "staff"})
    assert "$260K+" in out.text and "$250K" not in out.text


def test_the_salary_follow_up_buttons_name_the_contents_places():
    out = run_action(ActionSalary(), "senior salary", "ask_salary", {"level": "senior"})
    assert {"title": "And in New York City?", "payload": '/followup_what_about{"location":"new_york"}'} in out.buttons


def test_job_growth_shows_the_contents_figure_and_standing():
    out = run_action(ActionJobGrowth(), "is the field growing?", "ask_job_growth")
    assert "+45% through 2026" in out.text and "one of the most talked-about" in out.text
    assert "40%" not in out.text and "fastest-growing" not in out.text


def test_the_location_factor_shows_the_contents_premium():
    out = run_action(ActionSalary(), "does the city change pay?", "ask_salary")
    assert "35-50%" in out.text and "30-50%" not in out.text.split("“")[0]


def test_comparisons_name_the_contents_baselines_and_specialization_premium():
    places = run_action(ActionSalary(), "New York vs Chicago?", "ask_salary", {"location": ["new_york", "chicago"]})
    assert "over Great Lakes cities" in places.text and "baseline (Great Lakes cities)" in places.text
    assert "Midwest cities." not in places.text.split("What the guide says")[0]
    companies = run_action(ActionSalary(), "FAANG or enterprise?", "ask_salary",
                           {"company_type": ["faang", "enterprise"]})
    assert "above the going rate" in companies.text
    fields = run_action(ActionSalary(), "NLP or computer vision?", "ask_salary",
                        {"specialization": ["nlp", "computer_vision"]})
    assert "Narrow expertise in specific domains" in fields.text and "go broad before you go deep" in fields.text


def test_the_phd_answer_for_research_roles_shows_the_contents_points():
    out = run_action(ActionPhd(), "does that job need a phd?", "ask_phd", {"role": "research_scientist"})
    assert out.text.startswith("**For research roles, a doctorate helps.** Industry roles rarely ask for a doctorate.")


def test_the_specialize_answer_shows_the_contents_advice_and_premium():
    junior = run_action(ActionSpecialize(), "should I specialize in nlp?", "ask_specialize",
                        {"specialization": "nlp"}, slots={"level": "junior"})
    assert "but go broad before you go deep." in junior.text
    senior = run_action(ActionSpecialize(), "should I specialize in nlp?", "ask_specialize",
                        {"specialization": "nlp"}, slots={"level": "senior"})
    assert "narrow expertise in specific domains" in senior.text


def test_the_project_for_an_interest_is_the_contents():
    out = run_action(ActionPortfolio(), "project ideas", "ask_project_ideas", slots={"specialization": "nlp"})
    assert "Given your interest, make a recommendation system one of them." in out.text


def test_learning_answers_name_the_contents_steps_and_skills():
    end = run_action(ActionNextStep(), "what comes after the capstone?", "ask_next_step", {"learning_step": "capstone"})
    assert "end of the roadmap: the capstone build." in end.text
    start = run_action(ActionWhereToStart(), "where do I start?", "ask_where_to_start",
                       slots={"background": "programmer"})
    assert "Structured Query Language, pandas and NumPy" in start.text


def test_background_notes_and_the_phd_point_come_from_the_content():
    role = run_action(ActionExplainRole(), "what does an mle do?", "ask_role", slots={"background": "non_programmer"})
    assert "Since you're new to coding, both halves are ahead of you; start with Python fundamentals." in role.text
    paths = run_action(ActionEducationPaths(), "which path?", "ask_education", slots={"background": "programmer"})
    assert "Since you already program, the shorter routes suit you." in paths.text
    assert "Industry roles rarely ask for a doctorate." in paths.text


def test_career_level_buttons_carry_the_level_as_json():
    out = run_action(ActionCareerLevels(), "career levels", "ask_career_levels")
    payloads = [b["payload"] for b in out.buttons]
    assert '/ask_career_levels{"level":"junior"}' in payloads
    assert all(json.loads(p[len("/ask_career_levels"):]) for p in payloads)


def test_button_payloads_are_the_intent_and_its_entities_as_json():
    assert entity_button("Senior salary", "ask_salary", level="senior") == \
        {"title": "Senior salary", "payload": '/ask_salary{"level":"senior"}'}
    assert inform_button("Yes", "background", "programmer")["payload"] == '/inform{"background":"programmer"}'
    assert intent_button("Help", "help")["payload"] == "/help"
    quoted = entity_button("x", "inform", location='new" york')["payload"]
    assert json.loads(quoted[len("/inform"):]) == {"location": 'new" york'}


# A figure of the guide: "$165K", "30-50%", "12-18 months", "5+ years".
FIGURE = re.compile(r"\$\d+K|\b\d+(?:-\d+)?%|\b\d+(?:-\d+|\+)? ?(?:months?|years?)\b")
CODE = [ROOT / "bot" / "actions", ROOT / "bot" / "answering"]


def string_literals(path: Path) -> Iterator[Tuple[int, str]]:
    """The string literals of a module (f-strings' literal parts too), docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_the_action_code_states_no_figure_of_the_guide():
    found = [f"{path.relative_to(ROOT)}:{line}: {text!r}" for folder in CODE for path in sorted(folder.glob("*.py"))
             for line, text in string_literals(path) if FIGURE.search(text)]
    assert found == [], "figures belong in knowledge/content:\n" + "\n".join(found)

"""Content changes that touch keys other rows depend on still load in one go."""
import re

from knowledge import KnowledgeBase
from knowledge.content import read_content
from knowledge.loader import load


def test_renaming_a_learning_step_that_skills_point_to_loads(content_dir, loaded_engine):
    for filename in ("learning_path.yml", "skills.yml"):
        path = content_dir / filename
        path.write_text(re.sub(r"\bdeep_learning\b", "deep_nets", path.read_text()))
    content = read_content(content_dir)
    load(content, loaded_engine)
    assert KnowledgeBase(loaded_engine).step_after("deep_nets").next_step.id == "production_ml"


def test_swapping_the_positions_of_two_career_levels_loads(content_dir, loaded_engine):
    path = content_dir / "career_levels.yml"
    path.write_text(path.read_text().replace("position: 3\n", "position: X\n")
                    .replace("position: 4\n", "position: 3\n").replace("position: X\n", "position: 4\n"))
    content = read_content(content_dir)
    load(content, loaded_engine)
    assert [lv.id for lv in KnowledgeBase(loaded_engine).career_levels()] == ["junior", "mid", "staff", "senior"]

"""skill_gap, the learning sequence and the skill catalogue."""
import pytest

from knowledge.results import Unknown

SKILLS_SECTION = "What Are the Essential Technical Skills You'll Need?"
SEQUENCE = ["python_fundamentals", "linear_algebra_calculus", "supervised_learning", "deep_learning",
            "production_ml", "capstone"]


def ids(items):
    return [i.id for i in items]


def test_skill_gap_removes_the_skills_the_user_knows_by_id_or_wording(kb):
    gap = kb.skill_gap(["python", "SQL", "Pandas", "numpy", "sklearn"])

    assert sorted(ids(gap.known)) == ["numpy", "pandas", "python", "scikit_learn", "sql"]
    assert not set(ids(gap.known)) & set(ids(gap.missing))
    assert "tensorflow" in ids(gap.missing)


def test_skill_gap_of_nobody_lists_every_skill(kb):
    gap = kb.skill_gap([])

    assert gap.known == []
    assert len(gap.missing) == sum(len(c.skills) for c in kb.skill_categories()) == 26


def test_skill_gap_ignores_wordings_that_are_not_skills(kb):
    gap = kb.skill_gap(["underwater basket weaving"])
    assert gap.known == [] and len(gap.missing) == 26


@pytest.mark.parametrize("member", ["java", "Scala", "C++"])
def test_any_production_language_satisfies_the_one_of_group(kb, member):
    gap = kb.skill_gap([member])

    assert not {"java", "scala", "cpp"} & set(ids(gap.missing))
    assert [a.text for a in gap.alternatives] == [
        "AWS (SageMaker), Google Cloud (Vertex AI), or Azure ML. Most companies deploy models on cloud infrastructure."]


@pytest.mark.parametrize("member", ["AWS", "gcp", "azure"])
def test_any_cloud_satisfies_the_one_of_group(kb, member):
    gap = kb.skill_gap([member])
    assert not {"aws_sagemaker", "gcp_vertex_ai", "azure_ml"} & set(ids(gap.missing))
    assert {"java", "scala", "cpp"} <= set(ids(gap.missing))


def test_skill_gap_names_the_uncovered_one_of_groups_with_their_section(kb):
    gap = kb.skill_gap([])
    assert len(gap.alternatives) == 2
    assert all(a.source == SKILLS_SECTION for a in gap.alternatives)


def test_skill_gap_groups_missing_skills_by_learning_step_in_sequence_order(kb):
    everything_basic = ["python", "sql", "pandas", "numpy", "git", "unit tests", "debugging"]
    gap = kb.skill_gap(everything_basic)

    steps = [step.id for step, _ in gap.by_step]
    assert steps == ["linear_algebra_calculus", "supervised_learning", "deep_learning", "production_ml"]
    assert [s for s in SEQUENCE if s in steps] == steps
    for step, skills in gap.by_step:
        assert skills and all(k.learning_step_id == step.id for k in skills)
    grouped = [k.id for _, skills in gap.by_step for k in skills]
    assert sorted(grouped) == sorted(ids(gap.missing))
    assert dict((s.id, ids(ks)) for s, ks in gap.by_step)["linear_algebra_calculus"] == ["linear_algebra", "calculus"]


def test_learning_plan_lists_the_six_steps_of_the_guide_in_order(kb):
    plan = kb.learning_plan()

    assert ids(plan.steps) == SEQUENCE
    assert plan.done == [] and ids(plan.remaining) == SEQUENCE
    assert plan.next_step.id == "python_fundamentals"
    assert "Start with solid fundamentals in Python and mathematics" in plan.advice.text


def test_step_after_deep_learning_is_production_ml(kb):
    plan = kb.step_after("deep learning")

    assert plan.next_step.id == "production_ml"
    assert ids(plan.done) == SEQUENCE[:4]
    assert ids(plan.remaining) == ["production_ml", "capstone"]


def test_step_after_the_capstone_is_none(kb):
    plan = kb.step_after("capstone")
    assert plan.next_step is None and plan.remaining == []


def test_step_after_an_unknown_step_is_unknown(kb):
    result = kb.step_after("quantum knitting")

    assert isinstance(result, Unknown)
    assert (result.kind, result.value) == ("learning_step", "quantum knitting")
    assert "Deep learning" in result.known


def test_doing_a_later_step_counts_the_earlier_ones_as_done(kb):
    assert ids(kb.learning_plan(["supervised learning"]).done) == SEQUENCE[:3]


def test_learning_steps_have_their_prerequisites(kb):
    prereqs = {s.id: s.prerequisites for s in kb.learning_steps()}
    assert prereqs["python_fundamentals"] == []
    assert prereqs["supervised_learning"] == ["python_fundamentals", "linear_algebra_calculus"]
    assert prereqs["production_ml"] == ["deep_learning"]


def test_skill_categories_are_the_seven_of_the_guide(kb):
    cats = kb.skill_categories()

    assert [c.name for c in cats] == ["Programming languages", "Machine learning frameworks", "Mathematics",
                                      "Data manipulation", "Software engineering", "Cloud platforms", "Deep learning"]
    assert ids(kb.skill_category("cloud").skills) == ["aws_sagemaker", "gcp_vertex_ai", "azure_ml"]
    assert isinstance(kb.skill_category("astrology"), Unknown)


def test_skills_for_a_step_are_the_skills_that_step_teaches(kb):
    assert ids(kb.skills_for_step("deep learning")) == [
        "tensorflow", "pytorch", "neural_networks", "cnns", "rnns", "transformers"]
    assert isinstance(kb.skills_for_step("astrology"), Unknown)

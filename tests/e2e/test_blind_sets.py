"""The blind sets (tests/blind/), written by someone who never saw careerbot's training data or
code, run over REST against the running bot; each set must score at least its gate
(tests/blind/gate.yml). The per-class report is in results/blind.md."""
from pathlib import Path

import pytest
import yaml

from tests.blind import runner

pytestmark = pytest.mark.e2e
RESULTS = Path(__file__).resolve().parents[2] / "results" / "blind.md"
GATES = yaml.safe_load((runner.HERE / "gate.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report():
    sections = []
    yield sections
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("# Blind sets\n\n" + "\n".join(sections), encoding="utf-8")


@pytest.mark.parametrize("set_name", sorted(GATES))
def test_the_blind_set_scores_at_least_its_gate(bot_servers, report, set_name):
    outcomes = runner.run(bot_servers.rasa_url, runner.load_cases(runner.HERE / set_name))
    report.append(runner.report(set_name, outcomes))
    assert runner.score(outcomes) >= GATES[set_name], (
        f"{set_name}: {runner.score(outcomes):.1%} is below its gate {GATES[set_name]:.1%}; see {RESULTS}")

"""Dialogue gates run with Rasa's own tools: data validation and test stories."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def rasa(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rasa", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_training_data_validates_without_warnings():
    result = rasa("data", "validate", "--domain", "bot/domain.yml", "--data", "bot/data", "--config", "config.yml",
                  "--fail-on-warnings")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_every_test_story_is_predicted_exactly():
    result = rasa("test", "core", "--model", "models/careerbot.tar.gz", "--stories", "tests/stories",
                  "--out", "results/core", "--fail-on-prediction-errors")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]

"""The knowledge base's query tests, run against the deployment's real PostgreSQL: the same
figures and answers as on SQLite (tests/knowledge runs them on PostgreSQL when
CAREERBOT_TEST_PG_URL is set)."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.scale
ROOT = Path(__file__).resolve().parents[2]


def test_the_knowledge_base_answers_the_same_on_postgresql(stack, report):
    stack.postgres.create_database("kb_tests")
    env = {**os.environ, "CAREERBOT_TEST_PG_URL": stack.postgres.url("kb_tests")}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "postgresql",
                          "tests/knowledge"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr[-2000:]
    report(f"knowledge-base query tests on PostgreSQL: {summary}")
    assert run.returncode == 0, run.stdout[-4000:]
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed.group(1)) >= 50, summary

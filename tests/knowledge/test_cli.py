"""python -m knowledge stats|load as an operator runs them."""
import re

from sqlalchemy import inspect

from knowledge.loader import table_counts
from knowledge.models import TABLES_IN_LOAD_ORDER
from tests.knowledge.helpers import run_cli

TABLES = [t.__tablename__ for t in TABLES_IN_LOAD_ORDER]
LINE = re.compile(r"^(kb_\w+)\s+(\d+)$")


def parse_stats(stdout: str):
    counts = {}
    for line in stdout.splitlines():
        match = LINE.match(line.strip())
        assert match, f"unexpected stats line: {line!r}"
        counts[match[1]] = int(match[2])
    return counts


def test_stats_prints_a_non_zero_count_for_every_table_after_load(loaded_db_url, loaded_engine):
    result = run_cli("stats", "--db", loaded_db_url)

    assert result.returncode == 0, result.stderr
    counts = parse_stats(result.stdout)
    assert list(counts) == TABLES
    assert counts == table_counts(loaded_engine)
    assert all(n > 0 for n in counts.values()), counts


def test_stats_on_a_migrated_empty_database_prints_zero_for_every_table(db_url):
    assert run_cli("migrate", "--db", db_url).returncode == 0
    result = run_cli("stats", "--db", db_url)

    assert result.returncode == 0, result.stderr
    assert parse_stats(result.stdout) == {table: 0 for table in TABLES}


def test_stats_only_reads_a_database_without_the_knowledge_base_is_named_not_created(db_url, engine):
    result = run_cli("stats", "--db", db_url)

    assert result.returncode == 1
    assert "has no knowledge base: run `python -m knowledge load` first" in result.stderr
    assert inspect(engine).get_table_names() == []


def test_load_twice_reports_nothing_to_do_the_second_time(db_url, engine):
    first = run_cli("load", "--db", db_url)
    assert first.returncode == 0, first.stderr
    total = sum(table_counts(engine).values())
    assert f"{total} inserted, 0 updated, 0 deleted" in first.stdout

    second = run_cli("load", "--db", db_url)

    assert second.returncode == 0, second.stderr
    assert "0 inserted, 0 updated, 0 deleted" in second.stdout
    assert sum(table_counts(engine).values()) == total

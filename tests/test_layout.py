"""The layout README.md's "How it fits together" promises: each folder imports only what its row
of the table allows, and every module in bot/actions/ is an action."""
import ast
import importlib
import inspect
import pkgutil
from pathlib import Path
from typing import Dict, Set

import pytest
from rasa_sdk import Action

import bot.actions

ROOT = Path(__file__).resolve().parents[1]
OURS = ("settings", "storage", "knowledge", "userdata", "bot", "deploy", "bench", "tests")
# folder -> the careerbot packages its modules may import (besides their own folder)
MAY_IMPORT: Dict[str, Set[str]] = {
    # all_tables() registers every table for the migrations; migration 0004 renames conversation ids
    "storage": {"settings", "knowledge.models", "userdata.models", "userdata.conversation_ids"},
    "knowledge": {"storage", "settings"},
    "userdata": {"storage", "settings"},
    # the action registry; the log key that signs rating tokens and hashes conversation ids (issue 14)
    "bot/answering": {"knowledge", "userdata", "storage", "settings", "bot.actions", "bot.shared_secrets"},
    "bot/actions": {"bot.answering", "knowledge", "settings", "bot.rasa_ext.nlu.english"},  # its word list
    "bot/rasa_ext": {"bot.answering", "bot.shared_secrets", "knowledge", "userdata", "storage", "settings"},
}


def imported_modules(path: Path) -> Set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {n for n in names if n.split(".")[0] in OURS}


def allowed(module: str, folder: str) -> bool:
    own = folder.replace("/", ".")
    return any(module == rule or module.startswith(rule + ".") for rule in (own, *MAY_IMPORT[folder]))


@pytest.mark.parametrize("folder", sorted(MAY_IMPORT))
def test_a_folder_imports_only_what_the_layout_allows(folder):
    wrong = {f"{path.relative_to(ROOT)}: {module}"
             for path in (ROOT / folder).rglob("*.py") for module in imported_modules(path)
             if not allowed(module, folder)}
    assert wrong == set()


def test_every_module_in_the_actions_folder_is_an_action():
    not_actions = []
    for info in pkgutil.iter_modules(bot.actions.__path__):
        module = importlib.import_module(f"bot.actions.{info.name}")
        own = [c for _, c in inspect.getmembers(module, inspect.isclass)
               if c.__module__ == module.__name__ and issubclass(c, Action) and not inspect.isabstract(c)]
        if not own:
            not_actions.append(info.name)
    assert not_actions == []

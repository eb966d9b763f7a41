"""careerbot's entry points keep third-party deprecation warnings off the terminal
(bot/quiet_warnings.py) and nothing else."""
import subprocess
import sys
import warnings
from pathlib import Path
from typing import List

import pytest

from bot import quiet_warnings
from bot.quiet_warnings import quiet_third_party_warnings

ROOT = Path(__file__).resolve().parents[1]
THIRD_PARTY = str(Path(sys.prefix) / "lib" / "python3.10" / "site-packages" / "somelib" / "core.py")
OURS = str(ROOT / "bot" / "answering" / "something.py")


@pytest.fixture
def shown(monkeypatch) -> List[str]:
    """What would be printed, with every warning let through by the filters (as Sanic's
    filterwarnings("once", category=DeprecationWarning) lets them through)."""
    printed: List[str] = []
    monkeypatch.setattr(sys, "warnoptions", [])
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = lambda message, category, *rest: printed.append(f"{category.__name__}: {message}")
        yield printed


def warn(category, message: str, filename: str) -> None:
    warnings.warn_explicit(message, category, filename, 1, module="m")


def test_a_third_party_deprecation_warning_is_not_printed(shown):
    quiet_third_party_warnings()
    warn(DeprecationWarning, "pkg_resources is deprecated", THIRD_PARTY)
    warn(PendingDeprecationWarning, "soon", THIRD_PARTY)
    assert shown == []


def test_subclasses_like_sqlalchemys_and_pyparsings_deprecation_warnings_are_not_printed(shown):
    from pyparsing.warnings import PyparsingDeprecationWarning
    from sqlalchemy.exc import MovedIn20Warning, SADeprecationWarning

    quiet_third_party_warnings()
    for category in (SADeprecationWarning, MovedIn20Warning, PyparsingDeprecationWarning):
        warn(category, "old API", THIRD_PARTY)
    assert shown == []


def test_rasas_slot_auto_fill_warning_is_not_printed_but_its_other_user_warnings_are(shown):
    quiet_third_party_warnings()
    warn(UserWarning, "Slot auto-fill has been removed in 3.0 and replaced", THIRD_PARTY)
    warn(UserWarning, "something worth reading", THIRD_PARTY)
    assert shown == ["UserWarning: something worth reading"]


def test_careerbots_own_deprecation_warnings_are_printed(shown):
    quiet_third_party_warnings()
    warn(DeprecationWarning, "ours", OURS)
    warn(DeprecationWarning, "the web page's", str(ROOT / "web" / "serve.py"))
    assert shown == ["DeprecationWarning: ours", "DeprecationWarning: the web page's"]


def test_other_warnings_from_third_parties_are_printed(shown):
    quiet_third_party_warnings()
    warn(RuntimeWarning, "coroutine was never awaited", THIRD_PARTY)
    assert shown == ["RuntimeWarning: coroutine was never awaited"]


def test_warnings_turned_into_errors_still_raise(shown):
    quiet_third_party_warnings()
    warnings.simplefilter("error")
    with pytest.raises(DeprecationWarning):
        warn(DeprecationWarning, "old", THIRD_PARTY)


def test_warning_options_turn_it_off(shown, monkeypatch):
    monkeypatch.setattr(sys, "warnoptions", ["default"])  # PYTHONWARNINGS=default or -W default
    quiet_third_party_warnings()
    warn(DeprecationWarning, "old", THIRD_PARTY)
    assert shown == ["DeprecationWarning: old"]


def test_quieting_twice_wraps_once(shown):
    quiet_third_party_warnings()
    wrapped = warnings.showwarning
    quiet_third_party_warnings()
    assert warnings.showwarning is wrapped


def test_only_files_in_careerbots_own_folders_are_its_code():
    assert quiet_warnings.is_own_code(str(ROOT / "settings.py"))
    assert quiet_warnings.is_own_code(OURS)
    assert not quiet_warnings.is_own_code(str(ROOT / ".venv" / "lib" / "x.py"))
    assert not quiet_warnings.is_own_code(str(ROOT / "botany.py"))
    assert not quiet_warnings.is_own_code("<frozen importlib._bootstrap>")


IMPORT_SANIC_CORS = "import rasa_sdk.endpoint"  # Sanic turns DeprecationWarnings on; sanic_cors then warns


def stderr_of(code: str, **env: str) -> str:
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "TF_CPP_MIN_LOG_LEVEL": "2", **env})
    assert run.returncode == 0, run.stderr
    return run.stderr


def test_in_a_real_process_the_warnings_libraries_turn_on_are_kept_off_the_terminal():
    assert "DeprecationWarning" in stderr_of(IMPORT_SANIC_CORS)  # what careerbot's users saw
    quiet = "from bot.quiet_warnings import quiet_third_party_warnings\nquiet_third_party_warnings()\n"
    assert "Warning" not in stderr_of(quiet + IMPORT_SANIC_CORS)
    assert "DeprecationWarning" in stderr_of(quiet + IMPORT_SANIC_CORS, PYTHONWARNINGS="default")

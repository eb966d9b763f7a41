"""Keeps third-party deprecation warnings off careerbot's terminal.

Rasa 3.6's dependencies warn about their own dependencies' deprecated APIs as they load
(pkg_resources, click via typer and spaCy, pyparsing, distutils in sanic_cors, SQLAlchemy 1.4's
2.0 warnings, ...): a screen of text nobody running careerbot can act on, before careerbot
says anything. Python ignores DeprecationWarning outside __main__ by default; these show
because libraries turn warnings back on as they load (Sanic runs
`filterwarnings("once", category=DeprecationWarning)` on import, Rasa's CLI does the same for
UserWarning), ahead of any filter set before them, PYTHONWARNINGS included. So instead of a
filter, `quiet_third_party_warnings()` wraps `warnings.showwarning`: it drops a warning at the
moment it would be printed, whatever filters a library installed.

Dropped: DeprecationWarning and PendingDeprecationWarning (SQLAlchemy's SADeprecationWarning
and pyparsing's are subclasses) attributed to a file outside careerbot's own code, and Rasa's
"Slot auto-fill has been removed" UserWarning. Kept: careerbot's own warnings (a library's
deprecation warning about a call in careerbot's code is attributed to that code, so it shows),
every other warning, and warnings turned into errors (those raise before anything is printed).
Running with PYTHONWARNINGS or -W set (e.g. `PYTHONWARNINGS=default make run`) turns this off.

Call it first thing in an entry point's main(), before the imports that warn.
"""
import os
import re
import sys
import warnings
from pathlib import Path
from typing import Callable, Optional, TextIO, Tuple, Type

ROOT = Path(__file__).resolve().parents[1]
# careerbot's own code (pyproject.toml's first-party packages, the web page server, the tests).
OWN_CODE = tuple(ROOT / name for name in ("bot", "knowledge", "storage", "userdata", "deploy", "bench", "web",
                                          "tests", "settings.py"))
QUIET_CATEGORIES: Tuple[Type[Warning], ...] = (DeprecationWarning, PendingDeprecationWarning)
# Rasa's, about 2.x domains; careerbot's slots say how they are filled.
QUIET_MESSAGES = ((UserWarning, re.compile(r"Slot auto-fill has been removed")),)


def is_own_code(filename: str) -> bool:
    path = Path(os.path.abspath(filename))
    return any(path == own or own in path.parents for own in OWN_CODE)


def is_quiet(category: Type[Warning], message: str, filename: str) -> bool:
    """Whether a warning is a third-party one that careerbot's entry points do not print."""
    if is_own_code(filename):
        return False
    return issubclass(category, QUIET_CATEGORIES) or any(
        issubclass(category, quiet) and pattern.search(message) for quiet, pattern in QUIET_MESSAGES)


def _showwarning_except_quiet(show: Callable[..., None]) -> Callable[..., None]:
    def showwarning(message: Warning, category: Type[Warning], filename: str, lineno: int,
                    file: Optional[TextIO] = None, line: Optional[str] = None) -> None:
        if not is_quiet(category, str(message), filename):
            show(message, category, filename, lineno, file, line)

    showwarning.careerbot_quiet = True  # type: ignore[attr-defined]
    return showwarning


def quiet_third_party_warnings() -> None:
    """From now on, third-party deprecation warnings are not printed (see the module's doc).
    Does nothing when warning options were given (PYTHONWARNINGS, -W): whoever set them
    wants to see what they asked for."""
    if sys.warnoptions or getattr(warnings.showwarning, "careerbot_quiet", False):
        return
    warnings.showwarning = _showwarning_except_quiet(warnings.showwarning)

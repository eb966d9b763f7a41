"""Settings: every environment variable is declared once in settings.py, read nowhere else, and
listed in the README; a bad value stops careerbot with a message naming the setting."""
import re
from pathlib import Path

import pytest

import settings

ROOT = Path(settings.__file__).resolve().parent
PACKAGES = ("bot", "knowledge", "storage", "userdata", "deploy", "bench", "web")
# Reading the environment: os.environ[...] / .get(...) / os.getenv(...). Writing (setdefault) and
# handing the whole environment to a child are not reads of a setting.
READS = re.compile(r"os\.environ\.get\(|os\.environ\[|os\.getenv\(")


def test_only_settings_py_reads_environment_variables():
    readers = [str(path.relative_to(ROOT)) for package in PACKAGES for path in (ROOT / package).rglob("*.py")
               if READS.search(path.read_text(encoding="utf-8"))]
    assert readers == []


def test_every_setting_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([A-Z_]+)` \|", readme, flags=re.M))
    assert rows == set(settings.VARIABLES)


def test_an_undeclared_setting_cannot_be_read():
    with pytest.raises(KeyError, match="CAREERBOT_NOPE"):
        settings._get("CAREERBOT_NOPE")


@pytest.mark.parametrize("name, value, message", [
    ("CAREERBOT_RASA_PORT", "http", "CAREERBOT_RASA_PORT='http' is not a port number"),
    ("CAREERBOT_WEB_PORT", "70000", "CAREERBOT_WEB_PORT='70000' is not a port number"),
    ("CAREERBOT_KB_CACHE_SECONDS", "soon", "CAREERBOT_KB_CACHE_SECONDS='soon' is not a number of seconds"),
    ("CAREERBOT_KB_CACHE_SECONDS", "-1", "CAREERBOT_KB_CACHE_SECONDS='-1' is negative"),
])
def test_a_bad_value_names_the_setting(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit, match=re.escape(message)):
        settings.load_settings()


def test_unset_and_blank_settings_take_their_defaults(monkeypatch):
    for name in settings.VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CAREERBOT_REST_TOKEN", "  ")
    loaded = settings.load_settings()
    assert (loaded.host, loaded.rasa_port, loaded.actions_port, loaded.web_port) == ("127.0.0.1", 5005, 5055, 8000)
    assert loaded.web_host == loaded.host and loaded.kb_cache_seconds == settings.DEFAULT_KB_CACHE_SECONDS
    assert loaded.rest_token is None and loaded.db_url.endswith("var/careerbot.db")

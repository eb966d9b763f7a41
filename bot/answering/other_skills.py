"""Skills the guide does not name that people tell careerbot they have (bot/content/other_skills.yml):
kept in the profile as named, and known to mean the user already programs when they do."""
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Tuple

import yaml

from knowledge import KnowledgeBase
from knowledge.results import Unknown
from settings import BOT_CONTENT

OTHER_SKILLS_FILE = BOT_CONTENT / "other_skills.yml"
ENTITY = "other_skill"
LANGUAGES = "languages"  # knowledge/content/skills.yml


class OtherSkillsError(ValueError):
    """other_skills.yml has an entry careerbot cannot use; the message names the file and entry."""


@dataclass(frozen=True)
class OtherSkill:
    id: str
    name: str
    aliases: Tuple[str, ...]
    programming: bool


def load_other_skills(path: Path = OTHER_SKILLS_FILE) -> Tuple[OtherSkill, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("skills")
    if not isinstance(entries, list) or not entries:
        raise OtherSkillsError(f"{path}: needs `skills:`, a list of entries")
    skills = []
    for n, entry in enumerate(entries, start=1):
        aliases = entry.get("aliases") if isinstance(entry, dict) else None
        if (not isinstance(entry, dict) or not entry.get("id") or not entry.get("name") or not aliases
                or not isinstance(aliases, list) or not isinstance(entry.get("programming"), bool)):
            raise OtherSkillsError(f"{path}: skill {n} ({entry!r}) needs an id, a name, a list of aliases and "
                                   "programming: true or false")
        skills.append(OtherSkill(str(entry["id"]), str(entry["name"]), tuple(str(a).lower() for a in aliases),
                                 entry["programming"]))
    return tuple(skills)


@lru_cache(maxsize=None)
def other_skills() -> Tuple[OtherSkill, ...]:
    return load_other_skills()


def other_skill_names() -> Dict[str, str]:
    return {s.id: s.name for s in other_skills()}


def any_programming(skill_ids: Iterable[str]) -> bool:
    """Whether knowing these skills means the user already programs."""
    programming = {s.id for s in other_skills() if s.programming}
    return any(i in programming for i in skill_ids)


def language_ids(kb: KnowledgeBase) -> List[str]:
    """The guide's skills that are programming languages (Python, Java, Scala, C++)."""
    languages = kb.skill_category(LANGUAGES)
    return [] if isinstance(languages, Unknown) else [k.id for k in languages.skills]

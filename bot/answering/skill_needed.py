"""Whether one skill is needed: 'do I need C++?', 'do ML engineers need SQL?', 'do I still have
to learn Python?', 'is Git expected?'. The guide's verdict comes first (a core skill: yes; one
of a set of alternatives: one of them), then where the roadmap covers it. Asked as a yes/no
question it gets this answer whichever topic it was classified as."""
import re
from typing import List, Optional

from bot.answering.query import Profile, Query
from knowledge import KnowledgeBase

YES_NO = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|hmm|wait|then)\W+)*(?:do|does|did|is|are|should|must|will|would|"
                    r"can|am|have)\b", re.IGNORECASE)
NEEDED = re.compile(r"\b(?:need|needs|needed|require|requires|required|requirement|necessary|mandatory|must|"
                    r"have to|has to|got to|gotta|expected|essential|important|a must)\b", re.IGNORECASE)


def one_skill(kb: KnowledgeBase, skill_id: str, known: List[str]) -> str:
    skill = next((k for c in kb.skill_categories() for k in c.skills if k.id == skill_id), None)
    if skill is None:
        return "I don't have that skill in the guide."
    if skill.required:
        need = "Yes, it's one of the core skills"
    else:
        need = "It's one of a set of alternatives; you need one of them, not all"
    text = f"**{skill.name}** ({skill.category_name}): {need}"
    text += f" ({skill.note})." if skill.note else "."
    steps = kb.learning_steps()
    step = next((s for s in steps if s.id == skill.learning_step_id), None)
    before = next((s for s in steps if step and s.position == step.position - 1), None)
    place = f" (step {step.position} of {len(steps)}" + (f", after {before.name})" if before else ")") if step else ""
    text += f" It's covered in the **{skill.learning_step_name}** step of the roadmap{place}."
    if skill.id in known:
        text += " You told me you already know it."
    return text


def skill_verdict(kb: KnowledgeBase, profile: Profile, query: Query) -> Optional[str]:
    """The answer to a yes/no question whether one skill is needed; None for any other question."""
    asked = set(query.entities.get("skill") or [])
    # a skill outside the guide named too ("does kotlin count for the java thing?"): the skills answer says so
    if len(asked) != 1 or not YES_NO.search(query.text) or not NEEDED.search(query.text) or query.entities.get(
            "other_skill"):
        return None
    return one_skill(kb, asked.pop(), profile.skills_known)

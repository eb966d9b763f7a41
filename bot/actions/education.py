"""Education paths: degree, master's, bootcamp, self-study; majors and named programs."""
import re
from typing import Dict, List

from bot.answering.action_base import KnowledgeAction, Reply
from bot.answering.comparison import all_paths
from bot.answering.query import Profile, Query
from bot.answering.replies import bullets, entity_button, intent_button, join_words, months, since_background
from knowledge import KnowledgeBase
from knowledge.results import EducationPathInfo, Unknown


def path_details(p: EducationPathInfo) -> str:
    lines = [f"Time: {months(p.duration_min_months, p.duration_max_months)}", f"Cost: {p.cost_note}",
             f"Pros: {join_words(p.pros).lower()}", f"Cons: {join_words(p.cons).lower()}"]
    if p.programs:
        lines.append(f"Top programs: {join_words(p.programs)}")
    if p.platforms:
        lines.append(f"Platforms: {join_words(p.platforms)}")
    return f"**{p.name}**\n{bullets(lines)}\n{p.advice}"


# "do I need a master's?", "is a degree required?": a yes/no question the guide's FAQ answers
ASKS_IF_NEEDED = re.compile(r"\b(?:need|needed|require|required|requirement|necessary|mandatory|must|have to have|"
                            r"essential)\b", re.IGNORECASE)
# The guide's verdict per degree: a bachelor's "or equivalent experience", an advanced degree not at all
VERDICTS = {"bachelors": "Not necessarily", "masters": "No"}


# "can I become an MLE without a degree?": what the guide says degrees count for, with no yes or no.
WITHOUT = re.compile(r"\bwithout\s+(?:a|an|any|the)?\s*(?:\w+\s+)?(?:degree|bachelor'?s?|master'?s?|diploma|college|"
                     r"university|uni)\b", re.IGNORECASE)


# College in other words than a degree's name.
COLLEGE = re.compile(r"\b(?:college|university|uni|school)\b", re.IGNORECASE)


def whether_needed(kb: KnowledgeBase, path_id: str, text: str) -> str:
    """The guide's answer to "do I need this degree?" or "can I do it without one?", or "" when the
    question asks neither or the guide has no answer."""
    faq = kb.faq("phd")
    if path_id not in VERDICTS or isinstance(faq, Unknown) or "degree_needed" not in faq.points:
        return ""
    if ASKS_IF_NEEDED.search(text):
        return f"**{VERDICTS[path_id]}.** {faq.points['degree_needed'].text}"
    return f"**{faq.points['degree_needed'].text}**" if WITHOUT.search(text) or COLLEGE.search(text) else ""


def path_buttons(kb: KnowledgeBase, skip: str = "") -> List[Dict[str, str]]:
    return [entity_button(p.name, "ask_education", education_path=p.id) for p in kb.education_paths() if p.id != skip]


class ActionEducationPaths(KnowledgeAction):
    def name(self) -> str:
        return "action_education_paths"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        asked = query.first("education_path")
        text = query.text
        if asked is None and COLLEGE.search(text) and (ASKS_IF_NEEDED.search(text) or WITHOUT.search(text)):
            asked = "bachelors"  # "i dont need college at all??": the guide's word on a bachelor's
        if asked:
            path = kb.education_path(asked)
            if isinstance(path, Unknown):
                return Reply(f"The paths in the guide are: {join_words(path.known)}.", path_buttons(kb))
            details = path_details(path)
            verdict = whether_needed(kb, path.id, query.text)
            return Reply(f"{verdict}\n\n{details}" if verdict else details, path_buttons(kb, skip=path.id))
        cheapest_or_fastest = all_paths(kb, query)
        if cheapest_or_fastest:
            return Reply(cheapest_or_fastest, path_buttons(kb))
        paths = kb.education_paths()
        lines = [f"**{p.name}** ({months(p.duration_min_months, p.duration_max_months)}): {p.advice}" for p in paths]
        text = f"{kb.education_advice().text}\n{bullets(lines)}"
        note = kb.background_note("education", profile.background)
        since = since_background(profile.background)
        if note and since:
            text += f"\n\n{since}, {note.text}"
        phd = kb.faq("phd")
        if not isinstance(phd, Unknown) and "industry_roles" in phd.points:
            text += f"\n\n{phd.points['industry_roles'].text}"
        return Reply(text, path_buttons(kb))


class ActionMajors(KnowledgeAction):
    def name(self) -> str:
        return "action_majors"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        paths = {p.id: p for p in kb.education_paths()}
        text = ""
        if "bachelors" in paths:
            b = paths["bachelors"]
            text += f"For a bachelor's: **{join_words(b.majors, 'or')}**. {b.advice}"
        if "masters" in paths:
            m = paths["masters"]
            text += f"\nFor a master's: an MS in **{join_words(m.majors, 'or')}**."
        return Reply(text.strip(), [intent_button("Which programs?", "ask_programs"),
                                    intent_button("All education paths", "ask_education")])


class ActionPrograms(KnowledgeAction):
    def name(self) -> str:
        return "action_programs"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        lines = []
        for p in kb.education_paths():
            named = p.programs or p.platforms
            lines.append(f"**{p.name}**: {join_words(named) + '. ' if named else ''}{p.advice}")
        return Reply("What the guide names:\n" + bullets(lines), path_buttons(kb))

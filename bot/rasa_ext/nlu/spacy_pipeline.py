"""Builds careerbot's own spaCy pipeline from the knowledge base.

No pretrained spaCy model can be downloaded here, so the pipeline is a blank English
one with a lookup lemmatizer (tables from spacy-lookups-data) and an EntityRuler whose
phrase patterns are every name and alias in the KB (and the skills outside the guide of
bot/content/other_skills.yml). Each pattern carries the KB id,
which bot.rasa_ext.nlu.entity_normalizer maps onto the extracted entities. Beside it, not_covered.json
holds the words of the KB's not-covered triggers with their lemmas (bot.rasa_ext.nlu.not_covered reads
them), lemmatized by this same pipeline so they match the lemmas of a message.

    python -m bot.rasa_ext.nlu.spacy_pipeline [--out var/spacy/careerbot_en]
"""
import argparse
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple, cast

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import PatternType

from bot.answering.other_skills import ENTITY as OTHER_SKILL
from bot.answering.other_skills import other_skills
from bot.rasa_ext.nlu.vocabulary import NOT_COVERED_FILE
from knowledge import KnowledgeBase
from knowledge.results import NotCoveredTopic, VocabularyEntry
from settings import SPACY_MODEL_DIR

DEFAULT_OUT = SPACY_MODEL_DIR

# When one wording names things of several kinds, the earlier kind wins
# ("deep learning" is the learning step, not the skill category).
KIND_PRIORITY = [
    "level", "location", "company_type", "specialization", "learning_step",
    "skill", "skill_category", "role", "education_path", OTHER_SKILL, "background",
]


def patterns_from(vocabulary: List[VocabularyEntry]) -> List[PatternType]:
    owner: Dict[str, Tuple[str, str]] = {}
    for entry in sorted(vocabulary, key=lambda e: KIND_PRIORITY.index(e.kind)):
        for alias in {entry.name.lower(), *entry.aliases}:
            owner.setdefault(alias, (entry.kind, entry.id))
    return [{"label": kind, "pattern": alias, "id": entry_id} for alias, (kind, entry_id) in sorted(owner.items())]


def build(vocabulary: List[VocabularyEntry]) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    # add_pipe is typed as returning any Pipe; "entity_ruler" makes an EntityRuler.
    ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER",
                                                                   "overwrite_ents": True}))
    nlp.initialize()  # loads the lemma tables; string patterns need them
    ruler.add_patterns(patterns_from(vocabulary))
    nlp.meta["name"] = "careerbot_en"
    nlp.meta["description"] = ("Blank English + lookup lemmatizer + EntityRuler generated from the careerbot "
                               "knowledge base")
    return nlp


def word_forms(nlp: Language, phrase: str) -> List[List[str]]:
    """Each word of a phrase (punctuation dropped) as [text, lemma], as the pipeline reads a message."""
    return [[t.text, t.lemma_] for t in nlp(phrase.lower()) if any(ch.isalnum() for ch in t.text)]


def not_covered_phrases(nlp: Language, topics: List[NotCoveredTopic]) -> List[Dict[str, Any]]:
    return [{"id": t.id, "triggers": [word_forms(nlp, p) for p in t.triggers],
             "context": [word_forms(nlp, p) for p in t.context]} for t in topics]


def save(nlp: Language, out: Path, not_covered: Sequence[NotCoveredTopic] = ()) -> None:
    """Writes next to the target and swaps it in, so a running reader never sees half a model."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent))
    nlp.to_disk(tmp)
    phrases = not_covered_phrases(nlp, list(not_covered))
    (tmp / NOT_COVERED_FILE).write_text(json.dumps(phrases, indent=1), encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    kb = KnowledgeBase()
    # beside the KB's names, the skills people have that the guide does not name, by their aliases
    # only: the name "Go" is also a verb
    vocabulary = kb.vocabulary() + [VocabularyEntry(OTHER_SKILL, s.id, s.aliases[0], list(s.aliases))
                                    for s in other_skills()]
    print(f"spacy: building pipeline from {len(vocabulary)} knowledge-base entries ...", flush=True)
    nlp = build(vocabulary)
    not_covered = kb.not_covered_topics()
    save(nlp, args.out, not_covered)
    ruler = cast(EntityRuler, nlp.get_pipe("entity_ruler"))  # typed as any Pipe
    print(f"spacy: saved {len(ruler.patterns)} entity patterns and "
          f"{len(not_covered)} not-covered topics to {args.out}")


if __name__ == "__main__":
    main()

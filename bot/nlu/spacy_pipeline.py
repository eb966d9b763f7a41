"""Builds careerbot's own spaCy pipeline from the knowledge base.

No pretrained spaCy model can be downloaded here, so the pipeline is a blank English
one with a lookup lemmatizer (tables from spacy-lookups-data) and an EntityRuler whose
phrase patterns are every name and alias in the KB. Each pattern carries the KB id,
which bot.nlu.entity_normalizer maps onto the extracted entities.

    python -m bot.nlu.spacy_pipeline [--out var/spacy/careerbot_en]
"""
import argparse
import shutil
import tempfile
from pathlib import Path
from typing import Dict, List, Tuple

import spacy
from spacy.language import Language

from knowledge import KnowledgeBase
from knowledge.results import VocabularyEntry

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = PROJECT_ROOT / "var" / "spacy" / "careerbot_en"

# When one wording names things of several kinds, the earlier kind wins
# ("deep learning" is the learning step, not the skill category).
KIND_PRIORITY = [
    "level", "location", "company_type", "specialization", "learning_step",
    "skill", "skill_category", "role", "education_path", "background",
]


def patterns_from(vocabulary: List[VocabularyEntry]) -> List[Dict[str, str]]:
    owner: Dict[str, Tuple[str, str]] = {}
    for entry in sorted(vocabulary, key=lambda e: KIND_PRIORITY.index(e.kind)):
        for alias in {entry.name.lower(), *entry.aliases}:
            owner.setdefault(alias, (entry.kind, entry.id))
    return [{"label": kind, "pattern": alias, "id": entry_id} for alias, (kind, entry_id) in sorted(owner.items())]


def build(vocabulary: List[VocabularyEntry]) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    nlp.initialize()  # loads the lemma tables; string patterns need them
    ruler.add_patterns(patterns_from(vocabulary))
    nlp.meta["name"] = "careerbot_en"
    nlp.meta["description"] = "Blank English + lookup lemmatizer + EntityRuler generated from the careerbot knowledge base"
    return nlp


def save(nlp: Language, out: Path) -> None:
    """Writes next to the target and swaps it in, so a running reader never sees half a model."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent))
    nlp.to_disk(tmp)
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    vocabulary = KnowledgeBase().vocabulary()
    print(f"spacy: building pipeline from {len(vocabulary)} knowledge-base entries ...", flush=True)
    nlp = build(vocabulary)
    save(nlp, args.out)
    print(f"spacy: saved {len(nlp.get_pipe('entity_ruler').patterns)} entity patterns to {args.out}")


if __name__ == "__main__":
    main()

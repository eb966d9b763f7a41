"""When no answer fits a question: the knowledge base's passage that matches it best (TF-IDF over
every piece of guide prose the KB holds), quoted with its guide section, if it matches well
enough; else nothing, and the bot asks what was meant. Built once per process from the KB."""
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from knowledge import KnowledgeBase
from knowledge.results import Sourced

# Below this cosine similarity a passage is no answer. On a dozen hand-written questions the right
# passages scored 0.33-0.61; wrong ones scored as high (0.39-0.53) but shared only one word with
# the question, which is what the second rule catches: one shared word is chance ("do they work
# together?" and "remote work"); two say what it is about.
MIN_SIMILARITY = 0.28
MIN_SHARED_WORDS = 2
# Words every passage is about: they say nothing about which one a question means.
DOMAIN_WORDS = frozenset({"ml", "machine", "learning", "engineer", "engineers", "mle", "mles", "role", "roles",
                          "job", "jobs", "career"})
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | DOMAIN_WORDS


def _stem(word: str) -> str:
    """'projects' -> 'project', 'deploying' -> 'deploy': enough for a question to meet its passage."""
    for suffix in ("ing", "ies", "es", "ed", "s", "e"):  # "e": "contribute" meets "contributing"
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _words(text: str) -> List[str]:
    return [_stem(w) for w in re.findall(r"[a-z0-9+#]+", text.lower()) if w not in STOP_WORDS]


@dataclass(frozen=True)
class Match:
    passage: Sourced
    similarity: float


class PassageIndex:
    def __init__(self, passages: List[Sourced]) -> None:
        self._passages = passages
        self._words = [set(_words(p.text)) for p in passages]
        self._vectorizer = TfidfVectorizer(analyzer=_words, sublinear_tf=True)
        self._matrix = self._vectorizer.fit_transform([p.text for p in passages]) if passages else None

    def best(self, question: str) -> Optional[Match]:
        """The passage most like the question, when it is like it enough."""
        asked = _words(question)
        if self._matrix is None or not asked:
            return None
        scores = (self._matrix @ self._vectorizer.transform([question]).T).toarray().ravel()
        top = int(scores.argmax())
        if scores[top] < MIN_SIMILARITY or len(set(asked) & self._words[top]) < MIN_SHARED_WORDS:
            return None
        return Match(self._passages[top], float(scores[top]))


@lru_cache(maxsize=1)
def passage_index(kb: KnowledgeBase) -> PassageIndex:
    return PassageIndex(kb.retrievable_texts())


def retrieved_answer(kb: KnowledgeBase, question: str) -> Optional[str]:
    match = passage_index(kb).best(question)
    if match is None:
        return None
    return f"The closest the guide comes, in **{match.passage.source}**:\n“{match.passage.text}”"

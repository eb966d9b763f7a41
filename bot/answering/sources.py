"""Where an answer comes from in the guide: the knowledge base is read through a recorder that
notes the guide section of every result the answer was built from, and the guide's own
sentences among them (a figure's wording, a passage's text), for "where is that from?"."""
import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List

from knowledge import KnowledgeBase

MAX_QUOTES = 3
MAX_QUOTE_CHARS = 300
# Result fields that hold the guide's own sentence (knowledge/results.py).
QUOTE_FIELDS = ("wording", "text")
# The guide never names itself "the guide": a wording that does is careerbot's note about it
# ("The guide gives location figures only for ..."), never quoted as the guide's own words.
ABOUT_THE_GUIDE = re.compile(r"\bthe guide\b", re.IGNORECASE)


@dataclass
class Sources:
    """The guide sections an answer was built from, each once, in the order they were read,
    and up to MAX_QUOTES of the guide's sentences behind it."""

    sections: List[str] = field(default_factory=list)
    quotes: List[str] = field(default_factory=list)

    def note(self, result: Any) -> None:
        if isinstance(result, (list, tuple)):
            for item in result:
                self.note(item)
            return
        if not dataclasses.is_dataclass(result) or isinstance(result, type):
            return
        section = getattr(result, "source", None)
        if isinstance(section, str) and section and section not in self.sections:
            self.sections.append(section)
        for name in QUOTE_FIELDS:
            quote = getattr(result, name, None)
            if (section and isinstance(quote, str) and quote.strip() and len(self.quotes) < MAX_QUOTES
                    and not ABOUT_THE_GUIDE.search(quote)):
                quote = quote.strip()[:MAX_QUOTE_CHARS]
                if quote not in self.quotes:
                    self.quotes.append(quote)
        for f in dataclasses.fields(result):
            value = getattr(result, f.name)
            if dataclasses.is_dataclass(value) or isinstance(value, (list, tuple)):
                self.note(value)

    def as_context(self) -> Dict[str, List[str]]:
        return {"sections": list(self.sections), "quotes": list(self.quotes)}


class RecordingKnowledgeBase:
    """A KnowledgeBase whose query results are noted in `sources` on their way to the action.
    Same methods as the KnowledgeBase it wraps; nothing else changes."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self.sources = Sources()

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._kb, name)
        if not callable(attribute):
            return attribute

        def recorded(*args: Any, **kwargs: Any) -> Any:
            result = attribute(*args, **kwargs)
            self.sources.note(result)
            return result

        return recorded


def recorded(kb: KnowledgeBase, answer: Callable[[KnowledgeBase], Any]) -> "tuple[Any, Sources]":
    """Runs `answer` on a recording view of `kb`; returns its result and the sources it read."""
    recorder = RecordingKnowledgeBase(kb)
    return answer(recorder), recorder.sources  # type: ignore[arg-type]  # same methods as KnowledgeBase

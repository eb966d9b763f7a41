"""Rasa NLU component: maps entities found by the spaCy EntityRuler to knowledge-base ids.

Rasa's SpacyEntityExtractor returns the EntityRuler's matches with the surface text as
value and drops the pattern's `id`; this component puts the id back ("SF" -> "bay_area")
using the patterns saved with the spaCy pipeline, so a KB change only needs the spaCy
pipeline rebuilt, not the NLU data edited. When bot.rasa_ext.nlu.spelling_component corrected the
text, it also maps each entity's start and end back onto the text the user wrote.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_ext.nlu.spelling import SPELLING_CHANGES, original_span
from settings import SPACY_MODEL


def load_pattern_ids(spacy_model_dir: Path) -> Dict[Tuple[str, str], str]:
    patterns = Path(spacy_model_dir) / "entity_ruler" / "patterns.jsonl"
    mapping = {}
    with patterns.open(encoding="utf-8") as lines:
        for line in lines:
            p = json.loads(line)
            mapping[(p["label"], p["pattern"].lower())] = p["id"]
    return mapping


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class KnowledgeEntityNormalizer(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"spacy_model": SPACY_MODEL}

    def __init__(self, ids: Dict[Tuple[str, str], str]) -> None:
        self._ids = ids

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> KnowledgeEntityNormalizer:
        return cls(load_pattern_ids(Path(config["spacy_model"])))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = []
            seen = set()
            changes = message.get(SPELLING_CHANGES)
            for entity in message.get(ENTITIES, []):
                kb_id = self._ids.get((entity["entity"], str(entity.get("value", "")).lower()))
                if kb_id is not None:
                    entity = {**entity, "value": kb_id}
                if changes and "start" in entity and "end" in entity:
                    start, end = original_span(changes, entity["start"], entity["end"])
                    entity = {**entity, "start": start, "end": end}
                key = (entity["entity"], entity.get("value"), entity.get("start"))
                if key not in seen:
                    seen.add(key)
                    entities.append(entity)
            message.set(ENTITIES, entities, add_to_output=True)
        return messages

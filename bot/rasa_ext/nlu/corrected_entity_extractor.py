"""Rasa NLU component: Rasa's SpacyEntityExtractor, run on the spelling-corrected text
(bot.rasa_ext.nlu.spelling_component) when there is one, so the EntityRuler finds "machine learning
engineer" in "machin lerning enginer". Rasa's own extractor re-reads the original text.
Offsets are mapped back onto the original text by bot.rasa_ext.nlu.entity_normalizer."""
from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.spacy_entity_extractor import SpacyEntityExtractor
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_ext.nlu.spelling import CORRECTED_TEXT


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False, model_from="SpacyNLP")
class CorrectedTextEntityExtractor(SpacyEntityExtractor):
    def process(self, messages: List[Message], model: SpacyModel) -> List[Message]:
        for message in messages:
            # not the message's spaCy doc: it is lowercased, which the EntityRuler does not need but
            # Rasa's extractor avoids too; same behaviour, other text
            doc = model.model(message.get(CORRECTED_TEXT) or message.get(TEXT))
            extracted = self.filter_irrelevant_entities(self.add_extractor_name(self._extract_entities(doc)),
                                                        self._config["dimensions"])
            message.set(ENTITIES, message.get(ENTITIES, []) + extracted, add_to_output=True)
        return messages

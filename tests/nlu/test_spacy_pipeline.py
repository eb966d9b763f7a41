"""The spaCy pipeline is generated from the knowledge base: new KB names are recognised
and normalised to their ids without touching the NLU training data."""
from pathlib import Path

import spacy
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_ext.nlu.entity_normalizer import KnowledgeEntityNormalizer, load_pattern_ids
from bot.rasa_ext.nlu.spacy_pipeline import build, patterns_from, save
from knowledge import KnowledgeBase
from knowledge.results import VocabularyEntry
from storage.engine import get_engine


def vocabulary_with_a_new_city(kb_url):
    vocabulary = KnowledgeBase(get_engine(kb_url)).vocabulary()
    return [*vocabulary, VocabularyEntry("location", "reykjavik", "Reykjavik", ["reykjavik", "rvk"])]


def test_a_city_added_to_the_kb_is_recognised_and_normalised(kb_url, tmp_path: Path):
    out = tmp_path / "careerbot_en"
    save(build(vocabulary_with_a_new_city(kb_url)), out)
    nlp = spacy.load(out)
    ents = [(e.text, e.label_, e.ent_id_) for e in nlp("what's the pay in RVK vs SF?").ents]
    assert ents == [("RVK", "location", "reykjavik"), ("SF", "location", "bay_area")]
    assert load_pattern_ids(out)[("location", "rvk")] == "reykjavik"


def test_the_normaliser_replaces_surface_text_with_kb_ids(kb_url, tmp_path: Path):
    out = tmp_path / "careerbot_en"
    save(build(vocabulary_with_a_new_city(kb_url)), out)
    message = Message(data={"text": "senior in rvk", "entities": [
        {"entity": "level", "value": "senior", "start": 0, "end": 6, "extractor": "SpacyEntityExtractor"},
        {"entity": "location", "value": "rvk", "start": 10, "end": 13, "extractor": "SpacyEntityExtractor"}]})
    KnowledgeEntityNormalizer(load_pattern_ids(out)).process([message])
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("level", "senior"),
                                                                            ("location", "reykjavik")]


def test_a_wording_shared_by_two_kinds_goes_to_the_higher_priority_kind(kb_url):
    patterns = {p["pattern"]: p for p in patterns_from(KnowledgeBase(get_engine(kb_url)).vocabulary())}
    assert patterns["deep learning"]["label"] == "learning_step"


def test_the_kbs_not_covered_triggers_are_saved_with_the_pipeline_and_match_any_form(kb_url, tmp_path: Path):
    from bot.rasa_ext.nlu.lemma_phrases import PhraseFinder, word
    from bot.rasa_ext.nlu.not_covered import load_topics, phrase_groups

    kb = KnowledgeBase(get_engine(kb_url))
    out = tmp_path / "careerbot_en"
    nlp = build(kb.vocabulary())
    save(nlp, out, kb.not_covered_topics())
    finder = PhraseFinder(phrase_groups(load_topics(out)))
    reloaded = spacy.load(out)

    def topic(text):
        found = finder.find([word(t.text, t.lemma_) for t in reloaded(text.lower()) if t.text.isalnum()])
        return found.id if found else None

    assert topic("do they sponsor visas") == "visas_relocation"
    assert topic("I was laid off last month") == "layoffs"
    assert topic("what's the median salary") is None

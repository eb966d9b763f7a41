"""The trained model, loaded once for the NLU tests that parse with it."""
import pytest

from tests.nlu.test_heldout_intents import MODEL


@pytest.fixture(scope="session")
def agent():
    from rasa.core.agent import Agent

    assert MODEL.exists(), "train the model first: make train"
    return Agent.load(str(MODEL))


@pytest.fixture(scope="session")
def kb_spacy_dir(kb_url, tmp_path_factory):
    """careerbot's spaCy pipeline (EntityRuler patterns and not-covered triggers) built from the test KB."""
    from bot.rasa_ext.nlu.spacy_pipeline import build, save
    from knowledge import KnowledgeBase
    from storage.engine import get_engine

    kb = KnowledgeBase(get_engine(kb_url))
    out = tmp_path_factory.mktemp("spacy") / "careerbot_en"
    save(build(kb.vocabulary()), out, kb.not_covered_topics())
    return out

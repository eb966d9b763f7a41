"""Misspelled words that matter are corrected against careerbot's vocabulary (the KB's names
and aliases and the training words); correct English, numbers, acronyms, names and short
words are left alone."""
import re

import pytest

from bot.rasa_ext.nlu.spelling import original_span
from bot.rasa_ext.nlu.vocabulary import english_dictionary
from tests.nlu.sentences import heldout_sentences, spelling_corrector, training_sentences


@pytest.fixture(scope="module")
def corrector(kb_spacy_dir):
    return spelling_corrector(kb_spacy_dir)


@pytest.mark.parametrize("typed, meant", [
    ("sallary", "salary"), ("salery", "salary"), ("machin lerning", "machine learning"), ("mathz", "math"),
    ("recomend", "recommend"), ("pytorh", "pytorch"), ("kagle", "kaggle"), ("sceince", "science"),
    ("enginer", "engineer"), ("reccomendation systems", "recommendation systems"),
])
def test_misspelled_words_that_matter_come_out_right(corrector, typed, meant):
    assert corrector.correct(typed).text == meant


def test_a_misspelling_the_training_data_contains_on_purpose_is_still_corrected(corrector):
    assert "pytorh" in " ".join(training_sentences())  # a deliberate typo in bot/data/nlu.yml
    assert corrector.correct("pytorh or tensorflow").text == "pytorch or tensorflow"


def test_a_sentences_first_word_keeps_its_capital_and_punctuation_stays(corrector):
    assert corrector.correct("Sallary for a senior enginer?").text == "Salary for a senior engineer?"
    assert corrector.correct("Thanks. Sallary in Chicgo?").text == "Thanks. Salary in Chicgo?"  # Chicgo: a name


@pytest.mark.parametrize("text", [
    "thx", "mle tc?", "k", "wat skills do i need for mle", "2026 $165K 3-5 projects", "AWS SageMaker or GCP Vertex AI",
    "I'm Priya from Zürich", "ask Deepak about it", "recommender systems are my thing", "the colors of my armor",
    "what does an ml engineer do", "is a PhD worth it", "pythonic code", "gimme da roadmap fam",
    "which algos should i use for recsys",  # not "which Lagos": bot/content/known_words.yml
])
def test_correct_english_numbers_acronyms_names_and_short_words_stay_as_they_are(corrector, text):
    assert corrector.correct(text).text == text


def test_only_words_outside_the_english_dictionary_are_ever_changed(corrector):
    english = english_dictionary()
    for sentence in training_sentences() + heldout_sentences():
        correction = corrector.correct(sentence)
        for (start, end), _ in correction.changes:
            assert sentence[start:end].lower() not in english, (sentence, sentence[start:end])


def test_a_span_of_the_corrected_text_maps_back_to_what_the_user_typed(corrector):
    typed = "how much does a senior enginer make in machin lerning?"
    correction = corrector.correct(typed)
    assert correction.text == "how much does a senior engineer make in machine learning?"
    for meant, written in (("senior engineer", "senior enginer"), ("machine learning", "machin lerning"),
                           ("make", "make"), ("?", "?")):
        start = correction.text.index(meant)
        begin, end = original_span(correction.changes, start, start + len(meant))
        assert typed[begin:end] == written


def test_held_out_sentences_change_only_where_they_are_misspelled(corrector):
    changed = {s: corrector.correct(s).text for s in heldout_sentences() if corrector.correct(s).changes}
    for before, after in changed.items():
        differing = {a for a, b in zip(re.findall(r"\w+", before), re.findall(r"\w+", after)) if a != b}
        assert differing and all(w.lower() not in english_dictionary() for w in differing), (before, after)

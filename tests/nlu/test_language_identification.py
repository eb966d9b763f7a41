"""A message in another language is recognised only when the identifier is sure and the text
is long enough; English (with typos, slang, names, short messages) always stays English."""
import pytest

from bot.rasa_ext.nlu.language import OtherLanguage
from bot.rasa_ext.nlu.other_language import COMMON_ENGLISH_WORDS
from bot.rasa_ext.nlu.vocabulary import english_dictionary, kb_words, most_common_english
from tests.nlu.sentences import heldout_sentences, training_sentences

QUESTIONS = {
    "fr": ["combien gagne un ingénieur en apprentissage automatique",
           "quelles compétences faut-il avoir pour ce métier",
           "je voudrais changer de carrière, par où commencer ?"],
    "de": ["wie viel verdient man als Ingenieur für maschinelles Lernen", "welche Fähigkeiten brauche ich dafür",
           "ich möchte in diesen Bereich wechseln, wo fange ich an"],
    "es": ["cuánto gana un ingeniero de aprendizaje automático", "quiero cambiar de carrera, por dónde empiezo",
           "cuánto tiempo se tarda en estar preparado"],
    "pt": ["quanto ganha um engenheiro de aprendizado de máquina", "quero me tornar engenheiro, por onde começo",
           "quais habilidades eu preciso para trabalhar nessa área",
           "preciso de um mestrado para ser cientista de dados?"],  # half its words are in the English dictionary
    "it": ["quanto guadagna un ingegnere di apprendimento automatico", "voglio cambiare carriera, da dove comincio",
           "quali competenze servono per questo lavoro"],
    "nl": ["hoeveel verdient een ingenieur in machinaal leren", "welke vaardigheden heb ik nodig voor dit werk",
           "ik wil van carrière veranderen, waar begin ik"],
    "hi": ["मशीन लर्निंग इंजीनियर कितना कमाता है", "मुझे कौन से कौशल सीखने चाहिए"],
    "ru": ["сколько зарабатывает инженер машинного обучения"],
    "zh": ["机器学习工程师的工资是多少"],
}
STAYS_ENGLISH = ["hi", "thx", "mle tc?", "k", "ty!!", "hola", "merci", "ok cool", "wat skills do i need for mle",
                 "sallary for a senior in nyc", "machin lerning roadmap pls", "gimme da roadmap fam", "r u a bot",
                 "hw lng 2 b mle", "I'm Priya from Zürich", "I live in São Paulo, what's the pay?",
                 "is a bootcamp worth it", "pytorh or tensorflw?",
                 "jjjjjjjkkkkk ;;;;; lll ppp"]  # keys held down are gibberish, no language


@pytest.fixture(scope="module")
def other_language(kb_spacy_dir):
    return OtherLanguage(set(english_dictionary()), kb_words(kb_spacy_dir) - most_common_english(COMMON_ENGLISH_WORDS))


@pytest.mark.parametrize("code, text", [(code, text) for code, texts in QUESTIONS.items() for text in texts])
def test_a_question_in_another_language_is_recognised_with_its_language(other_language, code, text):
    guess = other_language.of(text)
    assert guess is not None and guess.code == code, guess


@pytest.mark.parametrize("text", STAYS_ENGLISH)
def test_short_messages_typos_slang_and_names_stay_english(other_language, text):
    assert other_language.of(text) is None


def test_a_short_question_with_inverted_question_marks_is_spanish(other_language):
    guess = other_language.of("¿y cuánto gana?")
    assert guess is not None and guess.code == "es"


def test_no_english_sentence_of_the_training_or_held_out_data_is_taken_for_another_language(other_language):
    sentences = training_sentences() + heldout_sentences()
    false_positives = [(s, other_language.of(s)) for s in sentences if other_language.of(s)]
    assert len(sentences) > 1900
    assert false_positives == []

"""Trigger phrases match on words' forms, in order, with a few words in between."""
from bot.rasa_ext.nlu.lemma_phrases import PhraseFinder, PhraseGroup, occurs, word


def words(*pairs):
    """('interviews', 'interview'), ... -> the message as word forms."""
    return [word(text, lemma) for text, lemma in pairs]


def phrase(*pairs):
    return tuple(word(text, lemma) for text, lemma in pairs)


PREPARE_INTERVIEW = phrase(("prepare", "prepare"), ("interview", "interview"))


def test_a_phrase_matches_any_form_of_its_words_in_order_with_up_to_two_words_between():
    message = words(("how", "how"), ("to", "to"), ("prepare", "prepare"), ("for", "for"), ("ml", "ml"),
                    ("interviews", "interview"))
    assert occurs(PREPARE_INTERVIEW, message)
    laid_off = words(("i", "i"), ("was", "be"), ("laid", "lay"), ("off", "off"))
    assert occurs(phrase(("lay", "lie"), ("off", "off")), laid_off)  # "lay" as written meets "laid"'s lemma


def test_words_too_far_apart_or_in_the_wrong_order_do_not_match():
    too_far = words(("prepare", "prepare"), ("for", "for"), ("an", "an"), ("ml", "ml"), ("system", "system"),
                    ("interview", "interview"))
    assert not occurs(PREPARE_INTERVIEW, too_far)
    ready = words(("when", "when"), ("will", "will"), ("i", "i"), ("be", "be"), ("ready", "ready"), ("for", "for"),
                  ("interviews", "interview"))
    assert not occurs(phrase(("expect", "expect"), ("in", "in"), ("interview", "interview")), ready)
    assert not occurs(phrase(("good", "good"), ("bootcamp", "bootcamp")),
                      words(("is", "be"), ("a", "a"), ("bootcamp", "bootcamp"), ("a", "a"), ("good", "good"),
                            ("idea", "idea")))


def test_a_phrase_bound_to_a_context_counts_only_next_to_a_context_word():
    places = PhraseGroup("non_us", (phrase(("europe", "europe")),), (phrase(("salary", "salary")),))
    finder = PhraseFinder([places])
    assert finder.find(words(("salary", "salary"), ("in", "in"), ("europe", "europe"))).id == "non_us"
    assert finder.find(words(("i", "i"), ("live", "live"), ("in", "in"), ("europe", "europe"))) is None


def test_the_longest_matching_phrase_decides_the_topic_and_ties_go_to_the_first_topic():
    abroad = PhraseGroup("pay_abroad", (phrase(("abroad", "abroad")),))
    visas = PhraseGroup("visas", (phrase(("work", "work"), ("abroad", "abroad")),))
    also_abroad = PhraseGroup("also", (phrase(("abroad", "abroad")),))
    finder = PhraseFinder([abroad, visas, also_abroad])
    assert finder.find(words(("can", "can"), ("i", "i"), ("work", "work"), ("abroad", "abroad"))).id == "visas"
    assert finder.find(words(("study", "study"), ("abroad", "abroad"))).id == "pay_abroad"

"""Where a message asks more than one thing, each question is found as its own span."""
import pytest

from bot.answering.clauses import IS_QUESTION, REDO, REQUEST, question_spans


@pytest.mark.parametrize("text, questions", [
    ("what does an MLE do and how much do they earn?", ["what does an MLE do", "how much do they earn?"]),
    ("I teach high-school chemistry and have zero programming, is switching realistic for me?",
     ["is switching realistic for me?"]),
    ("I'm a backend dev in Seattle. How long will it take me? And what should I learn first?",
     ["How long will it take me?", "what should I learn first?"]),
    ("how long does it take and is a phd needed", ["how long does it take", "is a phd needed"]),
    ("if I already code in Go, how long will it take? and what do I learn first?",
     ["if I already code in Go, how long will it take?", "what do I learn first?"]),
    ("so like how long does it take, and what does it pay?", ["so like how long does it take", "what does it pay?"]),
    ("i'm a dev. nice. what cloud stuff should i learn", ["what cloud stuff should i learn"]),
    ("what level would i come in at and roughly what does that pay?",
     ["what level would i come in at", "what does that pay?"]),
    ("two things: what should I build and how do people find jobs",
     ["what should I build", "how do people find jobs"]),
    ("kinda burned out on academia, and i guess my question is how long till i land a job",
     ["my question is how long till i land a job"]),
    ("wait i havent done supervised learning yet. i asked how long the whole thing takes",
     ["i asked how long the whole thing takes"]),
    ("whats the next step on the roadmap for me n how long will the whole thing take",
     ["whats the next step on the roadmap for me", "how long will the whole thing take"]),
])
def test_each_question_of_a_message_is_its_own_span(text, questions):
    assert [text[a:b] for a, b in question_spans(text)] == questions


@pytest.mark.parametrize("text", ["how much does a junior make?", "should I do a masters or a bootcamp?",
                                  "what are the skills and tools I need", "hi there", "I know python and sql",
                                  "if I move to a small town, can I still earn a big-city salary?"])  # one question
def test_a_message_with_one_question_or_none_is_left_whole(text):
    assert question_spans(text) == []


@pytest.mark.parametrize("text", [
    "I would be grateful if you could explain whether AI will automate ML engineering jobs.",
    "I'm a nurse, could you tell me how long it takes",
    "I was wondering if a bootcamp is enough",
    "fine, do senior ml roles even come with equity",
    "u skipped the how long part",
])
def test_a_question_asked_politely_or_after_a_word_and_a_comma_is_a_question(text):
    assert IS_QUESTION.search(text) or REQUEST.search(text)


@pytest.mark.parametrize("text", ["I know python, sql and pandas", "Seattle, Austin and Denver are on my list"])
def test_a_list_with_commas_is_not_a_question(text):
    assert not (IS_QUESTION.search(text) or REQUEST.search(text))


def test_an_auxiliary_without_a_subject_tells_and_so_before_a_question_opens_it():
    text = ("im 34, in accounting, excel wizard and can write some basic sql queries but thats about it. "
            "i want to move into ml eng so whats the very first thing i should study")
    assert [text[a:b] for a, b in question_spans(text)] == ["whats the very first thing i should study"]


@pytest.mark.parametrize("text", ["redo that?", "ok redo it", "can you recalculate the numbers", "do that again"])
def test_redo_asks_for_the_last_answer_again(text):
    assert REDO.match(text)

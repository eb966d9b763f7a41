"""A short message shaped like a follow-up is one, whatever its nouns suggest to the classifier."""
import pytest

from bot.rasa_ext.nlu.follow_up_shape import follow_up_shaped


@pytest.mark.parametrize("text", ["and for a regular ml engineer job?", "what about austin",
                                  "and compared to the midwest", "same for seniors?", "in seattle?",
                                  "how about a startup"])
def test_a_short_message_opening_like_a_follow_up_is_one(text):
    assert follow_up_shaped(text)


@pytest.mark.parametrize("text", ["and how long for a bootcamp?", "in seattle now", "and I'm at a startup", "at amazon",
                                  "what about the pay at faang?", "is a bootcamp worth it?",
                                  "for my boyfriend, he lives in boston and codes in java",
                                  "what about demand in Germany?"])
def test_a_question_of_its_own_or_a_statement_is_not(text):
    assert not follow_up_shaped(text)

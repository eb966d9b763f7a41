"""Sets the intent the bot acts on from an NLU component that knows better than the
classifier (gibberish, a topic the guide does not cover, another language)."""
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message


def override_intent(message: Message, name: str) -> None:
    """Makes `name` the message's intent (confidence 1), first in the ranking, the classifier's guesses after it."""
    intent = {"name": name, "confidence": 1.0}
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)

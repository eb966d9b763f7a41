"""Each question of a message classified on its own, inside Rasa's message parsing.

Rasa classifies a message as one intent. When the message asks several things
(bot/clauses.py), every question span is also run through the NLU pipeline, and its intent
is added to the parse as a `question` entity over that span (value: the intent), so the
actions answer every question in order. The whole message's parse is kept as it is.
`install()` is called by bot.rasa_server and bot.shell before Rasa starts.
"""
from typing import Any, Dict, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.trackers import DialogueStateTracker

from bot.clauses import question_spans

QUESTION_ENTITY = "question"
EXTRACTOR = "careerbot_clauses"
NOT_QUESTIONS = {"nlu_fallback", "greet", "goodbye", "thanks", "affirm", "deny", "inform", "chitchat"}

_rasa_parse = MessageProcessor.parse_message


async def _parse_each_question(self: MessageProcessor, message: UserMessage,
                               tracker: Optional[DialogueStateTracker] = None,
                               only_output_properties: bool = True) -> Dict[str, Any]:
    parse_data = await _rasa_parse(self, message, tracker, only_output_properties)
    text = message.text or ""
    if self.http_interpreter or text.startswith("/"):
        return parse_data
    spans = question_spans(text)
    if not spans:
        return parse_data
    tracker = tracker or DialogueStateTracker.from_events(message.sender_id, [])
    for start, end in spans:
        part = UserMessage(text[start:end], sender_id=message.sender_id, input_channel=message.input_channel)
        intent = (self._parse_message_with_graph(part, tracker, only_output_properties).get("intent") or {})
        if intent.get("name") and intent["name"] not in NOT_QUESTIONS:
            parse_data.setdefault("entities", []).append(
                {"entity": QUESTION_ENTITY, "value": intent["name"], "start": start, "end": end,
                 "confidence_entity": intent.get("confidence"), "extractor": EXTRACTOR})
    return parse_data


def install() -> None:
    MessageProcessor.parse_message = _parse_each_question

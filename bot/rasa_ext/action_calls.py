"""Rasa 3.6's custom-action call, cheaper and never silent.

- Rasa re-checks its whole event schema (a large JSON schema) against the JSON-Schema
  meta-schema before validating every action-server reply: about 40-60 ms per call on
  these machines. Here the validator is built once.
- Rasa sends the conversation's every event to the action server on every call, so each
  turn of a long conversation costs more than the one before. careerbot's actions read
  the slots and the latest message (both sent in full whatever the events) and nothing
  older, so only the events of the current turn are sent.
- When the action server cannot be reached (or fails), Rasa logs it and the user gets no
  reply at all; here the user gets the domain's short apology instead, and the next
  message works as soon as the action server is back.

The tracker store keeps every event; only what crosses to the action server is bounded.
`install()` is called by bot.rasa_server before Rasa starts.
"""
import logging
from functools import lru_cache
from typing import Any, Dict, List, Reversible

import rasa
from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance
from rasa.core.channels.channel import OutputChannel
from rasa.core.nlg import NaturalLanguageGenerator
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

logger = logging.getLogger(__name__)
APOLOGY = "utter_knowledge_error"
# Events sent at most: enough for the current turn (session start, user message, and the
# slots and actions that followed it), whatever the conversation's length.
MAX_EVENTS_SENT = 30


@lru_cache(maxsize=None)
def _reply_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    return validator_for(schema)(schema)


def _validate_action_result(_action: RemoteAction, result: Dict[str, Any]) -> bool:
    try:
        _reply_validator().validate(result)
    except ValidationError as e:
        e.message += (". Failed to validate Action server response from API, make sure your response "
                      f"from the Action endpoint is valid. See {DOCS_BASE_URL}/custom-actions")
        raise
    return True


def current_turn(events: Reversible[Event]) -> List[Event]:
    """The events from the latest user message on (at most MAX_EVENTS_SENT), oldest first."""
    turn: List[Event] = []
    for event in reversed(events):  # a deque: walks back from the end without copying it
        turn.append(event)
        if isinstance(event, UserUttered) or len(turn) == MAX_EVENTS_SENT:
            break
    return turn[::-1]


def _action_call_format(action: RemoteAction, tracker: DialogueStateTracker, domain: Domain) -> Dict[str, Any]:
    state = tracker.current_state(EventVerbosity.NONE)
    state["events"] = [event.as_dict() for event in current_turn(tracker.events)]
    body = {"next_action": action.name(), "sender_id": tracker.sender_id, "tracker": state,
            "version": rasa.__version__}
    if not action._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(action.name()):
        body["domain"] = domain.as_dict()
    return body


_rasa_run = RemoteAction.run


async def _run_or_apologise(action: RemoteAction, output_channel: OutputChannel, nlg: NaturalLanguageGenerator,
                            tracker: DialogueStateTracker, domain: Domain) -> List[Event]:
    try:
        return await _rasa_run(action, output_channel, nlg, tracker, domain)
    except ActionExecutionRejection:  # Rasa's own protocol for "let another action run"
        raise
    except Exception as e:
        logger.error("custom action %s failed, the user gets %s: %s", action.name(), APOLOGY, e)
        message = await nlg.generate(APOLOGY, tracker, output_channel.name())
        return [create_bot_utterance(message)] if message else []


def install() -> None:
    RemoteAction.run = _run_or_apologise
    RemoteAction._validate_action_result = _validate_action_result
    RemoteAction._action_call_format = _action_call_format

"""Questions the guide does not answer (bot.rasa_ext.nlu.not_covered found the topic): say so plainly,
quote what the guide does say nearby, and offer the closest covered topics as buttons.

The previous answer's context is left as it was, so "and in New York?" after a question the
guide does not cover still follows up the last question it did answer."""
import asyncio
import logging
from functools import lru_cache
from typing import Any, Dict, List, Optional, Union

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.fallback import topic_titles
from bot.answering.action_base import MAX_MESSAGE_CHARS, QUESTION_ANSWERS, ProfileAction, Reply, knowledge_base
from bot.answering.feedback import NOT_COVERED as NOT_COVERED_KIND
from bot.answering.feedback import log_unanswered
from bot.answering.questions import Asked
from bot.answering.replies import intent_button, join_words
from knowledge.results import NotCoveredTopic, Unknown
from settings import BOT_CONTENT

logger = logging.getLogger(__name__)
GUIDE_TOPICS_FILE = BOT_CONTENT / "guide_topics.yml"
NOT_COVERED = "not_covered"  # the parse data's key bot.rasa_ext.nlu.not_covered sets


@lru_cache(maxsize=None)
def guide_topics() -> Dict[str, str]:
    """Covered topic of the guide -> the bot's topic (intent) that answers it."""
    return yaml.safe_load(GUIDE_TOPICS_FILE.read_text(encoding="utf-8"))


def topic_buttons(covered: List[str]) -> List[Dict[str, str]]:
    titles, intents = topic_titles(), []
    for topic in covered:
        intent = guide_topics().get(topic)
        if intent in titles and intent not in intents:
            intents.append(intent)
    return [intent_button(titles[intent], intent) for intent in intents]


def not_covered_reply(topic: Union[NotCoveredTopic, Unknown]) -> Reply:
    if isinstance(topic, Unknown):
        return Reply("The guide I'm built from doesn't cover that. Type “help” to see what it does cover.")
    text = f"The guide I'm built from doesn't cover {topic.topic}."
    if topic.guide_says:
        text += f" {topic.guide_says.text}"
    buttons = topic_buttons(topic.instead)
    if buttons:
        text += f"\n\nClosest topics it does cover: {join_words([b['title'] for b in buttons])}."
    return Reply(text, buttons)


def topic_of(message: Dict[str, Any]) -> Optional[str]:
    found = message.get(NOT_COVERED)
    return found.get("topic") if isinstance(found, dict) and isinstance(found.get("topic"), str) else None


def not_covered_text(asked: Asked) -> str:
    """The reply to a question the guide does not cover, asked among others."""
    return not_covered_reply(knowledge_base().not_covered(asked.not_covered or "")).text


QUESTION_ANSWERS[NOT_COVERED] = not_covered_text


class ActionNotCovered(ProfileAction):
    def name(self) -> str:
        return "action_not_covered"

    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        message = tracker.latest_message or {}
        if len(message.get("text") or "") > MAX_MESSAGE_CHARS:
            dispatcher.utter_message(response="utter_message_too_long")
            return []
        try:
            topic = await asyncio.to_thread(knowledge_base().not_covered, topic_of(message) or "")
        except Exception:
            logger.exception("could not look up the not-covered topic of %r", message.get("text"))
            dispatcher.utter_message(response="utter_knowledge_error")
            return []
        reply = not_covered_reply(topic)
        dispatcher.utter_message(text=reply.text, buttons=reply.buttons or None)
        await log_unanswered(tracker, NOT_COVERED_KIND, self.name())
        return []

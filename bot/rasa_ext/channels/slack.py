"""Rasa's Slack channel, tightened for careerbot.

Kept from Rasa 3.6's SlackInput: the v0 signature check on every request, which also
rejects a request whose X-Slack-Request-Timestamp is more than 5 minutes away from now
(or missing, or not a number), so a captured request cannot be replayed later.

Changed:
- `api_url` credential: the Slack Web API base URL (tests point it at a loopback stand-in).
- Duplicate deliveries get no second reply. Rasa drops retries whose reason is
  `http_timeout` only: a retry for any other reason was answered twice, and a delivery that
  timed out before reaching us was never answered. Here the event itself decides, and with
  several Rasa servers (`redis_url` credential) they share what was seen in Redis.
- Threads (use_threads): a reply goes to the thread the question was asked in, an @mention at
  a channel's top level is answered in a thread under it, and a DM is answered in the DM
  (Rasa threaded every reply, even in DMs).
- One Slack message per bot message (Rasa split texts at blank lines), Slack's *bold*, and
  up to 25 buttons (Rasa dropped all buttons of a message with more than 5).
- Malformed requests get a 400 instead of a 500; events we don't answer get a 200, because
  Slack disables an event subscription whose deliveries keep failing.
- Conversation ids are `slack:<team id>:<user id>`: a user id means something only within its
  workspace, and no other channel can name a Slack conversation. A request without a team id
  is malformed (Slack always sends one).
- Button clicks are deduplicated like events (by the click's action_ts and the message it
  was on): a replayed or retried click is not answered twice.
- When answering fails after Slack got its 200 (the tracker store is down, say), the user
  gets the domain's `utter_knowledge_error` apology in the same place instead of silence.
- Answers (issue 14): a bot message carrying the `custom` answer payload is posted as one Slack
  message: the text (and its buttons) as before, a context line with the guide sections it comes
  from, and 👍 / 👎 buttons whose value is the answer's rating token. A click on them is a rating,
  not a message to the bot: deduplicated like other clicks, verified against the clicking user's
  conversation id (so nobody rates someone else's answer), stored, and the message updated
  (chat.update) to say "Thanks for the rating" instead of the buttons. Other careerbot payloads
  (the widget's `forgotten` signal) are not posted to Slack.
"""
import asyncio
import json
import logging
import re
from functools import lru_cache
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, List, NamedTuple, Optional, Text, Union

import yaml
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.answering.feedback import rate
from bot.rasa_ext.channels.seen_events import seen_events
from settings import DOMAIN_FILE
from userdata.conversation_ids import slack_id

logger = logging.getLogger(__name__)

BUTTONS_PER_BLOCK = 25  # Slack's limit for the elements of one "actions" block
RATE_UP, RATE_DOWN = "careerbot_rate_up", "careerbot_rate_down"  # action_ids of the rating buttons
RATING_OF_ACTION = {RATE_UP: "up", RATE_DOWN: "down"}
RATING_BLOCK = "careerbot_rating"  # block_id of the rating buttons
THANKS = {"up": "Thanks for the rating 👍", "down": "Thanks for the rating 👎"}
BUTTON_TITLE_MAX = 75  # Slack's limit for a button's text


@lru_cache(maxsize=None)
def apology() -> Text:
    """What the user reads when their message could not be answered (read once per process)."""
    domain = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))
    return domain["responses"]["utter_knowledge_error"][0]["text"]


class CareerbotSlackBot(SlackBot):
    def __init__(self, token: Text, slack_channel: Optional[Text] = None, thread_id: Optional[Text] = None,
                 proxy: Optional[Text] = None, api_url: Optional[Text] = None) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        if api_url:
            self.client = AsyncWebClient(token, base_url=api_url, proxy=proxy)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._post_message(channel=self.slack_channel or recipient_id, as_user=True, text=_mrkdwn(text))

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]],
                                     **kwargs: Any) -> None:
        text = _mrkdwn(text)
        await self._post_message(channel=self.slack_channel or recipient_id, as_user=True, text=text,
                                 blocks=message_blocks(text, buttons))

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        custom, text = message.get("custom"), message.get("text")
        if isinstance(custom, dict) and custom.get("careerbot") == "answer" and isinstance(text, str):
            await self.send_answer(recipient_id, text, message.get("buttons") or [], custom)
            return
        if isinstance(custom, dict) and "careerbot" in custom:  # for the widget: nothing to post to Slack
            message = {k: v for k, v in message.items() if k != "custom"}
        await super().send_response(recipient_id, message)

    async def send_answer(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]],
                          answer: Dict[Text, Any]) -> None:
        """One Slack message: the text, its buttons, the sources and the rating buttons."""
        text = _mrkdwn(text)
        await self._post_message(channel=self.slack_channel or recipient_id, as_user=True, text=text,
                                 blocks=message_blocks(text, buttons, answer))


def message_blocks(text: Text, buttons: List[Dict[Text, Any]],
                   answer: Optional[Dict[Text, Any]] = None) -> List[Dict[Text, Any]]:
    """Block Kit blocks of a message (`text` already in Slack's mrkdwn) with its buttons and, for an
    answer payload, the sources and the rating buttons."""
    answer = answer or {}
    elements = [{"type": "button", "text": {"type": "plain_text", "text": b["title"][:BUTTON_TITLE_MAX]},
                 "value": b["payload"]} for b in buttons]
    blocks: List[Dict[Text, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]
    blocks += [{"type": "actions", "elements": elements[i:i + BUTTONS_PER_BLOCK]}
               for i in range(0, len(elements), BUTTONS_PER_BLOCK)]
    sections = [s["section"] for s in answer.get("sources") or []
                if isinstance(s, dict) and isinstance(s.get("section"), str)]
    if sections:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn",
                                                        "text": _mrkdwn("Source: " + ", ".join(sections))}]})
    token = answer.get("rating_token")
    if isinstance(token, str) and token:
        blocks.append({"type": "actions", "block_id": RATING_BLOCK, "elements": [
            {"type": "button", "action_id": RATE_UP, "value": token,
             "text": {"type": "plain_text", "text": "👍", "emoji": True}},
            {"type": "button", "action_id": RATE_DOWN, "value": token,
             "text": {"type": "plain_text", "text": "👎", "emoji": True}}]})
    return blocks


def thanked(blocks: Any, rating: Text) -> List[Dict[Text, Any]]:
    """The rated message's blocks with the rating buttons replaced by a thank-you line."""
    kept = [b for b in blocks or [] if isinstance(b, dict) and not _is_rating_block(b)]
    return [*kept, {"type": "context", "elements": [{"type": "mrkdwn", "text": THANKS[rating]}]}]


def _is_rating_block(block: Dict[Text, Any]) -> bool:
    return block.get("type") == "actions" and any(
        isinstance(e, dict) and e.get("action_id") in RATING_OF_ACTION for e in block.get("elements") or [])


def _mrkdwn(text: Text) -> Text:
    # Escaping keeps "<!channel>" or "<@U123>" in a reply (say, echoed user input) from pinging anyone.
    text = text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\*\*(.+?)\*\*", r"*\1*", text)  # Markdown bold -> Slack bold


class Incoming(NamedTuple):
    """A user message from Slack, and where to answer it."""
    text: Text
    sender_id: Text
    channel: Text
    thread_ts: Optional[Text]
    metadata: Dict[Text, Any]


class Rating(NamedTuple):
    """A click on an answer's 👍 / 👎, and the message to update."""
    conversation_id: Text
    token: Text
    rating: Text
    channel: Text
    message_ts: Text
    text: Text
    blocks: List[Dict[Text, Any]]


class CareerbotSlackInput(SlackInput):
    @classmethod
    def name(cls) -> Text:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        channel = super().from_credentials(credentials)
        channel.api_url = (credentials or {}).get("api_url")
        channel.seen = seen_events((credentials or {}).get("redis_url"))
        return channel

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api_url: Optional[Text] = None
        self.seen = seen_events(None)

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> OutputChannel:
        return CareerbotSlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_url)

    def _reply_thread(self, thread_ts: Optional[Text]) -> Optional[Text]:
        return thread_ts if self.use_threads else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        slack_webhook = Blueprint("slack_webhook", __name__)

        @slack_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @slack_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.is_request_from_slack_authentic(request):
                return response.text("Missing, wrong or expired Slack signature.", status=HTTPStatus.UNAUTHORIZED)
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            message: Union[Incoming, Rating, HTTPResponse, None]
            try:
                if content_type == "application/json":
                    message = self._from_event(json.loads(request.body))
                elif content_type == "application/x-www-form-urlencoded":
                    message = self._from_interaction(json.loads(request.form.get("payload")))
                else:
                    return response.text("Unsupported content type.", status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
            except (TypeError, ValueError, KeyError, AttributeError, IndexError) as e:
                logger.warning(f"Malformed request from Slack: {e!r}")
                return response.text("Malformed Slack request.", status=HTTPStatus.BAD_REQUEST)

            if isinstance(message, HTTPResponse):
                return message
            if message is None:
                return response.text("")  # nothing to answer; a 200 so Slack doesn't retry
            if isinstance(message, Rating):
                self._in_background(self._rate(message))
                return response.text("")
            output = self.get_output_channel(message.channel, self._reply_thread(message.thread_ts))
            user_msg = UserMessage(message.text, output, message.sender_id, input_channel=self.name(),
                                   metadata=message.metadata)
            # Slack wants an answer within 3 s, so the bot replies in the background.
            task = asyncio.create_task(self._answer(on_new_message, user_msg, message.channel))
            self._background_tasks.add(task)
            task.add_done_callback(self._background_tasks.discard)
            return response.text("")

        return slack_webhook

    async def _answer(self, on_new_message: Callable[[UserMessage], Awaitable[Any]], user_msg: UserMessage,
                      channel: Text) -> None:
        """Handles the message; if that fails, apologises where the answer would have gone: Slack
        got its 200 long ago, so nobody else would ever tell the user."""
        try:
            await on_new_message(user_msg)
        except Exception:
            logger.exception(f"Could not answer the Slack message of {user_msg.sender_id}; sending the apology")
            try:
                await user_msg.output_channel.send_text_message(channel, apology())
            except Exception:
                logger.exception(f"Could not send the apology to {user_msg.sender_id} either")

    def _conversation_id(self, team: Text, user: Text, channel: Text, thread_ts: Optional[Text]) -> Text:
        return slack_id(team, self._get_conversation_id(user, channel, thread_ts))

    def _from_event(self, payload: Dict[Text, Any]) -> Union[Incoming, HTTPResponse, None]:
        """An Events API request: the challenge response, None to ignore it, or the message."""
        if payload.get("type") == "url_verification":
            return response.json({"challenge": payload["challenge"]})
        event = payload.get("event")
        if (not isinstance(event, dict) or not self._is_user_message(payload)
                or event.get("subtype") not in (None, "file_share", "thread_broadcast")):
            return None  # bot messages (our own replies too), edits, joins ...
        user, channel, text = event.get("user"), event.get("channel"), event["text"]
        if not (isinstance(user, str) and isinstance(channel, str) and isinstance(text, str)):
            return None
        metadata: Dict[Text, Any] = {"out_channel": channel, "users": _bot_user_ids(payload)}
        if not self._is_supported_channel(payload, metadata):
            return None
        team = _team_id(payload.get("team_id"), event.get("team"))
        # A message can arrive more than once: as a retry (same event_id) or, with more event
        # types subscribed, as several events (e.g. app_mention and message.channels) sharing
        # the message's channel and ts.
        if self.seen.seen_before([payload.get("event_id"),
                                  f"{team}:{channel}:{event.get('ts')}" if event.get("ts") else None]):
            logger.info(f"Slack event {payload.get('event_id')} was handled already; not answering it again")
            return _already_handled()
        thread_ts = event.get("thread_ts")
        if not thread_ts and not self._is_direct_message(payload):
            thread_ts = event.get("ts")  # answer a top-level @mention in a thread, not in the channel
        metadata["thread_id"] = thread_ts
        text = self._sanitize_user_message(_strip_mentions(text, metadata["users"]), [])
        return Incoming(text, self._conversation_id(team, user, channel, thread_ts), channel, thread_ts, metadata)

    def _in_background(self, work: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(work)
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    async def _rate(self, rating: Rating) -> None:
        """Stores the rating and replaces the buttons with a thank-you; a refused one changes nothing."""
        outcome = await asyncio.to_thread(rate, rating.conversation_id, rating.token, rating.rating)
        if not outcome.ok:
            logger.warning(f"Refused a Slack rating: {outcome.error}")
            return
        output = self.get_output_channel(rating.channel)
        try:
            await output.client.chat_update(channel=rating.channel, ts=rating.message_ts, text=rating.text,
                                            blocks=thanked(rating.blocks, rating.rating))
        except Exception:
            logger.exception("Stored a Slack rating but could not update its message")

    def _from_interaction(self, payload: Dict[Text, Any]) -> Union[Incoming, Rating, HTTPResponse, None]:
        """A click on one of our buttons (or another interactive element) -> the message it sends, or
        the rating it gives."""
        if not self._is_interactive_message(payload):
            return None
        text = self._get_interactive_response(payload["actions"][0])
        if not isinstance(text, str):
            return None  # e.g. a link button, which has no value
        user, channel = payload["user"]["id"], payload["channel"]["id"]
        team = _team_id((payload.get("team") or {}).get("id"), payload["user"].get("team_id"))
        message = payload.get("message") or {}
        # One click, delivered again (a retry, or a captured request replayed within the 5 minutes
        # the signature is valid), has the same action_ts on the same message.
        message_ts = (payload.get("container") or {}).get("message_ts") or message.get("ts")
        action_ts = payload["actions"][0].get("action_ts") or payload["action_ts"]
        if self.seen.seen_before([f"click:{team}:{channel}:{message_ts}:{action_ts}"]):
            logger.info(f"Slack click {action_ts} of {user} was handled already; not answering it again")
            return _already_handled()
        thread_ts = message.get("thread_ts")  # the thread the buttons were in
        conversation_id = self._conversation_id(team, user, channel, thread_ts)
        rating = RATING_OF_ACTION.get(payload["actions"][0].get("action_id"))
        if rating is not None:
            if not isinstance(message_ts, str):
                raise ValueError("a rating click without its message")
            blocks = message.get("blocks")
            return Rating(conversation_id, text, rating, channel, message_ts, message.get("text") or "",
                          blocks if isinstance(blocks, list) else [])
        metadata = {"out_channel": channel, "thread_id": thread_ts, "users": [user]}
        return Incoming(text, conversation_id, channel, thread_ts, metadata)


def _team_id(*candidates: Any) -> Text:
    """The first team id given; Slack sends one with every event and click."""
    for team in candidates:
        if isinstance(team, str) and team:
            return team
    raise ValueError("no team id")


def _already_handled() -> HTTPResponse:
    return response.text("", headers={"X-Slack-No-Retry": "1"})


def _bot_user_ids(payload: Dict[Text, Any]) -> List[Text]:
    """The bot's own user ids, as Slack lists them in every event."""
    ids = [a.get("user_id") for a in payload.get("authorizations") or [] if isinstance(a, dict)]
    return [i for i in ids + list(payload.get("authed_users") or []) if isinstance(i, str)]


def _strip_mentions(text: Text, user_ids: List[Text]) -> Text:
    for uid in user_ids:
        text = re.sub(rf"<@{re.escape(uid)}(\|[^>]*)?>", " ", text)  # <@U123> or <@U123|careerbot>
    return re.sub(r"\s+", " ", text).strip()

"""Conversation ids name their channel, so no channel can name another's conversations:
`rest:<sender>`, `web:<session>`, `slack:<team>:<user>`. The input channels build them
(bot/rasa_ext/channels/); `legacy_to_namespaced` maps an id stored before they did."""
from typing import Optional

from settings import load_settings

REST = "rest:"
WEB = "web:"
SLACK = "slack:"
# A profile whose channel was never recorded: kept, but no channel can name it.
UNKNOWN = "unknown:"
NAMESPACES = (REST, WEB, SLACK, UNKNOWN)
SLACK_TEAM_SETTING = "CAREERBOT_SLACK_TEAM_ID"


class NeedsSlackTeam(RuntimeError):
    pass


def is_namespaced(sender_id: str) -> bool:
    return sender_id.startswith(NAMESPACES)


def slack_id(team: str, user: str) -> str:
    return f"{SLACK}{team}:{user}"


def legacy_to_namespaced(channel: Optional[str], sender_id: str) -> str:
    """The namespaced id of a conversation stored as `sender_id` by `channel` (Rasa's channel
    name: rest, socketio, slack, or None/unknown)."""
    if is_namespaced(sender_id):
        return sender_id
    if channel == "rest":
        return REST + sender_id
    if channel == "socketio":
        return WEB + sender_id
    if channel == "slack":
        team = load_settings().slack_team_id
        if not team:
            raise NeedsSlackTeam(f"stored Slack conversations need the Slack workspace id to be renamed: set "
                                 f"{SLACK_TEAM_SETTING}=T... (your workspace's team id) and run again")
        return slack_id(team, sender_id)
    return UNKNOWN + sender_id

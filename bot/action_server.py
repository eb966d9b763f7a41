"""careerbot's action server: rasa_sdk's, answering only the Rasa servers.

Every call but /health must carry the deployment's action token (bot/shared_secrets.py) in
the X-Careerbot-Action-Token header, which bot.serve and deploy.cluster put in Rasa's action endpoint
settings; anything else gets a 401 before an action runs. A forged call could otherwise
read (`action_show_profile`), overwrite or erase any user's profile.

    python -m bot.action_server --host 127.0.0.1 --port 5055
"""
import argparse
import hmac
import logging

from rasa_sdk import utils
from sanic import Sanic, response
from sanic.request import Request

from bot.answering.feedback import purge_expired
from bot.quiet_warnings import quiet_third_party_warnings
from bot.rasa_ext.channels.limits import MAX_REQUEST_BYTES
from bot.shared_secrets import ACTION_TOKEN, ACTION_TOKEN_HEADER, shared_secret

OPEN_PATHS = ("/health",)
# An action call carries one turn of events and the slots: far below this.
MAX_CALL_BYTES = 4 * MAX_REQUEST_BYTES

logger = logging.getLogger(__name__)


def authenticated_app(token: str, actions: str = "bot.actions") -> Sanic:
    from rasa_sdk.endpoint import create_app  # here, after main() quieted the warnings sanic_cors raises on import

    app = create_app(actions, cors_origins=None)
    app.config.REQUEST_MAX_SIZE = MAX_CALL_BYTES
    expected = token.encode()

    @app.on_request
    async def check_token(request: Request):
        if request.path in OPEN_PATHS:
            return None
        given = request.headers.get(ACTION_TOKEN_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            logger.warning("refused an action call from %s without the action token", request.ip)
            return response.json({"error": "unauthorised"}, status=401)
        return None

    return app


def main() -> None:
    quiet_third_party_warnings()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5055)
    args = parser.parse_args()
    utils.configure_colored_logging("INFO")
    utils.update_sanic_log_level()
    host = args.host
    app = authenticated_app(shared_secret(ACTION_TOKEN))
    try:  # ratings and unanswered-log entries older than CAREERBOT_LOG_DAYS
        purge_expired()
    except Exception:
        logger.exception("could not delete the expired ratings and unanswered-log entries")
    logger.info("Action endpoint is up and running on http://%s:%s", host, args.port)
    app.run(host, args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()

"""Starts careerbot: the action server, the Rasa server and the demo web page.

    python -m bot.serve           # what `make run` does
    python -m bot.serve --shell   # action server + `rasa shell` (what `make shell` does)

Prints the URLs once every server answers; Ctrl-C stops them all.
"""
import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

from bot.quiet_warnings import quiet_third_party_warnings
from bot.server_config import action_server_cmd, credentials, endpoints, rasa_cmd, rest_status, web_cmd, write_run_file
from bot.supervisor import Supervisor
from settings import PROJECT_ROOT, load_settings


def main() -> int:
    quiet_third_party_warnings()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shell", action="store_true", help="talk to the bot in this terminal")
    args = parser.parse_args()
    settings = load_settings()
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")  # nothing careerbot runs calls out to the internet
    if not settings.model.exists():
        raise SystemExit(f"careerbot: no trained model at {settings.model}; run `make train` first")
    # One pair of run files per Rasa port: a second careerbot from this checkout (the benchmark, a
    # test run) must not point this one's Rasa server at its own action server.
    tag = f"rasa-{settings.rasa_port}"
    endpoints_file = write_run_file(f"{tag}-endpoints.yml", endpoints(settings))
    sup = Supervisor()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in the background
    try:
        sup.start("action server", action_server_cmd(settings))
        sup.wait_until_up("action server", f"http://{settings.actions_host}:{settings.actions_port}/health")
        if args.shell:
            print("careerbot: starting rasa shell (Ctrl-D or /stop to leave)", flush=True)
            return subprocess.call(rasa_cmd(settings, Path(), endpoints_file, shell=True), cwd=PROJECT_ROOT)
        if not settings.slack_enabled:
            print("careerbot: Slack is off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on)", flush=True)
        credentials_file = write_run_file(f"{tag}-credentials.yml", credentials(settings))
        sup.start("rasa server", rasa_cmd(settings, credentials_file, endpoints_file))
        sup.start("web page", web_cmd(settings))
        sup.wait_until_up("rasa server", f"http://{settings.host}:{settings.rasa_port}/")
        sup.wait_until_up("web page", f"http://{settings.web_host}:{settings.web_port}/")
        slack_url = settings.rasa_url + "/webhooks/slack/webhook" if settings.slack_enabled else "off"
        print(f"\ncareerbot is ready:\n  chat in your browser:  {settings.web_url}\n"
              f"  REST channel:          {rest_status(settings)}\n"
              f"  action server:         http://{settings.actions_host}:{settings.actions_port} (local only)\n"
              f"  Slack events:          {slack_url}\n"
              "Press Ctrl-C to stop.", flush=True)
        return sup.watch()
    except KeyboardInterrupt:
        return 0
    finally:
        print("careerbot: stopping", flush=True)
        sup.stop()


if __name__ == "__main__":
    sys.exit(main())

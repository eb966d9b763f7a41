"""Everything careerbot changes in Rasa 3.6, and `install()`, which applies the patches.

Extension points Rasa loads by name (configured, not patched):
- nlu/: the NLU components named in config.yml (spelling, entities, gibberish, not-covered,
  other-language detection) and the spaCy pipeline built from the knowledge base;
- channels/: the REST, socket.io (widget) and Slack input channels (var/run/rasa-<port>-credentials.yml);
- policy.py: LatestIntentPolicy (config.yml);
- tracker_store.py and lock_store.py: the tracker and lock stores (var/run/rasa-<port>-endpoints.yml).

Patches, applied by `install()` in every process that runs Rasa (bot.rasa_server, bot.shell):
- action_calls: RemoteAction sends the current turn's events only, validates replies with a
  validator built once, and apologises instead of failing silently;
- clause_parsing: MessageProcessor.parse_message finds every question in a message;
- tracker_store: FailSafeTrackerStore fails the message instead of answering from a blank
  conversation.

After a Rasa upgrade, re-check what each patch replaces (the tests under tests/dialogue and
tests/e2e exercise them): RemoteAction.run, ._validate_action_result and
._action_call_format; MessageProcessor.parse_message; FailSafeTrackerStore's error hooks;
SQLTrackerStore's _event_query / _additional_events / retrieve / save (tracker_store);
RedisLockStore (lock_store); and rasa.core.channels.socketio / slack / rest.
"""


def install() -> None:
    """Applies every patch of careerbot to Rasa; call it before Rasa handles a message."""
    from bot.rasa_ext import action_calls, clause_parsing, tracker_store

    action_calls.install()
    clause_parsing.install()
    tracker_store.install()

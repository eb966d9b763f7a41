"""careerbot's custom actions, one module per capability. Loaded by `python -m rasa_sdk --actions bot.actions`."""

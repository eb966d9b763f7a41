"""careerbot's performance benchmark against Rasa's starter bot: `python -m bench.run`."""

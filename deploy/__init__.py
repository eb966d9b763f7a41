"""careerbot's scale-out deployment: nginx in front of N Rasa servers and M action servers,
PostgreSQL for the conversations and the knowledge base, Redis for Rasa's lock store.
See docs/scale-out.md."""

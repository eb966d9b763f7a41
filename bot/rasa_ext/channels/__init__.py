"""Rasa input channels adapted for careerbot."""

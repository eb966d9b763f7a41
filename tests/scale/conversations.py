"""Realistic careerbot conversations, each one identifiable by its replies: a distinct
(level, city) per conversation, so its profile, its salary figures and its final "what do
you know about me?" answer belong to it alone.

The profile itself is given the way the bot's buttons give it (/inform payloads), so these
scripts test the deployment and not the NLU; the other turns are typed questions."""
import json
from dataclasses import dataclass
from typing import Dict, List, Tuple

# Display names as the knowledge base words them (knowledge/content/).
LEVELS: Dict[str, str] = {"junior": "Junior ML Engineer", "mid": "Mid-Level ML Engineer",
                          "senior": "Senior ML Engineer", "staff": "Staff/Principal ML Engineer"}
# Every place but New York (the follow-up asks about it) and remote.
CITIES: Dict[str, str] = {
    "bay_area": "the Bay Area", "seattle": "Seattle", "midwest": "the Midwest", "chicago": "Chicago",
    "detroit": "Detroit", "minneapolis": "Minneapolis", "columbus": "Columbus", "indianapolis": "Indianapolis",
    "st_louis": "St. Louis", "kansas_city": "Kansas City", "milwaukee": "Milwaukee", "cleveland": "Cleveland",
    "cincinnati": "Cincinnati", "omaha": "Omaha", "madison": "Madison", "ann_arbor": "Ann Arbor",
    "austin": "Austin", "boston": "Boston", "los_angeles": "Los Angeles", "denver": "Denver",
    "atlanta": "Atlanta", "london": "London", "berlin": "Berlin", "toronto": "Toronto", "bangalore": "Bangalore",
}
# Places outside the US: their salary answers give US figures, headed "in the US".
ABROAD = {"london", "berlin", "toronto", "bangalore"}
COMPANIES: Dict[str, str] = {"startup": "a well-funded startup", "enterprise": "an established enterprise",
                             "market_average": "a typical company"}
SKILLS: List[Tuple[str, str]] = [("python and sql", "Python and SQL"), ("pandas and numpy", "pandas and NumPy"),
                                 ("pytorch and git", "PyTorch and Git (version control)"),
                                 ("java and statistics", "Java and Statistics")]
TURNS = 10
CONVERSATIONS = 50  # at once in the load test
# The domain's utter_knowledge_error: the bot's "I could not do that", whatever the question.
APOLOGY = "Sorry, I couldn't look that up just now. Please try again in a moment."


@dataclass(frozen=True)
class Script:
    key: str
    level: str
    city: str
    company: str
    skills: Tuple[str, str]  # (as typed, as the bot names them)
    turns: Tuple[str, ...]

    def expectations(self) -> Dict[int, List[str]]:
        """Turn index -> what that turn's reply must contain, so a reply that strayed in from
        another conversation shows (its level and city are different)."""
        level, city = LEVELS[self.level], CITIES[self.city]
        return {
            1: [f"Level: {level}", f"Location: {city}"],
            2: [f"none for {city}", f"**{level} in the US"] if self.city in ABROAD else [f"**{level} in {city}"],
            3: [f"**{level} in New York"],
            4: [f"**{level} in New York at FAANG"],
            5: [f"Skills: {self.skills[1]}"],
            7: [f"Company: {COMPANIES[self.company]}"],
            9: [f"Level: {level}", f"Location: {city}", f"Company: {COMPANIES[self.company]}",
                f"Skills: {self.skills[1]}", "Background: you already program"],
        }


def inform(**entities: str) -> str:
    return "/inform" + json.dumps(entities, separators=(",", ":"))


def script(index: int) -> Script:
    """Conversation `index`: (level, city) pairs repeat only every 100 conversations."""
    level = list(LEVELS)[index % len(LEVELS)]
    city = list(CITIES)[index % len(CITIES)]
    company = list(COMPANIES)[index % len(COMPANIES)]
    typed, named = SKILLS[index % len(SKILLS)]
    turns = (
        "hi",
        inform(level=level, location=city),
        "how much will I make?",
        "and in New York?",
        "what about at FAANG?",
        f"I'm a backend developer and I know {typed}",
        "what am I missing?",
        inform(company_type=company),
        "how long will it take me?",
        "what do you know about me?",
    )
    assert len(turns) == TURNS
    return Script(f"conv{index:03d}", level, city, company, (typed, named), turns)


def scripts(count: int) -> List[Script]:
    return [script(i) for i in range(count)]

"""What the benchmark says to each bot over REST, and the latency figures it takes."""
import asyncio
import itertools
import time
import uuid
from dataclasses import dataclass
from typing import Dict, List, Sequence, Tuple

import aiohttp
import numpy as np

REQUEST_TIMEOUT_S = 300


@dataclass(frozen=True)
class Script:
    """One bot's messages: first messages of new conversations, and whole conversations."""
    first_answer_probe: str
    fresh: List[str]
    conversations: List[List[str]]


# Questions a visitor asks first; all but the greeting run a custom action that reads the database.
CAREERBOT = Script(
    first_answer_probe="hi",
    fresh=[
        "hi",
        "how much does a mid level ml engineer make in Seattle?",
        "what's the salary of a senior ML engineer at a startup in New York?",
        "how much do junior ML engineers make in Chicago?",
        "what skills do I need to become an ML engineer?",
        "which programming languages should i know?",
        "how long will it take me to become an ML engineer? I'm a backend developer",
        "I have never coded, how long until I'm job ready?",
        "what's the roadmap to become a machine learning engineer?",
        "where do I start?",
        "what's the difference between an ML engineer and a data scientist?",
        "who earns more, DS or MLE?",
        "what are the career levels for ML engineers?",
        "is ML engineering in demand?",
        "do I need a PhD to be an ML engineer?",
        "how do i build a portfolio?",
    ],
    conversations=[
        ["hi", "I'm a backend dev in Seattle", "how long will it take me to become an ML engineer?",
         "how much does a mid level ml engineer make?", "what about at FAANG?", "what about senior?",
         "what skills do I still need?", "where do I start?", "what's next?", "thanks"],
        ["hello", "what's the difference between an ML engineer and a data scientist?", "which pays more?",
         "what skills do I need?", "I know python and sql, what else should I learn?",
         "what's the roadmap?", "how long until i'm job ready?", "I have never coded",
         "is the field growing?", "bye"],
        ["hey", "how much does a senior ML engineer make in San Francisco?", "and remote?", "and for a startup?",
         "what about in Chicago?", "do NLP people earn more?", "what are the career levels?",
         "how do i get promoted?", "should I do a masters or a bootcamp?", "thank you"],
        ["good morning", "I'm a software engineer in New York", "what should I learn next?", "what's the ladder?",
         "how much will i make?", "what about at a big company?", "do i need a PhD?",
         "how do i build a portfolio?", "any project ideas?", "ok bye"],
    ],
)

# The starter bot's own intents (greet, mood_great, mood_unhappy, affirm, deny, bot_challenge, goodbye).
REFERENCE = Script(
    first_answer_probe="hi",
    fresh=["hi", "hello there", "good morning", "I am feeling very good", "I am sad", "are you a bot?",
           "am I talking to a human?", "my day was horrible", "perfect", "bye", "good evening", "super stoked"],
    conversations=[
        ["hello", "I am great", "are you a bot?", "hi", "I am sad", "yes", "hey", "not good", "no", "bye"],
        ["good morning", "my day was horrible", "yes", "are you a human?", "wonderful", "hey there",
         "I am disappointed", "of course", "am I talking to a bot?", "goodbye"],
        ["hey dude", "super stoked", "hi", "unhappy", "not really", "are you a bot?", "hello",
         "I am feeling very good", "good evening", "see you later"],
    ],
)


@dataclass(frozen=True)
class LatencyStats:
    count: int
    errors: int  # no HTTP 200 with a JSON list
    empty: int  # HTTP 200 but no bot message at all
    p50_ms: float
    p95_ms: float
    mean_ms: float


@dataclass(frozen=True)
class FreshResult:
    stats: LatencyStats
    p50_ms_by_message: Dict[str, float]


@dataclass(frozen=True)
class GrowthResult:
    latencies_ms: List[float]  # one per turn, turn 1 first
    window: int
    first_median_ms: float  # turns 1..window
    last_median_ms: float  # the last `window` turns
    ratio: float
    median_181_200_ms: float  # where the reference was measured before; NaN if fewer turns
    errors: int
    empty: int


@dataclass(frozen=True)
class ConcurrencyResult:
    conversations: int
    turns_each: int
    wall_s: float
    throughput_msg_s: float
    stats: LatencyStats


def latency_stats(samples_ms: Sequence[float], errors: int = 0, empty: int = 0) -> LatencyStats:
    arr = np.asarray(samples_ms, dtype=float)
    if not len(arr):
        return LatencyStats(0, errors, empty, float("nan"), float("nan"), float("nan"))
    return LatencyStats(len(arr), errors, empty, float(np.percentile(arr, 50)), float(np.percentile(arr, 95)),
                        float(arr.mean()))


class RestClient:
    """Talks to one bot's REST channel; counts failed requests and empty answers instead of stopping the run."""

    def __init__(self, url: str, session: aiohttp.ClientSession) -> None:
        self.url = url
        self.session = session
        self.errors = 0
        self.empty = 0

    async def say(self, sender: str, text: str) -> float:
        """Milliseconds until the whole answer is read."""
        started = time.perf_counter()
        try:
            async with self.session.post(self.url, json={"sender": sender, "message": text}) as resp:
                body = await resp.json(content_type=None)
                if resp.status != 200 or not isinstance(body, list):
                    self.errors += 1
                elif not body:
                    self.empty += 1
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
            self.errors += 1
        return (time.perf_counter() - started) * 1000


def _session(connections: int) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S),
                                 connector=aiohttp.TCPConnector(limit=connections + 5))


def _sender(tag: str) -> str:
    return f"bench-{tag}-{uuid.uuid4().hex[:10]}"


def warm_up(url: str, script: Script) -> None:
    """Says every message once, so first-call costs (graph tracing, DB connections) stay out of the figures."""
    async def go() -> None:
        async with _session(1) as session:
            client = RestClient(url, session)
            for conversation in script.conversations:
                sender = _sender("warmup")
                for text in conversation:
                    await client.say(sender, text)
            for text in script.fresh:
                await client.say(_sender("warmup"), text)
    asyncio.run(go())


def fresh_conversations(url: str, script: Script, messages: int) -> FreshResult:
    """`messages` sequential requests, each the first message of a new conversation."""
    async def go() -> Tuple[List[Tuple[str, float]], RestClient]:
        async with _session(1) as session:
            client = RestClient(url, session)
            timed = []
            for text in itertools.islice(itertools.cycle(script.fresh), messages):
                timed.append((text, await client.say(_sender("fresh"), text)))
            return timed, client
    timed, client = asyncio.run(go())
    by_message: Dict[str, List[float]] = {}
    for text, ms in timed:
        by_message.setdefault(text, []).append(ms)
    return FreshResult(latency_stats([ms for _, ms in timed], client.errors, client.empty),
                       {text: float(np.median(v)) for text, v in by_message.items()})


def growth(url: str, script: Script, turns: int, window: int = 20) -> GrowthResult:
    """One conversation of `turns` sequential turns, cycling through the scripted conversations."""
    texts = list(itertools.islice(itertools.cycle(itertools.chain(*script.conversations)), turns))

    async def go() -> Tuple[List[float], RestClient]:
        async with _session(1) as session:
            client = RestClient(url, session)
            sender = _sender("growth")
            return [await client.say(sender, text) for text in texts], client
    latencies, client = asyncio.run(go())
    first, last = float(np.median(latencies[:window])), float(np.median(latencies[-window:]))
    mid = float(np.median(latencies[180:200])) if turns >= 200 else float("nan")
    return GrowthResult(latencies, window, first, last, last / first, mid, client.errors, client.empty)


def concurrent_conversations(url: str, script: Script, conversations: int, turns_each: int) -> ConcurrencyResult:
    """`conversations` users at once, each sending its turns one after the other."""
    async def one(client: RestClient, index: int, out: List[float]) -> None:
        sender = _sender(f"c{conversations}-{index}")
        turns = itertools.islice(itertools.cycle(script.conversations[index % len(script.conversations)]), turns_each)
        for text in turns:
            out.append(await client.say(sender, text))

    async def go() -> Tuple[List[float], RestClient, float]:
        async with _session(conversations) as session:
            client = RestClient(url, session)
            latencies: List[float] = []
            started = time.perf_counter()
            await asyncio.gather(*(one(client, i, latencies) for i in range(conversations)))
            return latencies, client, time.perf_counter() - started
    latencies, client, wall = asyncio.run(go())
    return ConcurrencyResult(conversations, turns_each, wall, len(latencies) / wall,
                             latency_stats(latencies, client.errors, client.empty))

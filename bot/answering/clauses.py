"""Where a message asks more than one thing: "I teach chemistry and have zero programming, is
switching realistic for me?" or "what does an MLE do and how much do they earn?". The
questions in it, as character spans, so each can be classified on its own.

Plain text rules, no Rasa: sentences, then a sentence split before a second question
("..., and how much ...", "..., is switching realistic?") when what follows reads as one.
"""
import re
from typing import List, Tuple

QUESTION_START = (r"how|what|what's|whats|which|when|where|why|who|should|shall|do|does|did|is|are|am|can|could|"
                  r"will|would|wat|wht|wut|wich|whic|hw|any|need|must|tell me|explain|compare")
# A colon ends one too when a question follows it: "two things: what ... and how ...".
SENTENCE = re.compile(rf"(?:[^.?!;:\n]|:(?!\s*(?:{QUESTION_START})\b))+[.?!;:\n]*", re.IGNORECASE)
# A break before a second question inside a sentence: ", and how ...", " and what ...", ", is it ..."
# (an auxiliary starts a question only with a subject after it: "and can write some sql" tells, it asks nothing)
WH_START = r"how|what|what's|whats|which|when|where|why|who|wat|wht|wut|wich|whic|hw|tell me|explain|compare"
AUX_WITH_SUBJECT = (r"(?:should|shall|do|does|did|is|are|am|can|could|will|would|must|need|any)\s+"
                    r"(?!(?:write|code|program|build|use|read|work|make|speak|handle|manage|lead|run|teach|get|take|"
                    r"learn|do|see|help|deploy|train)\b)\w+")
INNER_BREAK = re.compile(rf"(?:,\s*(?:and\s+|but\s+|so\s+|also\s+)?|\s+(?:and|also|plus|n|&|so)\s+(?:also\s+)?)"
                         rf"(?:(?:roughly|approximately|realistically|honestly|generally|typically|usually|then|"
                         rf"just|maybe|overall)\s+)?(?=(?:{WH_START}|{AUX_WITH_SUBJECT})\b)", re.IGNORECASE)
IS_QUESTION = re.compile(rf"^\W*(?:(?:so|ok|okay|and|but|well|hmm+|right|alright|then|like|um+|uh+|nice|cool|great|"
                         rf"thanks|thx|ty|perfect|awesome|sure|yes|yeah|yep|got it|makes sense|interesting|ngl|tbh|"
                         rf"honestly|lol|yo|hey|hi|btw|idk|quick question|fine|k|oh|ah|wait|also|anyway|now|sorry|"
                         # any one word and a comma: "fine, do senior roles come with equity"
                         rf"[a-z']+\s*,)\W+)*"
                         rf"(?:{QUESTION_START})\b|"
                         rf"\?\s*$|^\W*(?:if|so|and|but|ok|okay)\b.*\b(?:am|do|will|would|"
                         rf"could|can|should|is|are|does)\s+(?:i|we|you|it|they|that)\b", re.IGNORECASE)
MIN_WORDS = 2
# A request is a question too: "please state the median pay", "give me the salary for seniors".
# Asked politely, anywhere in the message: "I would be grateful if you could explain whether ...",
# "I'm a nurse, could you tell me how long it takes", "I was wondering if ...".
REQUEST = re.compile(r"^\W*(?:please\s+|pls\s+|kindly\s+|can you\s+|could you\s+)?(?:tell me|explain|describe|"
                     r"give me|list|show me|state|outline|summari[sz]e|walk me through|clarify|confirm|advise)\b|"
                     r"\b(?:can|could|would|will) you (?:please |kindly |maybe |briefly )?(?:tell|explain|describe|"
                     r"give|list|show|outline|summari[sz]e|walk|clarify|help me understand|let me know)\b|"
                     r"\bif you (?:could|can|would) (?:please |kindly )?(?:tell|explain|describe|give|list|show|"
                     r"outline|clarify|let me know)\b|"
                     r"\b(?:please|pls|plz|kindly) (?:tell|explain|describe|give|list|show|outline|let me know|clarify|"
                     r"confirm|advise)\b|\b(?:appreciate|grateful for|would like) (?:some |a )?clarification\b|"
                     r"\b(?:i'?d|i would) (?:like|love|want) to (?:know|understand|learn|hear|ask)\b|"
                     r"\b(?:i'?m|i am|i was|was) (?:just )?(?:wondering|curious)\b|"
                     r"\bi wonder (?:if|whether|what|how|why)\b|"
                     # asked again: "i asked how long the whole thing takes", "my question was ..."
                     r"\bi (?:asked|was asking|am asking|'m asking|meant to ask)\b|\bmy question (?:was|is)\b|"
                     # "u skipped the how long part", "you didn't answer the pay question"
                     r"\b(?:u|you) (?:skipped|missed|forgot|ignored|didn'?t answer|did not answer|left out)\b|"
                     # "no, redo the salary for seattle" (not "i rushed it and want to redo it")
                     r"^\W*(?:(?:no|ok|okay|pls|please|can you|could you)\W+)*(?:redo|recalculate|recompute|rerun)\b",
                     re.IGNORECASE)
# A question about what the message has just said: "is that a problem?", "does that matter?"
POINTS_BACK = re.compile(r"^\W*(?:(?:but|and|so|ok(?:ay)?|also)\W+)*(?:what(?:'?s| is| would be| will be)\s+"
                         r"(?:different|the difference(?!\s+between)|changes?)\b|"
                         r"(?:is|will|would|does|do|could|can|isn'?t)\s+"
                         r"(?:that|this|it|this stuff|that stuff)\s+(?:be\s+|going to be\s+|gonna be\s+)?"
                         r"(?:a\s+|an\s+)?"
                         r"(?:problem|issue|bad|ok|okay|fine|enough|matter|hurt|dealbreaker|deal breaker|"
                         r"hold me back|count|help|a big deal|big deal|disadvantage|red flag|change things|"
                         r"change anything|change much|make a difference|make any difference)\b)", re.IGNORECASE)
# The last answer asked for again, with what the message just changed: "redo that?", "do it again"
REDO = re.compile(r"^\W*(?:(?:so|ok|okay|now|then|pls|please|can you|could you)\W+)*(?:(?:redo|recalculate|recompute|"
                  r"rerun|update|refresh)\s+(?:that|it|this|the (?:numbers?|figures?|estimate|answer))|(?:do|run) "
                  r"(?:that|it) again)\b", re.IGNORECASE)
# The user speaking about themselves: "I", "my", "jr mle here", or a statement that starts
# with what they did ("just relocated to new york", "step update: linear algebra done").
SELF = re.compile(r"\b(?:i(?!\s+(?:mean|meant|guess|think|suppose|wonder)\b)|i'm|im|i've|ive|i'd|me|my|my own|"
                  r"myself)\b|\b\w+ here\b|"
                  r"^\W*(?:\w+(?: \w+)?:\s*)?(?:(?:just|actually|also|now|recently|finally)\s+)*"
                  r"(?:moved|moving|relocated|relocating|living|based|working|promoted|finished|done|did|started|"
                  r"switched|joined|"
                  r"know|learned|learnt)\b|\b(?:done|finished|completed)\W*$", re.IGNORECASE)


# At most this many words before a break are an opening ("hey so", "ok so"), not a clause of their own.
OPENING_WORDS = 2


def _pieces(text: str, start: int, end: int) -> List[Tuple[int, int]]:
    pieces: List[Tuple[int, int]] = []
    at = start
    for m in INNER_BREAK.finditer(text, start, end):
        if 0 < len(text[start:m.start()].split()) <= OPENING_WORDS:  # "hey so what does ...": one question
            continue
        pieces.append((at, m.start()))
        at = m.end()
    return [*pieces, (at, end)]


# "If I work remotely from a small town, can I still earn well?": the condition is the question's.
CONDITION = re.compile(r"^\W*(?:if|assuming|suppose|supposing|say|when|once)\b", re.IGNORECASE)


def _with_conditions(text: str, pieces: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """The pieces of a sentence, a condition joined to the piece after it."""
    joined: List[Tuple[int, int]] = []
    for a, b in pieces:
        if joined and CONDITION.match(text[joined[-1][0]:joined[-1][1]]) and not IS_QUESTION.search(
                text[joined[-1][0]:joined[-1][1]].strip()):
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    return joined


def question_spans(text: str) -> List[Tuple[int, int]]:
    """The spans of the questions a message asks, in order; [] when it asks at most one."""
    spans = []
    for sentence in SENTENCE.finditer(text):
        for a, b in _with_conditions(text, _pieces(text, sentence.start(), sentence.end())):
            piece = text[a:b].strip()
            request = None if IS_QUESTION.search(piece) else REQUEST.search(piece)
            if len(piece.split()) >= MIN_WORDS and (request or IS_QUESTION.search(piece)):
                # "..., burned out on academia, and i guess my question is how long ...": from the request on
                lead = len(text[a:b]) - len(text[a:b].lstrip()) + (request.start() if request else 0)
                spans.append((a + lead, a + lead + len(piece) - (request.start() if request else 0)))
    return spans if len(spans) >= 2 or (spans and _has_statement(text, spans)) else []


def _has_statement(text: str, spans: List[Tuple[int, int]]) -> bool:
    """Whether the message also says something that is not a question (a self-description)."""
    rest = text
    for a, b in reversed(spans):
        rest = rest[:a] + rest[b:]
    return len(re.findall(r"\w+", rest)) >= MIN_WORDS


def statement_part(text: str, spans: List[Tuple[int, int]]) -> str:
    """What the message says besides its questions; a lone message that is no question is all statement."""
    if not spans:
        return "" if IS_QUESTION.search(text.strip()) else text
    rest = text
    for a, b in reversed(spans):
        rest = rest[:a] + " " * (b - a) + rest[b:]
    return rest

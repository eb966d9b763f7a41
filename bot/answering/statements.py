"""What a message says about the user, entity by entity: that it holds ("I know SQL"), that it
does not or no longer holds ("I don't know Java", "scratch Java", "not in Seattle anymore",
"I moved to Austin from Chicago"), that it is about someone else ("my partner writes SQL"), or
that it is only asked about, compared or considered ("what does a junior earn?", "startup or
Amazon?", "thinking about jumping to Google"): then it is the question's, not the profile's.

Each entity is read in its own clause (split at sentence ends, ";", "but", "although", ...),
with the cue words before it in that clause. Non-ML seniority ("staff Android developer")
is not an ML level: a level word followed by a job that is not ML names a programming
background instead.
"""
import re
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional

HOLDS, DENIED, SOMEONE_ELSE, FORMER = "holds", "denied", "someone_else", "former"
# "more than NLP", "instead of Java": named as the other side, neither held nor denied.
COMPARED = "compared"
# A value the user asks about for themselves ("would I have to start as a junior?"): the question
# is about it, the profile is not.
ASKED = "asked"
# "I meant mid-level salary": the pay of a level, asked about, not the user's level.
ABOUT_ITS_PAY = re.compile(r"\W*(?:ml\s+|mle\s+)?(?:engineers?\s+|roles?\s+)?(?:salary|salaries|pay|comp|numbers|"
                           r"figures|range|band)\b", re.IGNORECASE)
# Right after a value, the end of a question that is little more than that value: "mid-level?"
BARE_QUESTION = re.compile(r"[^\w?]{0,3}\?")
# A value the user thinks about or aims for ("thinking about jumping to Google"): an aim is an ML
# level the user wants (kept as their level), anything else is not theirs.
TARGET = "target"
ASKING = re.compile(r"^\W*(?:would|will|should|shall|do|does|can|could|must|might|may|am)\s+i\b|"
                    # "with 15 years behind me would I be hired as a senior?"
                    r"\b(?:would|will|should|shall|could|might|am)\s+i\s+(?:be|get|start|come|go|land|count)\b",
                    re.IGNORECASE)

# "scratch that, computer vision is what I'm into": the retraction is of what was said before, so
# it ends a clause instead of denying the value after it.
CLAUSE_BREAK = re.compile(r"[.;!?\n]+|,?\s+\b(?:but|although|though|however|whereas|except|instead)\b"
                          # "actually I'm in Denver" starts anew; in "I don't actually know SQL" it is the denial's
                          r"|(?<!n't)(?<!not)(?<!never)(?<!dont)(?<!didnt)(?<!havent),?\s+\bactually\b"
                          r"|,\s*(?=(?:not|i|i'm|im|i've|ive|i'd|now|and now|put|set|make|change|use|it'?s|only|"
                          r"just|switched|moved|started|joined|became|went)\b)"
                          r"|\bi meant\b"
                          r"|\b(?:scratch|forget|ignore|disregard|strike|cancel)\s+(?:that|this)\s*[,;:.!-]"
                          r"|\bnever ?mind\s*[,;:.!-]",
                          re.IGNORECASE)
DENIAL = re.compile(
    r"\b(?:don'?t|do not|doesn'?t|didn'?t|did not|haven'?t|have not|hasn'?t|never|not|no longer|isn'?t|aren'?t|"
    r"wasn'?t|am not|i'?m not|forget|scratch|remove|delete|drop|strike|cross out|barely|hardly|wrong about|"
    r"no more|without|skipped|skip|missed|never learned|didn'?t learn)\b",
    re.IGNORECASE)
# Someone else is the subject of the clause: "my partner writes SQL", "my friend is a senior MLE at Google".
OTHER_PERSON = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:partner|husband|wife|spouse|boyfriend|girlfriend|friend|brother|sister|"
    r"mom|mum|mother|dad|father|son|daughter|kid|cousin|colleague|coworker|co-worker|boss|manager|team|teammate|"
    r"roommate|flatmate|neighbou?r|uncle|aunt|classmate|mentor|principal|teacher|professor|prof|advisor|supervisor|"
    r"recruiter|coach|lecturer|tutor|gf|bf|hubby|fianc[eé]e?|sibling|parent|buddy|pal|mate|niece|nephew|"
    r"grandson|granddaughter|relative|sis|bro|bestie|best friend|old man|other half|significant other)s?\b|"
    r"\b(?:he|she|they)(?:'s|'re|\s+(?:is|are|was|were|knows?|works?|writes?|codes?|programs?|lives?|uses?|does|"
    r"doesn'?t|don'?t|did|didn'?t|isn'?t|can'?t|never|has|had|have|studies|study|studying|learns?|learning|wants?|"
    r"already|also|just|only|really|moved|got))\b",
    re.IGNORECASE)
# A message framed as someone else's: "asking for my boyfriend, ..." (until the user speaks of themselves).
FOR_SOMEONE = re.compile(r"\b(?:asking|here|writing|typing|this is|question)\s+(?:this\s+|it\s+)?"
                         r"(?:for|on behalf of)\s+(?:my|a)\s+\w+", re.IGNORECASE)
# Said right after a value: it is not (or no longer) the user's.
RETRACTED_AFTER = re.compile(
    r"[^.;!?]{0,12}?\b(?:is|are|'s)\s+(?:basically\s+|pretty much\s+|really\s+|super\s+|very\s+)?(?:nothing|"
    r"non-?existent|zero|rusty|weak|minimal)\b|\W*,?\s*(?:take|cross) (?:it|that|them) off\b|"
    r"\W*,?\s*(?:remove|drop|scratch|forget) (?:it|that|them)\b|"
    r"[^.;!?]{0,12}?\b(?:is|are|'s)\s+(?:now\s+)?(?:old news|history|ancient history|in the past|behind me|"
    r"outdated|out of date|not true|wrong)\b|\s+off\b|"
    # "boston is where he lives not me", "boston is my boyfriend's", "Boston? that's him, not me"
    r"[^.;!?]{0,12}?\b(?:is|are|'s|was)\s+(?:where\s+(?:he|she|they)\b|(?:my|his|her|their)\s+(?:partner|husband|"
    r"wife|boyfriend|girlfriend|friend|brother|sister|mom|mum|dad|son|daughter|spouse)\b|(?:him|her|them)\b)|"
    r"\W*,?\s*(?:that'?s\s+)?(?:him|her|them)?\W*\s*not me\b|"
    # "the junior thing was about my son"
    r"[^.;!?]{0,15}?\b(?:was|is|were)\s+(?:about|for)\s+(?:him|her|them|my\s+\w+)\b|"
    # "mark linear algebra & calculus as not done"
    r"\W*(?:as\s+)?(?:not\s+(?:done|finished|completed?)|undone|incomplete|unfinished)\b", re.IGNORECASE)
# The user back in the clause after someone else: "my partner knows SQL and I know Python".
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|me|my|myself)\b", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\b(?:from|used to|previously|formerly|before)\s*$", re.IGNORECASE)
# "from X" says X is where the user was only in a move ("moved to Austin from Chicago"); "work in
# the US from Canada" or "I'm from Chicago" says nothing against X.
MOVE = re.compile(r"\b(?:mov(?:e|ed|ing)|relocat(?:e|ed|ing)|came|come|transferr?(?:ed|ing)?|left|switch(?:ed)?)\b",
                  re.IGNORECASE)
THAN = re.compile(r"\b(?:than|instead of|rather than|over|vs\.?|versus|or|like|same as|similar to|compared to|"
                  r"compared with)\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
# The first of two things compared: "startup or amazon, which pays more?"
THAN_NEXT = re.compile(r"^\W*(?:or|vs\.?|versus|compared to|compared with)\b", re.IGNORECASE)
# A value the user only thinks about, not one that holds: "thinking about jumping to google",
# "would I take a cut going junior?", "an offer from Meta".
HYPOTHETICAL = re.compile(
    r"\b(?:thinking (?:about|of)|think about|considering|consider|wondering|might|maybe|wanna|want to|would like to|"
    r"hoping to|hope to|plan(?:ning)? to|dream(?:ing)? of|goal|aim(?:ing)?(?: for| to be)?|target|"
    r"jump(?:ing)?(?: ship)? to|switch(?:ing)? to|"
    r"going|go to|if i|offers? (?:from|at)|apply(?:ing)? (?:to|at|for)|interview(?:ing)? (?:at|with)|"
    r"move to|moving to|relocat(?:e|ing) to|(?:to|gonna|should i|must i) (?:learn|study|pick up|get into)|"
    r"(?:i'?m|i am) (?:still |currently |now )?(?:learning|studying)|(?:course|class|classes|courses) (?:on|in)|"
    r"eyeing|eye on|looking at|targeting|want to join|get to|make it to|"
    # what the user believes or is told, not what holds: "I thought only python", "she says I should start with SQL"
    r"i thought|i assumed|i heard|i was told|i read|should (?:i )?(?:start|begin)|start with|begin with|"
    # "3 offers: a well-funded startup, Amazon and an enterprise": options, not where the user works
    r"offers?|options?|choosing between|deciding between|torn between)\b",
    re.IGNORECASE)
# "if I already code in JavaScript": a fact about the user, not a hypothetical.
ALREADY = re.compile(r"\bif i (?:already|currently)\b", re.IGNORECASE)
# A move that has happened or is decided: "I moved to Austin", "I'm moving to Seattle", "just relocated to".
MOVE_DONE = re.compile(r"\b(?:moved|relocated|i'?m (?:now )?(?:moving|relocating)|i am (?:moving|relocating)|"
                       r"(?:we'?re|i'?m|we are|i am) (?:going|heading) to|^\W*(?:\w+\s*:\s*)?moving to|"
                       r"just (?:moved|relocated)|(?:gonna|going to|will|'ll)\b[^.;!?]{0,40}\b(?:move|relocate) to|"
                       # "i just accepted an offer at a startup": a job taken, not weighed
                       r"(?:accepted|took|signed|taking|accepting) (?:an|the|a job|their|that) ?"
                       r"(?:offer|job|role|position)?)\b",
                       re.IGNORECASE)
# A question word where a question starts, before the value: "what would a junior make", ", and is boston ...".
AUXILIARY = r"(?:do|does|did|is|are|am|can|could|would|should|will|shall)"
QUESTION_BEFORE = re.compile(
    rf"^\W*{AUXILIARY}\b|^\W*(?:please\s+|pls\s+)?(?:give me|tell me|show me|list)\b|"
    rf"(?:^\W*(?:(?:yo|hey|hi|hello|ok|okay|um+|uh+|hm+|well|btw|ngl|lol|quick question)\W+)*|[,;:]\s*|"
    rf"\b(?:and|but|so|also|or)\s+)\W*(?:what|what'?s|wat|wut|how|hw|which|wich|where|"
    rf"when|why|who|{AUXILIARY}\s+(?:i|you|we|they|it|he|she|that|this|there|a|an|the|my|ml|mle|mles)\b)",
    re.IGNORECASE)
# ... unless the user states something about themselves after it: "should I learn X since I know Y".
STATES_AFTER = re.compile(r"\b(?:i'?m|i am|i live|i work|i know|i'?ve|i have|i did|i finished|i use|my)\b",
                          re.IGNORECASE)
# After a level word, a job that is not ML: the seniority of another career. A programming
# job means the user programs; any other job says nothing about the profile.
PROGRAMMING_JOB = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:developer|dev|programmer|software engineer|swe|sde|backend engineer|"
    r"frontend engineer|web engineer|android engineer|ios engineer|devops engineer|data engineer|"
    r"site reliability engineer|sre|backend|back end|frontend|front end|full ?stack|mobile|web dev\w*)s?\b",
    re.IGNORECASE)
OTHER_JOB = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:designer|analyst|manager|consultant|architect|nurse|teacher|accountant|lawyer|"
    r"scientist|researcher|doctor|officer|associate|director|editor|writer|technician|administrator|"
    r"(?:mechanical|mech|civil|electrical|chemical|structural|industrial|aerospace|biomedical|process|"
    r"manufacturing|network|hardware|sales|support|field|nuclear|petroleum) engineer)s?\b",
    re.IGNORECASE)
# What software work sounds like, beside a bare level word ("principal engineer here, I build microservices in Go").
SOFTWARE_WORK = re.compile(r"\b(?:cod(?:e|ed|er|ing)|program\w*|develop\w*|software|backend|frontend|full[- ]?stack|"
                           r"web|android|ios|microservices?|apis?|javascript|typescript|java|python|c\+\+|c#|go|golang|"
                           r"rust|ruby|php|swift|kotlin)\b", re.IGNORECASE)
ML_JOB = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:ml|mle|machine learning|ai|deep learning|mlops)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Statement:
    kind: str  # entity kind: skill, location, level, ...
    value: str  # knowledge-base id
    stance: str  # HOLDS, DENIED, SOMEONE_ELSE, FORMER, COMPARED or ASKED


def _clause_start(text: str, position: int) -> int:
    start = 0
    for match in CLAUSE_BREAK.finditer(text, 0, position):
        start = match.end()
    return start


def stance(text: str, start: Optional[int], end: Optional[int]) -> str:
    if start is None:  # a button payload: always the user's own answer
        return HOLDS
    clause_start = _clause_start(text, start)
    before = text[clause_start:start]
    former = FROM_BEFORE.search(before)
    if former and (not former.group(0).lower().startswith("from") or MOVE.search(before)):
        return FORMER
    after = text[end:end + 40] if end is not None else ""
    if THAN.search(before) or THAN_NEXT.match(after):
        return COMPARED
    if ASKING.search(before) or _asked_in_question(before) or ABOUT_ITS_PAY.match(after):
        return ASKED
    if BARE_QUESTION.match(after) and len(re.findall(r"\w+", before)) <= 2:  # "..., mid-level?", "or junior?"
        return ASKED
    if HYPOTHETICAL.search(before) and not MOVE_DONE.search(before) and not ALREADY.search(before):
        return TARGET
    other = OTHER_PERSON.search(text[clause_start:end])  # the value may be the verb: "he programs"
    if other and not FIRST_PERSON.search(text[clause_start + other.end():start]):
        return SOMEONE_ELSE
    framed = FOR_SOMEONE.search(text, 0, start)
    if framed and not FIRST_PERSON.search(text[framed.end():start]):
        return SOMEONE_ELSE
    if DENIAL.search(before):
        return DENIED
    # "my python is basically nothing, take it off the list"
    if RETRACTED_AFTER.match(after):
        return DENIED
    # "Java, not really", "Seattle? not anymore"; but in "Cleveland not Columbus" the "not" is Columbus's
    if re.match(r"\W*(?:no more|anymore|any more|not(?:\s+(?:anymore|any more|really|much|at all|so much))?\W*$)",
                after, re.IGNORECASE):
        return DENIED
    return HOLDS


def _asked_in_question(before: str) -> bool:
    """'what would a junior make': the value is what a question asks about, not a fact about the user."""
    questions = list(QUESTION_BEFORE.finditer(before))
    return bool(questions) and not STATES_AFTER.search(before[questions[-1].end():])


# After a level word, what makes it no level at all: "a mid size saas co", "mid-range".
NOT_A_LEVEL = re.compile(r"^[\s-]*(?:size|sized|range|market|tier|cap)\b", re.IGNORECASE)
# After a level word, a school year: "a junior in CS", "junior as in 3rd year of college".
SCHOOL_YEAR = re.compile(r"^\W*(?:as in\s+|like\s+)?(?:(?:in|at|year|of)\s+(?:\w+\s+){0,2}?(?:cs|college|uni|"
                         r"university|school|high school|computer science|undergrad|my degree|class|major|the program)|"
                         r"(?:\w+\s+)?(?:year|student|undergrad))\b", re.IGNORECASE)


def other_career(text: str, end: Optional[int]) -> Optional[str]:
    """'programming' for 'staff Android developer' or 'senior backend dev', 'other' for 'senior
    nurse': a level word naming the seniority of another job, not an ML level. None: an ML level."""
    if end is None:
        return None
    after = text[end:end + 40]
    if SCHOOL_YEAR.match(after) or NOT_A_LEVEL.match(after):
        return "other"
    if ML_JOB.match(after):
        return None
    if PROGRAMMING_JOB.match(after):
        return "programming"
    if OTHER_JOB.match(after):
        return "other"
    # "principal engineer here, I build payment microservices in Go": the rest of the sentence says
    # what the job is, and it is not ML
    sentence = re.split(r"[.;!?\n]", text[end:end + 80])[0]
    return "programming" if SOFTWARE_WORK.search(sentence) and not ML_CONTEXT.search(sentence) else None


def _start(entity: Dict[str, Any]) -> int:
    """Where an entity starts in the text; a button's entities (no offsets) come first."""
    start = entity.get("start")
    return start if isinstance(start, int) else -1


def _region_of_previous(text: str, entity: Dict[str, Any], previous: Optional[Dict[str, Any]]) -> bool:
    """'Ohio' in 'Cleveland, Ohio': a place right after another place is where that one lies."""
    if not previous or entity.get("entity") != "location" or previous.get("entity") != "location":
        return False
    start, end = entity.get("start"), previous.get("end")
    return isinstance(start, int) and isinstance(end, int) and re.fullmatch(r"[\s,]*", text[end:start]) is not None


# Kinds of which a user has one value: "not junior, mid level" names the new one after the old.
ONE_VALUE = ("level", "location", "company_type")


def _replaces(text: str, entity: Dict[str, Any], previous: Optional[Dict[str, Any]], found: List[Statement]) -> bool:
    """Whether the entity comes right after a denied value of its kind, after only a comma."""
    if not previous or previous.get("entity") != entity.get("entity") or not found:
        return False
    if found[-1].kind != entity.get("entity") or found[-1].stance != DENIED:
        return False
    start, end = entity.get("start"), previous.get("end")
    return isinstance(start, int) and isinstance(end, int) and re.fullmatch(r"\s*,\s*(?:but\s+|it'?s\s+)?",
                                                                             text[end:start]) is not None


def statements(text: str, entities: Iterable[Dict[str, Any]]) -> List[Statement]:
    """One statement per entity, in the order the message says them."""
    found = []
    previous: Optional[Dict[str, Any]] = None
    for e in sorted(entities, key=_start):
        kind, value = e.get("entity"), e.get("value")
        if not kind or not isinstance(value, str):
            continue
        follows, previous = previous, e
        if _region_of_previous(text, e, follows):
            continue
        start, end = e.get("start"), e.get("end")
        career = other_career(text, end) if kind == "level" else None
        if career == "programming":
            found.append(Statement("background", "programmer", stance(text, start, end)))
        if career:
            continue
        held = stance(text, start, end)
        if held == DENIED and kind in ONE_VALUE and _replaces(text, e, follows, found):
            held = HOLDS  # "also not junior, mid level"
        if kind == "skill" and held == HOLDS and isinstance(start, int) and EMPLOYER_USES.search(
                text[_clause_start(text, start):start]):
            held = SOMEONE_ELSE  # "my company uses Azure": the company's tool, not the user's skill
        found.append(Statement(kind, value, held))
    return found


EMPLOYER_USES = re.compile(r"\b(?:my|our)\s+(?:company|employer|firm|org|organi[sz]ation|workplace|startup|"
                           r"department|dept|team)\s+(?:\w+\s+){0,2}?(?:uses?|runs?|is on|works? with|deploys?)\b",
                           re.IGNORECASE)


# Years of experience belong to the job they are said with: ML years make an ML level,
# programming years a programming background, anything else neither.
ML_CONTEXT = re.compile(r"\b(?:ml|mle|mles|machine learning|ai|deep learning|mlops|ml engineer\w*)\b", re.IGNORECASE)
PROGRAMMING_CONTEXT = re.compile(
    r"\b(?:cod(?:e|ed|er|ing)|program\w*|develop\w*|dev|devs|software|engineer\w*|backend|frontend|full[- ]?stack|"
    r"web|android|ios|javascript|typescript|java|python|c\+\+|c#|go|golang|rust|ruby|php|swift|kotlin|scala|sql|"
    r"writing \w+|scripting)\b", re.IGNORECASE)


YEARS = re.compile(r"\b\d{1,2}\s*\+?\s*(?:years?|yrs?|yoe)\b", re.IGNORECASE)
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "a couple of": 2, "a couple": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                "twenty": 20}
YEARS_IN_WORDS = re.compile(rf"\b({'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\s+(years?|yrs?)\b",
                            re.IGNORECASE)


def with_digits(text: str) -> str:
    """'one year in', 'a couple of years', 'a decade' written with digits, so years can be read."""
    text = re.sub(r"\ba decade\b", f"{NUMBER_WORDS['ten']} years", text or "", flags=re.IGNORECASE)
    return YEARS_IN_WORDS.sub(lambda m: f"{NUMBER_WORDS[m.group(1).lower()]} {m.group(2)}", text)
# Words that make ML a goal, not the work the years were spent on: "8 years in the ICU, want to become an MLE".
ML_AS_GOAL = re.compile(r"\b(?:want|wanna|become|becoming|switch\w*|mov\w*|pivot\w*|transition\w*|into|aim\w*|"
                        r"hope|hoping|trying|considering|thinking|break|get|hired|hire|"
                        r"(?:would|could|will|can|should)\s+i)\b", re.IGNORECASE)


def years_mean(text: str) -> Optional[str]:
    """'level' when years are said of ML work ("3 years as an ML engineer"), 'background' of
    programming ("writing javascript for 4 years"), else None: only the clause the years are in counts."""
    text = with_digits(text)
    match = YEARS.search(text)
    if not match:
        return None
    breaks = [m.end() for m in re.finditer(r"[.;!?\n]|,\s", text[:match.start()])]
    start = max([0, *breaks])
    end = min([len(text)] + [match.end() + m.start() for m in re.finditer(r"[.;!?\n]|,\s", text[match.end():])])
    clause = text[start:end]
    if len(breaks) >= 1 and not (ML_CONTEXT.search(clause) or PROGRAMMING_CONTEXT.search(clause)) \
            and text[start - 2:start] == ", ":  # "I'm an ML engineer, 3 yrs in": the years of the job just named
        clause = text[max([0, *breaks[:-1]]):end]
    # "one year into my first ML job": time spent, not a goal
    goal_words = re.sub(r"\b\d{1,2}\s*\+?\s*(?:years?|yrs?)\s+into\b", " ", clause, flags=re.IGNORECASE)
    if ML_CONTEXT.search(clause) and not ML_AS_GOAL.search(goal_words):
        return "level"
    return "background" if PROGRAMMING_CONTEXT.search(clause) else None


# What the user does for a living, in their words: "I'm a high school history teacher", "I work as
# an accountant", "data analyst here". ML jobs are a level, not an occupation.
JOB_WORD = (r"(?:developer|dev|engineer|programmer|analyst|scientist|researcher|teacher|professor|lecturer|nurse|"
            r"doctor|physician|accountant|designer|manager|consultant|student|lawyer|architect|technician|"
            r"administrator|writer|editor|marketer|physicist|chemist|mathematician|statistician|economist|"
            r"biologist|pharmacist|officer|clerk|agent|founder|freelancer|tester|specialist|coordinator|"
            r"assistant|grad|graduate)")
STATED_JOB = re.compile(
    rf"(?:\b(?:i'?m|i am|im|i work as|i'?m working as|working as|i'?m currently|i currently work as|"
    rf"i (?:lead|manage|run|joined|started|serve)\b[^.,;?!]{{0,25}}?\bas|"
    rf"(?:i work|working|i'?m)\b[^.,;?!]{{0,30}}?\bas)\s+(?:currently\s+|now\s+|still\s+)?(?:a|an)\s+|"
    rf"^\W*(?:hi|hey|hello)?\W*)"
    rf"(?P<job>(?:[a-z+#-]+\s+){{0,3}}?{JOB_WORD}s?)\b(?P<here>\s+(?:here|at|in|with|for)\b)?",
    re.IGNORECASE)
ML_WORDS = re.compile(r"\b(?:ml|mle|machine|learning|ai|deep|mlops)\b", re.IGNORECASE)
NOT_A_JOB = re.compile(r"\b(?:not|no|never|former|ex|want|wanna|aspiring|future|wannabe)\b", re.IGNORECASE)


# Words no job title has: "I'm a BI dev, I meant data scientist" must not store "i meant data scientist".
NOT_IN_A_JOB = re.compile(r"\b(?:i|im|me|my|meant|mean|and|but|or|so|then|was|is|am|actually|sorry)\b", re.IGNORECASE)


def stated_job(text: str) -> Optional[str]:
    """The user's own job as they name it, lowercased, or None."""
    for match in STATED_JOB.finditer(text or ""):
        from_start = not re.match(r"(?:i|im|working)\b", match.group(0).strip(" ,!").lower())
        if from_start and (not match.group("here") or match.group("job").lower().endswith("s")):
            continue  # "data analyst here", "nurse at a clinic, ..." name a job; "engineers earn ..." does not
        job = " ".join(match.group("job").lower().split())
        if not ML_WORDS.search(job) and not NOT_A_JOB.search(job) and not NOT_IN_A_JOB.search(job):
            return job
    return None


# "remove my location", "leave out where I work", "forget the company part": a whole field (but in
# "scratch that, I'm mid-level now" the user states a new level).
FIELD_RETRACTION = re.compile(
    r"\b(?:forget|remove|delete|drop|scratch|leave out|don'?t (?:store|keep|save)|do not (?:store|keep|save)|"
    r"stop storing|clear|erase)\b(?:(?!\b(?:i'?m|i am)\b)[^.!?]){0,25}?(?<![-\w])"
    r"(?P<field>location|city|where i (?:live|work)|company|employer|level|seniority|interest|speciali[sz]ation|"
    r"background|skills|steps|job|occupation|profession)\b", re.IGNORECASE)
FIELD_SLOTS = {"location": "location", "city": "location", "where i live": "location", "where i work": "company_type",
               "company": "company_type", "employer": "company_type", "level": "level", "seniority": "level",
               "interest": "specialization", "specialisation": "specialization", "specialization": "specialization",
               "background": "background", "skills": "skills_known", "steps": "steps_done", "job": "occupation",
               "occupation": "occupation", "profession": "occupation"}


def retracted_fields(text: str) -> List[str]:
    return [FIELD_SLOTS[m.group("field").lower()] for m in FIELD_RETRACTION.finditer(text)]


# "forget that", "undo that", "ignore what I just said": the latest change to the profile taken back
# (when the message says nothing new); "that's all him, not me": taken back whatever else it says.
FORGET_THAT = re.compile(r"\b(?:forget|scratch|undo|ignore|disregard|drop|delete|remove|take back)\s+(?:that|this|it|"
                         r"what i (?:just )?(?:said|told you|wrote)|the last (?:thing|bit|part|one))\b", re.IGNORECASE)
SOMEONE_ELSES_THAT = re.compile(r"\b(?:that'?s|that (?:was|is)|those (?:are|were)|it'?s|all (?:of )?that was)\s+"
                                r"(?:all\s+)?(?:about\s+)?(?:him|her|them|my\s+(?:partner|husband|wife|boyfriend|"
                                r"girlfriend|friend|brother|sister|mom|mum|dad|son|daughter|spouse))\b|"
                                r"^\W*not me\b", re.IGNORECASE)


def taken_back(text: str, says_more: bool) -> bool:
    """Whether the message takes back the profile's latest change ("forget that", "that's him, not me")."""
    return bool(SOMEONE_ELSES_THAT.search(text)) or (bool(FORGET_THAT.search(text)) and not says_more)


# "thinking about switching into ML engineering", "I'd like some career guidance": setting out, nothing to note
SETTING_OUT = re.compile(
    r"\b(?:switch\w*|get(?:ting)? into|break(?:ing)? into|mov(?:e|ing) into|transition\w*|pivot\w*|become|becoming|"
    r"start(?:ing)? (?:out |a career )?in)\b[^.?!]{0,20}\b(?:ml|machine learning|ai|mle)\b|"
    r"\bcareer (?:guidance|advice|help|change)\b", re.IGNORECASE)


# A question about one other person ("how long would it take him?"); not "they", which is often ML
# engineers at large.
HIM_OR_HER = re.compile(r"\b(?:him|her|he|she|his|hers|he'?s|she'?s)\b", re.IGNORECASE)

"""What careerbot could not answer, for the editors (issue 14): `make report`, or

    python -m userdata.report [--days 30] [--db URL] [--out results]

writes `unanswered.md` and `unanswered.html` (plain HTML, everything escaped, no external assets) for
the last --days days: how many messages of each kind (did you mean, rephrase, not covered, out of
scope, thumbs down), the messages grouped by similarity (lemmas or normalised words without stop
words, greedy clustering; counts and up to five examples per group) with the file an editor would
most likely change, and the answers with the most thumbs down.

Rows older than CAREERBOT_LOG_DAYS are deleted first (userdata/feedback.py). The report reads the
tables only: it names no conversation and could not (they hold keyed hashes, not ids).
"""
import argparse
import html
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from sqlalchemy import inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from settings import PROJECT_ROOT, SPACY_MODEL_DIR, load_settings
from storage.engine import get_engine
from userdata.feedback import THUMBS_DOWN, purge_older_than
from userdata.models import UNANSWERED_KINDS, AnswerRating, UnansweredMessage

DEFAULT_DAYS = 30
EXAMPLES = 5
MAX_GROUPS = 40
MAX_COMMENTS = 3
# Two messages are one group when they share at least half of the shorter one's words, and at least
# a fifth of all their words (so one common word does not join a long message to a short one).
OVERLAP = 0.5
JACCARD = 0.2
NO_WORDS = "(no words)"

KIND_TITLES = {"did_you_mean": "did you mean (unclear)", "rephrase": "please rephrase (not understood)",
               "not_covered": "the guide does not cover it", "out_of_scope": "out of scope",
               "thumbs_down": "thumbs down on the answer"}
NLU_DATA = "bot/data/nlu.yml"
NOT_COVERED = "knowledge/content/not_covered.yml"
# A misunderstood question wants training examples; a topic the guide lacks, an honest answer.
FILE_OF_KIND = {"did_you_mean": NLU_DATA, "rephrase": NLU_DATA, "out_of_scope": NLU_DATA, "not_covered": NOT_COVERED}
# The content behind each answer (a thumbs down on it most likely means one of these is wrong or unclear).
CONTENT = "knowledge/content/"
FILES_OF_ACTION: Dict[str, Tuple[str, ...]] = {
    "action_salary": (CONTENT + "salary_factors.yml", CONTENT + "career_levels.yml"),
    "action_compare_pay": (CONTENT + "roles.yml", CONTENT + "salary_factors.yml"),
    "action_career_levels": (CONTENT + "career_levels.yml",),
    "action_explain_role": (CONTENT + "role.yml",),
    "action_compare_roles": (CONTENT + "roles.yml",),
    "action_list_skills": (CONTENT + "skills.yml",),
    "action_skill_gap": (CONTENT + "skills.yml",),
    "action_education_paths": (CONTENT + "education.yml",),
    "action_majors": (CONTENT + "education.yml",),
    "action_programs": (CONTENT + "education.yml",),
    "action_learning_path": (CONTENT + "learning_path.yml",),
    "action_where_to_start": (CONTENT + "learning_path.yml",),
    "action_next_step": (CONTENT + "learning_path.yml",),
    "action_time_to_ready": (CONTENT + "time_to_ready.yml",),
    "action_job_growth": (CONTENT + "outlook.yml",),
    "action_ai_threat": (CONTENT + "outlook.yml",),
    "action_phd": (CONTENT + "faq.yml",),
    "action_specialize": (CONTENT + "faq.yml",),
    "action_portfolio": (CONTENT + "portfolio.yml",),
    "action_not_covered": (NOT_COVERED,),
    "action_show_source": (CONTENT + "sections.yml",),
    "action_explain_previous": ("bot/content/explanations.yml",),
    "action_follow_up": ("bot/content/follow_ups.yml",),
    "action_did_you_mean": (NLU_DATA,),
    "action_out_of_scope": (NLU_DATA,),
}

STOP_WORDS = frozenset("""
a about above after again against all am an and any are aren't as at be because been before being below
between both but by can can't could couldn't did didn't do does doesn't doing don't down during each few for
from further had hadn't has hasn't have haven't having he her here hers herself him himself his how i i'm if
in into is isn't it it's its itself just let's me might more most must my myself no nor not now of off on once
only or other ought our ours ourselves out over own please pls same she should shouldn't so some such than
that that's the their theirs them themselves then there there's these they they're this those through to too
under until up very was wasn't we we're were weren't what what's when where which while who whom why will with
won't would wouldn't you you're your yours yourself yourselves hi hey hello thanks thank ok okay really also
get tell know want wanna gonna like
""".split())
_WORD = re.compile(r"[a-z0-9+#]+(?:'[a-z]+)?")

Normaliser = Callable[[str], FrozenSet[str]]


def _stem(word: str) -> str:
    """A light suffix stemmer: salaries -> salary, interviewing -> interview, resumes -> resume."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def word_set(text: str) -> FrozenSet[str]:
    """Normalised words without stop words (no model needed)."""
    words = (w[:-2] if w.endswith("'s") else w for w in _WORD.findall(text.lower()))
    return frozenset(_stem(w) for w in words if w and w not in STOP_WORDS)


@lru_cache(maxsize=None)
def _pipeline() -> Any:
    import spacy  # loaded only for the report, and only when the pipeline has been built

    return spacy.load(SPACY_MODEL_DIR, exclude=["entity_ruler"])


def lemma_set(text: str) -> FrozenSet[str]:
    """The lemmas of the careerbot spaCy pipeline (var/spacy/careerbot_en), stemmed, without stop words."""
    lemmas = (t.lemma_.lower() for t in _pipeline()(text) if not (t.is_punct or t.is_space))
    return frozenset(_stem(w) for w in lemmas if _WORD.fullmatch(w) and w not in STOP_WORDS)


def default_normaliser() -> Normaliser:
    return lemma_set if (SPACY_MODEL_DIR / "meta.json").exists() else word_set


def content_files(kind: str, action: str) -> Tuple[str, ...]:
    """The file(s) an editor would most likely change for a message of `kind` answered by `action`."""
    if kind == THUMBS_DOWN:
        return FILES_OF_ACTION.get(action, (f"{CONTENT}*.yml (what {action} answers from)",))
    return (FILE_OF_KIND.get(kind, NLU_DATA),)


@dataclass(frozen=True)
class Entry:
    text: str
    kind: str
    action: str
    logged_at: datetime


@dataclass(frozen=True)
class Group:
    count: int
    examples: Tuple[Tuple[str, int], ...]  # distinct messages with how often each came, most frequent first
    kinds: Tuple[Tuple[str, int], ...]
    files: Tuple[Tuple[str, int], ...]  # the first is the most likely


@dataclass(frozen=True)
class ThumbsDown:
    action: str
    topic: str
    down: int
    rated: int  # all ratings of that answer kind in the period
    files: Tuple[str, ...]
    comments: Tuple[str, ...]  # the latest, up to MAX_COMMENTS


@dataclass(frozen=True)
class Report:
    days: int
    until: datetime
    counts: Tuple[Tuple[str, int], ...]  # every kind, in UNANSWERED_KINDS order
    groups: Tuple[Group, ...]
    more_groups: int  # groups beyond MAX_GROUPS
    thumbs_down: Tuple[ThumbsDown, ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    @property
    def empty(self) -> bool:
        return self.total == 0 and not self.thumbs_down


@dataclass
class _Cluster:
    seed: FrozenSet[str]
    entries: List[Entry] = field(default_factory=list)


def similar(a: FrozenSet[str], b: FrozenSet[str]) -> bool:
    if not a or not b:
        return a == b
    shared = len(a & b)
    return shared / min(len(a), len(b)) >= OVERLAP and shared / len(a | b) >= JACCARD


def group_messages(entries: Sequence[Entry], normalise: Normaliser = word_set) -> List[Group]:
    """Greedy clustering: the most frequent wordings first, each joining the first group whose seed
    it is similar to; deterministic for the same entries."""
    by_words: Dict[FrozenSet[str], List[Entry]] = {}
    for entry in entries:
        by_words.setdefault(normalise(entry.text), []).append(entry)
    clusters: List[_Cluster] = []
    for words, members in sorted(by_words.items(), key=lambda item: (-len(item[1]), sorted(item[0]))):
        home = next((c for c in clusters if similar(words, c.seed)), None)
        if home is None:
            home = _Cluster(words)
            clusters.append(home)
        home.entries.extend(members)
    groups = [_group(c.entries) for c in clusters]
    return sorted(groups, key=lambda g: (-g.count, g.examples[0][0].lower()))


def _ranked(counter: "Counter[str]") -> Tuple[Tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _group(entries: List[Entry]) -> Group:
    texts: "Counter[str]" = Counter()
    first_spelling: Dict[str, str] = {}
    for e in entries:
        key = " ".join(e.text.lower().split())
        first_spelling.setdefault(key, " ".join(e.text.split()) or NO_WORDS)
        texts[key] += 1
    examples = tuple((first_spelling[k], n) for k, n in _ranked(texts)[:EXAMPLES])
    files: "Counter[str]" = Counter(f for e in entries for f in content_files(e.kind, e.action))
    return Group(len(entries), examples, _ranked(Counter(e.kind for e in entries)), _ranked(files))


def read_entries(engine: Engine, since: datetime) -> List[Entry]:
    with Session(engine, future=True) as s:
        rows = s.execute(select(UnansweredMessage).where(UnansweredMessage.logged_at >= since)
                         .order_by(UnansweredMessage.logged_at, UnansweredMessage.id)).scalars().all()
        return [Entry(r.text, r.kind, r.action, r.logged_at) for r in rows]


def read_thumbs_down(engine: Engine, since: datetime) -> List[ThumbsDown]:
    with Session(engine, future=True) as s:
        rows = s.execute(select(AnswerRating).where(AnswerRating.rated_at >= since)
                         .order_by(AnswerRating.rated_at.desc(), AnswerRating.id.desc())).scalars().all()
        ratings = [(r.action, r.topic, r.rating, r.comment) for r in rows]
    rated: "Counter[Tuple[str, str]]" = Counter((a, t) for a, t, _, _ in ratings)
    down: "Counter[Tuple[str, str]]" = Counter((a, t) for a, t, r, _ in ratings if r == "down")
    result = []
    for (action, topic), n in sorted(down.items(), key=lambda item: (-item[1], item[0])):
        comments = tuple(c for a, t, r, c in ratings if (a, t) == (action, topic) and r == "down" and c)
        result.append(ThumbsDown(action, topic, n, rated[(action, topic)], content_files(THUMBS_DOWN, action),
                                 comments[:MAX_COMMENTS]))
    return result


def build_report(engine: Engine, days: int = DEFAULT_DAYS, now: Optional[datetime] = None,
                 normalise: Optional[Normaliser] = None) -> Report:
    until = now or datetime.now(timezone.utc)
    since = until - timedelta(days=days)
    entries = read_entries(engine, since)
    counts = Counter(e.kind for e in entries)
    groups = group_messages(entries, normalise or default_normaliser())
    return Report(days, until, tuple((k, counts.get(k, 0)) for k in UNANSWERED_KINDS), tuple(groups[:MAX_GROUPS]),
                  max(0, len(groups) - MAX_GROUPS), tuple(read_thumbs_down(engine, since)))


# --------------------------------------------------------------------------- writing it out
def _period(report: Report) -> str:
    return f"the last {report.days} days (to {report.until:%Y-%m-%d %H:%M} UTC)"


def _nothing(report: Report) -> str:
    return f"Nothing logged in the last {report.days} days."


def _md(text: str) -> str:
    """User text as plain Markdown text: nothing in it renders as markup, HTML or a link."""
    text = html.escape(" ".join(text.split()), quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+!|~>-])", r"\\\1", text)


def _counted(items: Iterable[Tuple[str, int]]) -> str:
    return ", ".join(f"{name} ({n})" for name, n in items)


def to_markdown(report: Report) -> str:
    lines = ["# What careerbot could not answer", "", f"For {_period(report)}.", ""]
    if report.empty:
        return "\n".join([*lines, _nothing(report), ""])
    lines += ["## Messages by kind", "", "| kind | messages |", "|---|---:|"]
    lines += [f"| {KIND_TITLES[k]} | {n} |" for k, n in report.counts]
    lines += [f"| **all** | **{report.total}** |", "", "## Similar messages", ""]
    if not report.groups:
        lines += ["No messages in this period.", ""]
    for i, g in enumerate(report.groups, 1):
        lines += [f"### {i}. {_md(g.examples[0][0])} ({g.count})", "",
                  f"- most likely to change: `{g.files[0][0]}`"
                  + (f" (also {_counted((f'`{f}`', n) for f, n in g.files[1:])})" if len(g.files) > 1 else ""),
                  f"- kinds: {_counted((KIND_TITLES[k], n) for k, n in g.kinds)}", "- examples:"]
        lines += [f"  - {_md(text)}" + (f" ({n} times)" if n > 1 else "") for text, n in g.examples]
        lines.append("")
    if report.more_groups:
        lines += [f"… and {report.more_groups} more groups.", ""]
    lines += ["## Answers with the most thumbs down", ""]
    if not report.thumbs_down:
        lines += ["No thumbs down in this period.", ""]
    else:
        lines += ["| action | topic | thumbs down | of ratings | content | latest comments |",
                  "|---|---|---:|---:|---|---|"]
        for t in report.thumbs_down:
            comments = "; ".join(f"“{_md(c)}”" for c in t.comments) or "-"
            files = ", ".join(f"`{f}`" for f in t.files)
            lines.append(f"| `{t.action}` | {_md(t.topic)} | {t.down} | {t.rated} | {files} | {comments} |")
        lines.append("")
    return "\n".join(lines)


_STYLE = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
          "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}"
          "td.n,th.n{text-align:right}code{background:#f3f3f3;padding:0 .2rem}.count{color:#666}")


def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


def to_html(report: Report) -> str:
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           "<title>What careerbot could not answer</title>", f"<style>{_STYLE}</style></head><body>",
           "<h1>What careerbot could not answer</h1>", f"<p>For {_h(_period(report))}.</p>"]
    if report.empty:
        return "\n".join([*out, f"<p>{_h(_nothing(report))}</p>", "</body></html>", ""])
    out += ["<h2>Messages by kind</h2>", '<table><tr><th>kind</th><th class="n">messages</th></tr>']
    out += [f'<tr><td>{_h(KIND_TITLES[k])}</td><td class="n">{n}</td></tr>' for k, n in report.counts]
    out += [f'<tr><th>all</th><th class="n">{report.total}</th></tr></table>', "<h2>Similar messages</h2>"]
    if not report.groups:
        out.append("<p>No messages in this period.</p>")
    for i, g in enumerate(report.groups, 1):
        also = "".join(f", also <code>{_h(f)}</code> ({n})" for f, n in g.files[1:])
        out += [f'<h3>{i}. {_h(g.examples[0][0])} <span class="count">({g.count})</span></h3>', "<ul>",
                f"<li>most likely to change: <code>{_h(g.files[0][0])}</code>{also}</li>",
                f"<li>kinds: {_h(_counted((KIND_TITLES[k], n) for k, n in g.kinds))}</li>", "<li>examples:<ul>"]
        out += [f"<li>{_h(text)}" + (f' <span class="count">({n} times)</span>' if n > 1 else "") + "</li>"
                for text, n in g.examples]
        out.append("</ul></li></ul>")
    if report.more_groups:
        out.append(f"<p>… and {report.more_groups} more groups.</p>")
    out.append("<h2>Answers with the most thumbs down</h2>")
    if not report.thumbs_down:
        out.append("<p>No thumbs down in this period.</p>")
    else:
        out.append('<table><tr><th>action</th><th>topic</th><th class="n">thumbs down</th>'
                   '<th class="n">of ratings</th><th>content</th><th>latest comments</th></tr>')
        for t in report.thumbs_down:
            comments = "<br>".join(f"“{_h(c)}”" for c in t.comments) or "-"
            files = "<br>".join(f"<code>{_h(f)}</code>" for f in t.files)
            out.append(f"<tr><td><code>{_h(t.action)}</code></td><td>{_h(t.topic)}</td><td class=\"n\">{t.down}</td>"
                       f'<td class="n">{t.rated}</td><td>{files}</td><td>{comments}</td></tr>')
        out.append("</table>")
    return "\n".join([*out, "</body></html>", ""])


def write_report(report: Report, out_dir: Path) -> Tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    md, page = out_dir / "unanswered.md", out_dir / "unanswered.html"
    md.write_text(to_markdown(report), encoding="utf-8")
    page.write_text(to_html(report), encoding="utf-8")
    return md, page


def _positive(value: str) -> int:
    days = int(value)
    if days < 1:
        raise argparse.ArgumentTypeError("at least 1 day")
    return days


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m userdata.report", description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=_positive, default=DEFAULT_DAYS, help="the period (default: 30 days)")
    parser.add_argument("--db", help="the application database's SQLAlchemy URL (default: CAREERBOT_DB_URL)")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "results", help="folder to write to")
    args = parser.parse_args(argv)
    engine = get_engine(args.db) if args.db else get_engine()
    tables = set(inspect(engine).get_table_names())
    if not {AnswerRating.__tablename__, UnansweredMessage.__tablename__} <= tables:
        print("careerbot: this database has no unanswered log yet; run `python -m knowledge migrate` first",
              file=sys.stderr)
        return 1
    purged = purge_older_than(load_settings().log_days, engine)
    report = build_report(engine, args.days)
    md, page = write_report(report, args.out)
    if purged.ratings or purged.unanswered:
        print(f"deleted {purged.ratings} ratings and {purged.unanswered} log entries older than "
              f"{load_settings().log_days} days")
    print(_nothing(report) if report.empty else f"{report.total} messages in {len(report.groups)} groups, "
          f"{sum(t.down for t in report.thumbs_down)} thumbs down")
    print(f"wrote {md} and {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

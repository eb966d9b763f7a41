"""Turns the results into one table (terminal and Markdown), results/bench.json and the growth plot."""
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, TypeGuard

BOTS = ("careerbot", "reference")


@dataclass(frozen=True)
class Row:
    figure: str
    unit: str
    careerbot: Optional[float]
    reference: Optional[float]
    better: str  # "lower" or "higher"

    @property
    def ratio(self) -> Optional[float]:
        careerbot, reference = self.careerbot, self.reference
        if not _number(careerbot) or not _number(reference) or reference == 0:
            return None
        return careerbot / reference


def _number(value: Any) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not math.isnan(value)


def _get(results: Dict, bot: str, *path: Any) -> Optional[float]:
    value: Any = results.get(bot)
    for key in path:
        if value is None:
            return None
        value = value[key] if isinstance(key, int) else value.get(key)
    return value if _number(value) else None


def rows(results: Dict) -> List[Row]:
    def row(figure: str, unit: str, better: str, *path: Any) -> Row:
        return Row(figure, unit, _get(results, "careerbot", *path), _get(results, "reference", *path), better)

    meta = results["meta"]
    turns, window = meta["growth_turns"], meta["growth_window"]
    out = [
        row(f"fresh conversations: p50 ({meta['fresh_messages']} msgs)", "ms", "lower", "fresh", "stats", "p50_ms"),
        row("fresh conversations: p95", "ms", "lower", "fresh", "stats", "p95_ms"),
        row(f"growth: median turns 1-{window}", "ms", "lower", "growth", "first_median_ms"),
    ]
    if turns >= 200:
        out.append(row("growth: median turns 181-200", "ms", "lower", "growth", "median_181_200_ms"))
    out += [
        row(f"growth: median turns {turns - window + 1}-{turns}", "ms", "lower", "growth", "last_median_ms"),
        row("growth: last / first", "x", "lower", "growth", "ratio"),
    ]
    for i, level in enumerate(meta["concurrency"]):
        out += [
            row(f"{level} concurrent: throughput", "msg/s", "higher", "concurrency", i, "throughput_msg_s"),
            row(f"{level} concurrent: p50", "ms", "lower", "concurrency", i, "stats", "p50_ms"),
            row(f"{level} concurrent: p95", "ms", "lower", "concurrency", i, "stats", "p95_ms"),
        ]
    out += [
        row("peak RSS: Rasa server", "MB", "lower", "rss_peak_mb", "rasa server"),
        row("peak RSS: action server", "MB", "lower", "rss_peak_mb", "action server"),
        row("process start -> first answer", "s", "lower", "first_answer_s"),
        row("rasa train from scratch", "s", "lower", "training", "from_scratch_s"),
        row("content change: retrain / rebuild (*)", "s", "lower", "training", "content_change_s"),
        row("NLU intent macro-F1, all held-out intents", "", "higher", "nlu", "macro_f1"),
        row("NLU intent macro-F1, shared intents (**)", "", "higher", "nlu", "shared_macro_f1"),
        row("NLU time per parse (mean, in-process)", "ms", "lower", "nlu", "ms_per_parse_mean"),
        row("failed requests, all workloads (HTTP error/timeout)", "", "lower", "failed_requests"),
        row("answers with no bot message (HTTP 200, empty)", "", "lower", "empty_answers"),
        row("custom-action calls that failed (Rasa's log)", "", "lower", "failed_action_calls"),
    ]
    return out


def _fmt(value: Optional[float], unit: str = "") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, int):
        return f"{value:,}"
    if unit == "" and value < 1.5 and value != int(value):
        return f"{value:.3f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"


def table_lines(results: Dict, markdown: bool) -> List[str]:
    data = [(f"{r.figure}" + (f" [{r.unit}]" if r.unit else ""), _fmt(r.careerbot, r.unit), _fmt(r.reference, r.unit),
             "n/a" if r.ratio is None else f"{r.ratio:.2f}", r.better) for r in rows(results)]
    header = ("figure", "careerbot", "reference", "careerbot/ref", "better")
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|---|---:|---:|---:|---|"]
        return lines + ["| " + " | ".join(cells) + " |" for cells in data]
    widths = [max(len(str(c[i])) for c in [header, *data]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{widths[0]}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return [fmt.format(*header), fmt.format(*("-" * w for w in widths))] + [fmt.format(*cells) for cells in data]


def notes(results: Dict) -> List[str]:
    meta = results["meta"]
    lines = []
    if any(results[bot].get("training") for bot in BOTS):
        lines.append("(*) " + "; ".join(f"{bot}: {results[bot]['training']['content_change_what']}"
                                        for bot in BOTS if results[bot].get("training")))
    kb = results.get("careerbot", {}).get("training") or {}
    if kb:
        lines.append(f"    careerbot's KB change = knowledge load {kb['kb_load_s']:.1f} s + spaCy rebuild "
                     f"{kb['spacy_rebuild_s']:.1f} s. A changed figure or answer then goes live within "
                     "CAREERBOT_KB_CACHE_SECONDS (30 s) with no restart; new names for the NLU to recognise "
                     "need the rebuilt spaCy pipeline, i.e. a restart (see 'first answer').")
    nlu = results.get("careerbot", {}).get("nlu") or {}
    if nlu:
        lines.append("(**) held-out examples whose intent the starter bot also has: "
                     f"{', '.join(nlu['shared_intents'])} ({nlu['shared_examples']} of {nlu['examples']} examples).")
    if results["reference"].get("empty_answers"):
        lines.append("Empty answers of the reference are its own policy choosing to just listen "
                     "(e.g. after 'no' to 'Did that help you?'); careerbot always answers, so each of its empty "
                     "answers is a failure.")
    lines.append(f"Ratio = careerbot / reference. Machine: {meta['cpus']} CPUs, load average "
                 f"{meta['loadavg_start']} at start, {meta.get('loadavg_end', '?')} at end (other jobs share it).")
    return lines


def per_message_lines(results: Dict) -> List[str]:
    fresh = results.get("careerbot", {}).get("fresh")
    if not fresh:
        return []
    items = sorted(fresh["p50_ms_by_message"].items(), key=lambda kv: kv[1])
    return ["| careerbot first message | p50 ms |", "|---|---:|"] + [f"| {t} | {ms:.0f} |" for t, ms in items]


def write(results: Dict, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench.json").write_text(json.dumps(results, indent=2, default=str))
    meta = results["meta"]
    md = [f"# careerbot benchmark{' (quick)' if meta['quick'] else ''}", "",
          f"{meta['started']}, Rasa {meta['rasa_version']}; every figure over REST on loopback, sequential requests "
          "unless concurrent; careerbot against Rasa's starter bot (`rasa init`), both served in the same run.", "",
          *table_lines(results, markdown=True), "", *notes(results), "",
          "![latency against conversation turn](bench_growth.png)", "", *per_message_lines(results), ""]
    (out_dir / "bench.md").write_text("\n".join(md))


def plot_growth(results: Dict, path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig, ax = plt.subplots(figsize=(9, 4.5))
    for bot, colour in zip(BOTS, ("tab:blue", "tab:orange")):
        growth = (results.get(bot) or {}).get("growth")
        if not growth:
            continue
        ms = np.asarray(growth["latencies_ms"])
        turns = np.arange(1, len(ms) + 1)
        ax.plot(turns, ms, color=colour, alpha=0.25, linewidth=0.8)
        k = min(10, len(ms))  # rolling median over 10 turns: the trend without single slow turns
        smooth = [np.median(ms[max(0, i - k + 1): i + 1]) for i in range(len(ms))]
        ax.plot(turns, smooth, color=colour, linewidth=2, label=f"{bot} (rolling median of {k})")
    ax.set_xlabel("conversation turn")
    ax.set_ylabel("latency (ms)")
    ax.set_title("REST latency along one conversation")
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)

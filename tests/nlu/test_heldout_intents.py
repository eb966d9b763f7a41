"""NLU quality gate: intent macro-F1 on held-out examples the model never saw.

Writes results/nlu_heldout.json and results/nlu_heldout.md (per-intent figures and
confusions). The gate is on the intent the bot acts on, after the fallback classifier.
"""
import asyncio
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from bench.intent_scores import heldout_examples, per_intent_scores

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "careerbot.tar.gz"
RESULTS = ROOT / "results"
MACRO_F1_GATE = 0.95


def test_heldout_intent_macro_f1_meets_the_gate(agent):
    examples = heldout_examples()
    assert len(examples) >= 200

    async def parse_all():
        results = []
        for _gold, text in examples:
            results.append(await agent.parse_message(text))
        return results

    started = time.perf_counter()
    parsed = asyncio.run(parse_all())
    ms_per_parse = (time.perf_counter() - started) * 1000 / len(examples)
    final = [(gold, p["intent"]["name"]) for (gold, _), p in zip(examples, parsed)]
    scores = per_intent_scores(final)
    macro_f1 = sum(s["f1"] for s in scores.values()) / len(scores)
    confusions = Counter((g, p) for g, p in final if g != p)
    misses = defaultdict(list)
    for (gold, text), p in zip(examples, parsed):
        if p["intent"]["name"] != gold:
            misses[gold].append({"text": text, "predicted": p["intent"]["name"],
                                 "confidence": round(p["intent"].get("confidence") or 0, 3)})

    RESULTS.mkdir(exist_ok=True)
    report = {"examples": len(examples), "macro_f1": macro_f1, "gate": MACRO_F1_GATE, "ms_per_parse": ms_per_parse,
              "per_intent": scores,
              "confusions": [{"gold": g, "predicted": p, "count": n} for (g, p), n in confusions.most_common()],
              "misses": misses}
    (RESULTS / "nlu_heldout.json").write_text(json.dumps(report, indent=2))
    lines = [f"# NLU held-out evaluation\n\n{len(examples)} examples, intent macro-F1 **{macro_f1:.3f}** "
             f"(gate {MACRO_F1_GATE}), {ms_per_parse:.1f} ms per parse.\n",
             "| intent | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    lines += [f"| {i} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['support']} |"
              for i, s in scores.items()]
    lines += ["\n## Confusions\n", "| gold | predicted | count |", "|---|---|---|"]
    lines += [f"| {g} | {p} | {n} |" for (g, p), n in confusions.most_common()]
    (RESULTS / "nlu_heldout.md").write_text("\n".join(lines) + "\n")
    print(f"\nNLU held-out: macro-F1 {macro_f1:.3f} on {len(examples)} examples; report in results/nlu_heldout.md")

    assert macro_f1 >= MACRO_F1_GATE, (f"macro-F1 {macro_f1:.3f} < {MACRO_F1_GATE}; "
                                       f"misses: {json.dumps(misses, indent=1)}")


def test_kb_entities_are_normalised_to_ids(agent):
    parsed = asyncio.run(agent.parse_message("I'm a backend dev in SF at Google, into NLP"))
    entities = {e["entity"]: e["value"] for e in parsed["entities"]}
    assert entities == {"background": "programmer", "location": "bay_area", "company_type": "faang",
                        "specialization": "nlp"}

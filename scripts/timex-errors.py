#!/usr/bin/env python3
"""Where the date tagger and the TempEval-3 TBAQ gold disagree, and how often
the gold disagrees with itself on the same words.

Usage: scripts/timex-errors.py PRED.jsonl [--list KIND] [--shared ../shared]
  PRED.jsonl  output of `dateline analyze ../shared/data/tempeval3/tbaq/corpus --json`
  --list KIND print every error of KIND (value, spurious, missed) with context

Matching is the shared scorer's (../shared/eval/score.py timex): a prediction
overlapping a gold timex is a relaxed match; its value is right if equal.

For each error the script asks whether the gold itself does elsewhere what
the tagger did here, on the same words (lower-cased text):
  value     the gold gives the same words a value of the predicted shape
            elsewhere (digits as 9: "last week" as 1998-W11 elsewhere,
            1998-WXX here); a wrong value of the gold's own shape (the wrong
            Tuesday) is counted apart, as a resolution error;
  spurious  the gold annotates the same words elsewhere;
  missed    the same words stand unannotated elsewhere in the corpus.
Those errors cannot all be fixed by any tagger that reads only the text: the
annotation followed different conventions in different documents.
"""
import argparse
import collections
import glob
import json
import os
import re


def shape(value):
    return re.sub(r"\d", "9", str(value).upper())


def load(shared, pred_path):
    gold_dir = f"{shared}/data/tempeval3/tbaq/gold"
    corpus = f"{shared}/data/tempeval3/tbaq/corpus"
    preds = {}
    for line in open(pred_path, encoding="utf-8"):
        rec = json.loads(line)
        preds[os.path.basename(rec["path"])[:-4]] = rec["timexes"]
    docs = []
    for path in sorted(glob.glob(f"{gold_dir}/*.json")):
        name = os.path.basename(path)[:-5]
        text = open(f"{corpus}/{name}.txt", encoding="utf-8").read()
        raw = text.encode()

        def char(offset, raw=raw):
            return len(raw[:offset].decode())

        pred = [
            dict(t, start=char(t["start"]), end=char(t["end"]))
            for t in preds.get(name, [])
        ]
        gold = json.load(open(path, encoding="utf-8"))["timexes"]
        docs.append((name, text, gold, pred))
    return docs


def align(gold, pred):
    """The scorer's greedy relaxed matching: (gold index -> pred index)."""
    used = {}
    for pi, t in sorted(enumerate(pred), key=lambda x: (x[1]["start"], x[1]["end"])):
        for gi, g in enumerate(gold):
            if gi not in used and t["start"] < g["end"] and g["start"] < t["end"]:
                used[gi] = pi
                break
    return used


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--list", choices=["value", "spurious", "missed"])
    args = ap.parse_args()
    docs = load(args.shared, args.pred)

    # What the gold does with each surface form, over the whole corpus.
    shapes = collections.defaultdict(collections.Counter)
    annotated = collections.Counter()
    for _, text, gold, _ in docs:
        for g in gold:
            words = g["text"].lower()
            shapes[words][shape(g["value"])] += 1
            annotated[words] += 1
    occurrences = collections.Counter()
    for words in annotated:
        pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)", re.I)
        for _, text, _, _ in docs:
            occurrences[words] += len(pattern.findall(text))

    errors = {"value": [], "spurious": [], "missed": []}
    contradicted = collections.Counter()
    resolution = collections.Counter()
    for name, text, gold, pred in docs:
        dct = text.split()[1]
        matched = align(gold, pred)

        def context(start, end, text=text):
            return text[max(0, start - 60) : end + 40].replace("\n", " ")

        for gi, g in enumerate(gold):
            words = g["text"].lower()
            if gi not in matched:
                unannotated_elsewhere = occurrences[words] > annotated[words]
                contradicted["missed"] += unannotated_elsewhere
                errors["missed"].append(
                    (unannotated_elsewhere, f"{dct} {g['value']:14} {g['text']!r} | {context(g['start'], g['end'])}")
                )
                continue
            p = pred[matched[gi]]
            if str(p["value"]).upper() != str(g["value"]).upper():
                # Same shape, other digits: a resolution error, not a
                # convention the gold applies unevenly.
                same_shape = shape(p["value"]) == shape(g["value"])
                elsewhere = not same_shape and shapes[words][shape(p["value"])] > 0
                resolution[same_shape] += 1
                contradicted["value"] += elsewhere
                errors["value"].append(
                    (elsewhere, f"{dct} gold {g['value']:14} ours {p['value']:14} {g['text']!r} | {context(g['start'], g['end'])}")
                )
        spurious = set(range(len(pred))) - set(matched.values())
        for pi in sorted(spurious):
            p = pred[pi]
            words = text[p["start"] : p["end"]].lower()
            elsewhere = annotated[words] > 0
            contradicted["spurious"] += elsewhere
            errors["spurious"].append(
                (elsewhere, f"{dct} {p['value']:14} {words!r} | {context(p['start'], p['end'])}")
            )

    n_gold = sum(len(g) for _, _, g, _ in docs)
    n_pred = sum(len(p) for _, _, _, p in docs)
    value_ok = sum(
        1
        for _, _, gold, pred in docs
        for gi, pi in align(gold, pred).items()
        if str(pred[pi]["value"]).upper() == str(gold[gi]["value"]).upper()
    )
    print(f"gold {n_gold}, predicted {n_pred}, relaxed match with the right value {value_ok}")
    print(f"value F1 {2 * value_ok / (n_gold + n_pred):.4f}")
    print(f"{'error':10} {'count':>6} {'gold does the same elsewhere':>30}")
    for kind, items in errors.items():
        print(f"{kind:10} {len(items):6} {contradicted[kind]:30}")
    print(f"value errors of the gold's own shape (wrong day, week, year): {resolution[True]}")
    if args.list:
        for elsewhere, line in errors[args.list]:
            print(("* " if elsewhere else "  ") + line)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds the recent-news entity probes from `probes.src`.

`probes.src` holds every article, separated by `=== NAME` lines, in the seed
format with its gold entities marked inline as `{text|LABEL}` (LABEL an
OntoNotes entity label: PERSON ORG GPE LOC NORP PRODUCT EVENT LAW FAC
WORK_OF_ART). This writes `corpus/NAME.txt` (the article without marks) and
`gold/NAME.json` (the marks as entity gold, code point offsets, the shared
scorer's format; no dates: these probes are for entities). Run it after
editing `probes.src`; another probe folder laid out the same way is given
as the argument:

    python3 crates/engine/tests/probes/recent/make.py [crates/engine/tests/probes/recent2]
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = "PERSON|ORG|GPE|LOC|NORP|PRODUCT|EVENT|LAW|FAC|WORK_OF_ART"
MARK = re.compile(r"\{([^{}|]+)\|(" + LABELS + r")\}")


def build(name, marked):
    text, entities, at = [], [], 0
    for m in MARK.finditer(marked):
        text.append(marked[at : m.start()])
        start = sum(map(len, text))
        text.append(m.group(1))
        entities.append({"start": start, "end": start + len(m.group(1)), "text": m.group(1),
                         "label": m.group(2)})
        at = m.end()
    text.append(marked[at:])
    plain = "".join(text)
    if "{" in plain or "}" in plain or "|" in plain:
        sys.exit(f"{name}: malformed mark")
    return plain, {"file": f"{name}.txt", "entities": entities, "timexes": []}


def main():
    here = sys.argv[1] if len(sys.argv) > 1 else HERE
    src = open(os.path.join(here, "probes.src"), encoding="utf-8").read()
    parts = re.split(r"^=== (\S+)\n", src, flags=re.M)[1:]
    for d in ("corpus", "gold"):
        os.makedirs(os.path.join(here, d), exist_ok=True)
    total = {}
    for name, body in zip(parts[::2], parts[1::2]):
        plain, gold = build(name, body.rstrip("\n") + "\n")
        for e in gold["entities"]:
            total[e["label"]] = total.get(e["label"], 0) + 1
        with open(os.path.join(here, "corpus", f"{name}.txt"), "w", encoding="utf-8") as f:
            f.write(plain)
        with open(os.path.join(here, "gold", f"{name}.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"{len(parts) // 2} articles, {sum(total.values())} entities: "
          + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds the encyclopedic date probes from `probes.src`.

`probes.src` holds every article, separated by `=== NAME` lines, in the seed
format with its gold dates marked inline as `{text|TYPE|value}` (TYPE: D
DATE, T TIME, DU DURATION, S SET). This writes `corpus/NAME.txt` (the
article without marks) and `gold/NAME.json` (the marks as TIMEX3 gold, code
point offsets, the scorer's format). Run it after editing `probes.src`:

    python3 crates/engine/tests/probes/encyclopedic/make.py

or, for another folder of date probes in the same format,

    python3 crates/engine/tests/probes/encyclopedic/make.py crates/engine/tests/probes/dates-recent
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"D": "DATE", "T": "TIME", "DU": "DURATION", "S": "SET"}
MARK = re.compile(r"\{([^{}|]+)\|(D|T|DU|S)\|([^{}|]+)\}")


def build(name, marked):
    text, timexes, at = [], [], 0
    for m in MARK.finditer(marked):
        text.append(marked[at : m.start()])
        start = sum(map(len, text))
        text.append(m.group(1))
        timexes.append({"start": start, "end": start + len(m.group(1)), "text": m.group(1),
                        "type": TYPES[m.group(2)], "value": m.group(3)})
        at = m.end()
    text.append(marked[at:])
    plain = "".join(text)
    if "{" in plain or "}" in plain:
        sys.exit(f"{name}: malformed mark")
    return plain, {"file": f"{name}.txt", "entities": [], "timexes": timexes}


def main():
    here = sys.argv[1] if len(sys.argv) > 1 else HERE
    src = open(os.path.join(here, "probes.src"), encoding="utf-8").read()
    parts = re.split(r"^=== (\S+)\n", src, flags=re.M)[1:]
    for d in ("corpus", "gold"):
        os.makedirs(os.path.join(here, d), exist_ok=True)
    for name, body in zip(parts[::2], parts[1::2]):
        plain, gold = build(name, body.rstrip("\n") + "\n")
        with open(os.path.join(here, "corpus", f"{name}.txt"), "w", encoding="utf-8") as f:
            f.write(plain)
        with open(os.path.join(here, "gold", f"{name}.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"{len(parts) // 2} articles")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Copies a seed-format corpus, adding to every article a paragraph of dated
sentences, so the engine finds about PER_ARTICLE dated events in each: the
event lane of issue #12's benchmark ("~10 events per article", a million at
100,000 articles). The events are the engine's own, found by `dateline
bundle` in real text, not numbers written into a bundle.

    scripts/dense-events.py SRC DST [PER_ARTICLE]

Each added sentence dates a different day, month or year within ten years
of the article's date (deterministic: the same SRC gives the same DST), in
the forms news uses ("on 14 March 2003", "in June 2011", "in 1998").
"""

import datetime
import pathlib
import random
import sys

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]
SUBJECTS = [
    "The ministry", "The committee", "The company", "Officials",
    "The court", "Investigators", "The agency", "Analysts",
]
VERBS = [
    "first reported the problem", "announced a review", "signed the agreement",
    "held talks on the matter", "published the findings", "raised the issue",
    "changed the plans", "warned of delays",
]


def when(rng: random.Random, anchor: datetime.date) -> str:
    """A date within ten years of `anchor`, as a day, a month or a year."""
    day = anchor + datetime.timedelta(days=rng.randint(-3650, 3650))
    kind = rng.random()
    if kind < 0.6:
        return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"
    if kind < 0.85:
        return f"in {MONTHS[day.month - 1]} {day.year}"
    return f"in {day.year}"


def paragraph(rng: random.Random, anchor: datetime.date, count: int) -> str:
    """`count` sentences, each dating something."""
    return " ".join(
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {when(rng, anchor)}."
        for _ in range(count)
    )


def main() -> None:
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    per_article = int(sys.argv[3]) if len(sys.argv) == 4 else 10
    dst.mkdir(parents=True, exist_ok=True)
    files = sorted(src.glob("*.txt"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        header = text.split("\n", 1)[0].split()
        try:
            anchor = datetime.date.fromisoformat(header[1])
        except (IndexError, ValueError):
            anchor = datetime.date(2000, 1, 1)
        rng = random.Random(path.name)
        # The article's own dates count too: about three per article.
        added = paragraph(rng, anchor, max(per_article - 3, 1))
        (dst / path.name).write_text(text.rstrip("\n") + "\n\n" + added + "\n", encoding="utf-8")
    print(f"{len(files)} articles in {dst}, each with a paragraph of dated sentences")


if __name__ == "__main__":
    main()

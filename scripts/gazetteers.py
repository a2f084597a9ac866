#!/usr/bin/env python3
"""Builds the gazetteers generated from PyPI packages, reproducibly.

    python3 scripts/gazetteers.py

installs the pinned packages below into target/gazetteer-pkgs (pip, from
PyPI; nothing else is downloaded) and writes, under
crates/engine/assets/gazetteer/:

* holidays.txt: names of public holidays and observances of every country
  and subdivision the `holidays` package knows, in English, for 2015-2026, with the
  qualifiers it adds stripped ("Eid al-Fitr (estimated)" -> "Eid al-Fitr"),
  alternative names in parentheses split off ("Chinese New Year (Spring
  Festival)" -> both), "First Day of Ramadan" also giving "Ramadan", and
  "X Day" also giving "X" where the package also has "X Eve" or "Day after
  X" ("Christmas Day" -> "Christmas"). Names
  that are also companies (orgs.txt) or places and peoples (gpe.txt,
  gpe_extra.txt, loc.txt, norp.txt) are left out. OntoNotes annotates holidays as DATE: not names.
* brands.txt: the brand names of the npm package `simple-icons` (titles
  and their "aka" aliases: companies, apps, platforms, services and
  software of today, "Instagram", "Telegram", "Bluesky"), fetched with
  `npm pack` into the same folder; ASCII names of one to three words and
  three or more characters, without domain names ("Alibaba.com") or names
  that are places, peoples or holidays. The engine uses them only for
  one-word names the tagger typed a person or place, or left untagged,
  and never for common lower-case words (see ner/listed.rs).
* admin1.txt: the first-level subdivisions of every country from the
  ISO 3166-2 data of `pycountry` (states, provinces, governorates,
  prefectures, Länder, oblasts, union territories, autonomous regions and
  communities: "Gujarat", "Jiangsu", "Bavaria" as "Bayern"), with the
  accents folded ("Gujarāt" -> "Gujarat"), the generic suffix of Chinese
  and post-Soviet names stripped ("Jiangsu Sheng" -> "Jiangsu", "Kharkivska
  oblast" kept whole), and names made only of compass or generic words
  ("Northern", "East", "Central") left out. Read as places (GPE).
* orgs.txt: the companies of the 20 stock indices `pytickersymbols` lists
  (S&P 500, NASDAQ 100, FTSE 100, DAX, CAC 40, Nikkei 225, ...), each as
  listed and without its legal form ("Adobe Inc." -> "Adobe") or
  a leading "The" ("The Hershey Company" -> "Hershey").

Both are cited in crates/engine/assets/gazetteer/SOURCE.md. The engine
compiles the files in; nothing is read or fetched at run time.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "engine", "assets", "gazetteer")
PKGS = os.path.join(ROOT, "target", "gazetteer-pkgs")
PINNED = ["holidays==0.108", "pytickersymbols==1.17.10", "pycountry==26.2.16"]
SIMPLE_ICONS = "simple-icons@16.37.0"
YEARS = range(2015, 2027)
# Words that end up alone ("First Day of Year"): not holidays.
GENERIC = {"Year", "New Year", "Day", "Week", "National"}

LEGAL = re.compile(
    r"(,? (Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|Ltd\.?|Limited|plc|PLC|"
    r"N\.V\.|NV|S\.A\.|SA|SE|AG|A/S|ASA|AB|Oyj|S\.p\.A\.|SpA|K\.K\.|Holdings?|Group|"
    r"& Co\.?|Co|Trust))+$"
)


def install():
    stamp = os.path.join(PKGS, ".pinned")
    if os.path.exists(stamp) and open(stamp).read() == " ".join(PINNED):
        return
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "--upgrade",
                           "--target", PKGS, *PINNED])
    with open(stamp, "w") as f:
        f.write(" ".join(PINNED))


def orgs():
    from pytickersymbols import PyTickerSymbols

    out = set()
    for stock in PyTickerSymbols().get_all_stocks():
        name = " ".join(stock["name"].split())
        if not name or not name[0].isalnum():
            continue
        out.add(name)
        short, prev = name, None
        while short != prev:
            prev, short = short, LEGAL.sub("", short).strip(" ,&")
        if len(short) >= 2 and short != name:
            out.add(short)
        if short.startswith("The ") and len(short) > 6:
            out.add(short[4:])
    # News copy drops the accents ("L'Oreal", "Credit Agricole", "Dassault Systemes").
    return out | {fold_accents(n) for n in out}


def fold_accents(name):
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def brands(holidays):
    """Brand names from the npm package simple-icons (CC0-1.0)."""
    import json
    import tarfile

    tgz = os.path.join(PKGS, "simple-icons-16.37.0.tgz")
    if not os.path.exists(tgz):
        subprocess.check_call(["npm", "pack", SIMPLE_ICONS, "--quiet", "--pack-destination", PKGS])
    with tarfile.open(tgz) as t:
        data = json.load(t.extractfile("package/data/simple-icons.json"))
    known = {h.lower() for h in holidays}
    for f in ("gpe.txt", "gpe_extra.txt", "loc.txt", "norp.txt"):
        known |= {l.strip().lower() for l in open(os.path.join(OUT, f), encoding="utf-8")}
    shape = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .&'+-]*")
    domain = re.compile(r"\.(com|io|js|org|net|ai|dev|app|co|chat|ru)$", re.I)
    out = set()
    for icon in data:
        for n in [icon["title"], *icon.get("aliases", {}).get("aka", [])]:
            # A company's web address names the company ("Alibaba.com").
            n = n[:-4] if n.endswith(".com") else n
            if (n[:1].isupper() and len(n) >= 3 and len(n.split()) <= 3 and shape.fullmatch(n)
                    and not domain.search(n) and n.lower() not in known):
                out.add(n)
    return out


# ISO 3166-2 types of first-level subdivisions that are polities with a
# name of their own (not districts, municipalities or parishes).
ADMIN1_TYPES = {
    "State", "Province", "Governorate", "Prefecture", "Land", "Union territory", "Oblast",
    "Autonomous region", "Autonomous community", "Autonomous province", "Emirate", "Republic",
    "Voivodship", "Region", "Federal district", "Territory", "Autonomous republic",
}
GENERIC_PLACE_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "capital", "upper", "lower", "coast", "islands", "island", "lakes",
    "region", "district", "federal", "territory", "north-east", "north-west", "south-east",
    "south-west", "northeast", "northwest", "southeast", "southwest", "highlands", "mountain",
    "city",
}
CHINESE_SUFFIX = re.compile(r" (Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Weiwu'er Zizhiqu)$")


def admin1():
    """First-level subdivision names from pycountry's ISO 3166-2 data."""
    import unicodedata

    import pycountry

    def fold(n):
        return "".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c))

    out = set()
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) or sub.type not in ADMIN1_TYPES:
            continue
        name = fold(re.sub(r"\s*[\[(].*$", "", sub.name)).strip()
        name = CHINESE_SUFFIX.sub("", name)
        words = name.lower().split()
        if (not name[:1].isupper() or not name.isascii() or len(name) < 3
                or all(w in GENERIC_PLACE_WORDS for w in words)):
            continue
        out.add(name)
    return out


def holidays_(companies):
    import holidays

    raw = set()
    for code, subdivisions in sorted(holidays.list_supported_countries().items()):
        for subdiv in [None, *subdivisions]:
            try:
                h = holidays.country_holidays(code, subdiv=subdiv, years=YEARS, language="en_US")
            except Exception:
                h = holidays.country_holidays(code, subdiv=subdiv, years=YEARS)
            for name in h.values():
                raw.update(p.strip() for p in name.split(";"))
    names = set()
    for n in raw:
        # Alternative names in parentheses are names too; qualifiers are not.
        for alt in re.findall(r"\(([^()]*)\)", n):
            if " " in alt.strip() and alt[0].isupper() and not re.search(r"observed|estimated|\d", alt):
                names.add(alt.strip())
        base = re.sub(r"\s*\([^()]*\)", "", n).strip()
        if base:
            names.add(base)
    for n in list(names):
        m = re.match(r"(First|Last) Day of (.+)$", n)
        if m:
            names.add(m.group(2))
    for n in list(names):
        m = re.match(r"(.+) Day$", n)
        # "Christmas Day" -> "Christmas" only where the holiday is also
        # named without "Day" ("Christmas Eve", "Day after Thanksgiving");
        # never "Labour" or "Independence".
        if m and m.group(1) not in GENERIC and (
            {f"{m.group(1)} Eve", f"Day after {m.group(1)}", f"Day After {m.group(1)}"} & names
        ):
            names.add(m.group(1))
    lowered = {c.lower() for c in companies}
    for f in ("gpe.txt", "gpe_extra.txt", "loc.txt", "norp.txt"):
        lowered |= {l.strip().lower() for l in open(os.path.join(OUT, f), encoding="utf-8")}
    keep = set()
    for n in names:
        if not n.isascii() and not all(c.isalpha() or c in " '-.’" for c in n):
            continue
        if not n[0].isupper() or re.search(r"\d", n) or n in GENERIC or n.lower() in lowered:
            continue
        keep.add(n)
    return keep


def write(name, lines, header):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        f.write("\n".join(sorted(lines)) + "\n")
    print(f"{path}: {len(lines)} names")


def main():
    install()
    sys.path.insert(0, PKGS)
    companies = orgs()
    write("orgs.txt", companies,
          "# Generated by scripts/gazetteers.py from pytickersymbols 1.17.10 (MIT); see SOURCE.md.\n")
    write("admin1.txt", admin1(),
          "# Generated by scripts/gazetteers.py from pycountry 26.2.16 (ISO 3166-2 data, LGPL-2.1); see SOURCE.md.\n")
    days = holidays_(companies)
    write("holidays.txt", days,
          "# Generated by scripts/gazetteers.py from holidays 0.108 (MIT); see SOURCE.md.\n")
    write("brands.txt", brands(days),
          "# Generated by scripts/gazetteers.py from simple-icons 16.37.0 (CC0-1.0); see SOURCE.md.\n")


if __name__ == "__main__":
    main()

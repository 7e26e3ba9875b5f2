#!/usr/bin/env python3
"""Audits the actors and places an import makes of real news, for BENCHMARKS.md.

No gold says who the actors of IndoSum's 750 articles are, so this counts what is certainly
wrong in the lists a user sees, by patterns that need no gold:
  - persons whose first word is a title or role of the language's `names.toml`, an acronym of
    two capitals or more, or a word news writes in lower case (`word-classes.tsv`: "low" or
    "mixed") that is no known given name ("Aktor Ben Stiller", "KUKM Ahmad Zabadi",
    "Menurut Soemitro");
  - persons with a word inside that news writes in lower case, particles aside ("Luhut minta Susi");
  - actors named like the article's publisher ("CNN Indonesia" in articles from `cnn`);
  - places without coordinates (and how many of them are at least in a known country).

Usage: python3 scripts/actor_audit.py [--bin target/release/linimasa] [--lang id] FILE...
"""
import argparse
import csv
import io
import re
import sqlite3
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTICLES = {"bin", "binti", "van", "von", "de", "der", "den", "del", "da", "dos", "das", "du",
             "ter", "ibn", "al", "la", "le", "el"}


def run(binary: str, db: str, *args: str) -> str:
    return subprocess.run([binary, "--db", db, *args], check=True, capture_output=True, text=True).stdout


def squash(name: str) -> str:
    name = re.sub(r"\.(co\.id|com|co|id|net|org)$", "", name.strip().lower())
    return "".join(c for c in name if c.isalnum())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "linimasa"))
    ap.add_argument("--lang", default="id")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    lists = tomllib.loads((ROOT / "resources" / args.lang / "names.toml").read_text(encoding="utf-8"))
    titles = lists.get("titles", {})
    title_words = {w.lower() for key in ("words", "roles", "courtesy", "nouns") for w in titles.get(key, [])}
    casing, given = {}, set()
    for line in (ROOT / "resources" / args.lang / "word-classes.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            casing[parts[0]] = parts[1] if len(parts) > 1 else "-"
    names_file = ROOT / "resources" / args.lang / "person-names.tsv"
    if names_file.exists():
        for line in names_file.read_text(encoding="utf-8").splitlines():
            word, _, kind = line.partition("\t")
            if kind in ("given", "both"):
                given.add(word)
    lower_case = lambda w: casing.get(w.lower()) in ("low", "mixed") and w.lower() not in given

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "audit.db")
        run(args.bin, db, "import", *args.files)
        actors = list(csv.DictReader(io.StringIO(run(args.bin, db, "actors", "--format", "csv"))))
        places = list(csv.DictReader(io.StringIO(run(args.bin, db, "places", "--format", "csv"))))
        publishers = {squash(p) for (p,) in sqlite3.connect(db).execute(
            "SELECT DISTINCT publisher FROM article WHERE publisher IS NOT NULL")}

    persons = [a for a in actors if a["kind"] == "person"]
    opening = [a["name"] for a in persons
               if " " in a["name"] and (a["name"].split()[0].lower() in title_words
                                        or re.fullmatch(r"[A-Z]{2,}", a["name"].split()[0])
                                        or lower_case(a["name"].split()[0]))]
    inside = [a["name"] for a in persons
              if any(w[:1].islower() and w not in PARTICLES and casing.get(w) == "low"
                     for w in a["name"].split()[1:])]
    outlets = [a["name"] for a in actors
               if any(len(p) >= 3 and (squash(a["name"]).startswith(p) or p.startswith(squash(a["name"])))
                      and len(squash(a["name"])) >= 3 for p in publishers)]
    unplaced = [p["name"] for p in places if not p["lat"]]
    print(f"actors {len(actors)} (persons {len(persons)}, organisations "
          f"{sum(a['kind'] == 'organisation' for a in actors)}, countries {sum(a['kind'] == 'country' for a in actors)})")
    print(f"persons opening with a title, role, acronym or lower-case word: {len(opening)}")
    print(f"persons with a lower-case word inside: {len(inside)}")
    print(f"actors named like a publisher: {len(outlets)} "
          f"({sum(int(a['events']) for a in actors if a['name'] in outlets)} events)")
    print(f"places {len(places)}, without coordinates {len(unplaced)} "
          f"({sum(int(p['events']) for p in places if not p['lat'])} events; "
          f"{sum(1 for p in places if not p['lat'] and p['country'])} of them with a country)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

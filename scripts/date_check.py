#!/usr/bin/env python3
"""Checks publication dates of a news archive in one JSONL file, for BENCHMARKS.md.

IndoSum's JSONL has no date field; about half of its `source_url`s carry one (`/2017/03/27/` or
CNN Indonesia's compact `/20170327...`). This hides the URL date of every second such article (its
URL becomes https://example.com/<id>), imports the file into a fresh workspace, and compares the
date Linimasa gives each hidden article with the one its URL had, by the method that dated it.
It also prints the years of the whole file imported as it is.

Usage: python3 scripts/date_check.py [--bin target/release/linimasa] ../shared/eval/indosum/dev.01.jsonl
"""
import argparse
import collections
import datetime
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The URL date forms src/time/article_date.rs reads.
URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|$)|/((?:19|20)\d\d)(\d\d)(\d\d)(?:\d{4,6})?(?:[-/_]|$)")


def imported(binary: str, jsonl: Path, db: Path) -> dict:
    subprocess.run([binary, "--db", str(db), "import", str(jsonl)], check=True, capture_output=True)
    rows = sqlite3.connect(db).execute("SELECT url, pub_date, pub_method FROM article")
    return {url: (date, method) for url, date, method in rows}


def bucket(days: int) -> str:
    days = abs(days)
    for limit, name in ((0, "same day"), (3, "within 3 days"), (31, "within a month"), (366, "within a year")):
        if days <= limit:
            return name
    return "over a year"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "linimasa"))
    ap.add_argument("file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        whole = imported(args.bin, Path(args.file), tmp / "whole.db")
        years = collections.Counter(date[:4] for date, _ in whole.values() if date)
        print("years of the file as it is:", dict(sorted(years.items())))
        hidden, seen = {}, 0
        with open(args.file, encoding="utf-8") as src, open(tmp / "half.jsonl", "w", encoding="utf-8") as out:
            for line in src:
                article = json.loads(line)
                m = URL_DATE.search(article.get("source_url", ""))
                if m:
                    seen += 1
                    if seen % 2 == 0:
                        y, mo, d = [int(g) for g in m.groups() if g][:3]
                        url = "https://example.com/" + article["id"]
                        hidden[url] = datetime.date(y, mo, d)
                        article["source_url"] = url
                out.write(json.dumps(article) + "\n")
        dated = imported(args.bin, tmp / "half.jsonl", tmp / "half.db")
    table = collections.defaultdict(collections.Counter)
    for url, truth in hidden.items():
        date, method = dated.get(url, (None, None))
        table[method or "undated"][bucket((datetime.date.fromisoformat(date) - truth).days) if date else "undated"] += 1
    print(f"{len(hidden)} articles with their URL date hidden, by the method that dated them:")
    for method, counts in sorted(table.items()):
        print(f"  {method} ({sum(counts.values())}): {dict(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

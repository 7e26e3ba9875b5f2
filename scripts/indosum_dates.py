#!/usr/bin/env python3
"""Scores the publication dates a workspace gave IndoSum's articles, by the method that found them
(BENCHMARKS.md, "Publication dates").

IndoSum has no date field; each article's `id` starts with a Unix time that is 1-4 days after the
date in its URL where both exist, so that time (in UTC+7) minus one day is the reference here.

Usage:
  target/release/linimasa --db /tmp/w.db import ../shared/eval/indosum/dev.01.jsonl
  python3 scripts/indosum_dates.py /tmp/w.db ../shared/eval/indosum/dev.01.jsonl
"""
import datetime
import json
import sqlite3
import statistics
import sys


def main(db_path, jsonl_path):
    ids = [json.loads(line)["id"] for line in open(jsonl_path, encoding="utf-8")]
    db = sqlite3.connect(db_path)
    errors = {}
    for source, published, method in db.execute("select source, pub_date, pub_method from article"):
        if published is None or "#" not in source:
            continue
        article_id = ids[int(source.rsplit("#", 1)[1]) - 1]  # sources count lines from 1
        stamp = datetime.datetime.fromtimestamp(int(article_id.split("-")[0]), datetime.timezone.utc)
        reference = (stamp + datetime.timedelta(hours=7)).date() - datetime.timedelta(days=1)
        error = abs((datetime.date.fromisoformat(published) - reference).days)
        errors.setdefault(method, []).append(error)
    print("method\tarticles\tmedian error (days)\twithin 3 days\twithin 31 days")
    for method, e in sorted(errors.items(), key=lambda kv: -len(kv[1])):
        print(f"{method}\t{len(e)}\t{statistics.median(e)}\t{sum(x <= 3 for x in e)}\t{sum(x <= 31 for x in e)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

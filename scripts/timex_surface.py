#!/usr/bin/env python3
"""Counts, in gold TimeML, how often words are annotated and with which kind of value: the TBAQ
counts BENCHMARKS.md cites for the seventeenth session ("a year ago" as a quarter 30 times of
48, "so far" annotated 0 times of 13, "now" 59 of 85, "recent years" PAST_REF or PXY).

For a case-insensitive regular expression SURFACE it prints how many times the words occur in the
documents' text, how many of those are exactly a gold TIMEX3, and the shapes of their values
(a digit becomes 9: `1988-Q3` is `9999-Q9`).

Usage: python3 scripts/timex_surface.py SURFACE DIR...
  python3 scripts/timex_surface.py "a year (ago|earlier)" /tmp/tbaq/TimeBank /tmp/tbaq/AQUAINT
"""
import collections
import pathlib
import re
import sys


def main(surface, paths):
    whole = re.compile(rf"\b(?:{surface})\b", re.I)
    timex = re.compile(r'<TIMEX3[^>]*value="([^"]*)"[^>]*>([^<]*)</TIMEX3>')
    occurrences, annotated, shapes = 0, 0, collections.Counter()
    for f in sorted(p for d in paths for p in pathlib.Path(d).glob("*.tml")):
        text = re.search(r"<TEXT>(.*)</TEXT>", f.read_text(), re.S)
        if not text:
            continue
        occurrences += len(whole.findall(re.sub(r"<[^>]+>", "", text.group(1))))
        for value, words in timex.findall(text.group(1)):
            if whole.fullmatch(words.strip()):
                annotated += 1
                shapes[re.sub(r"\d", "9", value)] += 1
    print(f"{occurrences} occurrences, {annotated} annotated as a whole TIMEX3")
    for shape, n in shapes.most_common():
        print(f"  {n}\t{shape}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])

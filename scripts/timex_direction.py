#!/usr/bin/env python3
"""Counts, in gold TimeML, which way a month written without a year lies from the document's
creation date, by the words before it; the numbers behind `deadline_cues` and the clause-wide
future cue of `resources/en/time.toml` (BENCHMARKS.md, sixteenth session).

For every gold TIMEX3 whose text starts with a month name, has no four-digit year and whose value
is a month or a day, it prints how often that value lies before, in or after the creation date:
- by the word right before the expression ("by", "effective", "in", ...);
- by the nearest cue back to the start of its clause (a comma or a sentence's end): a past-tense
  verb (`past_cues`), a future word within six words or further (`future_cues`), or none.
The same cue count follows for bare weekdays ("Tuesday"), back to the sentence's end.

Usage: python3 scripts/timex_direction.py /tmp/tbaq/TimeBank /tmp/tbaq/AQUAINT
"""
import collections
import pathlib
import re
import sys
import tomllib

MONTH = re.compile(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
WEEKDAY = re.compile(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")
TIMEX = re.compile(r'<TIMEX3[^>]*value="(\d{4}-\d\d(?:-\d\d)?)"[^>]*>([^<]*)</TIMEX3>')


def side(value, dct):
    """'past', 'same' or 'future': the value against the creation date, at the value's grain."""
    a, b = value, dct[: len(value)]
    return "future" if a > b else "past" if a < b else "same"


def main(paths):
    settings = tomllib.loads(
        (pathlib.Path(__file__).parent.parent / "resources/en/time.toml").read_text()
    )["settings"]
    future, past = set(settings["future_cues"]), set(settings["past_cues"])
    by_word = collections.Counter()
    by_cue = collections.Counter()
    weekdays = collections.Counter()

    def nearest_cue(stretch):
        for i, w in enumerate(reversed(re.findall(r"[a-z']+", stretch))):
            if w in past:
                return "past-tense verb"
            if w in future:
                return "future word, within 6" if i < 6 else "future word, further"
        return "none"

    files = [f for p in paths for f in sorted(pathlib.Path(p).glob("*.tml"))]
    for f in files:
        xml = f.read_text()
        dct = re.search(r'<DCT>.*?value="(\d{4}-\d\d-\d\d)', xml, re.S)
        text = re.search(r"<TEXT>(.*)</TEXT>", xml, re.S)
        if not dct or not text:
            continue
        body = re.sub(r"<(?!/?TIMEX3)[^>]+>", "", text.group(1))
        for t in TIMEX.finditer(body):
            value, surface = t.group(1), t.group(2)
            where = side(value, dct.group(1))
            before = re.sub(r"<[^>]+>", "", body[: t.start()]).lower()
            if WEEKDAY.match(surface) and len(value) == 10:
                weekdays[(nearest_cue(re.split(r"[.!?]\s", before)[-1]), where)] += 1
                continue
            if not MONTH.match(surface) or re.search(r"\d{4}", surface):
                continue
            words = re.findall(r"[a-z']+", before)
            by_word[(words[-1] if words else "", where)] += 1
            by_cue[(nearest_cue(re.split(r"[.!?,;:]\s", before)[-1]), where)] += 1
    print(f"{len(files)} files")
    print("word before\tpast\tsame\tfuture")
    words = sorted({w for w, _ in by_word}, key=lambda w: -sum(by_word[(w, s)] for s in ("past", "same", "future")))
    for w in words[:15]:
        print(f"{w}\t" + "\t".join(str(by_word[(w, s)]) for s in ("past", "same", "future")))
    cues = ("past-tense verb", "future word, within 6", "future word, further", "none")
    for title, counts in (("months: nearest cue in the clause", by_cue), ("weekdays: nearest cue in the sentence", weekdays)):
        print(f"\n{title}\tpast\tsame\tfuture")
        for cue in cues:
            print(f"{cue}\t" + "\t".join(str(counts[(cue, s)]) for s in ("past", "same", "future")))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])

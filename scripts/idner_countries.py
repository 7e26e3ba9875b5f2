#!/usr/bin/env python3
"""Writes corpora/id/idner-news-2k/{train,dev}.countries.txt: IDNer-news-2k's train and dev splits
(as published, beside them) with every untagged country name tagged LOC.

Why: IDNer leaves many country names untagged where they act or modify a noun ("serangan udara
Israel", "Menteri Imigrasi Australia", "pasukan Iran": 28 of its 37 "Israel" are untagged),
while NERGrit, NERP, IndoLEM and CoNLL tag every country, and the app needs a minister's or an
army's country as the actor. Trained on the original tags, the model learnt to drop countries
after a noun ("Pasukan Rusia" became one organisation, "Menteri Pertahanan Moskow" lost Moscow).
A country here is a name or Indonesian alias of a `country` row of resources/gazetteer/places.tsv
(not the English-only "~" ones), one to three words, capitalised, every word untagged, not
glued to a neighbouring name and not after "bahasa" (the language). Only the tag column changes;
tokens, parts of speech, sentence breaks and CRLF line ends stay as published.

Usage: python3 scripts/idner_countries.py   (prints how many names it tagged, per split)
"""
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "id" / "idner-news-2k"
LONGEST = 3


def countries():
    names = set()
    for line in open(ROOT / "resources" / "gazetteer" / "places.tsv", encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if line.startswith("#") or fields[0] != "country":
            continue
        aliases = fields[6].split("|") if len(fields) > 6 and fields[6] else []
        for name in [fields[1], *aliases]:
            if not name.startswith("~"):
                names.add(tuple(name.split()))
    return names


def tag_countries(lines, names, tagged):
    """`lines` is one sentence: lists of columns, the tag last. Tags its untagged countries."""
    words = [cols[0] for cols in lines]
    tags = [cols[-1] for cols in lines]
    i = 0
    while i < len(words):
        for n in range(LONGEST, 0, -1):
            span = tuple(words[i:i + n])
            if len(span) < n or span not in names or not span[0][:1].isupper():
                continue
            if any(t != "O" for t in tags[i:i + n]):
                continue
            glued = (i > 0 and tags[i - 1] != "O") or (i + n < len(tags) and tags[i + n].startswith("I-"))
            if glued or (i > 0 and words[i - 1].lower() == "bahasa"):
                break
            tags[i:i + n] = ["B-LOC"] + ["I-LOC"] * (n - 1)
            tagged[" ".join(span)] += 1
            i += n - 1
            break
        i += 1
    for cols, tag in zip(lines, tags):
        cols[-1] = tag


def convert(split, names):
    raw = (CORPUS / f"{split}.txt").read_bytes().decode("utf-8")
    out, sentence, tagged = [], [], Counter()

    def flush():
        tag_countries(sentence, names, tagged)
        out.extend(" ".join(cols) + "\r\n" for cols in sentence)
        sentence.clear()

    for line in raw.split("\r\n"):
        if line.strip():
            sentence.append(line.split(" "))
        else:
            if sentence:
                flush()
            out.append(line + "\r\n")
    if sentence:
        flush()
    text = "".join(out)
    # split() leaves one empty piece after the last CRLF: drop the CRLF that adds.
    text = text[:-2] if raw.endswith("\r\n") else text
    (CORPUS / f"{split}.countries.txt").write_bytes(text.encode("utf-8"))
    print(f"{split}: {sum(tagged.values())} country names tagged LOC; most often {tagged.most_common(8)}")


def main():
    names = countries()
    for split in ("train", "dev"):
        convert(split, names)


if __name__ == "__main__":
    main()

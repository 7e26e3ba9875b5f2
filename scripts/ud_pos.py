#!/usr/bin/env python3
"""Universal Dependencies CoNLL-U → the word / UPOS files the part-of-speech tagger trains on.

    python3 scripts/ud_pos.py IN.conllu OUT.tsv

One `word<TAB>UPOS` line per word, a blank line between sentences, the words as Linimasa's
tokenizer (src/names/tokenize.rs) cuts running text:
- a multiword token ("didn't", "company's") is one word with its first part's tag (AUX, NOUN);
- words joined by a hyphen with no space ("EADS - led" written "EADS-led") are one word with the
  last part's tag.
Everything else (lemmas, features, the tree) is dropped.
"""
import sys


def sentences(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield rows
                rows = []
                continue
            if line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    if rows:
        yield rows


def words(rows):
    """(form, upos, space_after) per surface token."""
    out = []
    skip_until = 0
    for c in rows:
        ident = c[0]
        if "." in ident:
            continue  # empty nodes of the enhanced graph
        if "-" in ident:
            first, last = (int(x) for x in ident.split("-"))
            upos = next(r[3] for r in rows if r[0] == str(first))
            out.append([c[1], upos, "SpaceAfter=No" not in c[9]])
            skip_until = last
            continue
        if int(ident) <= skip_until:
            continue
        out.append([c[1], c[3], "SpaceAfter=No" not in c[9]])
    merged = []
    i = 0
    while i < len(out):
        form, upos, space = out[i]
        # word-word (no spaces around the hyphen) → one word, tagged as its last part
        while (
            not space
            and i + 2 < len(out)
            and out[i + 1][0] == "-"
            and not out[i + 1][2]
            and out[i + 2][0][:1].isalnum()
            and form[-1:].isalnum()
        ):
            form += "-" + out[i + 2][0]
            upos = out[i + 2][1]
            space = out[i + 2][2]
            i += 2
        merged.append((form, upos))
        i += 1
    return merged


def main():
    src, dst = sys.argv[1], sys.argv[2]
    n = 0
    with open(dst, "w", encoding="utf-8") as out:
        for rows in sentences(src):
            ws = words(rows)
            if not ws:
                continue
            for form, upos in ws:
                out.write(f"{form}\t{upos}\n")
            out.write("\n")
            n += 1
    print(f"{dst}: {n} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()

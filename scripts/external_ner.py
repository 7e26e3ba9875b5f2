#!/usr/bin/env python3
"""Prepares outside NER test sets for `linimasa eval names`, from copies fetched by the reader
(never committed: see BENCHMARKS.md for their sources and licences).

UNER English-PUD (github.com/UniversalNER/UNER_English-PUD, en_pud-ud-test.iob2): columns
index, token, label; "# newdoc" lines become -DOCSTART-; written whole (pud.txt) and split into
its news (document ids n...) and Wikipedia (w...) halves. IndoLEM NER-UI and NER-UGM
(github.com/indolem/indolem, ner/data/nerui/nergithub.txt, ner/data/nerugm/nerugm.txt) are
token-per-line already and need no conversion.

Usage: python3 scripts/external_ner.py PATH/en_pud-ud-test.iob2 OUTDIR
       target/release/linimasa eval names --lang en OUTDIR/pud_n.txt   (pud_w.txt, pud.txt)
"""
import sys
from pathlib import Path


def main() -> int:
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    parts = {"": [], "n": [], "w": []}
    half = "n"
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            half = line.split("= ", 1)[1][:1]
            for key in ("", half):
                parts[key].append("-DOCSTART- O\n\n")
        elif line.startswith("#"):
            continue
        else:
            row = "\n" if not line.strip() else "{}\t{}\n".format(*line.split("\t")[1:3])
            for key in ("", half):
                parts[key].append(row)
    for key, rows in parts.items():
        (out / f"pud{'_' + key if key else ''}.txt").write_text("".join(rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

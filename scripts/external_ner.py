#!/usr/bin/env python3
"""Prepares outside NER test sets for `linimasa eval names`, from copies fetched by the reader
(never committed: see BENCHMARKS.md for their sources and licences).

UNER files (Universal NER; columns index, token, label; "# newdoc" lines become -DOCSTART-):
- English-PUD (github.com/UniversalNER/UNER_English-PUD, en_pud-ud-test.iob2): written whole
  (pud.txt) and split into its news (document ids n...) and Wikipedia (w...) halves (pud_n.txt,
  pud_w.txt).
- English-EWT (github.com/UniversalNER/UNER_English-EWT, en_ewt-ud-{train,dev,test}.iob2; the
  train file at commit 0c7ce0d): written as ewt_train.txt, ewt_dev.txt, ewt_test.txt.
IndoLEM NER-UI and NER-UGM (github.com/indolem/indolem, ner/data/nerui/nergithub.txt,
ner/data/nerugm/nerugm.txt) are token-per-line already and need no conversion.

Usage: python3 scripts/external_ner.py OUTDIR FILE.iob2...
       target/release/linimasa eval names --lang en OUTDIR/pud_n.txt   (pud_w.txt, ewt_dev.txt...)
"""
import sys
from pathlib import Path


def convert(source):
    """Documents of token-per-line rows, as (document id, rows)."""
    docs = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            docs.append((line.split("= ", 1)[1], ["-DOCSTART- O\n\n"]))
        elif line.startswith("#"):
            continue
        else:
            if not docs:
                docs.append(("", []))
            row = "\n" if not line.strip() else "{}\t{}\n".format(*line.split("\t")[1:3])
            docs[-1][1].append(row)
    return docs


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for source in map(Path, sys.argv[2:]):
        docs = convert(source)
        if "_pud-" in source.name:
            parts = {"pud": docs}
            for half in ("n", "w"):
                parts[f"pud_{half}"] = [d for d in docs if d[0].startswith(half)]
        else:
            # en_ewt-ud-dev.iob2 -> ewt_dev
            corpus = source.name.split("_")[1].split("-")[0]
            split = source.stem.rsplit("-", 1)[1]
            parts = {f"{corpus}_{split}": docs}
        for name, chosen in parts.items():
            (out / f"{name}.txt").write_text("".join(r for _, rows in chosen for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

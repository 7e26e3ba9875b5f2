#!/usr/bin/env python3
"""Prepares outside NER test sets for `linimasa eval names`, from copies fetched by the reader
(never committed: see BENCHMARKS.md for their sources and licences).

UNER files (Universal NER; columns index, token, label; "# newdoc" lines become -DOCSTART-):
- English-PUD (github.com/UniversalNER/UNER_English-PUD, en_pud-ud-test.iob2): written whole
  (pud.txt) and split into its news (document ids n...) and Wikipedia (w...) halves (pud_n.txt,
  pud_w.txt).
- English-EWT (github.com/UniversalNER/UNER_English-EWT, en_ewt-ud-{train,dev,test}.iob2; the
  train file at commit 0c7ce0d): written as ewt_train.txt, ewt_dev.txt, ewt_test.txt.
CoNLL-2003 English (Reuters text, which may not be redistributed: read locally only):
- its dev split as github.com/sunnypwang/CRF_demo keeps it (eng.testa.openNLP: the original
  NER column, part-of-speech re-tagged, -DOCSTART- lines kept): written as conll_dev.txt;
- its train split as github.com/tm4roon/bilstm-crf keeps it (conll2003/train.txt: one sentence
  per line, tokens as word###tag, no document boundaries): written as conll_train.txt, split
  into documents before each headline, found as the line before a dateline ("BRUSSELS
  1996-08-22"; before a byline too), which the rules need (they read a document as a whole).
IndoLEM NER-UI and NER-UGM (github.com/indolem/indolem, ner/data/nerui/nergithub.txt,
ner/data/nerugm/nerugm.txt) are token-per-line already and need no conversion.

Usage: python3 scripts/external_ner.py OUTDIR FILE.iob2... [eng.testa.openNLP] [train.txt]
       target/release/linimasa eval names --lang en OUTDIR/pud_n.txt   (pud_w.txt, ewt_dev.txt...)
"""
import re
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


def conll_dev(source):
    """CoNLL-2003 rows "word POS chunk NER" as "word NER", documents kept."""
    rows = []
    for line in source.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        rows.append("\n" if not cols else f"{cols[0]} {cols[-1]}\n")
    return rows


def conll_train(source):
    """CoNLL-2003 sentences of word###tag tokens, split into documents at their headlines."""
    sentences = [[t.rsplit("###", 1) for t in line.split()] for line in source.read_text(encoding="utf-8").splitlines()]
    sentences = [s for s in sentences if s]
    date = re.compile(r"^\d{4}-\d\d-\d\d$")
    starts = set()
    for i, sentence in enumerate(sentences):
        if len(sentence) <= 8 and date.match(sentence[-1][0]):
            j = i - 1
            # A byline (a person's name alone) between the headline and the dateline.
            if j >= 1 and len(sentences[j]) <= 4 and all(t.endswith("PER") for _, t in sentences[j]):
                j -= 1
            starts.add(max(j, 0))
    rows = []
    for i, sentence in enumerate(sentences):
        if i in starts:
            rows.append("-DOCSTART- -X- O O\n\n")
        rows.extend(f"{w} {t}\n" for w, t in sentence)
        rows.append("\n")
    return rows


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for source in map(Path, sys.argv[2:]):
        if source.name.startswith("eng.testa"):
            (out / "conll_dev.txt").write_text("".join(conll_dev(source)), encoding="utf-8")
            continue
        if "###" in source.read_text(encoding="utf-8")[:1000]:
            (out / "conll_train.txt").write_text("".join(conll_train(source)), encoding="utf-8")
            continue
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

#!/usr/bin/env python3
"""Cross-validation of the Indonesian names model: NERGrit and NERP (train + valid splits) and
IDNer-news-2k (train + dev, in corpora/id/) are cut into K folds by sentence number; K models are
trained (`linimasa train names`, each on the other folds of the three corpora) and each scores its
held-out fold (`linimasa eval names`); the entity counts are pooled per corpus. About 9,800
sentences are scored instead of the 1,416 of the valid and dev splits, so a change of half a point
is visible (the valid splits alone move a point by chance).

Usage: cargo build --release; python3 scripts/names_cv.py [SEED [K]]
       (EPOCHS=N, RUNS=N: `train names --epochs/--runs`; RUNS=1 is five times faster;
       LINIMASA_BIN=PATH: the binary to run;
       EXTRA="name=FILE,FILE;name=FILE": more corpora, folded and scored like these;
       IDNER=published: IDNer's tags as published instead of its countries tagged (what the
       shipped model learns from); IDNER=none: NERGrit and NERP only)
Prints: nergrit F1 nerp F1 idner F1 [name F1 ...]
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
E_ = ROOT.parent / "shared" / "eval"
# LINIMASA_BIN: a copy of the binary, so that building while the folds run does not change it.
BIN = Path(os.environ.get("LINIMASA_BIN", ROOT / "target" / "release" / "linimasa"))
CORPORA = ("nergrit", "nerp")


def read(path):
    """Sentences as lists of lines, as the CoNLL file has them."""
    out, current = [], []
    for line in open(path, encoding="utf-8"):
        if line.strip():
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def write(path, sentences):
    with open(path, "w", encoding="utf-8") as f:
        for sentence in sentences:
            f.write("".join(sentence) + "\n")


def main():
    seed = sys.argv[1] if len(sys.argv) > 1 else "17"
    folds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    epochs = os.environ.get("EPOCHS", "20")
    runs = os.environ.get("RUNS", "5")
    corpora = {
        c: read(E_ / f"indonlu_{c}" / "train_preprocess.txt") + read(E_ / f"indonlu_{c}" / "valid_preprocess.txt")
        for c in CORPORA
    }
    idner = ROOT / "corpora" / "id" / "idner-news-2k"
    # IDNER=published folds IDNer in with its tags as published, IDNER=none leaves it out.
    variant = os.environ.get("IDNER", "countries")
    if variant != "none":
        suffix = ".countries.txt" if variant == "countries" else ".txt"
        corpora["idner"] = read(idner / f"train{suffix}") + read(idner / f"dev{suffix}")
    for extra in filter(None, os.environ.get("EXTRA", "").split(";")):
        name, files = extra.split("=", 1)
        corpora[name] = [s for f in files.split(",") for s in read(f)]
    counts = {c: {"gold": 0, "predicted": 0, "correct": 0} for c in corpora}
    work = Path(tempfile.mkdtemp(prefix="names-cv-"))
    for k in range(folds):
        for c, sentences in corpora.items():
            write(work / f"{c}-train.txt", [s for i, s in enumerate(sentences) if i % folds != k])
            write(work / f"{c}-test.txt", [s for i, s in enumerate(sentences) if i % folds == k])
        model = work / "fold.model"
        train = [work / f"{c}-train.txt" for c in corpora]
        subprocess.run([BIN, "train", "names", *train, "--out", model, "--epochs", epochs, "--seed", seed,
                        "--runs", runs],
                       check=True, capture_output=True)
        for c in corpora:
            scored = subprocess.run(
                [BIN, "eval", "names", "--lang", "id", "--model", model, "--format", "json", work / f"{c}-test.txt"],
                check=True, capture_output=True, text=True).stdout
            result = json.loads(scored)
            for key in counts[c]:
                counts[c][key] += result[key]
    scores = []
    for c, n in counts.items():
        precision, recall = n["correct"] / n["predicted"], n["correct"] / n["gold"]
        scores.append(f"{c} {2 * precision * recall / (precision + recall):.4f}")
    print(" ".join(scores))


if __name__ == "__main__":
    main()

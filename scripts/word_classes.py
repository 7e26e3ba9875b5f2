#!/usr/bin/env python3
"""Generates resources/<lang>/word-classes.tsv: what a language's names tagger knows about a word
beyond the labelled data — whether it is an ordinary word of the language, and how news text
capitalises it. Both matter most for text that lost its capitals (NERP is all lower case):
"jakarta" is written "Jakarta" in news, "kata" never is.

Columns: the word in lower case, its casing in running text ("cap": capitalised in at least 80 %
of its occurrences after a sentence's first word, "low": in at most 20 %, "mixed" otherwise, "-"
when seen fewer than MIN_SEEN times), and "root" when it is a word of the language's dictionary
("-" otherwise). Lines starting "#!" tell the tagger the language's derivational affixes, so a
derived word of a root counts as a word of the language ("menyatakan" ← "nyata").

Sources (attribution in README.md, "Data and licences"):
- id: root words from the `Sastrawi` Python package's `kata-dasar.txt` (MIT); casing from IndoSum
  (Kurniawan & Louvan 2018, CC BY-SA 4.0), the dev fold in ../shared/eval/indosum, and from the
  kumparan news sentences of the `nlp-id` package's POS data (`nlp_id/data/dataset_postag.txt`,
  kumparan.com, MIT) when its wheel is given; the derived table is under CC BY-SA 4.0.
- en: dictionary words from SCOWL (Debian `wamerican`, /usr/share/dict/american-english; Kevin
  Atkinson's permissive licence); casing from the ECB+ news texts (Cybulska & Vossen 2014,
  CC BY 3.0) in ../shared/eval/ecbplus, and, for words too rare there, SCOWL's own spelling
  (an entry written only with a capital, "London", is "cap"); the table is under CC BY 3.0.

Usage: pip install Sastrawi; pip download nlp-id==0.1.23.0 --no-deps -d /tmp/nlpid
       python3 scripts/word_classes.py id [INDOSUM_JSONL [NLP_ID_WHEEL]]
       apt-get install wamerican; python3 scripts/word_classes.py en [ECBPLUS_DIR]
"""
import html
import json
import re
import sys
import zipfile
from itertools import chain
from collections import Counter
from importlib import resources
from pathlib import Path

MIN_SEEN = 2
ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

# Indonesian derivational affixes, longest first within each group (nasal prefixes drop the
# root's first consonant; the tagger tries t, p, k and s back).
ID_AFFIXES = [
    "#! prefixes meng meny mem men me peng peny pem pen pe ber be ter di ke se",
    "#! suffixes kan an i nya lah kah",
]
EN_DICTIONARY = Path("/usr/share/dict/american-english")


def count(sentences, headlines=False):
    """Capitalised and lower-case occurrences of each word after a sentence's first word.
    `headlines`: the text has headlines among its sentences (ECB+; IndoSum's paragraphs have
    none), and a sentence in title case is skipped — it capitalises ordinary words."""
    upper, lower = Counter(), Counter()
    for sentence in sentences:
        words = [w for w in sentence if sum(c.isalpha() for c in w) >= 2]
        if headlines and len(words) >= 4 and sum(w[:1].isupper() for w in words) * 10 >= len(words) * 7:
            continue
        # The first word is capitalised by the sentence, not by being a name; so is a word
        # after an opening quote.
        for prev, word in zip(sentence, sentence[1:]):
            if not word[:1].isalpha() or prev in ('"', "``", "'", "(", ":", "-"):
                continue
            (upper if word[:1].isupper() else lower)[word.lower()] += 1
    return upper, lower


def indosum_sentences(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            for paragraph in json.loads(line)["paragraphs"]:
                yield from paragraph


def nlp_id_sentences(wheel):
    """The tokens of nlp-id's POS data: one `word<TAB>tag` per line, sentences apart by blank lines."""
    with zipfile.ZipFile(wheel) as z:
        text = z.read("nlp_id/data/dataset_postag.txt").decode("utf-8")
    sentence = []
    for line in text.split("\n"):
        word = line.split("\t")[0].strip()
        if word:
            sentence.append(word)
        elif sentence:
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def ecb_sentences(folder):
    token = re.compile(r'<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>')
    for path in sorted(Path(folder).glob("*/*.xml")):
        current, words = None, []
        for sentence, word in token.findall(path.read_text(encoding="utf-8")):
            if sentence != current and words:
                yield words
                words = []
            current = sentence
            words.append(html.unescape(word))
        if words:
            yield words


def sastrawi_roots():
    text = resources.files("Sastrawi.Stemmer.data").joinpath("kata-dasar.txt").read_text("utf-8")
    return {w.strip().lower() for w in text.split() if w.strip()}, {}


def scowl_words():
    """Dictionary words in lower case, and the casing of entries written only capitalised."""
    entries = [w.strip() for w in EN_DICTIONARY.read_text(encoding="utf-8").split("\n")]
    entries = [w for w in entries if w and "'" not in w]
    lower = {w for w in entries if w[:1].islower()}
    capital_only = {w.lower(): "cap" for w in entries if w[:1].isupper() and w.lower() not in lower}
    return lower, capital_only


def main():
    lang = sys.argv[1] if len(sys.argv) > 1 else "id"
    if lang == "id":
        source = Path(sys.argv[2]) if len(sys.argv) > 2 else EVAL / "indosum" / "dev.01.jsonl"
        roots, fallback = sastrawi_roots()
        text = indosum_sentences(source)
        if len(sys.argv) > 3:
            text = chain(text, nlp_id_sentences(sys.argv[3]))
        upper, lower = count(text)
        header = [
            "# Generated by scripts/word_classes.py: word, casing in IndoSum and kumparan news,",
            "# Sastrawi root word. Root words: Sastrawi (MIT). Casing: IndoSum (Kurniawan & Louvan",
            "# 2018), CC BY-SA 4.0, and nlp-id's kumparan sentences (kumparan.com, MIT);",
            "# this table is under CC BY-SA 4.0.",
        ] + ID_AFFIXES
    elif lang == "en":
        source = Path(sys.argv[2]) if len(sys.argv) > 2 else EVAL / "ecbplus"
        roots, fallback = scowl_words()
        upper, lower = count(ecb_sentences(source), headlines=True)
        header = [
            "# Generated by scripts/word_classes.py: word, casing in ECB+ news (else SCOWL's spelling),",
            "# SCOWL dictionary word. SCOWL: Copyright 2000-2011 by Kevin Atkinson (permission to use,",
            "# copy, modify, distribute and sell with this notice). Casing: ECB+ (Cybulska & Vossen",
            "# 2014), CC BY 3.0; this table is under CC BY 3.0.",
        ]
    else:
        sys.exit(f"unknown language {lang!r}: id or en")
    words = set(roots) | set(fallback) | {w for w in upper | lower if upper[w] + lower[w] >= MIN_SEEN}
    rows = []
    for w in sorted(words):
        if "\t" in w or not w:
            continue
        seen = upper[w] + lower[w]
        if seen >= MIN_SEEN:
            share = upper[w] / seen
            case = "cap" if share >= 0.8 else "low" if share <= 0.2 else "mixed"
        else:
            case = fallback.get(w, "-")
        root = "root" if w in roots else "-"
        rows.append(f"{w}\t{case}\t{root}")
    out = ROOT / "resources" / lang / "word-classes.tsv"
    out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} words")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generates resources/en/given-names.txt, resources/en/surnames.txt and
resources/en/surname-words.txt: given names and surnames
that tell the English names tagger that two or three capitalised words are a person ("Louis
Gallois", "Zurana Horton") rather than a company or a product ("Northrop Grumman", "Music
Store").

Sources (attribution in README.md, "Data and licences"):
- The 1990 US Census name lists (public domain), as shipped in the `names` Python package
  (`dist.male.first`, `dist.female.first`; surnames: the SURNAMES most frequent of
  `dist.all.last` that are not ordinary lower-case words in SCOWL — "Horton", not "Ford").
- First words of person names of two or more words in the NERGrit and NERP training splits
  (IndoNLU, Apache-2.0): names from outside the US ("Joko", "Vladimir"). (Not ECB+: it is the
  English rules' development set.)
A candidate that is an English function word or a title is left out ("The", "Mr"), and so is a
word from the corpora that is an ordinary lower-case word in SCOWL (Debian `wamerican`: "New" of
"New Orleans Saints", "Doctor"), the first word of three or more gazetteer places ("San") or a
place's name that opens more places and organisations than persons in the corpora
("Manchester" of "Manchester United").

Usage: pip download names faker --no-deps; python3 scripts/given_names.py NAMES_SDIST FAKER_WHEEL [EVAL_DIR]
"""
import ast
import re
import sys
import tarfile
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "en" / "given-names.txt"
SURNAMES_OUT = ROOT / "resources" / "en" / "surnames.txt"
WORD_SURNAMES_OUT = ROOT / "resources" / "en" / "surname-words.txt"
SURNAMES = 20_000
DICTIONARY = Path("/usr/share/dict/american-english")


def census(sdist):
    names = set()
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            if member.name.endswith((".male.first", ".female.first")):
                for line in tar.extractfile(member).read().decode("ascii").splitlines():
                    if line.strip():
                        names.add(line.split()[0].capitalize())
    return names


def conll_first_names(path):
    """First words of person names of two or more words, with counts, and first words of other
    names (places, organisations) with counts."""
    names = Counter()
    others = Counter()
    previous = "O"
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        label = cols[-1] if len(cols) >= 2 else "O"
        if label in ("I-PERSON", "I-PPL") and previous[0] == "B":
            names[first.capitalize()] += 1
        if label in ("B-PERSON", "B-PPL"):
            first = cols[0]
        elif label.startswith("B-"):
            others[cols[0].capitalize()] += 1
        previous = label
    return names, others


CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ", ["a","b","v","g","d","e","yo","zh","z","i","y","k","l","m","n","o","p","r","s","t","u","f","kh","ts","ch","sh","shch","","y","","e","yu","ya","i","yi","ye","g"]))
def translit(w):
    """A plain transliteration of a Cyrillic name, as English news writes most of them."""
    out = "".join(CYR.get(c, c) for c in w.lower())
    return out.capitalize()
def faker_names(wheel):
    """Given names and surnames of every locale of the Faker package (MIT): Latin-script ones as
    they are, Cyrillic ones transliterated ("Олег" -> "Oleg")."""
    first, last = set(), set()
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            m = re.match(r"faker/providers/person/([^/]+)/__init__\.py$", name)
            if not m: continue
            tree = ast.parse(z.read(name).decode("utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Assign) or len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name): continue
                target = node.targets[0].id
                kind = first if target.startswith("first_names") else last if target.startswith("last_names") else None
                if kind is None: continue
                value = node.value
                if isinstance(value, ast.Call) and value.args: value = value.args[0]
                try: data = ast.literal_eval(value)
                except Exception: continue
                items = data.keys() if isinstance(data, dict) else [d[0] if isinstance(d, tuple) else d for d in data]
                for w in items:
                    if not isinstance(w, str) or " " in w: continue
                    if re.fullmatch(r"[а-яёіїєґА-ЯЁІЇЄҐ]+", w): w = translit(w)
                    if re.fullmatch(r"[A-Za-zÀ-ɏ'-]+", w) and w[0].isupper() and len(w) > 1:
                        kind.add(w)
    return first, last


def main():
    sdist = Path(sys.argv[1])
    wheel = Path(sys.argv[2])
    evaldir = Path(sys.argv[3]) if len(sys.argv) > 3 else ROOT.parent / "shared" / "eval"
    stop = set((ROOT / "resources" / "en" / "stopwords.txt").read_text().split())
    titles = set(re.findall(r'"([^"]+)"', (ROOT / "resources" / "en" / "names.toml").read_text().split("[titles]")[1].split("[")[0]))
    from_corpora, other_names = Counter(), Counter()
    for corpus in ("indonlu_nergrit", "indonlu_nerp"):
        people, others = conll_first_names(evaldir / corpus / "train_preprocess.txt")
        from_corpora += people
        other_names += others
    words = {w.strip() for w in DICTIONARY.read_text(encoding="utf-8").split("\n") if w[:1].islower()}
    starts = Counter(
        line.split("\t")[1].split(" ")[0]
        for line in (ROOT / "resources" / "gazetteer" / "places.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    )
    places = {
        line.split("\t")[1]
        for line in (ROOT / "resources" / "gazetteer" / "places.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    }
    names = census(sdist) | {
        n for n in from_corpora if n.lower() not in words and starts[n] < 3
        and (n not in places or from_corpora[n] > other_names[n])
    }
    # Faker's names from around the world ("Oleg", "Wladimir"), unless the word is also an
    # ordinary word, a place or a demonym ("Jordan" stays only as a census name).
    demonyms = {
        line.split("\t")[0]
        for line in (ROOT / "resources" / "en" / "demonyms.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    }
    world_first, world_last = faker_names(wheel)
    foreign = lambda n: n.lower() not in words and n not in places and n not in demonyms and starts[n] < 3
    names |= {n for n in world_first if foreign(n)}
    names = sorted(
        n for n in names
        if n.isalpha() and len(n) > 1 and n.lower() not in stop and n not in titles
    )
    write_list(OUT, names, [
        "given names, one per line. 1990 US Census first names",
        "(public domain, via the `names` package); first words of person names in NERGrit/NERP",
        "(IndoNLU, Apache-2.0); first names of the Faker package's locales (MIT).",
    ])
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("dist.all.last"))
        lines = tar.extractfile(member).read().decode("ascii").splitlines()
    census_surnames = [l.split()[0].capitalize() for l in lines[:SURNAMES] if l.strip()]
    surnames = {n for n in census_surnames if n.lower() not in words and n.isalpha()}
    surnames |= {n for n in world_last if foreign(n) and n.isalpha() and len(n) > 2}
    write_list(SURNAMES_OUT, sorted(surnames), [
        "the most frequent surnames of the 1990 US Census",
        "(public domain, via the `names` package) and the last names of the Faker package's",
        "locales (MIT) that are not ordinary English words or places, one per line.",
    ])
    # The frequent surnames that are also ordinary words ("Bush", "Wright", "Dole"): a person's
    # only where the sentence shows one.
    demonym_words = demonyms | {d + "s" for d in demonyms}
    word_surnames = sorted(
        n for n in census_surnames
        if n.lower() in words and n.isalpha() and len(n) > 2
        and n.lower() not in stop and n not in titles and n not in demonym_words
    )
    write_list(WORD_SURNAMES_OUT, word_surnames, [
        "the most frequent surnames of the 1990 US Census",
        "(public domain, via the `names` package) that are also ordinary English words, one per line.",
    ])


def write_list(path, items, header):
    """Writes one item per line under a comment header (its first line names this script)."""
    lines = ["# Generated by scripts/given_names.py: " + header[0]] + ["# " + h for h in header[1:]]
    path.write_text("\n".join(lines) + "\n" + "\n".join(items) + "\n", encoding="utf-8")
    print(f"{path}: {len(items)} entries")

if __name__ == "__main__":
    main()

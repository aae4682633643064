"""Derive the population name-frequency table shipped in ``src/scholarkg/data/names.tsv.gz``.

Run once, offline, whenever the source or the method changes; the build never runs it::

    pip download --no-deps names-dataset==3.3.1 -d /tmp/nd   # then unzip the wheel
    python tools/name_frequencies.py /tmp/nd/names_dataset/v3 src/scholarkg/data/names.tsv.gz \
        --regions src/scholarkg/data/name_regions.tsv.gz

Source: the PyPI package ``names-dataset`` 3.3.1 (Philippe Remy; its LICENSE file is Apache-2.0,
its metadata says MIT: both allow redistribution of derived data with attribution). Its two data
files map ~730k first names and ~980k last names to a rank within each of 105 countries (up to
~20k names a country). The package's README says the names were counted on a 2021 dump of
533M public social-network profiles. What is shipped here is aggregate only: one global
frequency per folded name and one per region of seven (no single country), no gender, nothing
about any person.

Method (an estimate, good to an order of magnitude, which is what a prior needs):

* within a country, a name of rank ``r`` is carried by a share ``top / r`` of its people
  (Zipf's law with exponent 1, which fits name ranks well away from the head). ``top`` is the
  share of the most common name: 1% for family names (Smith in the US and Müller in Germany are
  ~0.8%), except where a few surnames dominate (China, Taiwan, Hong Kong, Macao, Singapore:
  7%, Wang/Li/Chen; Korea: 20%, Kim); 2% for given names (Mohammed in Arab countries, Jose in
  Mexico and Wei in China are higher, most are lower). Against the US Census 2000 surname
  table (its 1,009th surname is borne by 11.75 people in 100,000, its 10,404th by 1.05; 1/r
  from a 1% top says 0.99 and 0.096), 1/r under-counts the middle ranks some 8 to 12 times:
  more than the order of magnitude above. Spreading family names on that census curve
  instead was measured with benchmarks/titles.py: ACL names read as titles 12 -> 7 of 8,398,
  but titles read as names 0 -> 2 of 326 ("De Anima", "Die Ilias": a Latin and a German
  title whose words are listed family names), so the table keeps 1/r until the reader weighs
  such titles otherwise;
* the global share is the population-weighted mean over countries (populations in millions,
  rounded, below; a country missing from the table counts 5 million, a small country);
* Viet Nam's most common family names are added from their known shares (the source has
  no Viet Nam), and Korea's are taken from its census where their ranks in the source say
  less (``KOREA_FAMILY``);
* names are folded as scholarkg folds them (``fold_tight``: lower case, no accents, no spaces
  or punctuation); spellings that fold alike are summed.

``--regions`` also writes each name's share of the people of each region of ``REGIONS`` (the
countries that mostly write one language of the page reader's vocabulary), every name ranked
there: the reader weighs a line's words as one region's names (``readers.namelines.line_weight``).

The table keeps the most common ``--given`` given names and ``--family`` family names, one
line each: ``g`` or ``f``, a tab, the folded name, a tab, the share in parts per billion
(an integer, at least 1). A name not in the table is rarer than every name in it; see
``scholarkg.population`` for the prior it gets.
"""

from __future__ import annotations

import argparse
import gzip
import pickle
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from scholarkg.text import fold_tight

# population in millions (rounded, 2020s); the countries of the source
POPULATION_M = {
    "CN": 1410, "IN": 1420, "US": 333, "ID": 275, "BR": 215, "NG": 218, "BD": 170, "RU": 144,
    "MX": 127, "JP": 125, "ET": 120, "PH": 113, "EG": 110, "TR": 85, "IR": 88, "DE": 84,
    "GB": 67, "FR": 68, "IT": 59, "ZA": 60, "KR": 52, "CO": 52, "ES": 48, "AR": 46, "DZ": 45,
    "SD": 46, "IQ": 43, "AF": 40, "PL": 38, "CA": 38, "MA": 37, "SA": 36, "PE": 34, "MY": 33,
    "AO": 35, "GH": 33, "YE": 33, "TW": 24, "CM": 27, "KZ": 19, "CL": 19, "SY": 22, "NL": 18,
    "EC": 18, "GT": 17, "KH": 17, "BF": 22, "BI": 13, "BE": 12, "BO": 12, "TN": 12, "HT": 11,
    "CZ": 10.5, "SE": 10.5, "JO": 11, "PT": 10, "AZ": 10, "GR": 10.5, "HU": 9.7, "AE": 9.4,
    "IL": 9.5, "HN": 10, "AT": 9, "CH": 8.7, "BG": 6.5, "RS": 6.7, "LY": 7, "SV": 6.3,
    "DK": 5.9, "SG": 5.6, "FI": 5.5, "NO": 5.4, "LB": 5.5, "PS": 5.2, "CR": 5.2, "IE": 5.1,
    "OM": 4.6, "PA": 4.4, "KW": 4.3, "HR": 3.9, "GE": 3.7, "UY": 3.4, "MD": 2.6, "AL": 2.8,
    "LT": 2.8, "JM": 2.8, "QA": 2.7, "NA": 2.5, "BW": 2.4, "SI": 2.1, "BH": 1.5, "EE": 1.3,
    "MU": 1.3, "CY": 1.2, "DJ": 1.1, "FJ": 0.9, "LU": 0.65, "MT": 0.52, "BN": 0.45,
    "MV": 0.52, "MO": 0.68, "IS": 0.37, "HK": 7.4, "PR": 3.2, "TM": 6.1,
}  # fmt: skip
OTHER_M = 5.0
TOP_FAMILY = 0.01
TOP_FAMILY_BY_COUNTRY = {"CN": 0.07, "TW": 0.07, "HK": 0.07, "MO": 0.07, "SG": 0.07, "KR": 0.2}
TOP_GIVEN = 0.02
# Viet Nam (98 million) is not among the source's countries: its family names, whose shares
# are well known (Nguyễn ~38%, Trần ~11%, Lê ~9.5% …), are added from those shares
VIETNAM_M = 98
VIETNAM_FAMILY = {
    "nguyen": 0.38, "tran": 0.11, "le": 0.095, "pham": 0.071, "hoang": 0.051, "huynh": 0.051,
    "phan": 0.045, "vu": 0.039, "vo": 0.039, "dang": 0.021, "bui": 0.02, "do": 0.014,
    "ho": 0.013, "ngo": 0.013, "duong": 0.01, "ly": 0.005,
}  # fmt: skip


# Korea's family names are few and their shares are counted by its census (Statistics Korea,
# 2015 census of population, family names; shares of the population, rounded): the source's
# ranks of their romanised spellings are not (its Korean profiles are mostly written in Hangul:
# Moon ranks about 700th there, Oh about 1000th, for names each borne by one Korean in 70-110).
# A name's share goes to its common romanisations in equal parts (no count says which spelling
# how many use); Korea's part of a listed spelling is the larger of this and its rank estimate.
KOREA = "KR"
KOREA_FAMILY = {
    "kim": 0.215, "lee": 0.147, "park": 0.084, "choi": 0.047, "jeong jung chung": 0.043,
    "kang": 0.024, "cho jo": 0.021, "yoon yun": 0.021, "jang chang": 0.020, "lim im": 0.017,
    "han": 0.015, "oh": 0.015, "seo suh": 0.015, "shin": 0.015, "kwon": 0.014, "hwang": 0.014,
    "ahn": 0.014, "song": 0.014, "jeon jun": 0.011, "hong": 0.011, "yoo yu": 0.011, "ko": 0.009,
    "moon mun": 0.009, "yang": 0.009, "son sohn": 0.009, "bae": 0.008, "baek paik": 0.008,
    "heo huh": 0.007, "nam": 0.006, "shim sim": 0.005, "noh roh": 0.005, "ha": 0.005,
    "kwak": 0.004, "sung seong": 0.004, "cha": 0.004, "joo ju": 0.004, "woo": 0.004,
    "koo ku": 0.004, "ryu": 0.004, "min": 0.003, "na": 0.003, "jin": 0.003, "ji": 0.003,
    "eom um": 0.003, "byun": 0.003, "chae": 0.003, "won": 0.003,
}  # fmt: skip


# The regions whose people mostly write the languages of the page reader's vocabulary table
# (``tools/title_words.py``), by the source's countries: a name line's words are drawn from one
# country's names as a title's are from one language's words (``readers.namelines``), so the reader
# weighs ``Maarten de Rijke`` as a Dutch name against a Dutch title.
REGIONS = {
    "en": "US GB CA IE AU NZ",
    "de": "DE AT CH",
    "fr": "FR",
    "nl": "NL BE",
    "es": "ES MX CO AR PE CL EC GT BO HN SV CR PA UY PR",
    "it": "IT",
    "pt": "PT BR AO",
}


def regional(ranks: dict[str, int | None], family: bool) -> dict[str, float]:
    """A name's share of each region's people (:data:`REGIONS`), from its ranks."""
    out: dict[str, float] = {}
    for region, countries in REGIONS.items():
        codes = countries.split()
        people = sum(POPULATION_M.get(c, OTHER_M) for c in codes)
        share = estimate({c: ranks.get(c) for c in codes}, family) * _world() / people
        if share > 0:
            out[region] = share
    return out


def _world() -> float:
    return sum(POPULATION_M.get(c, OTHER_M) for c in POPULATION_M)


def korea_family() -> dict[str, float]:
    """Each romanised spelling of :data:`KOREA_FAMILY` → its share of Korea's people."""
    out: dict[str, float] = {}
    for spellings, share in KOREA_FAMILY.items():
        keys = spellings.split()
        for key in keys:
            out[key] = out.get(key, 0.0) + share / len(keys)
    return out


def estimate(ranks: dict[str, int | None], family: bool, skip: str | None = None) -> float:
    """A name's share of the world's people from its ranks (``skip``: a country left out)."""
    total = sum(POPULATION_M.get(c, OTHER_M) for c in POPULATION_M)
    share = 0.0
    for country, rank in ranks.items():
        if not rank or country == skip:
            continue
        top = TOP_FAMILY_BY_COUNTRY.get(country, TOP_FAMILY) if family else TOP_GIVEN
        share += POPULATION_M.get(country, OTHER_M) * top / rank
    return share / total


def table(
    path: Path, family: bool, keep: int
) -> tuple[list[tuple[str, int]], dict[str, dict[str, float]]]:
    """The ``keep`` commonest names with their shares in parts per billion, and the regional
    shares (:func:`regional`) of every name ranked in a region."""
    with gzip.open(path, "rb") as f:
        data = pickle.load(f)  # the source package's own file, not input from users
    shares: dict[str, float] = defaultdict(float)
    regions: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    korea = korea_family() if family else {}
    korea_ranked: dict[str, float] = defaultdict(float)  # Korea's part of a census name
    for name, info in data.items():
        key = fold_tight(name)
        if len(key) < 2 or not key.isalpha() or not key.isascii():
            continue
        if not family and " " in name.strip():
            continue  # a given name is one word here; compounds are looked up part by part
        ranks = info.get("rank") or {}
        for region, share in regional(ranks, family).items():
            regions[key][region] += share
        if key in korea:
            shares[key] += estimate(ranks, family, skip=KOREA)
            korea_ranked[key] += estimate({KOREA: ranks.get(KOREA)}, family)
        else:
            shares[key] += estimate(ranks, family)
    del data
    world = sum(POPULATION_M.values())
    for key, counted in korea.items():
        shares[key] += max(korea_ranked[key], POPULATION_M[KOREA] * counted / world)
    if family:
        for key, vn_share in VIETNAM_FAMILY.items():
            shares[key] += VIETNAM_M * vn_share / world
    ranked = sorted(shares.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    kept = [(k, max(1, round(v * 1e9))) for k, v in ranked]
    # every name ranked in a region, kept or not: "Rijke" is common in the Netherlands only
    return kept, {k: dict(v) for k, v in regions.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="names_dataset/v3 folder of the unzipped wheel")
    parser.add_argument("out", type=Path)
    parser.add_argument("--given", type=int, default=120_000)
    parser.add_argument("--family", type=int, default=200_000)
    parser.add_argument(
        "--regions", type=Path, help="also write each name's share of each region's people here"
    )
    args = parser.parse_args(argv)
    given, given_regions = table(args.source / "first_names.pkl.gz", False, args.given)
    family, family_regions = table(args.source / "last_names.pkl.gz", True, args.family)
    rows = [("g", k, v) for k, v in given] + [("f", k, v) for k, v in family]
    rows.sort()
    _write(args.out, "".join(f"{kind}\t{key}\t{ppb}\n" for kind, key, ppb in rows))
    print(f"wrote {len(rows)} names to {args.out}")
    if args.regions:
        _write(args.regions, region_rows(given_regions, family_regions))
        print(f"wrote regional shares to {args.regions}")
    return 0


def region_rows(given: dict[str, dict[str, float]], family: dict[str, dict[str, float]]) -> str:
    """The regional table: ``p``, a region (or ``world``) and its people in thousands; then
    ``g`` or ``f``, the folded name and its share of each region's people in parts per billion
    (the regions in :data:`REGIONS` order, 0 where the name is not ranked there)."""
    lines = [f"p\tworld\t{round(_world() * 1000)}\n"]
    for region, countries in REGIONS.items():
        people = sum(POPULATION_M.get(c, OTHER_M) for c in countries.split())
        lines.append(f"p\t{region}\t{round(people * 1000)}\n")
    for kind, shares in (("f", family), ("g", given)):
        for key in sorted(shares):
            ppb = [round(shares[key].get(r, 0.0) * 1e9) for r in REGIONS]
            if any(ppb):
                lines.append(f"{kind}\t{key}\t" + "\t".join(map(str, ppb)) + "\n")
    return "".join(lines)


def _write(path: Path, text: str) -> None:
    with gzip.GzipFile(path, "wb", mtime=0, compresslevel=9) as f:
        f.write(text.encode("ascii"))


if __name__ == "__main__":
    sys.exit(main())

"""Population name frequencies: the shipped table, and the prior for names it does not know."""

from __future__ import annotations

from scholarkg.names import parse_name
from scholarkg.population import (
    REGIONS,
    UNKNOWN_SHARE,
    expected_namesakes,
    family_share,
    given_share,
    name_share,
    region_weights,
    regional_shares,
)


def test_common_names_are_more_common_than_rare_ones() -> None:
    assert family_share("Wang") > family_share("Smith") > family_share("Ortiz") > 0
    assert given_share("John") > given_share("Yoshua")
    assert family_share("Wang") > 0.005  # about one person in a hundred


def test_accents_and_case_fold_as_the_resolver_folds_them() -> None:
    assert family_share("GARCÍA") == family_share("garcia")
    assert family_share("Nguyễn") == family_share("Nguyen") > 0.001  # added for Viet Nam


def test_an_unknown_name_is_rarer_than_any_listed_one() -> None:
    assert family_share("Qzxwvbnm") == UNKNOWN_SHARE
    assert given_share("Qzxwvbnm") == UNKNOWN_SHARE
    assert family_share("Ortiz") > UNKNOWN_SHARE


def test_a_double_surname_is_as_rare_as_its_parts_together() -> None:
    assert family_share("Qzx-Ortiz") < family_share("Ortiz")


def test_an_initial_stands_for_many_given_names() -> None:
    assert given_share("W.") > given_share("Wei") > 0
    assert given_share("W") <= 1 / 6


def test_a_common_full_name_expects_namesakes_and_a_rare_one_none() -> None:
    wei_wang = expected_namesakes(parse_name("Wei Wang"), 100_000)
    rare = expected_namesakes(parse_name("Razvan Pascanu"), 100_000)
    assert wei_wang > 0.1
    assert rare < 1e-3
    assert name_share(parse_name("W. Wang")) > name_share(parse_name("Wei Wang"))


def test_korean_family_names_carry_their_census_share() -> None:
    """Korea's family names come from its census: "Oh" (about 1.5% of 52 million) and "Moon"
    (0.9%, shared by "Moon" and "Mun") were counted some 80 and 16 times too rare from the
    romanised profiles of a social-network sample."""
    korea = 52 / 6_504  # Korea's share of the world the table weighs (millions)
    assert family_share("Oh") >= 0.015 * korea * 0.9
    assert family_share("Moon") >= 0.009 / 2 * korea * 0.9
    assert family_share("Kim") > family_share("Oh") > family_share("Qzxwvbnm")


def test_regional_shares_average_to_the_world_share() -> None:
    """A name's shares of each region's people, weighed by the regions' shares of the world's,
    give back its world share: the regions split the world table, they do not add to it."""
    weights = list(region_weights().values())
    for part, kind, world in (
        ("maarten", "given", given_share),
        ("church", "family", family_share),
    ):
        mean = sum(w * s for w, s in zip(weights, regional_shares(part, kind), strict=True))
        assert abs(mean - world(part)) < 0.05 * world(part)
    assert abs(sum(weights) - 1.0) < 1e-9


def test_a_name_common_in_one_region_is_common_there() -> None:
    """ "Maarten" is a Dutch given name, "Church" an English-speaking family name; "Rijke" is
    ranked in the Netherlands though the world table is too short to list it."""
    nl = REGIONS.index("nl")
    maarten = regional_shares("Maarten", "given")
    assert maarten[nl] == max(maarten) > 100 * given_share("maarten")
    church = regional_shares("Church", "family")
    assert church[REGIONS.index("en")] == max(church)
    assert family_share("rijke") == UNKNOWN_SHARE < regional_shares("Rijke", "family")[nl]
    assert set(regional_shares("Xqzvw", "given")) == {UNKNOWN_SHARE}

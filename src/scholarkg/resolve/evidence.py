"""Evidence: how much a name and a context say that two groups of mentions are one person.

Each term is a log-odds contribution with the weights of :mod:`scholarkg.rules` (Fellegi–Sunter
style: log of P(observation | one person) over P(observation | two people)); a pair's
:class:`Score` keeps its terms by name, so a join can be explained.

* The **name prior**: one against the number of other people expected to be printed with the
  name, from the world's name frequencies (:mod:`scholarkg.population`) or, where the input is
  denser in the name than the world, from the input (:func:`name_priors`).
* **Context**: a paper in common, one listing in common, coauthors in common weighted by how
  rare they are (:func:`coauthor_weight`), the same member's page; and for names alone, the
  absence of all of these where one person's would have met (:func:`nothing_in_common`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import rules
from ..names import _given_parts
from ..population import expected_namesakes
from ..records import PersonName
from ..text import fold_tight


@dataclass(frozen=True, slots=True)
class Score:
    """A pair's score and the terms it is made of, by name."""

    total: float
    terms: tuple[tuple[str, float], ...]


def coauthor_key(name: PersonName) -> str:
    """A coauthor as context: family name and first initial (spellings of one person agree)."""
    parts = _given_parts(name)
    return fold_tight(name.family) + "/" + (parts[0][0] if parts else "")


def name_prior(expected_others: float) -> float:
    """Log-odds that two printings of one name are one person, given how many other people
    are expected to be printed the same way."""
    if expected_others <= 0:
        return rules.NAME_CAP
    return max(-rules.NAME_CAP, min(rules.NAME_CAP, -math.log(expected_others)))


def name_priors(names: Sequence[PersonName]) -> list[float]:
    """The name prior of every form. The people expected to share a name are counted in the
    world's population, or in the input where the input is denser in the name than the world:
    the other forms with its first given name times those with its family name, over all forms
    (a field where many share given and family names). Forms, not mentions, are counted, so a
    prolific person does not make their own name look common.

    An initial (``J. Xu``) stands for every full given name with its letter printed with the
    family name (``Jing Xu``, ``Jun Xu``): each is a person the input shows, so a name with an
    initial is shared by at least that many others less one (:func:`_witnessed`)."""
    givens: dict[str, int] = defaultdict(int)
    families: dict[str, int] = defaultdict(int)
    middles: dict[tuple[str, str], set[str]] = defaultdict(set)
    keys: list[tuple[str, str, bool]] = []
    for n in names:
        parts = _given_parts(n)
        first = parts[0] if parts and len(parts[0]) > 1 else ""
        fam = fold_tight(n.family)
        keys.append((first, fam, len(parts) == 1))
        givens[first] += 1
        families[fam] += 1
        if first and len(parts) > 1:
            middles[(first, fam)].add(parts[1][0])
    witnessed = _witnessed(names)
    total = max(len(names), 1)
    out: list[float] = []
    for n, (first, fam, bare) in zip(names, keys, strict=True):
        e = expected_namesakes(n, total)
        if first:
            e = max(e, (givens[first] - 1) * (families[fam] - 1) / total)
            if bare:  # Charles Ahn, where Charles B. Ahn and Charles K. Ahn are printed too
                e = max(e, len(middles.get((first, fam), ())) - 1)
        else:
            e = max(e, witnessed(n) - 1)
        out.append(name_prior(e))
    return out


def _witnessed(names: Sequence[PersonName]) -> Callable[[PersonName], int]:
    """How many people the input shows behind a name that starts with an initial: the full
    given names with its letter (and its second letter, where it has one) printed with its
    family name, or the different second initials printed with it (``J.-W. Moon``,
    ``J.-H. Moon``), whichever is more."""
    fulls: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    seconds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for n in names:
        parts = _given_parts(n)
        if not parts:
            continue
        fam = fold_tight(n.family)
        if len(parts[0]) > 1:
            fulls[(parts[0][0], "", fam)].add(parts[0])
            if len(parts) > 1:
                fulls[(parts[0][0], parts[1][0], fam)].add(parts[0])
        elif len(parts) > 1:
            seconds[(parts[0], fam)].add(parts[1][0])

    def count(n: PersonName) -> int:
        parts = _given_parts(n)
        if not parts:
            return 0
        fam = fold_tight(n.family)
        second = parts[1][0] if len(parts) > 1 else ""
        k = len(fulls.get((parts[0][0], second, fam), ()))
        if not second:
            k = max(k, len(seconds.get((parts[0], fam), ())))
        return k

    return count


def coauthor_weight(df: int, listings: int, span: int = 1) -> float:
    """Weight of one shared coauthor on ``df`` of ``listings`` listings, for two groups of
    mentions the larger of which is on ``span`` listings: a group on many listings meets many
    coauthors by chance (u grows with span), and its own collaborators surely (so does m)."""
    if df <= 0 or listings <= 0:
        return 0.0
    world = max(listings, rules.COAUTHOR_WORLD_MIN)
    m = min(1.0, rules.COAUTHOR_M * span)
    u = min(1.0, span * df / world)
    return max(0.0, min(rules.COAUTHOR_CAP, math.log(m / u)))


def nothing_in_common(span: int) -> tuple[str, float]:
    """The term of two groups of mentions that share no paper, page or coauthor though both
    print coauthors, the larger on ``span`` listings: one person's groups share a collaborator
    with chance m (as in :func:`coauthor_weight`), two people's almost never, so the odds are
    1 - m against 1 (at most ``NAME_CAP`` against). Two printings of a prolific name that
    never meet (``Yi Liu`` on 19 listings, ``Yi X. Liu`` on 8) are two people; a name printed
    once with a middle name and once without, on two unrelated papers, says little."""
    m = min(1.0, rules.COAUTHOR_M * span)
    return (
        "nothing in common",
        -rules.NAME_CAP if m >= 1.0 else max(-rules.NAME_CAP, math.log(1 - m)),
    )


def name_term(prior_a: float, prior_b: float, strong: bool) -> tuple[str, float]:
    """The name term of a pair of different spellings: the less specific (more common) name's
    prior, less the cost of the spellings' difference; a weak agreement is capped."""
    p = min(prior_a, prior_b)
    if strong:
        return ("names agree", p - rules.STRONG_COST)
    return ("names agree weakly", min(rules.WEAK_CAP, p - rules.WEAK_COST))


def context_terms(
    same_listing: bool,
    shared_works: int,
    shared_coauthors: Sequence[tuple[str, float]],
    same_page: bool,
) -> list[tuple[str, float]]:
    """The context terms of a pair (shared coauthors come weighted, by key)."""
    terms: list[tuple[str, float]] = []
    if same_listing:
        terms.append(("same listing", rules.SAME_LISTING))
    if shared_works:
        terms.append(("shared paper", rules.SHARED_WORK * min(shared_works, rules.SHARED_WORK_MAX)))
    co = min(rules.CONTEXT_CAP, sum(w for _, w in shared_coauthors))
    if co > 0:
        names = ", ".join(k for k, w in shared_coauthors[:5] if w > 0)
        terms.append((f"coauthors {names}", co))
    if same_page:
        terms.append(("same page", rules.SAME_PAGE))
    return terms

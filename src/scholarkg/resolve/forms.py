"""Name forms: mentions whose names agree exactly are one form (the unit people are built of)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..names import name_key, specificity
from ..records import CleanProfile, Mention, PersonName
from ..text import fold
from .state import Form, Listing


def collect_forms(
    profiles: Sequence[CleanProfile], listings: list[Listing]
) -> tuple[list[Form], dict[int, int]]:
    """Every mention into its form; the forms, and each profile's owner form by profile index.

    A profile's owner is added to each of its listings after the printed authors (pages
    leave the owner out of their own author lists, or print them as one of the authors).
    """
    forms: list[Form] = []
    by_key: dict[str, int] = {}

    def form_for(m: Mention) -> int:
        # an ORCID is part of the form: the same name with two ORCIDs is two people
        k = f"{name_key(m.name)}#{m.orcid}" if m.orcid else name_key(m.name)
        fid = by_key.get(k)
        if fid is None:
            fid = len(forms)
            by_key[k] = fid
            forms.append(Form(k, m.name, orcid=m.orcid))
        forms[fid].mentions.append(m)
        return fid

    owner_form: dict[int, int] = {}
    for pi, prof in enumerate(profiles):
        if prof.owner is not None:
            fid = form_for(prof.owner)
            owner_form[pi] = fid
            forms[fid].owner_of.append(pi)
    for li_idx, rec in enumerate(listings):
        for m in rec.listing.authors:
            fid = form_for(m)
            rec.form_ids.append(fid)
            forms[fid].listings.add(li_idx)
        ofid = owner_form.get(rec.profile)
        if ofid is not None:
            rec.form_ids.append(ofid)
            forms[ofid].listings.add(li_idx)
    for f in forms:
        f.name = _representative(f)
    return forms, owner_form


def _representative(f: Form) -> PersonName:
    """The most specific spelling represents the form (all spellings share its key)."""
    spellings = Counter(m.name for m in f.mentions)
    return max(
        spellings,
        key=lambda n: (specificity(n), len(fold(n.family).split()), spellings[n], n.display),
    )

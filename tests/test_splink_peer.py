"""benchmarks/splink_peer.py: the records splink is given are the mentions our reader makes.

splink itself is an optional benchmark dependency (the ``bench`` extra); these tests check the
records built for it, which need only scholarkg."""

from __future__ import annotations

from pathlib import Path

from splink_peer import records

from scholarkg.clean import clean_profiles
from scholarkg.readers.page import read_pages

PAGE = """Portrait of Ana Ortiz-Lee

Ana Ortiz-Lee

Core Academic Member
Professor, Somewhere
Research Topics
Robotics

Publications

Learning to Grasp with Transformers
Wei Q. Wang
Jörg Müller
A Second Paper on Planning
W. Wang"""


def test_one_record_per_author_line_and_owner_line(tmp_path: Path) -> None:
    page = tmp_path / "pages" / "0001.txt"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    rows = {r["unique_id"]: r for r in records(clean_profiles(read_pages([page.parent])))}
    assert sorted(int(k.rsplit(":", 1)[1]) for k in rows) == [3, 13, 14, 16]
    wang = rows[f"{page}:13"]
    assert (wang["given"], wang["middle"], wang["family"]) == ("wei", "q", "wang")
    assert wang["given_initial"] == "w"
    assert wang["coauthors"] == ["muller", "ortiz lee"]  # the owner is an author too
    assert rows[f"{page}:14"]["family"] == "muller"  # folded: lower case, no accents
    assert rows[f"{page}:16"]["coauthors"] == ["ortiz lee"]
    assert rows[f"{page}:16"]["middle"] is None
    owner = rows[f"{page}:3"]
    assert owner["coauthors"] == ["muller", "wang"]  # everyone printed on the page
    assert {r["page"] for r in rows.values()} == {str(page)}

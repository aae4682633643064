"""scholarkg's JSON records: the schema file, validation messages naming record and field,
people with ORCIDs and roles, works naming their authors inline or by person id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CASES, REPO

from scholarkg.errors import InputError
from scholarkg.readers import read_source
from scholarkg.readers.jsonrec import read_records, records_schema, schema_file

SOURCES = CASES / "sources"


def test_the_schema_is_one_file_in_the_repo_shipped_in_the_wheel() -> None:
    assert (
        Path(str(schema_file())).read_bytes()
        == (REPO / "schemas" / "records.schema.json").read_bytes()
    )
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"schemas" = "scholarkg/schemas"' in pyproject
    assert set(records_schema()["$defs"]) >= {"person", "work", "author", "orcid"}


def test_people_and_works_are_read() -> None:
    bib = read_records(SOURCES / "people.jsonl")
    assert [(p.name, p.orcid, p.roles) for p in bib.people] == [
        ("Ada Lovelace", "0000-0002-1825-0097", ("Affiliate Member",)),
        ("Ada Lovelace", "0000-0001-5109-3700", ()),
    ]
    w1, w2, w3 = bib.listings
    assert [(a.text, a.orcid) for a in w1.authors] == [
        ("Ada Lovelace", "0000-0002-1825-0097"),
        ("Charles Babbage", None),
    ]
    assert (w1.doi, w1.source.line, w1.source.part) == ("10.5555/engine.1843", 3, "w1")
    assert w2.authors[0].orcid == "0000-0001-5109-3700"
    assert (w3.arxiv, w3.meta.arxiv_version if w3.meta else "") == ("1843.00002", "v3")
    assert not bib.problems


def test_schema_errors_name_file_line_record_and_field() -> None:
    bib = read_records(SOURCES / "bad.jsonl")
    assert [li.source.part for li in bib.listings] == ["ok", "ghost"]
    assert [(p.source.line, p.message) for p in bib.problems] == [
        (
            2,
            "record 2 (id 'nodoi'): field 'doi': '11.1/x' does not match "
            "'^(https?://(dx\\\\.)?doi\\\\.org/|doi:)?10\\\\.[0-9]{4,9}/\\\\S+$'; "
            "the record is skipped",
        ),
        (3, "not JSON (Expecting value, column 1); skipped"),
        (
            4,
            "record 3 (id 'p'): field 'orcid': '0000-0002-1825-0098' has a wrong check digit; "
            "the record is skipped",
        ),
        (
            5,
            "author 1 names person 'nobody', which no person record has; that author is left out",
        ),
    ]


def test_a_json_array_of_records_is_told_from_csl_by_content(tmp_path: Path) -> None:
    records = [json.loads(line) for line in (SOURCES / "people.jsonl").read_text().splitlines()]
    as_array = tmp_path / "records.json"
    as_array.write_text(json.dumps(records, indent=1))
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"records": records}))
    for path in (as_array, wrapped):
        source = read_source(path)
        assert getattr(source, "format", None) == "records"
        assert len(source.listings) == 3


def test_nothing_valid_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"record": "thing", "id": "a"}\n')
    with pytest.raises(InputError) as err:
        read_records(path)
    assert err.value.exit_code == 2
    assert 'field \'record\' must be "person" or "work"' in str(err.value)

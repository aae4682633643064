"""Which reader reads a file: the suffix, the content of a .json file, or --format."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CASES

from scholarkg.errors import InputError, UsageError
from scholarkg.readers import expand_inputs, read_source
from scholarkg.records import Bibliography, Profile

ENGINE = CASES / "sources" / "engine"


def test_suffix_picks_the_reader_and_folders_are_read_recursively(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    for f in ENGINE.iterdir():
        shutil.copy(f, nested / f.name)
    (nested / "notes.md").write_text("not an input")
    files = expand_inputs([tmp_path])
    assert [f.name for f in files] == ["engine.bib", "engine.json", "lovelace.txt"]
    kinds = [type(read_source(f)).__name__ for f in files]
    assert kinds == ["Bibliography", "Bibliography", "Profile"]
    formats = [getattr(read_source(f), "format", "page") for f in files]
    assert formats == ["bibtex", "csl", "page"]


def test_format_overrides_the_suffix(tmp_path: Path) -> None:
    renamed = tmp_path / "refs.txt"
    shutil.copy(ENGINE / "engine.bib", renamed)
    source = read_source(renamed, "bibtex")
    assert isinstance(source, Bibliography) and source.format == "bibtex"
    assert isinstance(read_source(ENGINE / "lovelace.txt"), Profile)
    assert expand_inputs([ENGINE], "csl") == [ENGINE / "engine.json"]
    with pytest.raises(UsageError):
        expand_inputs([ENGINE], "ris")


def test_unknown_suffix_says_what_to_do(tmp_path: Path) -> None:
    odd = tmp_path / "refs.ris"
    odd.write_text("TY  - JOUR\n")
    with pytest.raises(InputError) as err:
        expand_inputs([odd])
    assert "cannot tell the format from the suffix '.ris'" in str(err.value)
    assert "--format" in err.value.hint
    assert expand_inputs([odd], "bibtex") == [odd]

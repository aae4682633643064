"""Configuration: defaults, every setting, and bad settings named by file, key and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, SEED
from typer.testing import CliRunner

from scholarkg.cli import app
from scholarkg.config import Config, config_from_mapping, config_to_mapping, load_config
from scholarkg.errors import ConfigError, InputError, UsageError


def _toml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scholarkg.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_the_defaults() -> None:
    assert load_config(None) == Config()


def test_the_bundled_example_sets_every_setting() -> None:
    assert load_config(EXAMPLES / "scholarkg.toml") == Config(
        base="https://kg.example.org/",
        institute_name="Example Institute for AI",
        institute_iri="https://institute.example.org/",
    )


def test_missing_settings_take_their_defaults(tmp_path: Path) -> None:
    cfg = load_config(_toml(tmp_path, '[institute]\nname = "Lab"\n'))
    assert cfg == Config(institute_name="Lab")


def test_unknown_key_in_a_table_is_named_with_a_suggestion(tmp_path: Path) -> None:
    path = _toml(tmp_path, '[institute]\nname = "Lab"\nirr = "https://lab.example/"\n')
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.key == "institute.irr"
    assert (err.value.path, err.value.line) == (str(path), 3)
    assert str(err.value) == f"{path}:3: unknown setting 'institute.irr'; did you mean 'iri'?"
    assert err.value.exit_code == 2


def test_unknown_top_level_key_is_named_with_a_suggestion(tmp_path: Path) -> None:
    path = _toml(tmp_path, '# settings\nbse = "https://kg.example.org/"\n')
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value) == f"{path}:2: unknown setting 'bse'; did you mean 'base'?"


def test_misspelt_table_is_named_with_a_suggestion(tmp_path: Path) -> None:
    path = _toml(tmp_path, '[institue]\nname = "Lab"\n')
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value) == f"{path}:1: unknown setting 'institue'; did you mean 'institute'?"


def test_unknown_key_far_from_any_lists_the_settings(tmp_path: Path) -> None:
    path = _toml(tmp_path, 'colour = "blue"\n')
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.hint == (
        "allowed: base, [institute] with name and iri, and [[curation.…]] entries"
    )


def test_a_number_where_text_belongs_is_an_error_not_a_string(tmp_path: Path) -> None:
    """Regression: ``name = 3`` used to become the institute name "3"."""
    path = _toml(tmp_path, "[institute]\nname = 3\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.key == "institute.name"
    assert str(err.value) == (
        f"{path}:2: 'institute.name' must be a string, not int 3; quote it: name = \"…\""
    )


def test_institute_must_be_a_table(tmp_path: Path) -> None:
    path = _toml(tmp_path, 'institute = "Lab"\n')
    with pytest.raises(ConfigError, match="must be a table") as err:
        load_config(path)
    assert (err.value.key, err.value.line) == ("institute", 1)


def test_a_bad_base_is_named_by_file_key_and_line(tmp_path: Path) -> None:
    path = _toml(tmp_path, '\nbase = "kg.example.org"\n')
    with pytest.raises(ConfigError, match="base IRI must be absolute") as err:
        load_config(path)
    assert (err.value.key, err.value.line) == ("base", 2)


def test_a_config_with_a_bad_base_cannot_be_made() -> None:
    with pytest.raises(UsageError, match="base IRI must be absolute"):
        Config(base="https://kg.example.org")  # no trailing slash


def test_not_toml_and_missing_file_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not valid TOML"):
        load_config(_toml(tmp_path, "base = \n"))
    with pytest.raises(InputError, match="cannot read config"):
        load_config(tmp_path / "missing.toml")


def test_settings_round_trip_through_the_report_shape() -> None:
    cfg = Config("https://kg.example.org/", "Lab", "https://lab.example/")
    mapping = config_to_mapping(cfg)
    assert mapping == {
        "base": "https://kg.example.org/",
        "institute": {"name": "Lab", "iri": "https://lab.example/"},
    }
    assert config_from_mapping(mapping, "report.json") == cfg


def test_cli_build_with_an_unknown_key_exits_2_naming_it(tmp_path: Path) -> None:
    path = _toml(tmp_path, '[institute]\nirr = "https://lab.example/"\n')
    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["build", str(SEED), "--config", str(path), "--out", str(out)])
    assert r.exit_code == 2
    assert "unknown setting 'institute.irr'; did you mean 'iri'?" in r.stderr
    assert not out.exists()


def test_a_curation_part_is_read_with_its_entries_labelled_by_table(tmp_path: Path) -> None:
    path = _toml(
        tmp_path,
        'base = "https://kg.example.org/"\n\n[[curation.same_person]]\nnames = ["Ada", "A. L."]\n'
        '[[curation.person]]\nname = "Ada"\norcid = "0000-0002-1825-0097"\n',
    )
    cfg = load_config(path)
    assert cfg.base == "https://kg.example.org/"
    assert cfg.curation is not None and cfg.curation.path == str(path)
    assert [(e.label, e.values, e.orcid) for e in cfg.curation.entries] == [
        ("curation.same_person #1", ("Ada", "A. L."), None),
        ("curation.person #1", ("Ada",), "0000-0002-1825-0097"),
    ]
    assert "curation" not in config_to_mapping(cfg)  # the report records settings only


def test_a_bad_curation_part_names_file_line_and_entry(tmp_path: Path) -> None:
    path = _toml(
        tmp_path,
        '[[curation.person]]\nname = "Ada"\norcid = "0000-0002-1825-0097"\n'
        '[[curation.person]]\nname = "Bo"\norcid = "1234"\n',
    )
    with pytest.raises(InputError) as err:
        load_config(path)
    assert str(err.value).startswith(
        f"{path}:4: curation.person #2: orcid '1234' is not an ORCID iD"
    )
    path = _toml(tmp_path, '[[curation.merge]]\nnames = ["A", "B"]\n')
    with pytest.raises(InputError, match=r":1: unknown curation table\(s\): curation.merge"):
        load_config(path)
    path = _toml(tmp_path, 'curation = "curation.toml"\n')
    with pytest.raises(ConfigError, match=r":1: 'curation' must hold tables of curation entries"):
        load_config(path)
    path = _toml(tmp_path, '[[curaton.same_person]]\nnames = ["A", "B"]\n')
    with pytest.raises(ConfigError, match=r"did you mean 'curation'\?"):
        load_config(path)


def test_the_scholarkg_toml_beside_the_inputs_is_found(tmp_path: Path) -> None:
    from scholarkg.config import find_config

    pages, other = tmp_path / "pages", tmp_path / "other"
    pages.mkdir()
    other.mkdir()
    (pages / "a.txt").write_text("x", encoding="utf-8")
    (other / "b.bib").write_text("x", encoding="utf-8")
    assert find_config([pages, other / "b.bib"]) is None
    toml = _toml(pages, "")
    assert find_config([pages]) == toml
    assert find_config([pages / "a.txt", other]) == toml
    _toml(other, "")
    with pytest.raises(UsageError, match=r"2 scholarkg\.toml beside them"):
        find_config([pages, other / "b.bib"])

"""The CLI contract scripts depend on: commands, options, output, exit codes, messages."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SEED
from typer.testing import CliRunner

import scholarkg
from scholarkg.cli import app
from scholarkg.errors import AccountingError, InputError, UsageError

runner = CliRunner()


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "out"
    r = run("build", SEED, "--out", out, "--base", "https://kg.example.org/")
    assert r.exit_code == 0, r.output
    return out


def test_build_prints_summary(built: Path, tmp_path: Path) -> None:
    r = run("build", SEED, "--out", tmp_path / "o")
    assert r.exit_code == 0
    assert r.stderr == ""  # no progress bar when stderr is not a terminal
    assert r.stdout.splitlines() == [
        "read 1 file(s): 12 listings, 62 author lines",
        "graph: 6 papers (6 listings merged), 30 people, "
        f"{json.loads((tmp_path / 'o' / 'report.json').read_text())['summary']['triples']}"
        " triples; 0 rejected",
        "check: conforms",
        f"wrote {tmp_path / 'o' / 'store'} and {tmp_path / 'o' / 'report.json'}",
    ]


def test_check_conforms(built: Path) -> None:
    r = run("check", "--out", built)
    assert r.exit_code == 0
    assert "conforms" in r.stdout
    reference = run("check", "--out", built, "--engine", "pyshacl")
    assert (reference.exit_code, reference.stdout) == (r.exit_code, r.stdout)
    assert run("check", "--out", built, "--engine", "other").exit_code == 2


def test_check_naive_graph_fails_with_the_three_violations(tmp_path: Path) -> None:
    from naive import naive_graph

    ttl = tmp_path / "naive.ttl"
    naive_graph([SEED]).serialize(ttl, format="turtle")
    r = run("check", ttl)
    assert r.exit_code == 1
    text = r.stdout
    assert "Petar Velivckovi 'c" in text and "'Alvaro Arroyo" in text
    assert run("check", ttl, "--engine", "pyshacl").stdout == text
    j = json.loads(run("check", ttl, "--format", "json").stdout)
    rules = {f["rule"] for f in j["findings"]}
    assert rules == {"UniqueTitle", "PersonOneName", "PersonNameClean", "PersonFoafNameClean"}
    two_names = {f["label"] for f in j["findings"] if f["rule"] == "PersonOneName"}
    assert two_names == {"Stephanie C.Y. Chan / Stephanie Chan", "Alex Ku / Alexander Y. Ku"}
    duplicated = {f["label"] for f in j["findings"] if f["rule"] == "UniqueTitle"}
    assert len(duplicated) == 5  # five titles listed twice (the NoProp one three times)


def test_check_bad_rdf_file_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b \n", encoding="utf-8")
    r = run("check", bad)
    assert r.exit_code == 2
    assert str(bad) in r.stderr


def test_build_bad_input_exit_2_and_previous_build_intact(built: Path, tmp_path: Path) -> None:
    before = (built / "report.json").read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Portrait of X\nX\n\x00binary")
    r = run("build", SEED, bad, "--out", built)
    assert r.exit_code == 2
    assert r.stderr.strip() == (
        f"error: {bad}:3: binary data (a NUL byte), not a text page; "
        "pass the scraped page as UTF-8 text"
    )
    assert (built / "report.json").read_bytes() == before
    assert sorted(p.name for p in built.iterdir()) == ["evidence.jsonl", "report.json", "store"]


def test_build_bad_input_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Portrait of X\nX\nResearch Topics\nA\n", encoding="utf-8")
    out = tmp_path / "fresh"
    r = run("build", bad, "--out", out)
    assert r.exit_code == 2
    assert "no 'Publications' line" in r.stderr
    assert not (out / "store").exists() and not (out / "report.json").exists()


def test_build_bad_base_iri_exit_2(tmp_path: Path) -> None:
    r = run("build", SEED, "--out", tmp_path / "o", "--base", "not an iri")
    assert r.exit_code == 2
    assert "base IRI must be absolute" in r.stderr


def test_commands_without_build_exit_2(tmp_path: Path) -> None:
    for args in (["check"], ["export"], ["query", "ASK {}"], ["coauthors", "X"]):
        r = run(*args, "--out", tmp_path / "none")
        assert r.exit_code == 2, args
        assert "run `scholarkg build" in r.stderr


def test_query_formats(built: Path) -> None:
    q = (
        "SELECT ?n WHERE { ?p a <http://schema.org/Person> ; <http://schema.org/name> ?n } "
        "ORDER BY ?n LIMIT 2"
    )
    table = run("query", q, "--out", built)
    assert table.exit_code == 0
    assert table.stdout.splitlines() == [
        "n",
        "-" * 15,
        "Alexander Y. Ku",
        "Andrew Lampinen",
        "(2 rows)",
    ]
    csv = run("query", q, "--format", "csv", "--out", built)
    assert csv.stdout.replace("\r\n", "\n") == "n\nAlexander Y. Ku\nAndrew Lampinen\n"
    tsv = run("query", q, "--format", "tsv", "--out", built)
    assert tsv.stdout.splitlines()[0] == "?n"
    j = json.loads(run("query", q, "--format", "json", "--out", built).stdout)
    assert [b["n"]["value"] for b in j["results"]["bindings"]] == [
        "Alexander Y. Ku",
        "Andrew Lampinen",
    ]
    assert run("query", "ASK { ?s ?p ?o }", "--out", built).stdout.strip() == "true"


def test_query_from_file_and_errors(built: Path, tmp_path: Path) -> None:
    f = tmp_path / "q.rq"
    f.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?w a <http://schema.org/ScholarlyArticle> }")
    r = run("query", "--file", f, "--format", "csv", "--out", built)
    assert r.stdout.replace("\r\n", "\n") == "n\n6\n"
    bad = run("query", "SELEKT nothing", "--out", built)
    assert bad.exit_code == 2
    assert "does not parse" in bad.stderr
    both = run("query", "ASK {}", "--file", f, "--out", built)
    assert both.exit_code == 2


def test_coauthors_output(built: Path) -> None:
    r = run("coauthors", "Razvan Pascanu", "--topic", "reinforcement learning", "--out", built)
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0] == "coauthors of Razvan Pascanu on Reinforcement Learning:"
    names = {ln.rsplit(None, 1)[0].strip() for ln in r.stdout.splitlines()[3:-1]}
    assert names == {"Thomas Schmied", "Jorg Bornschein", "Jordi Grau-Moya", "Markus Wulfmeier"}
    j = json.loads(run("coauthors", "Razvan Pascanu", "--format", "json", "--out", built).stdout)
    assert len(j["coauthors"]) == 29


def test_coauthors_unknown_name_and_topic(built: Path) -> None:
    r = run("coauthors", "Razvan Pascanoo", "--out", built)
    assert r.exit_code == 2
    assert (
        r.stderr.strip()
        == "error: no person named 'Razvan Pascanoo' in the graph; check the spelling"
    )
    r = run("coauthors", "Jorg", "--out", built)
    assert r.exit_code == 2
    t = run("coauthors", "Razvan Pascanu", "--topic", "Learning", "--out", built)
    assert t.exit_code == 2
    assert "no topic 'Learning'" in t.stderr and "did you mean" in t.stderr


def test_user_text_never_reaches_sparql_raw(built: Path) -> None:
    evil = 'x" } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    r = run("coauthors", evil, "--out", built)
    assert r.exit_code == 2
    assert "no person named" in r.stderr
    r = run("coauthors", "Razvan Pascanu", "--topic", evil, "--out", built)
    assert r.exit_code == 2
    assert "no topic" in r.stderr
    count = run(
        "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv", "--out", built
    )
    assert int(count.stdout.split()[-1]) > 400


def test_export_to_file_and_stdout_are_the_same(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    r = run("export", "--format", "turtle", "--output", out, "--out", built)
    assert r.exit_code == 0
    assert "wrote" in r.stderr
    stdout = run("export", "--format", "turtle", "--out", built).stdout
    assert out.read_text(encoding="utf-8") == stdout
    bad = run("export", "--format", "rdfxml", "--out", built)
    assert bad.exit_code == 2
    said = " ".join(bad.stderr.replace("│", " ").split())
    assert "Invalid value for '--format'" in said
    assert "'rdfxml' is not one of 'turtle', 'jsonld', 'ntriples', 'nquads'" in said


def test_help_lists_commands_and_exit_codes() -> None:
    r = run("--help")
    assert r.exit_code == 0
    for cmd in ("build", "check", "export", "query", "coauthors"):
        assert cmd in r.stdout
    text = " ".join(ln.strip(" │") for ln in r.stdout.splitlines())
    text = " ".join(text.split())
    assert "Exit codes: 0 ok or conformant; 1 the graph breaks a rule; 2 usage or bad input" in text
    assert "3 internal error (a bug: please report it; --debug or SCHOLARKG_DEBUG=1" in text


def test_help_starts_without_heavy_imports() -> None:
    code = (
        "import sys; from scholarkg.cli import app; sys.argv = ['scholarkg', '--help']\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pyoxigraph', 'pyshacl', 'rdflib') if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert "Usage" in r.stdout
    assert r.stdout.splitlines()[-1] == "HEAVY []"


# ---------------------------------------------------------------- errors and exit codes


def _raise(exc: Exception):  # type: ignore[no-untyped-def]
    def fail(*args: object, **kwargs: object) -> None:
        raise exc

    return fail


BUG_LINE = (
    "error: internal error: RuntimeError: boom; this is a bug in scholarkg "
    f"{scholarkg.__version__}: please report it with the command you ran"
)


def test_internal_error_exits_3_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SCHOLARKG_DEBUG", raising=False)
    monkeypatch.setattr("scholarkg.pipeline.build", _raise(RuntimeError("boom")))
    r = run("build", SEED, "--out", tmp_path / "o")
    assert r.exit_code == 3
    assert r.stdout == ""
    assert r.stderr == BUG_LINE + " (--debug shows the traceback)\n"


def test_internal_error_with_debug_shows_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SCHOLARKG_DEBUG", raising=False)
    monkeypatch.setattr("scholarkg.query.coauthors", _raise(RuntimeError("boom")))
    monkeypatch.setattr("scholarkg.store.open_build", lambda out: None)
    for args, env in (
        (["--debug", "coauthors", "X"], {}),
        (["coauthors", "X"], {"SCHOLARKG_DEBUG": "1"}),
    ):
        r = runner.invoke(app, args, env=env)
        assert r.exit_code == 3, args
        lines = r.stderr.splitlines()
        assert lines[0] == "Traceback (most recent call last):"
        assert "in fail" in r.stderr and lines[-2] == "RuntimeError: boom"
        assert lines[-1] == BUG_LINE


def test_a_library_value_error_is_a_bug_not_bad_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: every ValueError was reported as the user's bad input (exit 2)."""
    monkeypatch.setattr("scholarkg.pipeline.build", _raise(ValueError("a bug")))
    r = run("build", SEED, "--out", tmp_path / "o")
    assert r.exit_code == 3
    assert r.stderr.startswith("error: internal error: ValueError: a bug; this is a bug")


def test_typed_errors_exit_with_their_class_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new subclass of a typed error exits with its base's code, with no change to the CLI."""

    class NewInputError(InputError):
        pass

    for exc, code in (
        (NewInputError("pages/x.txt", 4, "odd line", "fix it"), 2),
        (UsageError("bad option", "use another"), 2),
        (AccountingError("a listing went missing"), 3),
    ):
        monkeypatch.setattr("scholarkg.pipeline.build", _raise(exc))
        r = run("build", SEED, "--out", tmp_path / "o")
        assert r.exit_code == code, exc
        assert len(r.stderr.splitlines()) == 1
        assert str(exc) in r.stderr
    assert "this is a bug" in r.stderr  # exit code 3 asks for a report


def test_minter_rejects_a_bad_base_with_a_typed_error() -> None:
    from scholarkg.vocab import Minter

    with pytest.raises(UsageError, match="base IRI must be absolute"):
        Minter("not an iri")


# ---------------------------------------------------------------- conventions


def test_version() -> None:
    r = run("--version")
    assert r.exit_code == 0
    assert r.stdout == f"scholarkg {scholarkg.__version__}\n"
    assert scholarkg.__version__ == importlib.metadata.version("scholarkg")


def _complete(words: str) -> list[str]:
    """What bash completion offers after ``words`` (the installed script, as a shell calls it)."""
    env = {
        **os.environ,
        "_SCHOLARKG_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    script = Path(sys.executable).parent / "scholarkg"
    r = subprocess.run([script], env=env, capture_output=True, text=True, check=True)
    return r.stdout.split()


def test_shell_completion_script_and_choices() -> None:
    r = run("--show-completion", "bash")
    assert r.exit_code == 0
    assert "_SCHOLARKG_COMPLETE=complete_bash" in r.stdout
    assert "complete -o default -F _scholarkg_completion scholarkg" in r.stdout
    assert _complete("scholarkg ") == [
        "build",
        "check",
        "export",
        "site",
        "serve",
        "push",
        "query",
        "coauthors",
        "explain",
    ]
    assert _complete("scholarkg export --format ") == ["turtle", "jsonld", "ntriples", "nquads"]
    assert _complete("scholarkg check --engine ") == ["fast", "pyshacl"]


def test_choice_options_are_the_library_lists() -> None:
    from scholarkg import cli, export, query, validate

    assert tuple(cli.ExportFormat) == export.FORMATS
    assert tuple(cli.ResultFormat) == query.RESULT_FORMATS
    assert tuple(cli.Engine) == validate.ENGINES
    help_text = run("export", "--help").stdout
    assert "turtle|jsonld|ntriples|nq" in help_text


def test_coauthors_by_iri_and_member_preferred(tmp_path: Path) -> None:
    import pyoxigraph as ox

    from scholarkg.errors import UsageError
    from scholarkg.query import coauthors

    ttl = """
    @prefix s: <http://schema.org/> . @prefix skg: <https://w3id.org/scholarkg/ns#> .
    @prefix p: <https://kg.example.org/person/> . @prefix w: <https://kg.example.org/work/> .
    p:ann-lee a s:Person ; s:name "Ann Lee" ; skg:nameKey "ann lee" ; s:memberOf p:m .
    p:ann-lee-2 a s:Person ; s:name "Ann Lee" ; skg:nameKey "ann lee" .
    p:bo-kim a s:Person ; s:name "Bo Kim" ; skg:nameKey "bo kim" .
    p:cy-park a s:Person ; s:name "Cy Park" ; skg:nameKey "cy park" .
    p:dee-wu a s:Person ; s:name "Dee Wu" ; skg:nameKey "dee wu" .
    w:one s:author p:ann-lee, p:bo-kim .
    w:two s:author p:ann-lee-2, p:cy-park .
    """
    store = ox.Store()
    store.load(ttl.encode(), format=ox.RdfFormat.TURTLE)
    member = coauthors(store, "ann lee")  # two people carry the name; one is a member
    assert member.person_iri == "https://kg.example.org/person/ann-lee"
    assert [c.name for c in member.coauthors] == ["Bo Kim"]
    other = coauthors(store, "https://kg.example.org/person/ann-lee-2")
    assert [c.name for c in other.coauthors] == ["Cy Park"]
    store.update("DELETE WHERE { ?p <http://schema.org/memberOf> ?m }")
    with pytest.raises(UsageError, match="names several people") as info:
        coauthors(store, "Ann Lee")
    assert "pass one of the IRIs" in str(info.value)

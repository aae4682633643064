"""Measure the person-name rules on the ACL Anthology's curated name variants, by name alone.

The ACL Anthology keeps a hand-curated list of people, each with a canonical name and the
spellings under which they also published (``acl-name-variants.yaml``, see
``../shared/data/README.md``). Every variant is a pair the pipeline *should* join, and two
canonical entries are two different people, so the file measures both sides of
:func:`scholarkg.names.compare` without any coauthor evidence:

(a) joined by name alone: ``compare(canonical, variant)`` is EXACT or STRONG (resolve.py merges
    those by name when nothing contradicts);
(b) joinable with context: at least WEAK (merged only with a shared paper or coauthor);
(c) never joined: CONFLICT, classified by simple heuristics into kinds (surname typo, surname
    change, transliteration, swapped order, dropped part, mojibake, …) with examples;
(d) false joins: pairs of different canonical people that share a blocking key, and how many of
    them ``compare`` rates EXACT/STRONG (wrongly joinable by name) or WEAK.

Names are read as the pipeline sees them, ``normalize_case(parse_name(f"{first} {last}"))``
(profile pages print "First Last"), and also in the structured form
``PersonName(tuple(first.split()), last)``; both are reported.

The file is read by a lenient line-by-line reader rather than YAML: the stored file does not load
with ``yaml.safe_load`` (lines 5323–5324 miss ``variants:``) and one unquoted comma
(``last: Clippinger, Jr.``) would be read by YAML as an extra key. Both are recovered and reported;
anything else unexpected raises :class:`scholarkg.errors.InputError` naming the line.

Usage: ``python benchmarks/names_acl.py [--data FILE] [--out benchmarks/NAMES.md] [--examples N]``
"""

from __future__ import annotations

import argparse
import datetime as _dt
import difflib
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from scholarkg.errors import InputError
from scholarkg.names import normalize_case, parse_name
from scholarkg.records import PersonName
from scholarkg.text import fold, fold_tight

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "acl-name-variants.yaml"
DEFAULT_OUT = ROOT / "benchmarks" / "NAMES.md"

# ---------------------------------------------------------------- loading


@dataclass(frozen=True, slots=True)
class AclName:
    """One name as the file gives it, with the 1-based line it is on."""

    first: str
    last: str
    line: int

    @property
    def printed(self) -> str:
        """The name as a profile page prints it: ``First Last``."""
        return " ".join(f"{self.first} {self.last}".split())


@dataclass(frozen=True, slots=True)
class AclPerson:
    canonical: AclName
    variants: tuple[AclName, ...]
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class AclFile:
    path: str
    people: tuple[AclPerson, ...]
    repairs: tuple[str, ...]  # "path:line: what was recovered", one per upstream error

    @property
    def n_variants(self) -> int:
        return sum(len(p.variants) for p in self.people)


_CANONICAL = re.compile(r"^- canonical:\s*(\{.*\})\s*$")
_VARIANTS = re.compile(r"^  variants:\s*$")
_VARIANT = re.compile(r"^  - (\{.*\})\s*$")
_COMMENT = re.compile(r"^  comment:\s*(.*)$")
_CONTINUATION = re.compile(r"^    \S")
_BLANK = re.compile(r"^\s*(?:#.*)?$")
_SCALAR = r"'(?:[^']|'')*'|\"(?:[^\"\\]|\\.)*\"|[^'\"].*?|"
_MAPPING = re.compile(
    rf"^\{{\s*first:\s*(?P<first>{_SCALAR})\s*,\s*last:\s*(?P<last>{_SCALAR})\s*\}}$"
)
_KEY_LIKE = re.compile(r"^[A-Za-z_][\w-]*:(?:\s|$)")


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return text


def _parse_mapping(text: str, path: str, line: int, repairs: list[str]) -> AclName:
    m = _MAPPING.match(text)
    if m is None:
        raise InputError(
            path,
            line,
            f"cannot read name {text!r}",
            "expected {first: ..., last: ...}; quote values that contain commas or colons",
        )
    first, last = m.group("first"), m.group("last")
    if not last.startswith(("'", '"')) and "," in last:
        rest = [p.strip() for p in last.split(",")[1:]]
        if any(_KEY_LIKE.match(p) for p in rest):
            raise InputError(path, line, f"unexpected key in {text!r}", "only first and last")
        repairs.append(
            f"{path}:{line}: unquoted comma in last name {last!r}; read as one value "
            f"(YAML would read an extra key {rest[-1]!r})"
        )
    return AclName(_unquote(first), _unquote(last), line)


def parse_acl(text: str, path: str = "<acl>") -> AclFile:
    """Read the ACL name-variant list leniently; upstream errors are recovered and reported."""
    people: list[AclPerson] = []
    repairs: list[str] = []
    canonical: AclName | None = None
    variants: list[AclName] = []
    comment: list[str] | None = None
    seen_key = False
    in_comment = False

    def flush() -> None:
        if canonical is not None:
            note = " ".join(comment) if comment is not None else None
            people.append(AclPerson(canonical, tuple(variants), note))

    for lineno, raw in enumerate(text.splitlines(), start=1):
        if in_comment and _CONTINUATION.match(raw) and comment is not None:
            comment.append(raw.strip())
            continue
        in_comment = False
        if _BLANK.match(raw):
            continue
        if m := _CANONICAL.match(raw):
            flush()
            canonical = _parse_mapping(m.group(1), path, lineno, repairs)
            variants, comment, seen_key = [], None, False
        elif canonical is None:
            raise InputError(path, lineno, "entry before any '- canonical:'", "check the indent")
        elif _VARIANTS.match(raw):
            if seen_key:
                raise InputError(path, lineno, "second 'variants:' key", "merge the two lists")
            seen_key = True
        elif m := _VARIANT.match(raw):
            if not seen_key:
                repairs.append(
                    f"{path}:{lineno}: variant listed without a 'variants:' key (upstream "
                    f"error); read as a variant of {canonical.printed} (line {canonical.line})"
                )
                seen_key = True
            variants.append(_parse_mapping(m.group(1), path, lineno, repairs))
        elif m := _COMMENT.match(raw):
            comment, in_comment = [m.group(1).strip()], True
        else:
            raise InputError(
                path,
                lineno,
                f"unexpected line {raw.strip()!r}",
                "expected '- canonical:', 'variants:', '- {first: ..., last: ...}' or 'comment:'",
            )
    flush()
    return AclFile(path, tuple(people), tuple(repairs))


def load_acl(path: str | Path = DEFAULT_DATA) -> AclFile:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(p), None, f"cannot read: {exc}", "pass --data FILE") from exc
    return parse_acl(text, str(p))


# ---------------------------------------------------------------- the two readings


def pipeline_name(n: AclName) -> PersonName:
    """What the pipeline sees: a profile page prints ``First Last``."""
    return normalize_case(parse_name(n.printed))


def structured_name(n: AclName) -> PersonName:
    """The file's own split into first and last."""
    return PersonName(tuple(n.first.split()), " ".join(n.last.split()))


READINGS: dict[str, Callable[[AclName], PersonName]] = {
    "pipeline": pipeline_name,
    "structured": structured_name,
}


# ---------------------------------------------------------------- classifying what is missed

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_MOJIBAKE_CODECS = (("cp1252", "utf-8"), ("latin-1", "utf-8"), ("cp1252", "cp1250"))


def _tokens(text: str) -> list[str]:
    folded: str = fold(unicodedata.normalize("NFC", text))
    return folded.split()


def _redecode(text: str) -> set[str]:
    out = set()
    for enc, dec in _MOJIBAKE_CODECS:
        try:
            fixed = text.encode(enc).decode(dec)
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != text:
            out.add(fold(fixed))
    return out


def _scripts(word: str) -> set[str]:
    return {
        unicodedata.name(c, "?").split()[0] for c in word if c.isalpha() and not c.isascii()
    } | ({"LATIN"} if any(c.isascii() and c.isalpha() for c in word) else set())


def _encoding_damage(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if fb in _redecode(a) or fa in _redecode(b):
        return True
    words = [*a.split(), *b.split()]
    return any(len(_scripts(w)) > 1 for w in words) or "Ã" in a + b or "Â" in a + b


def _sound(word: str) -> str:
    """A rough spelling-free key, for classifying only: Yulia/Julia, Tohru/Toru, Nicolas."""
    w = fold_tight(word)
    for x, y in (("tch", "c"), ("ph", "f"), ("ck", "k"), ("ks", "x"), ("ou", "u"), ("oo", "o")):
        w = w.replace(x, y)
    w = re.sub(r"(?<=[bcdfgjklmnpqrstvwxz])h", "", w)
    w = w.translate(str.maketrans("yjwkq", "iivcc"))
    return re.sub(r"(.)\1+", r"\1", w)


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (short strings only)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _spelling_kind(a: str, b: str, what: str) -> str | None:
    """``a`` and ``b`` spelled differently: transliteration, typo, or not a spelling at all."""
    ta, tb = fold_tight(a), fold_tight(b)
    if not ta or not tb:
        return None
    if _sound(ta) == _sound(tb):
        return f"{what}: transliteration / spelling variant"
    ratio = difflib.SequenceMatcher(None, ta, tb).ratio()
    if _edits(ta, tb) <= 2 or ratio >= 0.8:
        return f"{what}: typo"
    return None


def _first_compatible(a: list[str], b: list[str]) -> bool:
    from scholarkg.names import nickname_relatives

    if not a or not b:
        return True
    x, y = a[0], b[0]
    if x == y or ((len(x) == 1 or len(y) == 1) and x[0] == y[0]):
        return True
    short, long_ = sorted((x, y), key=len)
    return (
        y in nickname_relatives(x)
        or x in nickname_relatives(y)
        or (len(short) >= 3 and long_.startswith(short))
    )


def _is_subsequence(short: Sequence[str], long_: Sequence[str]) -> bool:
    it = iter(long_)
    return all(any(_token_match(s, t) for t in it) for s in short)


def _token_match(a: str, b: str) -> bool:
    return a == b or ((len(a) == 1 or len(b) == 1) and a[0] == b[0])


# Why names alone cannot join what is left of each kind (shown beside the counts).
KIND_NOTES = {
    "encoding damage (mojibake, homoglyph)": "ć shown as æ (cp1250 read as cp1252) must be "
    "repaired where the file's encoding is known; æ is also a real letter",
    "umlaut written out (ü → ue)": "",
    "order swapped (family first, or given names reordered)": "a trailing V or IV is read as "
    "a roman-numeral suffix",
    "surname given as an initial": "'Deepak P' would have to be compared with every Deepak P…: "
    "a block per first name and family initial",
    "middle names differ": "clashing middles (Greville C./G.) or a hyphenated given name spelled "
    "two ways (Yi-Rong/Yi-Rung): clashing middles are what keeps namesakes apart",
    "given name dropped or added (goes by a middle or Western name)": "what is left is part of "
    "a hyphenated name (Minh-Thang/Thang; Xiao-Ming is not Ming) or initials only",
    "surname part dropped or added (double surname, middle read as surname)": "what is left "
    "combines two changes, or keeps a single word",
    "given name: transliteration / spelling variant": "romanisations (shi/si, y/i, j/y, "
    "Christian/Cristian): a phonetic key would also join Chinese names a letter apart",
    "given name: typo": "one-letter edits also separate real people (Wei/Wen, Xiaojun/Xiaoyun)",
    "surname: transliteration / spelling variant": "as for given names (Arefyev/Arefiev, "
    "Tateisi/Tateishi)",
    "surname: typo": "one-letter edits also separate real people (Chen/Cheng, Lin/Li, Guo/Gao)",
    "different given name (nickname not in the list, other name)": "short forms missing from "
    "the nickname list; a prefix rule (Xin/Xinnian) would join Chinese names (Shu/Shuo)",
    "surname changed (marriage, other name)": "the new surname shares nothing with the old",
    "other (both given and family differ)": "",
}


def classify(canonical: AclName, variant: AclName) -> str:
    """The kind of difference between a canonical name and a variant, by simple heuristics."""
    c_all = f"{canonical.first} {canonical.last}"
    v_all = f"{variant.first} {variant.last}"
    if _encoding_damage(c_all, v_all):
        return "encoding damage (mojibake, homoglyph)"
    if fold_tight(c_all.translate(_UMLAUTS)) == fold_tight(v_all.translate(_UMLAUTS)):
        return "umlaut written out (ü → ue)"
    ct, vt = _tokens(c_all), _tokens(v_all)
    if sorted(ct) == sorted(vt):
        return "order swapped (family first, or given names reordered)"
    cg, cf = _tokens(canonical.first), _tokens(canonical.last)
    vg, vf = _tokens(variant.first), _tokens(variant.last)
    # full words in common taken out, what is left on one side is initials of the other
    rest_c = [t for t in ct if len(t) > 1 and t not in vt] + [t for t in ct if len(t) == 1]
    rest_v = [t for t in vt if len(t) > 1 and t not in ct] + [t for t in vt if len(t) == 1]
    for short, long_ in ((rest_c, rest_v), (rest_v, rest_c)):
        if (
            short
            and all(len(t) == 1 for t in short)
            and len(long_) >= len(short)
            and sorted(t[0] for t in long_) == sorted(short)
            and any(len(t) > 1 for t in long_)
            and (len(cf[-1:][0] if cf else "") == 1 or len(vf[-1:][0] if vf else "") == 1)
        ):
            return "surname given as an initial"
    same_family = fold_tight(canonical.last) == fold_tight(variant.last)
    short, long_ = sorted((ct, vt), key=len)
    if len(short) < len(long_) and _is_subsequence(short, long_):
        if same_family:
            if cg[:1] == vg[:1]:
                return "middle names differ"
            return "given name dropped or added (goes by a middle or Western name)"
        return "surname part dropped or added (double surname, middle read as surname)"
    if same_family:
        if cg[:1] == vg[:1]:
            return "middle names differ"
        if cg and vg:
            kind = _spelling_kind(cg[0], vg[0], "given name")
            if kind:
                return kind
        if sorted(cg) != sorted(vg) and set(cg) & set(vg):
            return "given name dropped or added (goes by a middle or Western name)"
        return "different given name (nickname not in the list, other name)"
    if _first_compatible(cg, vg):
        kind = _spelling_kind(canonical.last, variant.last, "surname")
        if kind:
            return kind
        if set(cf) & set(vf) or set(cf) & set(vg) or set(vf) & set(cg):
            return "surname part dropped or added (double surname, middle read as surname)"
        return "surname changed (marriage, other name)"
    return "other (both given and family differ)"


# ---------------------------------------------------------------- measuring


NameRules = ModuleType


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout


def describe_rules(spec: str | None) -> str:
    """One line on what a set of rules is: the commit's date and subject, or the file."""
    if spec is None:
        return "the working tree's `src/scholarkg/names.py`"
    if Path(spec).is_file():
        return f"the file `{spec}`"
    try:
        return _git("log", "-1", "--date=short", "--format=%h, %ad: %s", spec).strip()
    except (OSError, subprocess.CalledProcessError):
        return spec


def load_rules(spec: str | None) -> NameRules:
    """The current rules, or a baseline: a file, or a git revision of ``src/scholarkg/names.py``."""
    if spec is None:
        import scholarkg.names

        return sys.modules[scholarkg.names.__name__]
    path = Path(spec)
    if path.is_file():
        source = path.read_text(encoding="utf-8")
    else:
        try:
            source = _git("show", f"{spec}:src/scholarkg/names.py")
        except (OSError, subprocess.CalledProcessError) as exc:
            hint = "pass a names.py file or a revision such as HEAD"
            raise InputError(spec, None, "not a file nor a git revision", hint) from exc
    name = "scholarkg._names_" + re.sub(r"\W", "_", spec)
    module = ModuleType(name)
    module.__package__ = "scholarkg"
    module.__file__ = f"<{spec}:names.py>"
    sys.modules[name] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


def reading(rules: NameRules, how: str) -> Callable[[AclName], PersonName]:
    if how == "pipeline":
        return lambda n: rules.normalize_case(rules.parse_name(n.printed))
    return structured_name


@dataclass
class VariantStats:
    reading: str
    total: int = 0
    levels: Counter[int] = field(default_factory=Counter)
    blocked: int = 0  # canonical and variant share a blocking key (else never compared)
    joined_blocked: int = 0  # EXACT/STRONG and blocked
    weak_blocked: int = 0  # at least WEAK and blocked
    conflicts: list[tuple[AclName, AclName]] = field(default_factory=list)

    @property
    def joined(self) -> int:
        return self.levels[3] + self.levels[2]

    @property
    def at_least_weak(self) -> int:
        return self.joined + self.levels[1]


def measure_variants(acl: AclFile, rules: NameRules, how: str) -> VariantStats:
    read = reading(rules, how)
    stats = VariantStats(how)
    for person in acl.people:
        cn = read(person.canonical)
        ckeys = rules.block_keys(cn)
        for v in person.variants:
            vn = read(v)
            level = int(rules.compare(cn, vn))
            stats.total += 1
            stats.levels[level] += 1
            if ckeys & rules.block_keys(vn):
                stats.blocked += 1
                stats.joined_blocked += level >= 2
                stats.weak_blocked += level >= 1
            if level == 0:
                stats.conflicts.append((person.canonical, v))
    return stats


@dataclass
class FalseJoinStats:
    what: str
    people: int = 0
    pairs: int = 0  # pairs of different people sharing a blocking key
    levels: Counter[int] = field(default_factory=Counter)
    examples: dict[int, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))


def measure_false_joins(
    acl: AclFile, rules: NameRules, how: str, all_forms: bool = False
) -> FalseJoinStats:
    """Pairs of different people whose names share a blocking key, and how compare() rates them.

    With ``all_forms`` every spelling of each person takes part and a pair of people is rated by
    its best-agreeing pair of spellings.
    """
    read = reading(rules, how)
    forms: list[tuple[int, AclName, PersonName]] = []
    for pid, person in enumerate(acl.people):
        names = [person.canonical, *person.variants] if all_forms else [person.canonical]
        forms.extend((pid, n, read(n)) for n in names)
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, (_pid, _n, pn) in enumerate(forms):
        for k in rules.block_keys(pn):
            blocks[k].append(i)
    best: dict[tuple[int, int], tuple[int, int, int]] = {}
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                pi, pj = forms[i][0], forms[j][0]
                if pi == pj:
                    continue
                pair = (min(pi, pj), max(pi, pj))
                level = int(rules.compare(forms[i][2], forms[j][2]))
                if pair not in best or level > best[pair][0]:
                    best[pair] = (level, i, j)
    stats = FalseJoinStats("all spellings" if all_forms else "canonical names", len(acl.people))
    stats.pairs = len(best)
    for pair in sorted(best):
        level, i, j = best[pair]
        stats.levels[level] += 1
        stats.examples[level].append((forms[i][1].printed, forms[j][1].printed))
    return stats


# ---------------------------------------------------------------- report

LEVELS = ("CONFLICT", "WEAK", "STRONG", "EXACT")


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "–"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


@dataclass
class Report:
    acl: AclFile
    variants: dict[tuple[str, str], VariantStats]  # (rules label, reading) → stats
    false_joins: dict[tuple[str, str], FalseJoinStats]  # (rules label, spellings) → stats
    seconds: float
    legend: dict[str, str] = field(default_factory=dict)  # rules label → what they are

    def markdown(self, examples: int = 4, today: _dt.date | None = None) -> str:
        acl = self.acl
        day = (today or _dt.date.today()).isoformat()
        labels = list(dict.fromkeys(label for label, _ in self.variants))
        out = [
            "# Person-name rules on the ACL Anthology name variants",
            "",
            f"Generated by `python benchmarks/names_acl.py` on {day} ({self.seconds:.1f} s).",
            "",
            f"Data: `{Path(acl.path).name}`, {len(acl.people):,} people (canonical names), "
            f"{acl.n_variants:,} variants. Names alone, no coauthor evidence.",
            "",
            "Upstream errors recovered while reading:",
            "",
            *[f"- {Path(r).name}" for r in acl.repairs],
            "",
            'Readings: **pipeline** = `normalize_case(parse_name("First Last"))`, what a profile '
            "page gives the pipeline; **structured** = `PersonName(tuple(first.split()), last)`, "
            "the file's own split.",
            "",
            "Rules measured:",
            "",
            *[f"- **{label}**: {what}" for label, what in self.legend.items()],
            "",
            "## Variants of one person (should join)",
            "",
            "(a) joined by name alone = EXACT or STRONG; (b) joinable with context = at least "
            "WEAK; (c) never joined = CONFLICT. *Blocked* = the two names share a `block_keys` "
            "key, which resolve.py needs before it compares them at all.",
            "",
            "| rules | reading | EXACT | STRONG | WEAK | CONFLICT | (a) joined | (b) ≥ WEAK "
            "| (c) conflict | share a block key | (a) and blocked | (b) and blocked |",
            "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for (label, how), s in self.variants.items():
            lv = s.levels
            out.append(
                f"| {label} | {how} | {lv[3]:,} | {lv[2]:,} | {lv[1]:,} | {lv[0]:,} "
                f"| {s.joined:,} ({_pct(s.joined, s.total)}) "
                f"| {s.at_least_weak:,} ({_pct(s.at_least_weak, s.total)}) "
                f"| {lv[0]:,} ({_pct(lv[0], s.total)}) "
                f"| {s.blocked:,} ({_pct(s.blocked, s.total)}) "
                f"| {s.joined_blocked:,} ({_pct(s.joined_blocked, s.total)}) "
                f"| {s.weak_blocked:,} ({_pct(s.weak_blocked, s.total)}) |"
            )
        current = labels[-1]
        kinds = {
            label: Counter(classify(c, v) for c, v in self.variants[(label, "pipeline")].conflicts)
            for label in labels
        }
        total = self.variants[(current, "pipeline")].total
        head = " | ".join(f"{label}" for label in labels)
        out += [
            "",
            f"### Kinds of CONFLICT, pipeline reading ({current} rules' examples)",
            "",
            "Classified by simple heuristics on the file's first/last (benchmarks/names_acl.py "
            "`classify`); a count is variants, of all "
            f"{total:,}.",
            "",
            f"| kind | {head} | examples (canonical → variant) | why names alone miss the rest |",
            "|---|" + "--:|" * len(labels) + "---|---|",
        ]
        by_kind: dict[str, list[str]] = defaultdict(list)
        for c, v in self.variants[(current, "pipeline")].conflicts:
            by_kind[classify(c, v)].append(f"{c.printed} → {v.printed}")
        all_kinds = sorted(
            set().union(*kinds.values()),
            key=lambda k: (-kinds[current][k], -kinds[labels[0]][k], k),
        )
        for kind in all_kinds:
            counts = " | ".join(f"{kinds[label][kind]:,}" for label in labels)
            ex = "; ".join(_md_escape(e) for e in by_kind[kind][:examples])
            out.append(f"| {kind} | {counts} | {ex} | {KIND_NOTES.get(kind, '')} |")
        out += [
            "",
            "## Different people (should not join)",
            "",
            "Pairs of different people whose names share a blocking key, rated by `compare`. "
            "(d) false join by name alone = EXACT or STRONG. With *all spellings*, a pair of "
            "people is rated by its best-agreeing pair of spellings (the file lists some "
            "people who published under the same name, e.g. two Robert Mercers).",
            "",
            "| rules | reading | spellings | pairs | EXACT | STRONG | WEAK | (d) EXACT+STRONG "
            "| WEAK share |",
            "|---|---|---|--:|--:|--:|--:|--:|--:|",
        ]
        for (label, what), f in self.false_joins.items():
            lv = f.levels
            js = lv[3] + lv[2]
            out.append(
                f"| {label} | pipeline | {what} | {f.pairs:,} | {lv[3]:,} | {lv[2]:,} "
                f"| {lv[1]:,} | {js:,} ({_pct(js, f.pairs)}) | {_pct(lv[1], f.pairs)} |"
            )
        for (label, what), f in self.false_joins.items():
            if label != current:
                continue
            pairs = [*f.examples[3], *f.examples[2]]
            out += ["", f"EXACT/STRONG pairs of different people ({what}, {label} rules):", ""]
            out += [f"- {_md_escape(a)} / {_md_escape(b)}" for a, b in pairs] or ["- none"]
            weak = f.examples[1]
            if weak:
                shown = "; ".join(f"{_md_escape(a)} / {_md_escape(b)}" for a, b in weak[:examples])
                out += ["", f"WEAK examples: {shown}"]
        return "\n".join(out) + "\n"


def run(data: str | Path = DEFAULT_DATA, baselines: Sequence[str] = ()) -> Report:
    """Measure the current rules, and before them each baseline (a names.py or a revision)."""
    start = time.perf_counter()
    acl = load_acl(data)
    rule_sets = [(spec, load_rules(spec)) for spec in baselines]
    rule_sets.append(("current", load_rules(None)))
    legend = {
        label: describe_rules(spec)
        for label, spec in zip([s for s, _ in rule_sets], [*baselines, None], strict=True)
    }
    variants: dict[tuple[str, str], VariantStats] = {}
    false_joins: dict[tuple[str, str], FalseJoinStats] = {}
    for label, rules in rule_sets:
        for how in READINGS:
            variants[(label, how)] = measure_variants(acl, rules, how)
        for all_forms in (False, True):
            f = measure_false_joins(acl, rules, "pipeline", all_forms)
            false_joins[(label, f.what)] = f
    return Report(acl, variants, false_joins, time.perf_counter() - start, legend)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA), help="the ACL name-variant YAML")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="where to write the markdown table")
    ap.add_argument(
        "--baseline",
        action="append",
        default=[],
        help="also measure these rules: a names.py file or a git revision (repeatable)",
    )
    ap.add_argument("--examples", type=int, default=4, help="examples shown per kind")
    args = ap.parse_args(argv)
    try:
        report = run(args.data, args.baseline)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    acl = report.acl
    print(
        f"read {len(acl.people):,} canonical names and {acl.n_variants:,} variants "
        f"from {acl.path}; {len(acl.repairs)} upstream error(s) recovered:",
        file=sys.stderr,
    )
    for r in acl.repairs:
        print(f"  {r}", file=sys.stderr)
    text = report.markdown(args.examples)
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

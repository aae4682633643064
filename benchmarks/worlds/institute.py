"""The world behind the pages: people, labs, papers and cards, and the printed pages.

One ``_Institute`` holds all generation state for one call; it reads its ``World`` for every
knob. See ``benchmarks/generate.py`` for the page format and the truth it writes.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .acl import AclPerson, hard
from .names import (
    _INITIALS,
    CULTURE_BY_KEY,
    CULTURES,
    ENGLISH_FIRSTS,
    GIVEN_SYLLABLE_SHARE,
    GIVEN_SYLLABLES,
    NICKNAMES,
    SURNAME_PARTS,
    SURNAME_TAIL_SHARE,
    Culture,
    Person,
    _build_person,
    _rebuild,
    make_acl_person,
    make_person,
    render_variant,
)
from .spec import MessRates, World
from .titles import (
    _ABSTRACT_OPENERS,
    _ABSTRACT_SENTENCES,
    _ACRONYM_C,
    _ACRONYM_V,
    _METHOD_HEADS,
    _METHOD_TAILS,
    _SEE_MORE,
    _SMALL_WORDS,
    _SUBTITLES,
    _VERSION_WORDS,
    SHORT_TEMPLATES,
    TITLE_TEMPLATES,
    VOCAB,
    TitleSpec,
    _articles,
    _bar,
    _cap,
    _decap,
    _title_key,
    title_case,
    to_sentence_case,
)

ROLES = (
    "Core Academic Member", "Associate Academic Member", "Affiliate Member", "Associate Member",
    "Core Industry Member", "Associate Industry Member",
)  # fmt: skip
JOB_TITLES = (
    "Assistant Professor", "Associate Professor", "Full Professor", "Professor",
    "Research Scientist", "Senior Research Scientist", "Staff Research Scientist",
    "Principal Researcher", "Research Engineer", "Adjunct Professor", "Lecturer",
    "Senior Lecturer", "Research Director", "Distinguished Scientist",
)  # fmt: skip
EMPLOYERS = (
    "Université de Montréal", "McGill University", "Polytechnique Montréal", "HEC Montréal",
    "Concordia University", "Université Laval", "University of Toronto", "University of Oxford",
    "University of Cambridge", "ETH Zürich", "EPFL", "Google DeepMind", "Google Research",
    "Microsoft Research", "Meta AI", "ServiceNow Research", "Samsung AI Center",
    "IBM Research", "NVIDIA", "Université de Sherbrooke", "University of Amsterdam",
    "Max Planck Institute for Intelligent Systems", "Inria", "Sorbonne Université",
    "Technische Universität München", "KAIST", "Tsinghua University", "Peking University",
    "Indian Institute of Science", "Universidade de São Paulo", "Universitat Pompeu Fabra",
    "University of Copenhagen", "KTH Royal Institute of Technology", "Boğaziçi University",
    "McGill University, School of Computer Science",
    "Université de Montréal, Department of Computer Science and Operations Research",
)  # fmt: skip
TOPICS = tuple(
    sorted(
        _bar(
            """Active Learning|Causality|Computational Biology|Computer Vision|
        Continual Learning|Deep Learning|Deep Neural Networks|Dynamical Systems|
        Few-Shot Learning|Fairness|Generalization|Generative Models|Geometric Deep Learning|
        Graph Neural Networks|Information Theory|Large Language Models (LLM)|
        Lifelong Learning|Machine Learning Theory|Mechanistic Interpretability|Medical Imaging|
        Meta-Learning|Molecular Modeling|Multi-Agent Systems|Natural Language Processing|
        Neural Networks|Neuroscience|Optimization|Out-of-Distribution (OOD) Generalization|
        Probabilistic Models|Recurrent Neural Networks|Reinforcement Learning|
        Representation Learning|Robotics|Safety|Speech Processing|Statistical Learning Theory|
        Time Series|Uncertainty|AI for Science|AI Ethics|Climate|Computational Neuroscience|
        Drug Discovery|Federated Learning|Human-Computer Interaction|Multimodal Learning|
        Privacy|Quantum Computing|Recommender Systems|Self-Supervised Learning|
        Vision and Language"""
        )
    )
)


_Line = tuple[str, Person, tuple[str, ...]]  # printed text, true person, kinds of mess


@dataclass(slots=True)
class _Paper:
    wid: int
    spec: TitleSpec
    title: str
    authors: list[Person]
    abstract: str | None
    version_title: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(slots=True)
class _Entry:
    title: str
    wid: int
    tags: tuple[str, ...]
    authors: list[_Line]
    abstract: str | None = None
    abstract_cut: bool = False


@dataclass(slots=True)
class _Page:
    owner: Person
    remaining: int
    groups: list[list[_Entry]] = field(default_factory=list)


class _Institute:
    """All generation state; one instance per ``generate`` call."""

    def __init__(
        self, rng: random.Random, world: World, listings: int, acl: Sequence[AclPerson] = ()
    ) -> None:
        self.rng = rng
        self.world = world
        self.rates: MessRates = world.rates
        if world.culture_weights:
            weights = dict(world.culture_weights)
            unknown = set(weights) - set(CULTURE_BY_KEY)
            if unknown:
                raise ValueError(f"world {world.name}: unknown cultures {sorted(unknown)}")
            self.cultures = tuple(c for c in CULTURES if weights.get(c.key, 0.0) > 0)
            self.culture_cum = list(itertools.accumulate(weights[c.key] for c in self.cultures))
        else:
            self.cultures = CULTURES
            self.culture_cum = list(itertools.accumulate(c.weight for c in CULTURES))
        self.zipf_cache: dict[tuple[str, str], list[float]] = {}
        self.people: list[Person] = []  # every person made (namesakes of anyone)
        self.pending: list[tuple[Culture, str, str]] = []  # part-surname people to make next
        self.part_surname: set[int] = set()
        self.acl = list(acl)
        if self.acl:
            rng.shuffle(self.acl)
            # the names a reader can stumble on come first: members and prolific people
            self.acl.sort(key=lambda real: not hard(real))
            self.acl.reverse()  # popped from the end, in shuffled order
        self.name_pids: dict[int, list[int]] = {}  # usual-name key -> printed people
        self.short_titles: set[str] = set()
        self.printed_people: dict[int, Person] = {}  # everyone printed, for people.jsonl
        self.listings = listings
        self.next_pid = 0
        self.next_wid = 0
        self.title_keys: set[int] = set()
        self.mentioned = bytearray()
        self.listed = bytearray()
        self.counts: dict[str, int] = {}
        self.name_counts: dict[int, int] = {}  # normalised canonical name -> people
        self.sizes = self._page_sizes()
        self.name_keys: set[int] = set()  # usual names taken
        self.homonyms: set[int] = set()  # people given the usual name of another
        self.members = [self._new_person(homonym_ok=False, member=True) for _ in self.sizes]
        self.n_members = len(self.members)
        self.directors = self.members[: world.directors]
        self.director_pids = {p.pid for p in self.directors}
        pool_size = max(30, listings // world.pool_divisor)
        self.pool = [self._new_person(homonym_ok=False) for _ in range(pool_size)]
        # a direct pick from the pool is mildly Zipf: a few external people are prolific
        # without one person dominating every pairwise count
        self.pool_cum = _zipf_cum(pool_size, 0.6)

    # -- people -----------------------------------------------------------

    def _new_person(self, homonym_ok: bool = True, member: bool = False) -> Person:
        """A new person whose usual name no earlier person has, or now and then a namesake.

        On a clash the name is drawn again; after a few clashes a middle initial is added,
        as people with common names tend to do. In a "population" world names are drawn
        by frequency and never redrawn: namesakes arise as often as the frequencies make
        them.
        """
        person = self._make_person(homonym_ok, member)
        if self.world.homonym_scope == "all":
            self.people.append(person)
        return person

    def _make_person(self, homonym_ok: bool, member: bool) -> Person:
        rng = self.rng
        world = self.world
        pid = self.next_pid
        self.next_pid += 1
        if self.pending:  # "Ana Ortiz" after "Ana Ortiz-Lee": a different person
            culture, given, part = self.pending.pop()
            person = make_person(pid, culture, given, part, rng, self.rates)
            if self._claim_name(person):
                self.part_surname.add(pid)
                return person
        if homonym_ok and rng.random() < self.rates.homonym:
            self.homonyms.add(pid)
            if world.homonym_scope == "all" and self.people:
                return replace(rng.choice(self.people), pid=pid)
            return replace(rng.choice(self.pool), pid=pid)
        if member and world.member_homonym and self.people and rng.random() < world.member_homonym:
            self.homonyms.add(pid)
            return replace(rng.choice(self.people), pid=pid)
        if self.acl:
            real = self.acl.pop()
            person = make_acl_person(pid, real, self.rates)
            self._claim_name(person)  # two real people may print alike: kept as namesakes
            return person
        culture = rng.choices(self.cultures, cum_weights=self.culture_cum)[0]
        population = world.name_mode == "population"
        for attempt in range(20):
            given = self._given(culture)
            surname = self._surname(culture)
            if rng.random() < culture.hyphen_prob * world.hyphen_boost and "-" not in surname:
                other = self._surname(culture)
                if other != surname and "-" not in other:
                    surname = f"{surname}-{other}"
            person = make_person(pid, culture, given, surname, rng, self.rates)
            if population:
                self._claim_name(person)
                break
            if attempt >= 4 and (not person.middles or person.middle_style == "hidden"):
                person = replace(person, middles=(rng.choice(_INITIALS),), middle_style="initial")
                person = _rebuild(person, self.rates)
            if self._claim_name(person):
                break
        if world.part_surname and "-" in person.surname and rng.random() < world.part_surname:
            first, _, second = person.surname.partition("-")
            part = first if rng.random() < 0.6 else second
            self.pending.append((culture, person.given, part))
        return person

    def _claim_name(self, person: Person) -> bool:
        key = _title_key(person.canonical)
        if key in self.name_keys:
            return False
        self.name_keys.add(key)
        return True

    def _given(self, culture: Culture) -> str:
        rng = self.rng
        world = self.world
        if culture.key != "english" and rng.random() < 0.08:
            return _skewed(rng, ENGLISH_FIRSTS, 1.3)  # "Stephanie Chan", "Kevin Zhang"
        syllables = GIVEN_SYLLABLES.get(culture.key)
        share = GIVEN_SYLLABLE_SHARE if world.given_tail < 0 else world.given_tail
        if syllables and share > 0 and rng.random() < share:
            first, second = rng.choice(syllables), rng.choice(syllables)
            if culture.key == "korean" and rng.random() < 0.5:
                return f"{first.capitalize()}-{second}"
            if culture.key == "cantonese":
                return first.capitalize()
            return first.capitalize() + ("" if rng.random() < 0.15 else second)
        firsts = culture.firsts[: world.head_names] if world.head_names else culture.firsts
        if world.name_mode == "population":
            return self._zipf(culture.key, "given", firsts, world.given_zipf)
        return _skewed(rng, firsts, 1.1)

    def _surname(self, culture: Culture) -> str:
        rng = self.rng
        world = self.world
        parts = SURNAME_PARTS.get(culture.key)
        exponent, tail = 1.0, SURNAME_TAIL_SHARE
        if world.name_mode == "population":
            exponent, tail = {key: (e, t) for key, e, t in world.surname_zipf}.get(
                culture.key, world.surname_zipf_default
            )
        elif world.surname_tail >= 0:
            tail = world.surname_tail
        if parts and tail > 0 and rng.random() < tail:
            roots, patterns = parts
            return rng.choice(patterns).format(rng.choice(roots))
        surnames = culture.surnames[: world.head_names] if world.head_names else culture.surnames
        if world.name_mode == "population":
            return self._zipf(culture.key, "family", surnames, exponent)
        return _skewed(rng, surnames, culture.surname_skew)

    def _zipf(self, key: str, kind: str, items: Sequence[str], exponent: float) -> str:
        """Rank r drawn with probability proportional to 1 / r**exponent (most common first)."""
        cum = self.zipf_cache.get((key, kind))
        if cum is None or len(cum) != len(items):
            cum = self.zipf_cache[(key, kind)] = _zipf_cum(len(items), exponent)
        return self.rng.choices(items, cum_weights=cum)[0]

    def _confusable(self, anchor: Person) -> Person | None:
        """A different person sharing ``anchor``'s surname, and maybe first initial."""
        rng = self.rng
        if anchor.culture not in CULTURE_BY_KEY:  # a real name: no table to draw from
            return None
        culture = CULTURE_BY_KEY[anchor.culture]
        for _ in range(8):
            how = rng.random()
            given, middles, style = anchor.given, anchor.middles, anchor.middle_style
            if how < 0.45:  # Wei Wang / Wen Wang
                same_initial = [
                    f for f in culture.firsts if f[0] == anchor.given[0] and f != anchor.given
                ]
                given = rng.choice(same_initial) if same_initial else rng.choice(culture.firsts)
            elif how < 0.7:  # Wei Wang / Wei Q. Wang
                middles = (rng.choice(_INITIALS),)
                style = "initial"
            else:  # Wei Wang / Li Wang
                given = rng.choice([f for f in culture.firsts if f != anchor.given])
            nicks = NICKNAMES.get(given, ())
            nick = rng.choice(nicks) if nicks else ""
            goes_by_nick = bool(nick) and rng.random() < 0.3
            person = _build_person(
                self.next_pid, culture.key, given, nick, goes_by_nick, middles, style,
                anchor.particle, anchor.surname, "", self.rates,
            )  # fmt: skip
            if self._claim_name(person):
                self.next_pid += 1
                return person
        return None

    def render(self, person: Person, force: bool = False) -> tuple[str, tuple[str, ...]]:
        """One printed mention of ``person`` and the kinds of mess in it."""
        rng = self.rng
        if person.variants and self.rates.acl_variant and rng.random() < self.rates.acl_variant:
            return rng.choice(person.variants), ("acl_variant",)
        if not force and rng.random() >= person.variant_prob:
            return person.canonical, ()
        if not person.ops:
            return person.canonical, ()
        first = rng.choices(person.ops, weights=person.op_weights)[0]
        ops = [first] + [
            op
            for op, w in zip(person.ops, person.op_weights, strict=True)
            if op != first and rng.random() < w * 0.5
        ]
        if "latex" in ops and "ascii" in ops:
            ops.remove("ascii" if first == "latex" else "latex")
        text = render_variant(person, ops, rng, self.rates)
        if text == person.canonical:
            return text, ()
        return text, tuple(ops)

    # -- titles -------------------------------------------------------------

    def _method_name(self) -> str:
        rng = self.rng
        if rng.random() < 0.6:
            return rng.choice(_METHOD_HEADS) + rng.choice(_METHOD_TAILS)
        length = rng.choice((4, 5, 5, 6))
        return "".join(rng.choice(_ACRONYM_C if i % 2 == 0 else _ACRONYM_V) for i in range(length))

    def _fill(self, name: str) -> str:
        category = name.rstrip("23")
        if category == "method":
            return self._method_name()
        return self.rng.choice(VOCAB[category])

    def _title_spec(self) -> TitleSpec:
        rng = self.rng
        template = rng.choice(TITLE_TEMPLATES)
        names = _placeholders(template)
        fillers: dict[str, str] = {}
        for name in names:
            word = self._fill(name)
            for _ in range(5):  # {technique} and {technique2} differ
                if word not in fillers.values():
                    break
                word = self._fill(name)
            fillers[name] = word
        style = "title" if rng.random() < 0.55 else "sentence"
        return TitleSpec(template, tuple(sorted(fillers.items())), style, rng.random() < 0.5)

    def _claim(self, title: str) -> bool:
        key = _title_key(title)
        if key in self.title_keys:
            return False
        self.title_keys.add(key)
        return True

    def _new_title(self) -> tuple[TitleSpec, str]:
        rng = self.rng
        if self.rates.short_title and rng.random() < self.rates.short_title:
            while True:  # "Neural Tangents", "Sparse Latent Priors": they can pass for names
                template = rng.choice(SHORT_TEMPLATES)
                fillers = {name: self._fill(name) for name in _placeholders(template)}
                if "sadj2" in fillers and fillers["sadj2"] == fillers["sadj"]:
                    continue
                spec = TitleSpec(template, tuple(sorted(fillers.items())), "title", True)
                title = spec.render()
                if self._claim(title):
                    self.short_titles.add(title)
                    return spec, title
        while True:
            spec = self._title_spec()
            title = spec.render()
            words = title.lower().replace(":", "").split()
            if any(a == b for a, b in itertools.pairwise(words)):
                continue  # "offline offline reinforcement learning"
            if self._claim(title):
                return spec, title

    def _version_of(self, spec: TitleSpec, title: str) -> str | None:
        """The title as another arXiv version might print it."""
        rng = self.rng
        for _ in range(6):
            edits = rng.sample(
                ("insert", "remove", "subtitle", "case", "punct"), k=rng.choice((1, 1, 2))
            )
            text = title
            for edit in edits:
                text = _version_edit(text, edit, spec, rng)
            if text != title and (_title_key(text) == _title_key(title) or self._claim(text)):
                return text
        return None

    def _sibling_of(self, paper: _Paper) -> tuple[str, str] | None:
        """A (new title for ``paper``, title of a different paper) pair of look-alikes."""
        rng = self.rng
        spec = paper.spec
        fillers = dict(spec.fillers)
        kinds = ["part", "word", "for"]
        if "num" in fillers or "dim" in fillers:
            kinds.append("number")
        for _ in range(6):
            kind = rng.choice(kinds)
            if kind == "part":
                seps = (" ", " - ") if paper.title.endswith("?") else (", ", ": ", " - ", " ")
                sep = rng.choice(seps)
                first = f"{paper.title}{sep}Part I"
                second = f"{paper.title}{sep}Part II"
                if self._claim(first) and self._claim(second):
                    return first, second
                continue
            if kind == "for":
                if " for " in paper.title.lower():
                    continue
                domain = rng.choice(VOCAB["domain"])
                second = f"{paper.title} for {domain}"
                if spec.style == "title":
                    second = title_case(second, spec.hyphen_caps)
                if self._claim(second):
                    return paper.title, second
                continue
            if kind == "number":
                name = "num" if "num" in fillers else "dim"
            else:
                name = rng.choice(sorted(k for k in fillers if k != "method"))
            category = name.rstrip("23")
            options = [w for w in VOCAB[category] if w != fillers[name]]
            changed = dict(fillers, **{name: rng.choice(options)})
            second = replace(spec, fillers=tuple(sorted(changed.items()))).render()
            if self._claim(second):
                return paper.title, second
        return None

    def _abstract(self) -> str:
        rng = self.rng
        sentences = [rng.choice(_ABSTRACT_OPENERS)]
        sentences += rng.sample(_ABSTRACT_SENTENCES, k=rng.randint(4, 10))
        out = []
        for sentence in sentences:
            fillers = {name: self._fill(name) for name in _placeholders(sentence)}
            out.append(_cap(_articles(sentence.format(**fillers))))
        return " ".join(out)

    # -- papers and listings ---------------------------------------------------

    def _new_paper(
        self,
        owners: list[Person],
        lab_people: list[Person],
        lab_cum: list[float],
        circle: list[Person],
    ) -> _Paper:
        rng = self.rng
        weights = self.world.author_count_weights
        n = rng.choices(range(1, len(weights) + 1), weights=weights)[0]
        n = max(n, len(owners))
        authors = list(owners)
        seen = {p.pid for p in owners}
        member_rate = self.rates.member_coauthor
        while len(authors) < n:
            r = rng.random()
            if r < 0.45:
                person = rng.choices(lab_people, cum_weights=lab_cum)[0]
            elif r < 0.67:
                person = rng.choice(circle)
            elif r < 0.75:
                person = rng.choices(self.pool, cum_weights=self.pool_cum)[0]
            elif r < 0.75 + member_rate:
                person = rng.choice(self.members)
            else:
                person = self._new_person()
            if person.pid in seen:
                continue
            seen.add(person.pid)
            authors.append(person)
        world = self.world
        if world.director_rate and rng.random() < world.director_rate:
            director = rng.choice(self.directors)
            if director.pid not in seen:  # a director on a paper of any lab
                authors.append(director)
        rng.shuffle(authors)
        if len(authors) > 1 and rng.random() < 0.5:  # the senior member last
            authors.remove(owners[0])
            authors.append(owners[0])
        spec, title = self._new_title()
        abstract = self._abstract() if rng.random() < self.rates.abstract else None
        wid = self.next_wid
        self.next_wid += 1
        return _Paper(wid, spec, title, authors, abstract)

    def _alter(self, lines: list[_Line]) -> None:
        """Change a carousel copy's author list: drop one, print one twice, or re-print one."""
        rng = self.rng
        how = rng.random()
        if how < 0.4 and len(lines) >= 2:
            del lines[rng.randrange(len(lines))]
        elif how < 0.7:
            self._double(lines)
        else:
            i = rng.randrange(len(lines))
            text, person, _ = lines[i]
            for _ in range(3):
                new, tags = self.render(person, force=True)
                if new != text:
                    lines[i] = (new, person, tags)
                    break

    def _double(self, lines: list[_Line]) -> None:
        """Print one author a second time, another way, in the same list."""
        rng = self.rng
        i = rng.randrange(len(lines))
        text, person, _ = lines[i]
        for _ in range(4):
            new, tags = self.render(person, force=True)
            if new != text:
                at = i + 1 if rng.random() < 0.7 else rng.randint(0, len(lines))
                lines.insert(at, (new, person, (*tags, "double")))
                return

    def _list(self, paper: _Paper, page: _Page, title: str, tags: tuple[str, ...]) -> None:
        """Put ``paper`` on ``page`` as one card, maybe shown twice by the carousel."""
        rng = self.rng
        rates = self.rates
        owner = page.owner
        n_members = self.n_members
        lines: list[_Line] = []
        for person in paper.authors:
            if person.pid == owner.pid:
                continue
            text, mess = self.render(person)
            if person.pid < n_members:
                mess = (*mess, "member")
                if person.pid in self.director_pids:
                    mess = (*mess, "director")
            if person.pid in self.homonyms:  # members are namesakes only if the world says so
                mess = (*mess, "homonym")
            if person.pid in self.part_surname:
                mess = (*mess, "part_surname")
            lines.append((text, person, mess))
        if lines and rng.random() < rates.double_print:
            self._double(lines)
        if title in self.short_titles:
            tags = (*tags, "short_title")
        entries = [_Entry(title, paper.wid, tags, lines)]
        if page.remaining >= 2 and rng.random() < rates.duplicate:
            copy = list(lines)
            copy_tags = (*tags, "dup")
            if copy and rng.random() < rates.duplicate_altered:
                self._alter(copy)
                if copy != lines:
                    copy_tags = (*copy_tags, "dup_altered")
            entries.append(_Entry(title, paper.wid, copy_tags, copy))
        if paper.abstract is not None and rng.random() < rates.abstract_shown:
            entry = entries[-1] if rng.random() < 0.8 else entries[0]
            entry.abstract = paper.abstract
            entry.abstract_cut = rng.random() < rates.abstract_cut
        page.remaining -= len(entries)
        page.groups.append(entries)

    def lab(self, members: list[Person], budgets: list[int]) -> list[_Page]:
        """All cards of one lab: members who share coauthors and some papers."""
        rng = self.rng
        rates = self.rates
        pages = [_Page(m, b) for m, b in zip(members, budgets, strict=True)]
        total = sum(budgets)
        lab_people = [self._new_person() for _ in range(2 + total // 10)]
        # the lab's external collaborators: a neighbourhood of the pool, so that nearby
        # labs share some of them
        center = rng.randrange(len(self.pool))
        circle = []
        for _ in range(2 + total // 25):
            offset = int(rng.expovariate(1 / 15))
            circle.append(
                self.pool[(center + (offset if rng.random() < 0.5 else -offset)) % len(self.pool)]
            )
        anchors = members + lab_people[:5] + circle[:3]
        while rng.random() < rates.confusable:
            confusable = self._confusable(rng.choice(anchors))
            if confusable is not None:
                lab_people.append(confusable)
            if len(lab_people) > 2 + total // 10 + 3:
                break
        confusable_from = 2 + total // 10
        confusables = {p.pid for p in lab_people[confusable_from:]}
        self.counts["confusable_persons"] = self.counts.get("confusable_persons", 0) + len(
            confusables
        )
        lab_cum = _zipf_cum(len(lab_people), 0.8)
        indices = range(len(pages))
        while True:
            weights = [p.remaining for p in pages]
            if not any(weights):
                break
            qi = rng.choices(indices, weights=weights)[0]
            page = pages[qi]
            co: list[int] = []
            if len(pages) > 1 and rng.random() < rates.shared:
                open_pages = [j for j in indices if j != qi and pages[j].remaining > 0]
                if open_pages:
                    co.append(rng.choice(open_pages))
            owners = [page.owner] + [pages[j].owner for j in co]
            paper = self._new_paper(owners, lab_people, lab_cum, circle)
            sibling = None
            if page.remaining >= 2 and rng.random() < rates.sibling:
                pair = self._sibling_of(paper)
                if pair is not None:
                    paper.title = pair[0]
                    sibling = self._new_sibling(paper, pair[1], lab_people, lab_cum, circle)
            version = None
            if rng.random() < rates.version:
                version = self._version_of(paper.spec, paper.title)
            base_tags: tuple[str, ...] = ("shared",) if co and pages[co[0]].remaining > 0 else ()
            if sibling is not None:
                base_tags = (*base_tags, "sibling")
            self._list(paper, page, paper.title, base_tags)
            version_done = False
            for j in co:
                if version is not None and rng.random() < 0.7:
                    self._list(paper, pages[j], version, (*base_tags, "version"))
                    version_done = True
                else:
                    self._list(paper, pages[j], paper.title, base_tags)
            if version is not None and not version_done and page.remaining > 0:
                self._list(paper, page, version, (*base_tags, "version"))
            if sibling is not None and page.remaining > 0:
                self._list(sibling, page, sibling.title, ("sibling",))
        for page in pages:
            for group in page.groups:
                for entry in group:
                    for i, (text, person, tags) in enumerate(entry.authors):
                        if person.pid in confusables:
                            entry.authors[i] = (text, person, (*tags, "confusable"))
        return pages

    def _new_sibling(
        self,
        paper: _Paper,
        title: str,
        lab_people: list[Person],
        lab_cum: list[float],
        circle: list[Person],
    ) -> _Paper:
        rng = self.rng
        authors = list(paper.authors)
        if len(authors) > 2 and rng.random() < 0.4:
            candidates = [a for a in authors[1:] if a.pid >= self.n_members]
            if candidates:
                authors.remove(rng.choice(candidates))
        elif rng.random() < 0.3:
            extra = rng.choices(lab_people, cum_weights=lab_cum)[0]
            if extra.pid not in {a.pid for a in authors}:
                authors.insert(rng.randint(0, len(authors)), extra)
        abstract = self._abstract() if rng.random() < self.rates.abstract else None
        wid = self.next_wid
        self.next_wid += 1
        return _Paper(wid, paper.spec, title, authors, abstract)

    # -- page sizes -------------------------------------------------------------

    def _page_sizes(self) -> list[int]:
        """Listings per page: long-tailed in [20, 300], summing to exactly ``listings``."""
        rng = self.rng
        n = self.listings
        world = self.world
        lo, hi = world.min_page, world.max_page
        sizes: list[int] = []
        total = 0
        while total < n:
            u = rng.random()
            s = int(lo * (1.0 - u) ** (-1.0 / world.page_tail))
            s = min(s, hi)
            sizes.append(s)
            total += s
        sizes[-1] -= total - n
        if sizes[-1] < lo:
            short = sizes.pop()
            room = [i for i, s in enumerate(sizes) if s < hi]
            if sum(hi - sizes[i] for i in room) >= short:
                while short:
                    i = rng.choice(room)
                    if sizes[i] < hi:
                        sizes[i] += 1
                        short -= 1
            else:  # every other page is full: take from one to make the last big enough
                sizes[0] -= lo - short
                sizes.append(lo)
        return sizes

    # -- writing ----------------------------------------------------------------

    def page_lines(self, page: _Page) -> tuple[list[str], dict[str, object]]:
        """The lines of one page and its truth record (without the ``page`` key)."""
        rng = self.rng
        owner = page.owner
        topics = sorted(rng.sample(TOPICS, k=rng.randint(1, 15)))
        lines = [
            f"Portrait of {owner.canonical}",
            "",
            owner.canonical,
            "",
            rng.choice(ROLES),
            f"{rng.choice(JOB_TITLES)}, {rng.choice(EMPLOYERS)}",
            "Research Topics",
            *topics,
            "",
            "Publications",
            "",
        ]
        keyed = sorted(
            ((i + rng.gauss(0.0, 2.5), i) for i in range(len(page.groups))), key=lambda t: t
        )
        groups = [page.groups[i] for _, i in keyed]
        authors: list[list[object]] = []
        titles: list[list[object]] = []
        mess: dict[str, list[int]] = {}
        i = 0
        while i < len(groups):
            window = groups[i : i + rng.choices((1, 2, 3), weights=(6, 3, 1))[0]]
            i += len(window)
            ordered = [g[0] for g in window] + [g[1] for g in window if len(g) > 1]
            for entry in ordered:
                lines.append(entry.title)
                titles.append([len(lines), f"w{entry.wid}"])
                for tag in entry.tags:
                    mess.setdefault(tag, []).append(len(lines))
                self._mark(self.listed, entry.wid)
                for text, person, tags in entry.authors:
                    lines.append(text)
                    authors.append([len(lines), f"p{person.pid}"])
                    for tag in tags:
                        mess.setdefault(tag, []).append(len(lines))
                    self._mention(person)
                if entry.abstract is not None:
                    lines.append(
                        _cut(entry.abstract, rng) if entry.abstract_cut else entry.abstract
                    )
                    mess.setdefault("abstract", []).append(len(lines))
                    if entry.abstract_cut:
                        mess.setdefault("abstract_cut", []).append(len(lines))
        self._mention(owner)
        record: dict[str, object] = {
            "owner": {"line": 3, "person": f"p{owner.pid}"},
            "authors": authors,
            "titles": titles,
            "mess": {k: mess[k] for k in sorted(mess)},
        }
        return lines, record

    def _mention(self, person: Person) -> None:
        """Note that ``person`` is printed; count people printed under one canonical name."""
        seen = self.mentioned
        if person.pid < len(seen) and seen[person.pid]:
            return
        self._mark(seen, person.pid)
        key = _title_key(person.canonical)
        self.name_counts[key] = self.name_counts.get(key, 0) + 1
        self.name_pids.setdefault(key, []).append(person.pid)
        self.printed_people[person.pid] = person

    @staticmethod
    def _mark(seen: bytearray, index: int) -> None:
        if index >= len(seen):
            seen.extend(bytes(max(index + 1 - len(seen), len(seen) // 2 + 1024)))
        seen[index] = 1


def _placeholders(template: str) -> list[str]:
    names: list[str] = []
    for part in template.split("{")[1:]:
        name = part.split("}", 1)[0]
        if name not in names:
            names.append(name)
    return names


def _skewed(rng: random.Random, items: Sequence[str], skew: float) -> str:
    """Pick from ``items``, earlier ones more often (``skew`` 1 is uniform)."""
    return items[int(len(items) * rng.random() ** skew)]


def _zipf_cum(n: int, exponent: float) -> list[float]:
    cum: list[float] = []
    total = 0.0
    for i in range(n):
        total += 1.0 / (i + 1) ** exponent
        cum.append(total)
    return cum


def _version_edit(text: str, edit: str, spec: TitleSpec, rng: random.Random) -> str:
    words = text.split(" ")
    if edit == "insert":
        # after an article, a preposition or a colon: "without Full Back-propagation"
        spots = [
            i
            for i in range(1, len(words))
            if (words[i - 1].lower() in _SMALL_WORDS or words[i - 1].endswith(":"))
            and words[i].lower() not in _SMALL_WORDS
        ]
        if not spots or rng.random() < 0.25:
            if text.lower().startswith("towards"):
                return text
            return "Towards " + (text if spec.style == "title" else _decap(text))
        at = rng.choice(spots)
        word = rng.choice(_VERSION_WORDS)
        word = _cap(word) if _looks_title_cased(words) else word
        return " ".join([*words[:at], word, *words[at:]])
    if edit == "remove":
        for prefix in ("Towards ", "On the ", "A ", "Learning to "):
            if text.startswith(prefix):
                return _cap(text[len(prefix) :])
        removable = [
            i
            for i, w in enumerate(words)
            if i > 0 and w.lower().strip(":?,") in VOCAB["adj"] and not w.endswith((":", "?"))
        ]
        if removable:
            del words[rng.choice(removable)]
            return " ".join(words)
        return text
    if edit == "subtitle":
        if ": " in text:
            head = text.split(": ", 1)[0]
            return head if len(head.split()) >= 2 else text
        subtitle = rng.choice(_SUBTITLES)
        subtitle = title_case(subtitle, True) if spec.style == "title" else _cap(subtitle)
        return f"{text.rstrip('?')}: {subtitle}"
    if edit == "case":
        if spec.style == "title":
            return to_sentence_case(text)
        if rng.random() < 0.2:
            return text.lower()
        return title_case(text, spec.hyphen_caps)
    # punctuation
    how = rng.random()
    if "-" in text and how < 0.5:
        return text.replace("-", " " if rng.random() < 0.6 else "", 1)
    if text.endswith("?"):
        return text[:-1]
    if ": " in text:
        return text.replace(": ", rng.choice((" - ", " — ", ". ")), 1)
    return text + "."


def _looks_title_cased(words: list[str]) -> bool:
    major = [w for w in words[1:] if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    return sum(w[:1].isupper() for w in major) * 2 > len(major)


def _cut(abstract: str, rng: random.Random) -> str:
    """Cut an abstract with the "… (see more)" marker, as the seed pages show it."""
    at = rng.randint(120, 170)
    space = abstract.find(" ", at)
    if space < 0:
        return abstract
    head, tail = abstract[:space], abstract[space + 1 :]
    if rng.random() < 0.6:
        return f"{head} {_SEE_MORE}{tail}"
    return f"{head}{_SEE_MORE} {tail}"


def _lab_sizes(rng: random.Random, pages: int, weights: Sequence[float]) -> list[int]:
    sizes: list[int] = []
    left = pages
    while left:
        k = min(left, rng.choices(range(1, len(weights) + 1), weights=weights)[0])
        sizes.append(k)
        left -= k
    return sizes

"""Generate a synthetic institute: messy profile pages plus independent ground truth.

The pages reproduce the scraped profile format of ``shared/seeds/`` line for line::

    Portrait of NAME
    <blank>
    NAME
    <blank>
    ROLE
    JOB TITLE, EMPLOYER
    Research Topics
    topic lines...
    <blank>
    Publications
    <blank>
    entries: a title line, one line per author (the page owner left out), sometimes one
    abstract line cut by a "… (see more)" marker; no blank lines between entries and no
    newline after the last line.

Nothing here looks at the resolver in ``src/``: the truth is what the generator knows
because it made the people and papers before it printed them.

Usage::

    python benchmarks/generate.py OUT_DIR --listings N [--seed S] [--rate NAME=VALUE ...]

or from Python ``generate(out_dir, listings, seed=0, rates=MessRates()) -> GroundTruth``.
The same arguments give byte-identical files: one ``random.Random(seed)`` drives
everything, in a fixed order, and nothing depends on set order or string hashing.

A *listing* is one title line on a page (carousel copies and extra version cards count),
so ``listings`` is exactly the number of title lines written. Pages get between 20 and
300 listings each, long-tailed; ``listings`` must be at least 20.

Output layout (``OUT_DIR``):

``pages/NNNN.txt``
    One profile page per member, numbered in shuffled order (width grows past 4 digits
    when needed).

``truth.jsonl``
    JSON Lines, one object per page, in generation order::

        {"page": "pages/0007.txt",
         "owner": {"line": 3, "person": "p12"},
         "authors": [[24, "p5"], [25, "p12345"], ...],
         "titles": [[23, "w9"], [29, "w9"], ...],
         "mess": {"latex": [27], "dup": [29], ...}}

    Line numbers are 1-based in the written file. ``owner`` is the name line (line 3);
    ``authors`` maps every author line to its true person id; ``titles`` maps every
    title line to its true paper id. Person ids are ``p<int>`` and paper ids ``w<int>``,
    stable for a given seed. ``mess`` lists, per kind of mess, the lines that carry it
    (see ``MESS_TAGS``); it is there for error analysis and is not needed for scoring.

``truth.json``
    One small JSON object: ``format``, ``seed``, ``listings``, ``rates``, ``summary``
    and ``pages_truth`` (the name of the JSON Lines file above, relative to this file).
    ``benchmarks/quality.py`` accepts either file. ``summary`` counts pages, listings
    (title lines), page_papers (distinct papers per page, summed), papers and persons
    (distinct true ids printed), members, author_lines, abstract_lines,
    confusable_persons, homonym_persons (printed people sharing their usual name with
    another printed person: a ceiling on what any resolver can separate by name alone),
    lines, bytes, and ``mess``: lines per tag.

The world behind the pages: members are grouped in labs of 1-6; each lab has its own
students and postdocs (recurring, Zipf-weighted), a neighbourhood of a shared pool of
external collaborators (a few prolific), members of other labs now and then, and
one-off coauthors made for a single paper. Papers have 1-12 authors; in a lab of
several members some papers belong to two members and are listed on both pages.
Names come from the first-name and surname lists below (English, Chinese, Cantonese,
Indian, Iberian, French, German, Dutch, Italian, Slavic, Turkish, Vietnamese, Arabic,
Nordic, Korean, Japanese, Persian, Greek, Hungarian, Hebrew, West/East/South African,
Romanian), with middle names, particles, hyphenated surnames and suffixes where the
culture has them. Usual (canonical) names are unique, except for deliberate namesakes
(``MessRates.homonym``) and deliberate look-alikes in one lab (``confusable``). Every
rate of mess is a field of ``MessRates``; per-mention rates are approximate, since one
mention can carry several kinds of mess.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import time
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

TRUTH_FORMAT = "scholarkg-synthetic-truth/1"
MIN_LISTINGS_PER_PAGE = 20
MAX_LISTINGS_PER_PAGE = 300

MESS_TAGS = {
    # author lines
    "nickname": "given name swapped with its nickname (Alexander <-> Alex)",
    "initials": "given (and middle) names reduced to initials (S. Chan, S.C.Y. Chan)",
    "middle": "middle name or initial dropped, added, or printed in another form",
    "case": "letter case changed (ALL CAPS surname, all lower, all upper)",
    "latex": "LaTeX accents with backslashes and braces stripped (Velivckovi 'c)",
    "ascii": "diacritics folded to plain ASCII (Jörg -> Jorg, Joerg)",
    "hyphen": "hyphenated name printed with a space, joined, or shortened",
    "particle": "surname particle capitalised or dropped (van der -> Van Der)",
    "suffix": "name suffix dropped or reformatted (Jr.)",
    "double": "an extra line printing an author already in the same list another way",
    "member": "a mention of a member of the institute on another member's page",
    "confusable": "a person sharing surname (and maybe first initial) with a lab colleague",
    "homonym": "a person whose usual name is exactly that of another person",
    # title lines
    "dup": "second carousel copy of a card",
    "dup_altered": "second carousel copy whose author list differs from the first",
    "shared": "a paper listed on two or more members' pages",
    "version": "a title differing from the paper's main title by arXiv-version edits",
    "sibling": "a different paper with a deliberately similar title by the same authors",
    # abstract lines
    "abstract": "an abstract line",
    "abstract_cut": "an abstract line cut by the '… (see more)' marker",
}


@dataclass(frozen=True, slots=True)
class MessRates:
    """Probabilities of each kind of mess. Per-mention rates apply where they can."""

    duplicate: float = 0.45  # a card is shown twice by the carousel
    duplicate_altered: float = 0.2  # the second copy's author list differs
    double_print: float = 0.02  # per card: one author printed two ways in the list
    nickname: float = 0.3  # per mention of a person whose given name has a nickname
    initials: float = 0.06  # per mention
    middle: float = 0.2  # per mention of a person with middle names
    case: float = 0.01  # per mention
    latex: float = 0.2  # per mention of a name with diacritics
    ascii: float = 0.25  # per mention of a name with diacritics
    latex_space: float = 0.35  # LaTeX residue: space before a word-final accent
    hyphen: float = 0.15  # per mention of a hyphenated name
    particle: float = 0.2  # per mention of a name with a particle
    suffix: float = 0.3  # per mention of a name with a suffix
    shared: float = 0.15  # a new paper in a multi-member lab is also another member's
    member_coauthor: float = 0.03  # an author slot goes to a member of another lab
    version: float = 0.05  # a paper also appears under a version title
    sibling: float = 0.02  # a paper comes with a similar-titled different paper
    abstract: float = 0.3  # a paper has an abstract
    abstract_shown: float = 0.85  # a listing of a paper with an abstract shows it
    abstract_cut: float = 0.85  # a shown abstract is cut by the marker
    confusable: float = 0.35  # a lab gets a person confusable with a colleague
    homonym: float = 0.01  # a new coauthor has exactly the usual name of another person

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"rate {f.name}={value} must be between 0 and 1")


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over everything written."""

    pages: int
    listings: int
    page_papers: int
    papers: int
    persons: int
    members: int
    author_lines: int
    abstract_lines: int
    confusable_persons: int  # made to share surname (and maybe initial) with a colleague
    homonym_persons: int  # printed people whose usual name another printed person also has
    lines: int
    bytes: int
    mess: dict[str, int]  # lines per tag of MESS_TAGS


@dataclass(frozen=True, slots=True)
class GroundTruth:
    """Where the generated institute is, and what it holds."""

    out_dir: Path
    truth_path: Path
    pages_truth_path: Path
    summary: Summary


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Culture:
    key: str
    weight: float
    firsts: tuple[str, ...]
    surnames: tuple[str, ...]
    surname_skew: float = 1.2
    middles: tuple[str, ...] = ()
    middle_prob: float = 0.08
    # weights for middle display: initial, bare initial, full, hidden
    middle_styles: tuple[float, float, float, float] = (0.6, 0.05, 0.1, 0.25)
    particles: tuple[str, ...] = ()
    particle_prob: float = 0.0
    hyphen_prob: float = 0.02
    suffix_prob: float = 0.0


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _bar(text: str) -> tuple[str, ...]:
    return tuple(" ".join(item.split()) for item in text.split("|"))


_ENGLISH_MALE = _w(
    """James John Robert Michael William David Richard Joseph Thomas Charles Christopher
    Daniel Matthew Anthony Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward
    Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Steven Lawrence Justin
    Scott Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Tyler Aaron
    Henry Zachary Peter Nathan Adam Douglas Theodore Frederick Nathaniel Donald Murray
    Cody Lucas Owen Colin Graham Ian Neil Declan"""
)
_ENGLISH_FEMALE = _w(
    """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy
    Margaret Lisa Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah
    Stephanie Rebecca Laura Sharon Cynthia Katherine Amy Angela Anna Samantha Christine
    Rachel Catherine Victoria Alexandra Olivia Hannah Abigail Madeline Chloe Grace Diane
    Fiona Siobhan Megan Caitlin"""
)
_ENGLISH_FIRSTS = _ENGLISH_MALE + _ENGLISH_FEMALE
_FEMALE_FIRSTS = frozenset(_ENGLISH_FEMALE)
_ENGLISH_MIDDLES = _w(
    """James John Lee Paul Michael Ray Alan Edward Scott Thomas Patrick Joseph Christopher
    Wayne"""
)
_ENGLISH_FEMALE_MIDDLES = _w("Marie Ann Elizabeth Grace Lynn Jean Rose Louise Anne Lee Kay")

NICKNAMES: dict[str, tuple[str, ...]] = {
    "Alexander": ("Alex", "Sasha"),
    "Alexandra": ("Alex", "Sasha"),
    "William": ("Bill", "Will", "Liam"),
    "Robert": ("Bob", "Rob", "Bobby"),
    "Katherine": ("Kate", "Katie", "Kathy"),
    "Catherine": ("Cathy", "Kate"),
    "Elizabeth": ("Liz", "Beth", "Eliza"),
    "Michael": ("Mike",),
    "Richard": ("Rick", "Rich", "Dick"),
    "James": ("Jim", "Jamie"),
    "Joseph": ("Joe",),
    "Thomas": ("Tom",),
    "Daniel": ("Dan", "Danny"),
    "Christopher": ("Chris",),
    "Christine": ("Chris", "Tina"),
    "Matthew": ("Matt",),
    "Benjamin": ("Ben",),
    "Samuel": ("Sam",),
    "Samantha": ("Sam",),
    "Jonathan": ("Jon",),
    "Nicholas": ("Nick",),
    "Anthony": ("Tony",),
    "Andrew": ("Andy", "Drew"),
    "Edward": ("Ed", "Ted"),
    "Timothy": ("Tim",),
    "Stephen": ("Steve",),
    "Steven": ("Steve",),
    "Peter": ("Pete",),
    "David": ("Dave",),
    "Charles": ("Charlie", "Chuck"),
    "Margaret": ("Maggie", "Peggy"),
    "Jennifer": ("Jen", "Jenny"),
    "Rebecca": ("Becky",),
    "Patricia": ("Pat", "Trish"),
    "Patrick": ("Pat",),
    "Susan": ("Sue",),
    "Deborah": ("Deb",),
    "Victoria": ("Vicky", "Tori"),
    "Stephanie": ("Steph",),
    "Jessica": ("Jess",),
    "Zachary": ("Zach",),
    "Gregory": ("Greg",),
    "Jeffrey": ("Jeff",),
    "Kenneth": ("Ken",),
    "Raymond": ("Ray",),
    "Ronald": ("Ron",),
    "Donald": ("Don",),
    "Lawrence": ("Larry",),
    "Frederick": ("Fred",),
    "Theodore": ("Ted", "Theo"),
    "Nathaniel": ("Nate", "Nat"),
    "Nathan": ("Nate",),
    "Jacob": ("Jake",),
    "Joshua": ("Josh",),
    "Maximilian": ("Max",),
    "Kimberly": ("Kim",),
    "Abigail": ("Abby",),
    "Douglas": ("Doug",),
    "Dmitry": ("Dima",),
    "Aleksandr": ("Sasha",),
    "Mikhail": ("Misha",),
    "Ekaterina": ("Katya",),
    "Francisco": ("Paco",),
    "Guillermo": ("Memo",),
    "Johannes": ("Hannes",),
    "Giuseppe": ("Beppe",),
    "Konstantinos": ("Kostas",),
    "Dimitrios": ("Dimitris",),
    "Ioannis": ("Giannis",),
    "Alexandros": ("Alex",),
}

CULTURES: tuple[Culture, ...] = (
    Culture(
        "english",
        0.15,
        _ENGLISH_FIRSTS,
        _w(
            """Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas
            Moore Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young
            Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts
            Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook
            Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson
            Wood Watson Brooks Bennett Gray Hughes Price Sanders Myers Long Ross Foster
            O'Brien O'Connor McDonald Fitzgerald Gallagher Sullivan Whitaker Ashworth"""
        ),
        surname_skew=1.3,
        middles=_ENGLISH_MIDDLES,
        middle_prob=0.35,
        hyphen_prob=0.02,
        suffix_prob=0.03,
    ),
    Culture(
        "chinese",
        0.18,
        _w(
            """Wei Wen Jing Jie Lei Tao Yang Hao Chen Yu Xin Yi Min Hui Ling Qiang Jun Feng
            Bo Lin Ying Yan Xiaoming Xiaoyu Yuxin Zhiwei Jianfeng Haoran Zihan Yuhang Ruiqi
            Siyu Xinyi Jiaqi Mingyu Tianyu Zhenyu Qinyu Xiangming Xiuying Yifan Yiming Shuai
            Kai Rui Zhen Lu Nan Ping Dong Hong Qian Shu Meng Jia Chun Weiwei Xuan Zhe"""
        ),
        _w(
            """Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin
            Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan
            Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Fu Tan Zhong Gu
            Qin Dai Mao Qiu Hou Xiong Meng"""
        ),
        surname_skew=1.6,
        middle_prob=0.02,
    ),
    Culture(
        "cantonese",
        0.02,
        _w("Yee Ka Chun Wing Man Siu Kwok Hoi Tsz Pui Hiu Lok Kin Chi"),
        _w("Chan Wong Cheung Leung Ng Lam Tse Teh Chow Ho Lau Yip Kwok Tsang Mak Fung"),
        surname_skew=1.4,
        middles=_w(
            "Whye Wai Kit Sze Lok Ming Fai Yan Ting Kei Yin Hang Ka Chi Man Wing Siu Ho Hoi Pui"
        ),
        middle_prob=0.9,
        middle_styles=(0.15, 0.0, 0.8, 0.05),
    ),
    Culture(
        "indian",
        0.1,
        _w(
            """Aarav Aditya Akash Amit Anil Ankit Arjun Ashok Deepak Gaurav Harish Karthik
            Krishna Manoj Nikhil Pranav Rahul Rajesh Ravi Rohit Sanjay Saurabh Siddharth
            Sunil Varun Vikram Vivek Abhishek Anirudh Nived Kannan Priya Ananya Deepika
            Divya Kavya Lakshmi Meera Neha Pooja Shreya Sneha Sunita Aishwarya Anjali Swati
            Shruti Sai Sri Aravind Harsha"""
        ),
        _w(
            """Sharma Gupta Patel Singh Kumar Reddy Iyer Iyengar Krishnan Chatterjee
            Banerjee Mukherjee Agarwal Mehta Shah Joshi Nair Menon Pillai Rao Das Bose Ghosh
            Kapoor Malhotra Bhatt Desai Kulkarni Srinivasan Raghavan Subramanian Venkatesan
            Ramanathan Chandrasekaran Narayanan Mishra Pandey Tiwari Verma Yadav Saxena
            Chaudhary Bhattacharya Sen Dutta Rajaraman Ramchandran"""
        ),
        surname_skew=1.5,
        middles=_w("Kumar Vardhan Prakash Chandra Mohan Raj Narayan Praneeth Teja Ram Lal"),
        middle_prob=0.2,
        middle_styles=(0.3, 0.0, 0.55, 0.15),
    ),
    Culture(
        "iberian",
        0.06,
        _w(
            """José María Juan Carlos Luis Javier Jordi Álvaro Alejandro Andrés Sebastián
            Santiago Diego Mateo Pablo Sergio Raúl Rubén Iván Óscar Jesús Ángel Nicolás
            Martín Joaquín Gonzalo Lucía Sofía Valentina Camila Isabel Carmen Pilar Inés
            Beatriz Mercedes Nuria Ana Laura Marta Elena Sara Paula Natalia João Gonçalo
            Tomás André Rodrigo Thiago Vinícius Luíza Conceição Adrián Begoña Francisco
            Guillermo"""
        ),
        _w(
            """García Rodríguez Martínez López González Hernández Pérez Sánchez Ramírez
            Torres Flores Rivera Gómez Díaz Cruz Morales Ortiz Gutiérrez Chávez Ramos Ruiz
            Álvarez Jiménez Moreno Muñoz Romero Navarro Domínguez Vázquez Castillo Ibáñez
            Núñez Peña Fernández Suárez Méndez Grau Moya Arroyo Serrano Blanco Castaño Silva
            Santos Oliveira Souza Costa Pereira Carvalho Gonçalves Araújo Ribeiro Almeida
            Magalhães Simões Brandão"""
        ),
        middles=_w("María Luis José Antonio Manuel Eduardo"),
        middle_prob=0.1,
        middle_styles=(0.4, 0.0, 0.4, 0.2),
        particles=("de", "da", "dos", "del", "de la"),
        particle_prob=0.06,
        hyphen_prob=0.2,
    ),
    Culture(
        "french",
        0.06,
        _w(
            """François Jean Pierre Michel Philippe Alain Nicolas Julien Sébastien Stéphane
            Frédéric Jérôme Benoît Cédric Rémi Loïc Théo Hugo Mathieu Guillaume Étienne
            Clément Aurélien Gaël Hélène Élise Céline Mélanie Amélie Chloé Léa Zoé Océane
            Anaïs Maëlle Noémie Sophie Claire Camille Juliette Margaux Josée Geneviève Renée
            Aurore Solène"""
        ),
        _w(
            """Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon
            Laurent Lefèbvre Lefèvre Michel Bertrand Roux Vincent Fournier Morel Girard
            André Mercier Dupont Lambert Bonnet François Legrand Garnier Faure Rousseau Blanc
            Guérin Boyer Chevalier Gauthier Perrin Robin Clément Mathieu Barbier Brunet
            Lemaître Bélanger Gagné Côté Bouchard Pelletier Lévesque Bergeron Béliveau
            Thériault Lacoste Desjardins"""
        ),
        middles=_w("Marie Pierre Luc Paul Louis Anne"),
        middle_prob=0.08,
        particles=("de", "Le", "du", "de la"),
        particle_prob=0.05,
        hyphen_prob=0.06,
    ),
    Culture(
        "german",
        0.05,
        _w(
            """Jörg Jürgen Günter Björn Maximilian Felix Lukas Jonas Leon Florian Tobias
            Sebastian Matthias Andreas Stefan Michael Thomas Markus Christian Johannes
            Philipp Moritz Niklas Dominik Bernhard Wolfgang Klaus Dieter Uwe Rüdiger Sören
            Käthe Jana Anja Katrin Julia Lena Hannah Lea Marie Sophie Annika Ulrike Bärbel
            Franziska Friederike Sabine Birgit Dörte Henrike"""
        ),
        _w(
            """Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann
            Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun
            Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid
            Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang
            Scholz Möller Weiß Jung Hahn Vogel Friedrich Keller Günther Berger Winkler Roth
            Beck Lorenz Baumann Franke Albrecht Schuster Ludwig Böhm Winter Kraus Schumacher
            Krämer Vogt Stein Jäger Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf
            Dietrich Ziegler Kühn Pohl Engel Horn Busch Bergmann Voigt Sauer Pfeiffer"""
        ),
        middles=_w("Maria Peter Josef Karl Friedrich Johannes Elisabeth"),
        middle_prob=0.08,
        particles=("von", "von der", "zu"),
        particle_prob=0.05,
        hyphen_prob=0.03,
    ),
    Culture(
        "dutch",
        0.02,
        _w(
            """Jan Pieter Willem Hendrik Joost Maarten Thijs Sander Bram Daan Ruben Stijn
            Joris Wouter Laurens Floris Sanne Femke Lotte Eline Anouk Marloes Ingrid Esther
            Mieke Fleur Roel Koen Gijs Tijmen Sietse"""
        ),
        _w(
            """Jansen Bakker Visser Smit Meijer Mulder Bos Vos Hendriks Dekker Brouwer
            Dijkstra Kok Jacobs Vermeulen Willems Schouten Hoekstra Koster Prins Kuipers
            Postma Oord Berg Dijk Heuvel Veen Broek Linden Leeuwen Wal Laan Meer Hoeven Velde
            Steen Bosch Wetering Graaf"""
        ),
        particles=("van", "van der", "van den", "de", "van de", "ter", "ten"),
        particle_prob=0.45,
    ),
    Culture(
        "italian",
        0.03,
        _w(
            """Marco Luca Giovanni Giuseppe Francesco Alessandro Andrea Matteo Lorenzo
            Davide Simone Federico Riccardo Niccolò Gabriele Stefano Paolo Pietro Emanuele
            Giulia Chiara Francesca Sara Martina Alessia Elisa Federica Silvia Valentina
            Beatrice Ilaria Benedetta Caterina"""
        ),
        _w(
            """Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno
            Gallo Conti Costa Giordano Mancini Rizzo Lombardi Moretti Barbieri Fontana
            Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile
            Martinelli Vitale Lombardo Serra Coppola Cavallaro Pellegrini Sartori Benedetti
            Fabbri Niccolini Forlì Carità"""
        ),
        particles=("De", "Di", "Del", "Della", "Lo"),
        particle_prob=0.1,
    ),
    Culture(
        "slavic",
        0.05,
        _w(
            """Petar Marko Nikola Luka Stefan Dušan Miloš Đorđe Željko Zoran Ivan Dmitry
            Aleksandr Sergey Andrei Mikhail Yaroslav Oleksandr Bohdan Taras Jiří Tomáš Jakub
            Lukáš Ondřej Vojtěch Matěj Radek Łukasz Paweł Michał Krzysztof Wojciech Tomasz
            Piotr Grzegorz Maciej Jędrzej Bartłomiej Zuzana Kateřina Lucie Tereza Jana
            Agnieszka Małgorzata Katarzyna Anna Magdalena Natalia Olga Irina Tatiana
            Svetlana Ekaterina Yulia Mila Ivana Jelena Milica Dragana Snežana Maja Vesna
            Bojana Nataša"""
        ),
        _w(
            """Veličković Petrović Jovanović Nikolić Marković Đorđević Stojanović Ilić
            Stanković Pavlović Milošević Popović Kovačević Knežević Radović Babić Horvat
            Kovačić Šarić Perić Novak Dvořák Černý Procházka Kučera Veselý Horák Němec
            Pokorný Marek Růžička Svoboda Král Beneš Fiala Sedláček Doležal Zeman Kolář Nowak
            Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański
            Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski
            Grabowski Pawłowski Michalski Król Wieczorek Jabłoński Ivanov Smirnov Kuznetsov
            Popov Vasiliev Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev
            Lebedev Semenov Egorov Pavlov Kozlov Stepanov Orlov Makarov Zakharov Shevchenko
            Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Polishchuk Lysenko Žužek
            Kranjc Zupančič Potočnik"""
        ),
        surname_skew=1.2,
        middles=_w("Sergeevich Ivanovich Petrovna Andreevich"),
        middle_prob=0.03,
        hyphen_prob=0.01,
    ),
    Culture(
        "turkish",
        0.02,
        _w(
            """Çağlar Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf
            Murat Ömer Halil Süleyman Emre Burak Serkan Onur Barış Doğan Gökhan Uğur Oğuz
            Tolga Berk Kerem Ayşe Fatma Emine Hatice Zeynep Elif Merve Özlem Gülşen Şeyma
            Büşra Ebru Derya Deniz Ece İpek Aslı Gözde Nilüfer Sıla İlker Erdem Çiğdem"""
        ),
        _w(
            """Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan
            Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır
            Yavuz Can Acar Şen Aktaş Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal Turan
            Gülçehre Tekin Kaplan Sarı Karaca Avcı Uçar Başaran Ateş Gündoğdu Bilgiç Sezer"""
        ),
        middles=_w("Can Ali Emre Nur"),
        middle_prob=0.06,
    ),
    Culture(
        "vietnamese",
        0.02,
        _w(
            """Minh Anh Hùng Dũng Tuấn Thảo Hương Lan Linh Trang Ngọc Phương Quang Huy Khoa
            Đức Thắng Long Nam Hải Sơn Việt Trung Hiếu Thành Tâm Hà Mai Thu Hằng Vy Nhung
            Bảo Khánh Phúc Tiến"""
        ),
        _w(
            """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào
            Đinh Lâm Mai Trịnh Trương Tô Cao Quách"""
        ),
        surname_skew=1.6,
        middles=_w("Văn Thị Đức Minh Quốc Thanh Hoàng Ngọc Hữu Xuân Công Kim Gia Anh"),
        middle_prob=0.8,
        middle_styles=(0.1, 0.0, 0.8, 0.1),
    ),
    Culture(
        "arabic",
        0.03,
        _w(
            """Mohammed Mohamed Muhammad Ahmed Ahmad Ali Omar Khaled Youssef Hassan Hussein
            Ibrahim Mahmoud Mustafa Tarek Karim Samir Walid Nabil Rami Hamza Bilal Anas Ziad
            Fatima Aisha Layla Noor Mariam Yasmin Salma Rania Huda Amira Dina Hana Leila
            Nadia Reem Sara Zainab Hind"""
        ),
        _w(
            """Al-Hassan Al-Rashid Al-Khatib Al-Masri Al-Sayed Haddad Khalil Mansour Nasser
            Saleh Hamdan Abdullah Aziz Farouk Hamid Ibrahim Jaber Karam Khoury Nassar Qasim
            Rahman Saad Sharif Suleiman Younes Zaki El-Amin El-Sayed El-Khoury Abdelrahman
            Benali Bouzid Cherif Mahmoud Mostafa Osman Ghanem Hamdi Fakhoury Bakr Taha
            Darwish"""
        ),
        middles=_w("Ali Amin Hassan Abdel"),
        middle_prob=0.08,
    ),
    Culture(
        "nordic",
        0.02,
        _w(
            """Bjørn Søren Jørgen Håkon Øystein Lars Erik Anders Johan Nils Magnus Henrik
            Mikkel Rasmus Jens Kristian Sigurd Torbjørn Åke Göran Mats Per Olof Sven Gustav
            Ingrid Åsa Sigrid Solveig Astrid Liv Kari Ingeborg Maja Linnéa Freja Sofie Ida
            Emma Frida Karin Birgitta Ragnhild Tove Hanne Mette Signe"""
        ),
        _w(
            """Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen
            Jørgensen Petersen Madsen Kristensen Olsen Thomsen Poulsen Johansen Møller
            Mortensen Johansson Andersson Karlsson Nilsson Eriksson Larsson Olsson Persson
            Svensson Gustafsson Pettersson Jonsson Lindberg Lindqvist Lindström Bergström
            Sjöberg Åberg Öberg Ångström Nyström Holmström Lundgren Berglund Sandberg Haugen
            Bakke Solberg Strand Dahl Lie Halvorsen Øvrebø Bjørnstad Sæther Aas Nygård Brekke
            Hægeland"""
        ),
        middles=_w("Erik Anders Marie Johan Kristin"),
        middle_prob=0.12,
    ),
    Culture(
        "korean",
        0.04,
        _w(
            """Ji-hoon Min-jun Seo-yeon Ji-woo Hyun-woo Sung-min Jae-hyun Dong-hyun
            Young-jae Jin-woo Soo-jin Eun-ji Hye-jin Min-seo Ha-eun Yoon Jisoo Jaehoon
            Minjoon Seungwoo Sangdoo Joonseok Taesup Hyunwoo Jinwoo Sehoon Junho"""
        ),
        _w(
            """Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn
            Song Jeon Hong Yoo Ko Moon Yang Son Bae Baek Heo Nam"""
        ),
        surname_skew=1.6,
        middle_prob=0.0,
    ),
    Culture(
        "japanese",
        0.02,
        _w(
            """Takashi Hiroshi Kenji Yuki Haruto Sota Yuto Daiki Kazuki Shota Takumi Ryo
            Kenta Naoki Masashi Tatsuya Yusuke Koji Shinji Akira Satoshi Yuko Yoko Keiko
            Ayaka Haruka Misaki Sakura Yui Aoi Mei Rin Naomi Emi Kaori Hiroko Tomoko"""
        ),
        _w(
            """Sato Suzuki Takahashi Tanaka Watanabe Itō Yamamoto Nakamura Kobayashi Kato
            Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki
            Mori Abe Ikeda Hashimoto Yamashita Ishikawa Nakajima Maeda Fujita Ogawa Gotō
            Okada Hasegawa Murakami Kondō Ishii Saitō Sakamoto Endo Aoki Ōta"""
        ),
        middle_prob=0.0,
    ),
    Culture(
        "persian",
        0.03,
        _w(
            """Mohammad Ali Hossein Mehdi Amir Hamid Saeed Majid Babak Kaveh Arash Pouya
            Parisa Maryam Zahra Fatemeh Sara Negar Niloufar Shirin Leila Mahsa Shadi Ehsan
            Siamak Farzad Behnam Hadi Navid Soroush Pedram"""
        ),
        _w(
            """Hosseini Mohammadi Rezaei Ahmadi Moradi Karimi Rahimi Jafari Hashemi Ghasemi
            Mousavi Sadeghi Heidari Kazemi Abbasi Mirzaei Ebrahimi Salehi Bagheri Najafi
            Akbari Shirazi Tehrani Esfahani Farahani Golshani Ranjbar Zand Sharifi Khosravi
            Soleimani Nazari Asadi Yazdani"""
        ),
        middles=_w("Reza Ali Hossein Amin Mahdi Javad"),
        middle_prob=0.15,
        middle_styles=(0.2, 0.0, 0.6, 0.2),
    ),
    Culture(
        "greek",
        0.02,
        _w(
            """Christos Georgios Konstantinos Dimitrios Ioannis Nikolaos Panagiotis
            Vasileios Athanasios Evangelos Stavros Spyros Alexandros Theodoros Michail Eleni
            Maria Aikaterini Vasiliki Sofia Angeliki Dimitra Georgia Ioanna Eirini Despoina
            Anastasia Chrysa Kalliopi Zoe"""
        ),
        _w(
            """Papadopoulos Papadakis Georgiou Nikolaou Konstantinidis Dimitriou Ioannou
            Vlachos Karagiannis Pappas Oikonomou Makris Antoniou Christodoulou
            Perivolaropoulos Alexiou Athanasiou Theodorou Kyriakidis Economou Stavropoulos
            Mavromatis Tsoukalas Zervas Galanis Kontogiannis Lamprou Sideris Vasileiou"""
        ),
        middle_prob=0.04,
    ),
    Culture(
        "hungarian",
        0.01,
        _w(
            """Bálint Ádám Péter Gábor László Zoltán Attila Tamás Dániel Máté Levente Bence
            Márton Csaba Gergely Réka Eszter Katalin Zsófia Anna Dóra Orsolya Krisztina
            Ágnes Noémi"""
        ),
        _w(
            """Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp
            Takács Juhász Lakatos Mészáros Oláh Rácz Fekete Szilágyi Török Fehér Balázs Gál
            Szűcs Kocsis Pintér Fodor Szalai Sipos Magyar Lukács Gulyás Király Katona Erdős
            Hajdú Bíró Vörös Pál Szőke"""
        ),
    ),
    Culture(
        "hebrew",
        0.02,
        _w(
            """Yael Noa Tamar Shira Maya Michal Roni Adi Yonatan Itai Omer Amir Eyal Gal Nadav
            Uri Ariel Daniel Ido Yoav Nir Tal Shai Avi Eitan Ofir Moshe Yair Noam"""
        ),
        _w(
            """Cohen Levi Mizrahi Peretz Biton Friedman Katz Azoulay Shapiro Ben-David
            Ben-Ami Avraham Golan Weiss Rosenberg Goldberg Schwartz Shamir Bar-On Hadad Dahan
            Ohana Segal Kaplan Levin Rosen Shalev Amit Harel"""
        ),
    ),
    Culture(
        "african",
        0.02,
        _w(
            """Chukwuemeka Oluwaseun Adebayo Chinedu Emeka Obinna Tunde Kunle Babajide
            Ikechukwu Kwame Kofi Yaw Kwabena Abena Ama Akosua Ngozi Chioma Adaeze Folake
            Funmilayo Nneka Amara Zainab Thandiwe Sipho Themba Lindiwe Nomvula Tendai Tatenda
            Wanjiru Wambui Otieno Achieng"""
        ),
        _w(
            """Okafor Okeke Adeyemi Adebayo Olawale Oyelaran Eze Nwosu Obi Okoro Chukwu Bello
            Abubakar Mensah Asante Boateng Owusu Appiah Osei Nkosi Dlamini Ndlovu Khumalo
            Mokoena Moyo Mutua Kamau Otieno Wanjiku Odhiambo Kiprop Mwangi Kariuki"""
        ),
        middles=_w("Oluwadamilare Chidi Ade Nana"),
        middle_prob=0.1,
    ),
    Culture(
        "romanian",
        0.01,
        _w(
            """Andrei Mihai Ionuț Alexandru Răzvan Bogdan Cristian Ștefan Radu Vlad Adrian
            Florin Ioana Elena Maria Andreea Alexandra Mihaela Cristina Diana Roxana Irina
            Oana Ana Raluca Teodora Iulia"""
        ),
        _w(
            """Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu
            Munteanu Florea Marin Constantin Dobre Barbu Nistor Toma Tudor Dinu Lungu Oprea
            Pascu Voicu Sârbu Ionașcu Țurcanu Nedelcu Vlădescu Moldovan Cojocaru"""
        ),
        middle_prob=0.05,
    ),
)
# The long tail of names: surnames built from a root and a culture's pattern, and given
# names built from syllables, so that a million listings do not run out of names. The
# lists above are the common head; SURNAME_TAIL_SHARE of surnames come from here.
SURNAME_TAIL_SHARE = 0.75
_SURNAME_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "english": (
        _w(
            """Ash Black Brad Craw Ful Hal Kings Lang Mar Pem Ross Stan Thorn Wad Whit Win
            Wood Brook Hart Fair Cal Bur Chat Dun Ever Gar Hol Kel Lyn Mid Nor Pres Rad Shel
            Stock Tal Wal Bram Carl Dal Ed Fen Glad Hast Ken Lock Mel Pack Red Sut Ther Ware
            Wether Bel Cran Dray Hen Ald Bar Cleve Dart Elm Frost Gold Hunt Lin Mor Pen"""
        ),
        _w(
            """{}ton {}ley {}field {}worth {}wood {}ford {}by {}ham {}well {}more {}son
            {}ridge {}wick {}stone {}brook {}den {}hurst {}ington {}man {}er {}cott {}bury
            {}land {}wright"""
        ),
    ),
    "indian": (
        _w(
            """Ram Krishna Venkat Subra Bala Siva Raja Nara Gopal Srini Chandra Ragha Hari
            Vijay Sundar Ananth Sesha Padma Mahadev Jaya Vasu Raghu Shankar Seetha Kalya"""
        ),
        _w(
            """{}moorthy {}swamy {}nathan {}raman {}krishnan {}vasan {}rajan {}murthy
            {}kumar {}appa {}iah {}reddy"""
        ),
    ),
    "iberian": (
        _w(
            """Benít Gim Rodr Ord Vel Alv Marqu Sanch Dom Enr Esteb Mend Nun Rom Val Peir
            Ferr Sous Guerr Carrasc Mont Barr Cabr Pach Olm Quint Ar Lor Carden Mor"""
        ),
        _w("{}ez {}es {}o {}a {}ero {}eiro {}ado {}ino {}illa {}ales"),
    ),
    "french": (
        _w(
            """Beau Bel Bon Dela Desro Fontai Lar Marti Mont Roche Vall Chaum Lafl Mor Pell
            Ver Bouch Chard Duv Fourn Garn Lecl Pouli Riv Tess Gir Bern Arn Chev Brass"""
        ),
        _w("{}ier {}ière {}eau {}on {}ard {}ot {}et {}and {}ette {}ault {}ois {}in {}aud"),
    ),
    "german": (
        _w(
            """Schwarz Weiß Stein Berg Wald Hoch Neu Alt Rosen Gold Eisen Lichten Falken
            Ehren Wolf Kirch Mühl Brenn Grün Hirsch Lin Hart Kalt Stroh Bauern Dorn Ober
            Unter Fried Sonnen"""
        ),
        _w(
            """{}berg {}mann {}er {}feld {}bach {}hof {}stein {}thal {}hauser {}burg {}dorf
            {}meier {}ler {}inger {}huber"""
        ),
    ),
    "dutch": (
        _w(
            """Bos Berg Dijk Hoek Kamp Veld Brink Haar Hof Kerk Molen Water Zand Beek Holt
            Sloot Wal Weide Heuvel Schouw"""
        ),
        _w("{}man {}stra {}sma {}ing {}er {}huis {}kamp {}veld {}ink {}hout"),
    ),
    "italian": (
        _w(
            """Bel Bian Ross Fer Mar Gall Cap Cost Mont Pal Sant Vit Leon Ricc Lomb Cav Fabb
            Grec Mor Bern Cald Fior Gior Pagan Tort Ven Zan Bon Cer Mazz"""
        ),
        _w("{}ini {}elli {}etti {}one {}ucci {}ino {}ardi {}otti {}esi {}aro {}ari {}ello {}oni"),
    ),
    "slavic": (
        _w(
            """Petr Jovan Nikol Mark Stojan Pavl Milo Kova Radov Bab Horv Kos Lis Wolk Zaj
            Dud Sok Bel Cher Grab Kraw Lew Mal Orl Pol Rud Sad Tkach Vas Zel Bog Dobr Jank
            Kam Bor Vuk Dragan Ivan Sim Step"""
        ),
        _w("{}ović {}ević {}ić {}ski {}cki {}ov {}ev {}enko {}uk {}czak {}ek {}in {}iak"),
    ),
    "turkish": (
        _w(
            """Ak Kara Ay Öz Er Yıl Gül Demir Çelik Kaya Tuna Taş Bay Kök Gök Tan Bal Al Uz
            Sarı Yurt Şen Can Ata"""
        ),
        _w("{}soy {}oğlu {}can {}türk {}dağ {}han {}kan {}baş {}el {}er {}gün {}ay {}taş"),
    ),
    "arabic": (
        _w(
            """Hassan Rashid Khatib Masri Sayed Amin Hakim Qadir Rahman Zahir Jabbar Ghani
            Halabi Tamimi Otaibi Harbi Shammari Zahrani Ghamdi Qahtani Mutairi Dosari Anazi
            Shehri Omari Najjar Sabbagh Tahan Khayat"""
        ),
        _w("Al-{} El-{} {} {}i Abu-{}"),
    ),
    "nordic": (
        _w(
            """Anders Lars Nils Sven Berg Lind Sand Holm Ek Sjö Öst Ny Ahl Ham Hed Lund Malm
            Norr Sund Wik Strand Dahl Fors Grön Kvist Björk Ås Hag Rosen Lil"""
        ),
        _w("{}sson {}sen {}berg {}ström {}lund {}qvist {}gren {}dahl {}by {}vik {}strand"),
    ),
    "japanese": (
        _w(
            """Yama Naka Taka Ishi Matsu Fuji Hashi Kawa Mori Ko Sa Hara Kita Mizu Ike Oka
            Aki Shima Kuro Shira Nishi Higashi Ono Ara Hira Yoshi Miya Tsu Uchi Kane"""
        ),
        _w(
            """{}moto {}mura {}da {}ta {}kawa {}yama {}hashi {}shita {}saki {}no {}uchi
            {}gawa {}hara {}zawa {}oka {}kami {}be {}mi"""
        ),
    ),
    "persian": (
        _w(
            """Hossein Mohammad Reza Karim Rahim Jafar Hashem Ghasem Mousa Sadegh Heidar
            Kazem Abbas Mirza Ebrahim Saleh Bagher Najaf Akbar Asad Amir Nazar Soltan Farhad
            Javad Hamid Khosrow"""
        ),
        _w("{}i {}zadeh {}pour {}nia {}far {}nejad {}ian {}loo"),
    ),
    "greek": (
        _w(
            """Papa Georg Nikol Konstant Dimitr Ioann Vlach Karagian Oikonom Antoni
            Christodoul Alex Athanas Theodor Kyriak Stavr Mavr Tsouk Zerv Gal Spyr Lampr
            Panag Vasil Manol Kotz"""
        ),
        _w("{}opoulos {}akis {}iou {}idis {}ou {}atos {}as {}oglou"),
    ),
    "hungarian": (
        _w("Kis Nagy Fekete Fehér Szabó Varga Erdő Hegy Tót Mező Kő Rét Vár Hal Som Bal"),
        _w("{}i {}ó {}házi {}földi {}völgyi {}falvi"),
    ),
    "hebrew": (
        _w("Gold Rosen Green Lieber Blum Shap Kat Wein Fried Zil Ash Stern Mandel Eisen Rot"),
        _w("{}berg {}man {}feld {}stein {}baum {}ovitz {}blatt"),
    ),
    "african": (
        _w("Ade Olu Chi Oke Nwa Obi Eze Kwa Asa Bo Mbe Ndu Osa Ife Tun Aki Ogu Ama"),
        _w("{}yemi {}wale {}nedu {}ke {}chukwu {}nkwo {}ku {}si {}tunde {}gbo"),
    ),
    "romanian": (
        _w(
            """Pop Ion Radu Dumitr Stoic Gheorgh Mate Cioban Munte Flore Marin Constantin
            Dobr Nistor Tudor Vlad Lung Opr Pasc Voic Sârb Nedel Mold Cojoc Bălan"""
        ),
        _w("{}escu {}eanu {}ache {}oiu {}ică"),
    ),
}
# given names from two syllables: Chinese "Zihan", Korean "Ji-hoon" / "Jihoon"
_GIVEN_SYLLABLES: dict[str, tuple[str, ...]] = {
    "chinese": _w(
        """an bo chen cheng chun da dong fan fang fei feng gang guo hai han hao hong hua hui
        jia jian jie jin jing jun kai lan lei li liang lin ling long lu mei meng min ming na
        nan ning peng ping qi qian qiang qing rong rui shan sheng shu si song tao tian ting
        wei wen xia xiang xiao xin xing xu xuan ya yan yang yi yin ying yong yu yuan yue yun
        ze zhen zheng zhi zhong zhou zi"""
    ),
    "korean": _w(
        """min jun seo yeon ji hoon woo hyun sung jae dong young jin soo eun hye ha yoon ho
        tae seung sang joon kyung hee mi na ra bin chan gyu won"""
    ),
    "cantonese": _w("ka wai chi man kit wing siu ho yan ming hoi lok fai kei ting yee sze pui"),
}
_GIVEN_SYLLABLE_SHARE = 0.75

_CULTURE_CUM: tuple[float, ...] = tuple(
    sum(c.weight for c in CULTURES[: i + 1]) for i in range(len(CULTURES))
)
_CULTURE_BY_KEY = {c.key: c for c in CULTURES}
_SUFFIXES = ("Jr.", "Jr.", "Jr.", "III", "II", "Sr.")

# LaTeX residue: what is left of a LaTeX accent once a scraper strips "\", "{" and "}".
_LATEX_SYMBOL = {
    "\u0301": "'",
    "\u0300": "`",
    "\u0302": "^",
    "\u0308": '"',
    "\u0303": "~",
    "\u0307": ".",
    "\u0304": "=",
}
_LATEX_LETTER = {
    "\u030c": "v",
    "\u0327": "c",
    "\u0326": "c",
    "\u0306": "u",
    "\u030a": "r",
    "\u030b": "H",
    "\u0328": "k",
    "\u0323": "d",
    "\u0309": "h",
    "\u031b": "",
}
_LATEX_SPECIAL = {
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "ß": "ss",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "đ": "dj",
    "Đ": "DJ",
    "ı": "i",
    "å": "aa",
    "Å": "AA",
}
_FOLD_SPECIAL = {
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "ß": "ss",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "đ": "d",
    "Đ": "D",
    "ı": "i",
}
_GERMAN_FOLD = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}


def latex_residue(text: str, rng: random.Random, space_rate: float) -> str:
    """Spell ``text`` as LaTeX accents would look after a scraper dropped ``\\``, ``{``, ``}``.

    ``é`` (``\\'e``) becomes ``'e``, ``č`` (``\\v{c}``) becomes ``vc``, ``ø`` (``\\o``)
    becomes ``o``; with probability ``space_rate`` a word-final symbol accent gets a
    space before it, as in ``Velivckovi 'c``.
    """
    out: list[str] = []
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            out.append(ch)
            continue
        special = _LATEX_SPECIAL.get(ch)
        if special is not None:
            out.append(special)
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        if not marks:
            out.append(_ascii_fold(ch))
            continue
        commands = "".join(_LATEX_SYMBOL.get(m, _LATEX_LETTER.get(m, "")) for m in reversed(marks))
        word_final = i + 1 == len(text) or not text[i + 1].isalpha()
        if (
            word_final
            and commands[:1] in _LATEX_SYMBOL.values()
            and i > 0
            and text[i - 1].isalpha()
            and rng.random() < space_rate
        ):
            out.append(" ")
        out.append(commands + base)
    return "".join(out)


def _ascii_fold(text: str, german: bool = False) -> str:
    out: list[str] = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
        elif german and ch in _GERMAN_FOLD:
            out.append(_GERMAN_FOLD[ch])
        elif ch in _FOLD_SPECIAL:
            out.append(_FOLD_SPECIAL[ch])
        else:
            out.append(
                "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            )
    return "".join(out)


def _initial(name: str) -> str:
    return name[0] + "."


@dataclass(frozen=True, slots=True)
class Person:
    """One true person; ``canonical`` is how the person is usually printed."""

    pid: int
    culture: str
    given: str  # formal given name, with diacritics
    nick: str  # a nickname of ``given``, or ""
    goes_by_nick: bool
    middles: tuple[str, ...]
    middle_style: str  # "initial", "bare", "full", "hidden"
    particle: str
    surname: str
    suffix: str
    canonical: str
    ops: tuple[str, ...]  # variant operations that apply to this name
    op_weights: tuple[float, ...]
    variant_prob: float


def _middle_tokens(middles: tuple[str, ...], style: str) -> list[str]:
    if not middles or style == "hidden":
        return []
    if style == "full":
        return list(middles)
    if style == "bare":
        return ["".join(m[0] for m in middles)]
    return ["".join(_initial(m) for m in middles)]


def _join_name(
    given: str, middles: list[str], particle: str, surname: str, suffix: str, comma: bool
) -> str:
    parts = [given, *middles]
    if particle:
        parts.append(particle)
    parts.append(surname)
    text = " ".join(p for p in parts if p)
    if suffix:
        text += (", " if comma else " ") + suffix
    return text


def make_person(
    pid: int, culture: Culture, given: str, surname: str, rng: random.Random, rates: MessRates
) -> Person:
    """A person of ``culture`` named ``given surname``, with culture-typical extras."""
    middles: tuple[str, ...] = ()
    if culture.middle_prob and rng.random() < culture.middle_prob:
        pool = culture.middles or culture.firsts
        if given in _FEMALE_FIRSTS and pool is _ENGLISH_MIDDLES:
            pool = _ENGLISH_FEMALE_MIDDLES
        count = 2 if rng.random() < 0.1 else 1
        middles = tuple(rng.choice(pool) for _ in range(count))
    style = rng.choices(("initial", "bare", "full", "hidden"), weights=culture.middle_styles)[0]
    particle = ""
    if culture.particles and rng.random() < culture.particle_prob:
        particle = rng.choice(culture.particles)
    suffix = ""
    if given not in _FEMALE_FIRSTS and rng.random() < culture.suffix_prob:
        suffix = rng.choice(_SUFFIXES)
    nicks = NICKNAMES.get(given, ())
    nick = rng.choice(nicks) if nicks else ""
    goes_by_nick = bool(nick) and rng.random() < 0.3
    return _build_person(
        pid, culture.key, given, nick, goes_by_nick, middles, style, particle, surname, suffix,
        rates,
    )  # fmt: skip


def _build_person(
    pid: int,
    culture: str,
    given: str,
    nick: str,
    goes_by_nick: bool,
    middles: tuple[str, ...],
    style: str,
    particle: str,
    surname: str,
    suffix: str,
    rates: MessRates,
) -> Person:
    shown_given = nick if goes_by_nick else given
    canonical = _join_name(
        shown_given, _middle_tokens(middles, style), particle, surname, suffix, comma=False
    )
    applicable: list[tuple[str, float]] = [("initials", rates.initials), ("case", rates.case)]
    if nick:
        applicable.append(("nickname", rates.nickname))
    if middles:
        applicable.append(("middle", rates.middle))
    if any(ord(c) > 127 for c in canonical):
        applicable += [("latex", rates.latex), ("ascii", rates.ascii)]
    if "-" in surname or "-" in given:
        applicable.append(("hyphen", rates.hyphen))
    if particle:
        applicable.append(("particle", rates.particle))
    if suffix:
        applicable.append(("suffix", rates.suffix))
    applicable = [(op, w) for op, w in applicable if w > 0]
    keep = 1.0
    for _, w in applicable:
        keep *= 1.0 - w
    return Person(
        pid=pid,
        culture=culture,
        given=given,
        nick=nick,
        goes_by_nick=goes_by_nick,
        middles=middles,
        middle_style=style,
        particle=particle,
        surname=surname,
        suffix=suffix,
        canonical=canonical,
        ops=tuple(op for op, _ in applicable),
        op_weights=tuple(w for _, w in applicable),
        variant_prob=1.0 - keep,
    )


def _rebuild(person: Person, rates: MessRates) -> Person:
    """``person`` with its derived fields (canonical name, variant operations) recomputed."""
    return _build_person(
        person.pid, person.culture, person.given, person.nick, person.goes_by_nick,
        person.middles, person.middle_style, person.particle, person.surname, person.suffix,
        rates,
    )  # fmt: skip


_INITIALS = tuple("ABCDEFGHJKLMNPQRSTVWXYZ")


def render_variant(person: Person, ops: Sequence[str], rng: random.Random, rates: MessRates) -> str:
    """Print ``person`` with the variant operations ``ops`` applied."""
    given = person.nick if person.goes_by_nick else person.given
    if "nickname" in ops and person.nick:
        given = person.given if person.goes_by_nick else person.nick
    style = person.middle_style
    if "middle" in ops and person.middles:
        if style == "hidden":
            style = rng.choice(("initial", "initial", "full"))
        elif style == "full":
            style = rng.choice(("hidden", "initial"))
        else:
            style = rng.choice(
                ("hidden", "hidden", "full", "bare" if style == "initial" else "initial")
            )
    middles = _middle_tokens(person.middles, style)
    surname = person.surname
    if "hyphen" in ops:
        if "-" in surname:
            first, _, rest = surname.partition("-")
            how = rng.random()
            if how < 0.5:
                surname = first + " " + rest
            elif how < 0.75:
                surname = first + rest.lower()
            else:
                surname = first
        elif "-" in given:
            first, _, rest = given.partition("-")
            given = rng.choice(
                (first + rest, first + " " + rest.capitalize(), f"{first}-{rest.capitalize()}")
            )
    if "initials" in ops:
        if "-" in given and rng.random() < 0.5:
            first, _, rest = given.partition("-")
            letters = [f"{first[0]}.-{rest[0].upper()}."]
        else:
            letters = [_initial(given)]
        if middles and style != "hidden":
            letters += [_initial(m) for m in person.middles]
        how = rng.random()
        if how < 0.55:
            given, middles = "".join(letters), []
        elif how < 0.85:
            given, middles = " ".join(letters), []
        else:
            given, middles = letters[0], []
    particle = person.particle
    if "particle" in ops and particle:
        particle = particle.title() if rng.random() < 0.5 else ""
    suffix = person.suffix
    comma = False
    if "suffix" in ops and suffix:
        how = rng.random()
        if how < 0.5:
            suffix = ""
        elif how < 0.8:
            comma = True
        else:
            suffix = suffix.rstrip(".")
    if "case" in ops:
        how = rng.random()
        if how < 0.5:
            surname = surname.upper()
        else:
            text = _join_name(given, middles, particle, surname, suffix, comma)
            text = text.lower() if how < 0.75 else text.upper()
            return _char_level(text, person, ops, rng, rates)
    text = _join_name(given, middles, particle, surname, suffix, comma)
    return _char_level(text, person, ops, rng, rates)


def _char_level(
    text: str, person: Person, ops: Sequence[str], rng: random.Random, rates: MessRates
) -> str:
    if "latex" in ops:
        return latex_residue(text, rng, rates.latex_space)
    if "ascii" in ops:
        return _ascii_fold(text, german=person.culture == "german" and rng.random() < 0.3)
    return text


# ---------------------------------------------------------------------------
# Titles and abstracts
# ---------------------------------------------------------------------------

VOCAB: dict[str, tuple[str, ...]] = {
    "task": (
        "image classification", "language modeling", "in-context learning",
        "continual learning", "graph representation learning", "molecular property prediction",
        "protein structure prediction", "offline reinforcement learning", "few-shot learning",
        "out-of-distribution generalization", "causal discovery", "text-to-image generation",
        "speech recognition", "machine translation", "code generation", "3D reconstruction",
        "weather forecasting", "drug discovery", "question answering", "semantic segmentation",
        "object detection", "anomaly detection", "time series forecasting",
        "neural architecture search", "program synthesis", "mathematical reasoning",
        "visual question answering", "domain adaptation", "federated learning",
        "active learning", "imitation learning", "multi-agent coordination",
        "robot manipulation", "motion planning", "single-cell analysis",
        "materials discovery", "link prediction", "decision-making", "exploration",
        "credit assignment", "video prediction", "image segmentation", "summarization",
        "retrieval", "planning", "density estimation", "representation learning",
    ),
    "model": (
        "transformers", "graph neural networks", "diffusion models", "large language models",
        "state space models", "neural networks", "recurrent neural networks",
        "vision transformers", "variational autoencoders", "normalizing flows",
        "energy-based models", "mixture-of-experts models", "language models", "world models",
        "neural ODEs", "Gaussian processes", "kernel machines", "spiking neural networks",
        "implicit neural representations", "LLMs", "GFlowNets", "hypernetworks",
        "deep networks", "linear networks", "autoregressive models", "agents",
    ),
    "property": (
        "generalization", "robustness", "calibration", "sample efficiency",
        "interpretability", "fairness", "privacy", "scalability", "stability",
        "expressivity", "uncertainty", "memorization", "compositionality", "plasticity",
        "emergence", "sparsity", "faithfulness", "alignment", "hallucination", "grokking",
        "identifiability", "transferability", "invariance", "consistency",
    ),
    "technique": (
        "contrastive learning", "knowledge distillation", "data augmentation",
        "meta-learning", "curriculum learning", "self-supervision", "weight decay",
        "low-rank adaptation", "gradient clipping", "attention", "pruning", "quantization",
        "retrieval augmentation", "chain-of-thought prompting", "reward modeling",
        "optimal transport", "Bayesian inference", "variational inference",
        "Monte Carlo tree search", "score matching", "flow matching", "message passing",
        "tokenization", "preference optimization", "synthetic data", "model merging",
        "back-propagation", "fine-tuning", "RL fine-tuning", "Markov chains",
        "energy minimization", "sparse coding", "dropout", "batch normalization",
    ),
    "adj": (
        "efficient", "scalable", "robust", "provable", "adaptive", "sparse", "hierarchical",
        "unsupervised", "self-supervised", "equivariant", "causal", "differentiable",
        "probabilistic", "modular", "lightweight", "fast", "principled", "continual",
        "multimodal", "decentralized", "interpretable", "zero-shot", "model-based",
        "data-efficient", "long-context", "geometric", "greedy", "offline", "online",
        "generative", "compositional", "stochastic",
    ),
    "domain": (
        "healthcare", "robotics", "climate science", "drug discovery",
        "low-resource languages", "autonomous driving", "materials science", "education",
        "genomics", "medical imaging", "finance", "scientific discovery", "edge devices",
        "ecology", "neuroscience", "chemistry", "astronomy", "agriculture",
    ),
    "dataset": (
        "ImageNet", "CIFAR-10", "CIFAR-100", "MNIST", "COCO", "Atari", "MuJoCo", "GSM8K",
        "MMLU", "the Open Graph Benchmark", "Procgen", "Minecraft", "NetHack", "ARC",
        "WikiText", "QM9",
    ),
    "ving": (
        "training", "scaling", "learning", "rethinking", "understanding", "revisiting",
        "improving", "benchmarking", "evaluating", "explaining", "measuring", "steering",
        "distilling", "compressing", "aligning", "probing", "regularizing",
    ),
    "verb": (
        "learn", "generalize to", "forget", "reason about", "memorize", "attend to",
        "fail on", "compose", "plan over", "extrapolate to", "represent", "exploit",
    ),
    "entity": (
        "the first token", "long sequences", "rare events", "spurious features",
        "distribution shift", "noisy labels", "the edge of stability", "symmetric structures",
        "out-of-distribution data", "simple reversals", "facts", "new tasks",
        "adversarial examples", "hidden confounders", "sparse rewards", "long horizons",
    ),
    "role": ("agents", "learners", "planners", "reasoners", "optimizers", "critics"),
    "noun": (
        "dynamics", "curricula", "hallucinations", "benchmarks", "baselines", "pitfalls",
        "limits", "scaling", "theory", "practice", "trade-offs", "failure modes",
    ),
    "dim": ("2", "3", "4"),
    "num": ("2", "3", "4", "5", "8", "10", "16", "32", "100", "1000"),
}  # fmt: skip

TITLE_TEMPLATES: tuple[str, ...] = (
    "{method}: {ving} {model} without {technique}",
    "{method}: {adj} {task} with {technique}",
    "why do {model} {verb} {entity}?",
    "do {model} really {verb} {entity}?",
    "when does {technique} help {task}?",
    "on the {property} of {model}",
    "on the {property} of {model} trained with {technique}: a controlled study",
    "{ving} {model} for {task}",
    "{adj} {task} via {technique}",
    "towards {adj} {task} in {domain}",
    "a {adj} framework for {task}",
    "{method}: a {adj} benchmark for {task}",
    "from {technique} to {technique2}: how {model} {verb} {entity}",
    "{technique} is all you need for {task}",
    "beyond {technique}: {adj} {task} with {model}",
    "{ving} the {property} of {model} on {dataset}",
    "scaling laws for {task} with {model}",
    "{property} in {model}: theory and experiments",
    "how do {model} {verb} {entity}? {noun}, {noun2} and {noun3}",
    "{model} are {adj} {role}: effects of {technique} on {property}",
    "{method}-{num}: {adj} {task} at scale",
    "{ving} {task} in {dim}D with {model}",
    "learning to {verb} {entity} with {model}",
    "{adj} {technique} for {model}",
    "the {property} of {technique} in {task}",
    "can {model} {verb} {entity}?",
    "is {technique} necessary for {task}?",
    "{ving} and {ving2} {model}",
    "{adj} and {adj2} {task} for {domain}",
    "{method}: {adj} {technique} for {task} on {dataset}",
    "provable {property} of {technique} under {entity}",
    "a theory of {property} in {model}",
    "{ving} {model} through the lens of {technique}",
    "{task} from {entity}: a {adj} approach",
    "benchmarking {model} on {dataset}: lessons for {task}",
    "{num} lessons from {task} with {model}",
    "{method}: {ving} {model} with {num} billion parameters",
    "what makes {technique} work for {task}?",
    "{adj} {model} for {task} in {domain}",
    "{ving} {property} in {model} with {technique}",
)

_SUBTITLES = (
    "a case study", "theory and practice", "an empirical study", "a unifying view",
    "a controlled study", "a survey", "extended version", "a benchmark",
    "lessons learned", "a simple baseline",
)  # fmt: skip
_LOWER_WORDS = frozenset(
    part
    for text in (*(w for ws in VOCAB.values() for w in ws), *TITLE_TEMPLATES, *_SUBTITLES)
    for word in text.replace("{", " ").replace("}", " ").split()
    for part in word.strip(":?,.").split("-")
    if part.islower()
) | frozenset(("full", "efficient", "scalable", "improved", "simple", "general", "deep"))
_VERSION_WORDS = ("full", "efficient", "scalable", "improved", "simple", "general", "deep")
_SMALL_WORDS = frozenset(
    _w("a an and as at but by for from in into of on or over the to under via vs with without")
)
_METHOD_HEADS = _w(
    """No Graph Diff Meta Auto Flow Deep Hyper Neuro Vi Sym Quant Spec Mem Poly Omni Uni
    Trans Cross Self Sparse Fast Mamba Dyna Gen Tok Mol Geo Chrono Lumo Astra Nova Hydra"""
)
_METHOD_TAILS = _w(
    """Prop Mix Former Net GAN Seq Fusion Bench Align Diff Tune Match Flow Gen Lens Pilot
    Sketch Route Mamba Coder Fold Grad Plan Prompt Vision Walk Sat"""
)
_ACRONYM_C = "BCDFGHKLMNPRSTVZ"
_ACRONYM_V = "AEIOU"

_ABSTRACT_OPENERS = (
    "{model} have achieved remarkable success in {task}, yet their {property} remains "
    "poorly understood.",
    "Recent work has shown that {technique} can improve {property} in {task}, but the "
    "reasons for this improvement are unclear.",
    "{task} is a central problem in machine learning with applications in {domain}.",
    "While {model} have driven rapid progress in {task}, their computational cost has "
    "spurred growing interest in {adj} alternatives.",
    "The canonical approach to {task} relies on {technique}, which requires large amounts "
    "of labelled data.",
)  # fmt: skip
_ABSTRACT_SENTENCES = (
    "However, existing approaches rely on {technique}, which is expensive and often unstable.",
    "In this paper, we study {task} through the lens of {technique}.",
    "We introduce {method}, a {adj} method that combines {technique} with {technique2}.",
    "Our key insight is that {model} implicitly perform {technique} when trained on {dataset}.",
    "We show theoretically that {property} is governed by the interplay between {technique} "
    "and {entity}.",
    "Empirically, {method} outperforms strong baselines on {dataset} while using far fewer "
    "resources.",
    "We further analyse the failure modes of {model} under {entity}.",
    "These results suggest that {property} and {property2} are closely linked.",
    "Finally, we release code and data to facilitate future research on {task}.",
    "Extensive experiments on {num} benchmarks demonstrate consistent gains in {property}.",
    "To address this gap, we propose a {adj} framework for {task} in {domain}.",
    "Unlike prior work, our approach does not require {technique} or access to {entity}.",
    "We find that, in data-matched settings, {model} can {verb} {entity} more reliably than "
    "expected.",
    "Our analysis reveals a surprising phenomenon: {model} {verb} {entity} even without "
    "{technique}.",
    "This opens new directions for {adj} {task} and for understanding {property} more broadly.",
    "We demonstrate the effectiveness of our method on {dataset} and on {task} tasks.",
    "To do so, we construct several novel datasets that isolate {entity} from the rest of "
    "the training signal.",
    "Our results have implications for understanding the inductive biases of {model} and for "
    "improving their {property} in practice.",
)  # fmt: skip
_SEE_MORE = "… (see more)"
_NOT_ALNUM = re.compile(r"[\W_]+")
_ARTICLE = re.compile(r"\b([Aa]) (?=[aeioAEIO])")


@dataclass(frozen=True, slots=True)
class TitleSpec:
    """A title before casing: a template and the words put into it."""

    template: str
    fillers: tuple[tuple[str, str], ...]
    style: str  # "title" or "sentence"
    hyphen_caps: bool

    def render(self) -> str:
        text = _articles(self.template.format(**dict(self.fillers)))
        return title_case(text, self.hyphen_caps) if self.style == "title" else sentence_case(text)


def _articles(text: str) -> str:
    """``a efficient`` -> ``an efficient``."""
    return _ARTICLE.sub(r"\1n ", text)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:] if word and word[:1].islower() else word


def _decap(text: str) -> str:
    """Lower the first letter unless the first word is an acronym or a CamelCase name."""
    first = text.split(" ", 1)[0]
    return text if any(c.isupper() for c in first[1:]) else text[:1].lower() + text[1:]


def to_sentence_case(text: str) -> str:
    """Undo title case: lower capitalised common words, keep names, acronyms and starts."""
    out: list[str] = []
    start = True
    for word in text.split(" "):
        if not start:
            parts = word.split("-")
            word = "-".join(
                p.lower() if p.lower().strip(":?,.") in _LOWER_WORDS and p[1:].islower() else p
                for p in parts
            )
        out.append(word)
        start = word.endswith((":", "?"))
    return " ".join(out)


def sentence_case(text: str) -> str:
    """Capitalise the first letter and the first letter after ": " or "? "."""
    out = _cap(text)
    for sep in (": ", "? "):
        if sep in out:
            head, *tails = out.split(sep)
            out = sep.join([head, *(_cap(t) for t in tails)])
    return out


def title_case(text: str, hyphen_caps: bool) -> str:
    """Capitalise major words; words that already hold a capital are left alone."""
    words = text.split(" ")
    out: list[str] = []
    start = True
    for word in words:
        if not word or any(c.isupper() for c in word) or (word in _SMALL_WORDS and not start):
            out.append(word)
        elif "-" in word:
            head, *rest = word.split("-")
            rest = [_cap(r) if hyphen_caps and r not in _SMALL_WORDS else r for r in rest]
            out.append("-".join([_cap(head), *rest]))
        else:
            out.append(_cap(word))
        start = word.endswith((":", "?"))
    return " ".join(out)


def _title_key(title: str) -> int:
    """A 64-bit key of the lower-cased letters and digits (case and punctuation ignored)."""
    norm = _NOT_ALNUM.sub("", title.lower()).encode()
    return zlib.crc32(norm) | (len(norm) << 32)


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------

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
_AUTHOR_COUNT_WEIGHTS = (3, 10, 16, 17, 15, 11, 8, 6, 5, 4, 3, 2)  # 1..12 authors incl. owner
_LAB_SIZE_WEIGHTS = (30, 25, 18, 12, 8, 7)  # 1..6 members


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

    def __init__(self, rng: random.Random, rates: MessRates, listings: int) -> None:
        self.rng = rng
        self.rates = rates
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
        self.members = [self._new_person(homonym_ok=False) for _ in self.sizes]
        self.n_members = len(self.members)
        pool_size = max(30, listings // 30)
        self.pool = [self._new_person(homonym_ok=False) for _ in range(pool_size)]
        # a direct pick from the pool is mildly Zipf: a few external people are prolific
        # without one person dominating every pairwise count
        self.pool_cum = _zipf_cum(pool_size, 0.6)

    # -- people -----------------------------------------------------------

    def _new_person(self, homonym_ok: bool = True) -> Person:
        """A new person whose usual name no earlier person has, or now and then a namesake.

        On a clash the name is drawn again; after a few clashes a middle initial is added,
        as people with common names tend to do.
        """
        rng = self.rng
        pid = self.next_pid
        self.next_pid += 1
        if homonym_ok and rng.random() < self.rates.homonym:
            self.homonyms.add(pid)
            return replace(rng.choice(self.pool), pid=pid)
        culture = rng.choices(CULTURES, cum_weights=_CULTURE_CUM)[0]
        for attempt in range(20):
            given = self._given(culture)
            surname = self._surname(culture)
            if rng.random() < culture.hyphen_prob and "-" not in surname:
                other = self._surname(culture)
                if other != surname and "-" not in other:
                    surname = f"{surname}-{other}"
            person = make_person(pid, culture, given, surname, rng, self.rates)
            if attempt >= 4 and (not person.middles or person.middle_style == "hidden"):
                person = replace(person, middles=(rng.choice(_INITIALS),), middle_style="initial")
                person = _rebuild(person, self.rates)
            if self._claim_name(person):
                break
        return person

    def _claim_name(self, person: Person) -> bool:
        key = _title_key(person.canonical)
        if key in self.name_keys:
            return False
        self.name_keys.add(key)
        return True

    def _given(self, culture: Culture) -> str:
        rng = self.rng
        if culture.key != "english" and rng.random() < 0.08:
            return _skewed(rng, _ENGLISH_FIRSTS, 1.3)  # "Stephanie Chan", "Kevin Zhang"
        syllables = _GIVEN_SYLLABLES.get(culture.key)
        if syllables and rng.random() < _GIVEN_SYLLABLE_SHARE:
            first, second = rng.choice(syllables), rng.choice(syllables)
            if culture.key == "korean" and rng.random() < 0.5:
                return f"{first.capitalize()}-{second}"
            if culture.key == "cantonese":
                return first.capitalize()
            return first.capitalize() + ("" if rng.random() < 0.15 else second)
        return _skewed(rng, culture.firsts, 1.1)

    def _surname(self, culture: Culture) -> str:
        rng = self.rng
        parts = _SURNAME_PARTS.get(culture.key)
        if parts and rng.random() < SURNAME_TAIL_SHARE:
            roots, patterns = parts
            return rng.choice(patterns).format(rng.choice(roots))
        return _skewed(rng, culture.surnames, culture.surname_skew)

    def _confusable(self, anchor: Person) -> Person | None:
        """A different person sharing ``anchor``'s surname, and maybe first initial."""
        rng = self.rng
        culture = _CULTURE_BY_KEY[anchor.culture]
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
        n = rng.choices(range(1, 13), weights=_AUTHOR_COUNT_WEIGHTS)[0]
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
            elif person.pid in self.homonyms:
                mess = (*mess, "homonym")
            lines.append((text, person, mess))
        if lines and rng.random() < rates.double_print:
            self._double(lines)
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
        sizes: list[int] = []
        total = 0
        while total < n:
            u = rng.random()
            s = int(MIN_LISTINGS_PER_PAGE * (1.0 - u) ** (-1.0 / 1.3))
            s = min(s, MAX_LISTINGS_PER_PAGE)
            sizes.append(s)
            total += s
        sizes[-1] -= total - n
        if sizes[-1] < MIN_LISTINGS_PER_PAGE:
            short = sizes.pop()
            room = [i for i, s in enumerate(sizes) if s < MAX_LISTINGS_PER_PAGE]
            if sum(MAX_LISTINGS_PER_PAGE - sizes[i] for i in room) >= short:
                while short:
                    i = rng.choice(room)
                    if sizes[i] < MAX_LISTINGS_PER_PAGE:
                        sizes[i] += 1
                        short -= 1
            else:  # every other page is full: take from one to make the last big enough
                sizes[0] -= MIN_LISTINGS_PER_PAGE - short
                sizes.append(MIN_LISTINGS_PER_PAGE)
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


def _lab_sizes(rng: random.Random, pages: int) -> list[int]:
    sizes: list[int] = []
    left = pages
    while left:
        k = min(left, rng.choices(range(1, 7), weights=_LAB_SIZE_WEIGHTS)[0])
        sizes.append(k)
        left -= k
    return sizes


def generate(
    out_dir: str | Path,
    listings: int,
    seed: int = 0,
    rates: MessRates | None = None,
    *,
    overwrite: bool = False,
) -> GroundTruth:
    """Write a synthetic institute of ``listings`` title lines into ``out_dir``.

    Raises ``ValueError`` for fewer than 20 listings and ``FileExistsError`` when
    ``out_dir`` already holds pages or truth, unless ``overwrite`` (which removes only
    ``pages/*.txt``, ``truth.json`` and ``truth.jsonl``).
    """
    if listings < MIN_LISTINGS_PER_PAGE:
        raise ValueError(
            f"listings={listings}: need at least {MIN_LISTINGS_PER_PAGE} (one page's worth)"
        )
    rates = rates or MessRates()
    out = Path(out_dir)
    pages_dir = out / "pages"
    truth_path = out / "truth.json"
    lines_path = out / "truth.jsonl"
    existing = sorted(pages_dir.glob("*.txt")) if pages_dir.is_dir() else []
    if existing or truth_path.exists() or lines_path.exists():
        if not overwrite:
            raise FileExistsError(
                f"{out}: already holds generated pages or truth; pass overwrite=True (--force)"
            )
        for path in existing:
            path.unlink()
        truth_path.unlink(missing_ok=True)
        lines_path.unlink(missing_ok=True)
    pages_dir.mkdir(parents=True, exist_ok=True)

    rng = random.Random(seed)
    inst = _Institute(rng, rates, listings)
    n_pages = len(inst.sizes)
    numbers = list(range(1, n_pages + 1))
    rng.shuffle(numbers)
    width = max(4, len(str(n_pages)))
    mess_counts: dict[str, int] = {}
    totals = {"listings": 0, "page_papers": 0, "author_lines": 0, "abstract_lines": 0}
    n_lines = 0
    n_bytes = 0
    start = 0
    with lines_path.open("w", encoding="utf-8", newline="\n") as truth_out:
        for lab_size in _lab_sizes(rng, n_pages):
            members = inst.members[start : start + lab_size]
            budgets = inst.sizes[start : start + lab_size]
            for page, k in zip(
                inst.lab(members, budgets), range(start, start + lab_size), strict=True
            ):
                lines, record = inst.page_lines(page)
                relpath = f"pages/{numbers[k]:0{width}d}.txt"
                data = "\n".join(lines).encode("utf-8")
                (out / relpath).write_bytes(data)
                n_lines += len(lines)
                n_bytes += len(data)
                titles = record["titles"]
                assert isinstance(titles, list)
                totals["listings"] += len(titles)
                totals["page_papers"] += len({t[1] for t in titles})
                authors = record["authors"]
                assert isinstance(authors, list)
                totals["author_lines"] += len(authors)
                mess = record["mess"]
                assert isinstance(mess, dict)
                for tag, tagged in mess.items():
                    mess_counts[tag] = mess_counts.get(tag, 0) + len(tagged)
                totals["abstract_lines"] += len(mess.get("abstract", ()))
                truth_out.write(
                    json.dumps(
                        {"page": relpath, **record}, ensure_ascii=False, separators=(",", ":")
                    )
                )
                truth_out.write("\n")
            start += lab_size
    summary = Summary(
        pages=n_pages,
        listings=totals["listings"],
        page_papers=totals["page_papers"],
        papers=sum(inst.listed),
        persons=sum(inst.mentioned),
        members=inst.n_members,
        author_lines=totals["author_lines"],
        abstract_lines=totals["abstract_lines"],
        confusable_persons=inst.counts.get("confusable_persons", 0),
        homonym_persons=sum(n for n in inst.name_counts.values() if n > 1),
        lines=n_lines,
        bytes=n_bytes,
        mess={k: mess_counts[k] for k in sorted(mess_counts)},
    )
    header = {
        "format": TRUTH_FORMAT,
        "seed": seed,
        "listings": listings,
        "rates": asdict(rates),
        "summary": asdict(summary),
        "pages_truth": lines_path.name,
    }
    truth_path.write_text(json.dumps(header, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return GroundTruth(out, truth_path, lines_path, summary)


def _parse_rate(text: str) -> tuple[str, float]:
    name, sep, value = text.partition("=")
    known = {f.name for f in fields(MessRates)}
    if not sep or name not in known:
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected NAME=VALUE with NAME one of {', '.join(sorted(known))}"
        )
    try:
        return name, float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: VALUE must be a number") from None


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: generate pages and truth, print the summary as JSON. Exit 0 ok, 2 bad input."""
    parser = argparse.ArgumentParser(
        description="Generate a synthetic institute of messy profile pages with ground truth."
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--listings", type=int, required=True, help="title lines in total")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--rate", type=_parse_rate, action="append", default=[], metavar="NAME=VALUE",
        help="override one MessRates field (repeatable)",
    )  # fmt: skip
    parser.add_argument("--force", action="store_true", help="replace earlier output")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        rates = MessRates(**dict(args.rate))
        truth = generate(args.out_dir, args.listings, args.seed, rates, overwrite=args.force)
    except (ValueError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(json.dumps(asdict(truth.summary), ensure_ascii=False, indent=1))
    print(
        f"wrote {truth.summary.pages} pages, {truth.summary.bytes / 1e6:.1f} MB "
        f"in {elapsed:.1f} s to {truth.out_dir}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

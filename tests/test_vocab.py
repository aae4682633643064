"""vocab: the one place that decides what an IRI looks like."""

from __future__ import annotations

from scholarkg.vocab import Minter, printed_form, short_hash

ADA = Minter("https://kg.example.org/").person("ada-lovelace")


def test_a_printed_form_is_a_fragment_of_its_holder_named_by_the_texts_hash() -> None:
    printed = "Ada Lovel'ace"
    assert printed_form(ADA, printed) == f"{ADA}#printed-{short_hash(printed)}"


def test_one_spelling_is_one_printed_form_node_and_two_are_two() -> None:
    assert printed_form(ADA, "A. Lovelace") == printed_form(ADA, "A. Lovelace")
    assert printed_form(ADA, "A. Lovelace") != printed_form(ADA, "A Lovelace")

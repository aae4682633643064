"""The JSON-LD writer's own indented JSON is the text ``json.dumps(indent=2)`` gives."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from scholarkg.export.jsonld import indented

_VALUES = st.recursive(
    st.text() | st.integers() | st.none() | st.booleans(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_VALUES, st.integers(min_value=0, max_value=3))
def test_indented_is_json_dumps_at_any_depth(value: object, level: int) -> None:
    out: list[str] = []
    indented(value, level, out)
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
    assert "".join(out) == expected

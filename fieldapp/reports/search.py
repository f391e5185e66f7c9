"""Text search over unit names and addresses, finding texts and notes.

Every distinct text is indexed once by FTS5's trigram tokenizer (migration
``m0006_search``): a word of three or more characters is looked up in the index and matches
anywhere inside a text. A word of one or two characters (电梯, 梯) has no trigram, so it is
matched with LIKE over the distinct texts instead. Words are separated by spaces; a record
matches when every word is found somewhere in it (its unit, a finding, a note); ASCII case
is ignored. ``search_docs`` then leads from a text to the units,
findings and inspections that use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlite_utils import Database

__all__ = [
    "DOC_KINDS",
    "TextMatches",
    "TextQuery",
    "finding_predicate",
    "fts_query",
    "inspection_predicate",
    "like_pattern",
    "matching_findings",
    "matching_texts",
    "matching_units",
    "search_mode",
    "text_matches",
    "word_uses",
    "words",
]


@dataclass(frozen=True)
class TextQuery:
    """A search text split into the words the index can look up and the short ones."""

    long_words: tuple[str, ...]
    short_words: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> TextQuery:
        words = tuple(dict.fromkeys(w for w in text.split() if w))
        return cls(tuple(w for w in words if len(w) >= 3), tuple(w for w in words if len(w) < 3))

    @property
    def empty(self) -> bool:
        return not self.long_words and not self.short_words


def search_mode(text: str) -> Literal["none", "like", "fts"]:
    """How ``text`` is searched: not at all, only by LIKE (every word shorter than three
    characters), or through the full-text index."""
    query = TextQuery.parse(text)
    if query.empty:
        return "none"
    return "fts" if query.long_words else "like"


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for the long words of ``text``: each a quoted phrase (so no
    character is taken as FTS syntax), all required."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in TextQuery.parse(text).long_words)


def like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching_texts(word: str, n: int = 0) -> tuple[str, dict[str, Any]]:
    """SQL selecting the ids of the distinct texts holding ``word``, with its parameters
    (named after ``n``, so that several words can be asked for in one statement)."""
    if len(word) >= 3:
        return (
            f"SELECT rowid FROM search_index WHERE search_index MATCH :q{n}",
            {f"q{n}": fts_query(word)},
        )
    return (
        f"SELECT id FROM search_texts WHERE body LIKE :q{n} ESCAPE '\\'",
        {f"q{n}": like_pattern(word)},
    )


def words(text: str) -> tuple[str, ...]:
    """The words of a search text, each once, in order."""
    return tuple(dict.fromkeys(w for w in text.split() if w))


def matching_units(word: str, n: int = 0) -> tuple[str, dict[str, Any]]:
    """SQL selecting the ids of units whose name or address holds ``word``."""
    texts, params = matching_texts(word, n)
    return f"SELECT ref FROM search_docs WHERE kind = 'unit' AND text_id IN ({texts})", params


def matching_findings(word: str, n: int = 0) -> tuple[str, dict[str, Any]]:
    """SQL selecting the ids of findings whose own text holds ``word``."""
    texts, params = matching_texts(word, n)
    return f"SELECT ref FROM search_docs WHERE kind = 'finding' AND text_id IN ({texts})", params


DOC_KINDS = ("unit", "finding", "note", "opinion")

#: word → the kinds of record (``DOC_KINDS``) whose text holds it
TextMatches = Mapping[str, frozenset[str]]


def text_matches(db: Database, text: str) -> dict[str, frozenset[str]]:
    """For each word of ``text``, the kinds of record whose text holds it (one look into the
    index, or one LIKE pass, per word). A search that knows a word is only in unit names
    (a city, a kind of business) can start from those units instead of collecting every
    record of theirs."""
    found: dict[str, frozenset[str]] = {}
    for n, word in enumerate(words(text)):
        texts, params = matching_texts(word, n)
        probes = ", ".join(
            f"EXISTS (SELECT 1 FROM search_docs WHERE text_id IN (SELECT id FROM t)"
            f" AND kind = '{kind}')"
            for kind in DOC_KINDS
        )
        row = db.execute(f"WITH t(id) AS MATERIALIZED ({texts}) SELECT {probes}", params).fetchone()
        found[word] = frozenset(k for k, hit in zip(DOC_KINDS, row, strict=True) if hit)
    return found


def word_uses(db: Database, text: str) -> dict[str, dict[str, int]]:
    """For each word of ``text``, how many records of each kind (``DOC_KINDS``) hold it: one
    pass over the search documents of its texts. Says what ``text_matches`` says (the kinds
    with a count), and how much of a list a search is likely to match."""
    uses: dict[str, dict[str, int]] = {}
    for n, word in enumerate(words(text)):
        texts, params = matching_texts(word, n)
        rows = db.execute(
            f"SELECT kind, COUNT(*) FROM search_docs WHERE text_id IN ({texts}) GROUP BY kind",
            params,
        ).fetchall()
        uses[word] = dict(rows)
    return uses


def _present(word: str, matches: TextMatches | None) -> frozenset[str]:
    return frozenset(DOC_KINDS) if matches is None else matches.get(word, frozenset())


def inspection_predicate(
    word: str,
    n: int,
    inspection: str,
    unit: str,
    kinds: tuple[str, ...] = ("finding", "note", "opinion"),
    matches: TextMatches | None = None,
    row_by_row: bool = False,
) -> tuple[str, dict[str, Any]]:
    """A WHERE term on the SQL columns ``inspection`` (an inspection id) and ``unit`` (its
    unit's id): the inspection's unit, or one of its records of ``kinds``, holds ``word``.
    With ``matches`` (from ``text_matches``) the kinds that do not hold the word are left
    out, so that a word found only in unit names starts from those units. ``row_by_row``
    (other filters leave few rows): a word in finding texts is looked up through each
    row's findings instead of collecting every inspection with a finding holding it."""
    texts, params = matching_texts(word, n)
    present = _present(word, matches)
    docs = [k for k in kinds if k in present]
    if row_by_row and docs == ["finding"]:
        units, _ = matching_units(word, n)
        by_findings = (
            "EXISTS (SELECT 1 FROM findings rf JOIN search_docs d ON d.kind = 'finding'"
            f" AND d.ref = rf.id WHERE rf.inspection_id = {inspection}"
            f" AND d.text_id IN ({texts}))"
        )
        if "unit" in present:
            return f"(+{unit} IN ({units}) OR {by_findings})", params
        return by_findings, params
    units, _ = matching_units(word, n)
    listed = ", ".join(f"'{k}'" for k in docs)
    by_docs = (
        f"SELECT inspection_id FROM search_docs WHERE kind IN ({listed}) AND text_id IN ({texts})"
    )
    if docs and "unit" in present:
        by_units = f"SELECT id FROM inspections WHERE unit_id IN ({units})"
        return f"{inspection} IN ({by_docs} UNION {by_units})", params
    if "unit" in present:
        return f"{unit} IN ({units})", params
    if docs:
        return f"{inspection} IN ({by_docs})", params
    return "0 = 1", params


def finding_predicate(
    word: str,
    n: int,
    matches: TextMatches | None = None,
    row_by_row: bool = False,
    unit: str = "f.unit_id",
) -> tuple[str, dict[str, Any]]:
    """A WHERE term on a finding ``f``: its own text or its unit (the SQL column ``unit``)
    holds ``word`` (only the parts ``matches`` says can hold it). ``row_by_row``: other
    filters or the walk narrow the list, so a word found only in finding texts is looked up
    for each finding (by the search document's key) instead of collecting every finding it
    is in."""
    present = _present(word, matches)
    findings, params = matching_findings(word, n)
    units, _ = matching_units(word, n)
    if "finding" in present and "unit" in present:
        return (
            f"f.id IN ({findings} UNION SELECT id FROM findings WHERE unit_id IN ({units}))",
            params,
        )
    if "unit" in present:
        return f"{unit} IN ({units})", params
    if "finding" in present and row_by_row:
        texts, _ = matching_texts(word, n)
        return (
            "EXISTS (SELECT 1 FROM search_docs d WHERE d.kind = 'finding' AND d.ref = f.id"
            f" AND d.text_id IN ({texts}))",
            params,
        )
    if "finding" in present:
        return f"f.id IN ({findings})", params
    return "0 = 1", params

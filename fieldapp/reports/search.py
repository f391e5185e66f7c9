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

from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "TextQuery",
    "fts_query",
    "inspections_matching",
    "like_pattern",
    "matching_findings",
    "matching_texts",
    "matching_units",
    "search_mode",
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


def inspections_matching(
    word: str, n: int = 0, kinds: tuple[str, ...] = ("finding", "note", "opinion")
) -> tuple[str, dict[str, Any]]:
    """SQL selecting ids of inspections whose unit, or one of whose findings, answer notes or
    unit opinion (``kinds``), holds ``word``."""
    texts, params = matching_texts(word, n)
    units, _ = matching_units(word, n)
    listed = ", ".join(f"'{k}'" for k in kinds)
    return (
        f"SELECT inspection_id FROM search_docs WHERE kind IN ({listed}) AND text_id IN ({texts})"
        f" UNION SELECT id FROM inspections WHERE unit_id IN ({units})",
        params,
    )

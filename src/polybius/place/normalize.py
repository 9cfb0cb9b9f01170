"""The one way place names are keyed, so that the gazetteer and the text meet on the same form.

"Adrar des Ifôghas", "adrar des ifoghas" and "ADRAR DES IFOGHAS" share a key; so do "W.Va." and "WVa",
"St. Louis" and "St Louis". Names that are not written in the Latin script get no key: articles are English.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources

_DROPPED = re.compile(r"[.'’‘`ʻʼ]")  # vanish inside a word: "W.Va." -> "wva", "N'Djamena" -> "ndjamena"
_SPACED = re.compile(r"[^a-z0-9]+")  # everything else separates words


def name_key(name: str) -> str | None:
    """The lookup key of a place name, or None when it has no Latin-script form."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = stripped.casefold().replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("đ", "d")
    folded = folded.replace("æ", "ae").replace("œ", "oe").replace("ı", "i")
    if not folded.isascii():
        return None
    words = _SPACED.sub(" ", _DROPPED.sub("", folded)).split()
    expansions = _word_expansions()
    return " ".join(expansions.get(w, w) for w in words) or None


@lru_cache(maxsize=1)
def _word_expansions() -> dict[str, str]:
    text = resources.files("polybius.place").joinpath("data/names.toml").read_text("utf-8")
    return dict(tomllib.loads(text).get("words", {}))


def name_keys(name: str) -> set[str]:
    """Every key a name is indexed under: a hyphenated name also under its joined form ("Aguel-Hoc")."""
    key = name_key(name)
    if key is None:
        return set()
    keys = {key}
    if "-" in name:
        joined = name_key(name.replace("-", ""))
        if joined:
            keys.add(joined)
    return keys


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """True when a and b differ by at most one inserted, deleted or substituted character."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]

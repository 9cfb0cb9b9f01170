"""Unnamed armed groups that point back to a named one: "M23 rebels captured Bunagana ... government
forces said they had routed the rebels". ACLED codes the named group: a definite bare noun of an
unnamed armed group ("the rebels", "their fighters") is the one armed group the article named in the
sentences just before, when it named exactly one, and named it with the same noun ("M23 rebels") or
the noun is possessed ("their fighters"). "YPG fighters fought back, killing all the attackers":
the attackers are the other side, named by another noun."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from polybius.actors.groups import GenericCatalog
from polybius.records import Actor

_DEFINITE = {"the", "these", "those"}
_OWN_WORDS = {"amod", "compound", "nmod", "nummod", "quantmod", "prep", "acl", "relcl"}
_POINTING_GROUPS = ("armed", "islamist")  # generic.toml keys of the unnamed armed groups


def named_back(doc: Doc, found: list[tuple[int, int, Actor]], catalog: GenericCatalog) -> list[tuple[int, int, Actor]]:
    """`found` with each definite unnamed armed group replaced by the named group it points back to."""
    starts = [s.start for s in doc.sents]
    sentence_of = lambda char: bisect_right(starts, _token_at(doc, char)) - 1  # noqa: E731
    named = sorted((start, actor) for start, _, actor in found
                   if 2 <= actor.inter <= 4 and catalog.match_unlocalized(actor.name) is None)
    pointing = {catalog.groups[key].name(None) for key in _POINTING_GROUPS if key in catalog.groups}
    out = []
    for start, end, actor in found:
        span = doc.char_span(start, end, alignment_mode="expand")
        if actor.name in pointing and span is not None and _definite_and_bare(span):
            here = sentence_of(start)
            earlier = [(s, a) for s, a in named if s < start and 0 <= here - sentence_of(s) <= catalog.anaphor_sentences]
            window = {a for _, a in earlier}
            if len(window) == 1 and (_possessive(span) or _same_noun(doc, span, earlier, found)):
                actor = next(iter(window))
        out.append((start, end, actor))
    return out


def _same_noun(doc: Doc, span, earlier: list[tuple[int, Actor]], found: list[tuple[int, int, Actor]]) -> bool:
    """ "M23 rebels ... the rebels": the group was named with the same noun."""
    noun = span.root.lemma_.lower()
    starts = {s for s, _ in earlier}
    return any(start in starts and noun in {t.lemma_.lower() for t in doc.char_span(start, end, alignment_mode="expand")}
               for start, end, _ in found)


def _possessive(span) -> bool:
    return any(c.dep_ == "poss" for c in span.root.children)


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _definite_and_bare(span) -> bool:
    """ "the rebels", "their fighters", "its fighters"; not "rebels" (any rebels), nor "the Islamist
    rebels" or "two militants", which have words of their own before the noun."""
    root = span.root
    if len(span) != 1 or any(c.dep_ in _OWN_WORDS for c in root.children):
        return False
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE) or (c.dep_ == "poss" and c.lower_ in ("their", "its"))
               for c in root.children)

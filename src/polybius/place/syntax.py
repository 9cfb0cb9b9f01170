"""Where a place name sits in the parse: its tokens, the words it hangs from, the verb above it."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

_MAX_DEPTH = 12  # parse paths longer than this are noise


def tokens_of(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens covering characters [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def head_token(doc: Doc, start: int, end: int) -> Token | None:
    """The token of a name that links it to the rest of the sentence ("Kong" in "Hong Kong's", whose
    head lies outside the name), or None when no token covers it."""
    tokens = [t for t in tokens_of(doc, start, end) if t.dep_ != "case"]
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head == token:
            return token
    return tokens[-1] if tokens else None


def ancestors(token: Token) -> Iterator[Token]:
    """The token's heads, nearest first, up to the root."""
    head = token
    for _ in range(_MAX_DEPTH):
        if head.head == head:
            return
        head = head.head
        yield head


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above the token: the clause its phrase belongs to."""
    return next((t for t in ancestors(token) if t.pos_ == "VERB"), None)


def path_to_verb(token: Token) -> list[Token]:
    """The heads between the token and its governing verb (the verb excluded)."""
    path = []
    for head in ancestors(token):
        if head.pos_ == "VERB":
            break
        path.append(head)
    return path


def governed_by(token: Token, trigger: Token) -> bool:
    """The token hangs off the trigger's clause (via prepositions and nouns), not off another verb; or it
    hangs off a verb whose subject is the trigger ("two explosions were reported in Kidal")."""
    if token == trigger or trigger in path_to_verb(token):
        return True
    verb = governing_verb(token)
    if verb is None:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return verb == trigger or any(trigger in (s, *s.children) for s in subjects)

"""Offsets counted from their object: "27 days after the operation began on January 11".

"after" and "before" are prepositions: what follows them is the point they count from, not the
publication date. So "N units after/before X" is resolved in two steps (recognize.py):
- the object runs from the preposition to the end of its clause (a comma, semicolon, colon,
  bracket or the end of the sentence); the first dated expression in it is X's date, and the
  offset is that date moved by N units ("27 days after the operation began on January 11" =
  January 11 + 27 days = February 7);
- an object with no date, or one coarser than the unit ("three days after last week's raid"),
  gives no date: a counted offset becomes the DURATION it measures ("27 days after the operation
  began" = P27D, its span the words "27 days", as TimeML marks it), an uncounted one ("the day
  after the raid") a DATE of unknown value; "the decades after X" is never one date (PXDE).
With no object at all ("the day before.", "a year after that") the offset counts from the last
date mentioned, as "earlier" and "later" do (resolve.py).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from polybius.time import periods
from polybius.time.grammar import Candidate
from polybius.time.lexicon import Lexicon, phrase_key
from polybius.time.measures import resolve_duration
from polybius.time.resolve import resolve
from polybius.time.values import Context, TimeValue, unknown

# Where a clause ends: the object of "after" never reaches past these. A dot ends it only before
# a space or the end, so "Jan. 11" starts inside the object it ends.
CLAUSE_END = re.compile(r"[,;:!?()\[\]\u2014]|\s[-\u2013]\s|\.(?=\s|$)")
OBJECT_START = re.compile(r"\s*([\w\"'\u201c\u2018])")
FIRST_WORD = re.compile(r"\s*(\w+)\s*([,;:.!?)]|$)")
ANCHORING_TYPES = ("DATE", "TIME")


def object_span(candidate: Candidate, text: str, lex: Lexicon) -> tuple[int, int] | None:
    """Where the object of an "after"/"before" offset lies; None when it has none to count from."""
    if candidate.rule != "offset" or "direction" not in candidate.groups:
        return None
    if lex.directions[phrase_key(candidate.groups["direction"])].anchor != "object":
        return None
    if not OBJECT_START.match(text, candidate.end):
        return None  # "the day before." / "the week after, ..."
    lone = FIRST_WORD.match(text, candidate.end)
    if lone and lone.group(1).lower() in lex.anaphoric_objects:
        return None  # "a year after that": the text's last date
    end = CLAUSE_END.search(text, candidate.end)
    return candidate.end, end.start() if end else len(text)


def counted_from_object(lex: Lexicon, candidate: Candidate, later: list[tuple[Candidate, TimeValue]],
                        where: tuple[int, int], published: date | None) -> tuple[Candidate, TimeValue]:
    """The offset moved from the first date of its object; without one, what the words still say."""
    start, end = where
    in_object = [(c, v) for c, v in later if start <= c.start < end]
    unit = lex.unit(candidate.groups["units"])
    grain = unit.grain or "day"
    counted = bool(candidate.groups.get("count"))
    if not counted and phrase_key(candidate.groups["units"]) not in lex.singular_units:
        return candidate, resolve_duration(lex, candidate.groups, Context(published))  # "the decades after"
    if in_object:
        _, anchor = in_object[0]
        fine_enough = anchor.grain is not None and anchor.grain in periods.GRAIN_RANK and (
            periods.GRAIN_RANK[anchor.grain] <= periods.GRAIN_RANK[grain])
        if anchor.type in ANCHORING_TYPES and anchor.first_day is not None and fine_enough:
            return candidate, resolve(lex, "offset", candidate.groups, Context(published, reference=anchor))
    if not counted:
        return candidate, unknown(grain)  # "the day after the raid": a day, which one is not said
    measure = dataclasses.replace(candidate, end=candidate.group_spans["units"][1])
    return measure, resolve_duration(lex, candidate.groups, Context(published))

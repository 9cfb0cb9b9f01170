"""Find and normalize the temporal expressions of a Document.

The scan is driven by the data file's patterns (grammar.py), not by spaCy's DATE entities, which
miss relative expressions and swallow neighbouring words. spaCy's analysis is used where words alone
cannot decide: "May" the month or the modal (tags), "2000" a year or a count of troops (tags and
entities), and the tense of the clause ("will meet on Monday" is the next Monday, "expires March 1"
may lie ahead, "was killed on March 1" may not).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime

from spacy.tokens import Doc, Token

from polybius.nlp import Document
from polybius.records import TimeExpression
from polybius.time.grammar import Candidate, grammar, select
from polybius.time.lexicon import Lexicon, phrase_key
from polybius.time.offsets import counted_from_object, object_span
from polybius.time.resolve import resolve
from polybius.time.values import Context, Rejected, TimeValue

# A date named this many sentences back can still anchor "the previous day" / "a year earlier".
DISCOURSE_WINDOW = 2
PLURAL_NOUN_TAGS = ("NNS", "NNPS")
YEAR_DETERMINER_TAGS = ("DT", "PRP$", "POS")
CLAUSE_TOP = ("ROOT", "ccomp", "parataxis", "relcl", "advcl", "csubj", "csubjpass", "acl")
PLANNED_DEPS = ("xcomp", "ccomp", "nsubjpass", "dobj")
QUALIFIERS = ("rel", "yrel", "mod", "year", "spoken_year", "day")


def token_at(doc: Doc | None, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens covering characters [start, end)."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def acceptable(candidate: Candidate, text: str, doc: Doc | None, lex: Lexicon) -> bool:
    """Whether a pattern match is a temporal expression here, by checks words alone cannot make."""
    groups = candidate.groups
    for name in ("month", "weekday"):  # names of months and days are capitalized in running text
        if name in groups and groups[name][:1].islower():
            return False
    qualified = any(groups.get(name) for name in QUALIFIERS)
    if candidate.rule == "month" and not qualified and phrase_key(groups["month"]) in lex.ambiguous_months:
        token = token_at(doc, *candidate.group_spans["month"])
        if token is not None and token.tag_ != "NNP":
            return False
    if candidate.rule == "season" and not qualified and lex.seasons[phrase_key(groups["season"])].needs_qualifier:
        return False
    if candidate.rule == "decade" and not any(ch.isdigit() for ch in groups["decade"]):
        if not text[candidate.start:candidate.end].lower().startswith("the"):
            return False  # "in his forties" is an age
    if "units" in groups and lex.unit(groups["units"]).needs_number:
        if phrase_key(groups.get("count", "a")) in ("a", "an"):
            return False  # "a second attack"
    if candidate.rule == "year" and groups.get("year") and not groups.get("mod"):
        return not _counts_something(doc, candidate, lex)
    return True


def _counts_something(doc: Doc | None, candidate: Candidate, lex: Lexicon) -> bool:
    """'2000 troops', 'some 1500 people': a number counting a plural noun is not a year.

    Before a plural noun, a hedge or a verb before the number makes it a count ("about 1990 votes",
    "deployed 2000 soldiers"); a determiner or "fiscal" makes it a year ("the 2012 elections",
    "fiscal 1989 sales"); otherwise spaCy's entity type decides.
    """
    token = token_at(doc, *candidate.group_spans["year"])
    if token is None or token.i + 1 >= len(token.doc) or token.nbor(1).tag_ not in PLURAL_NOUN_TAGS:
        return False
    before = token.nbor(-1) if token.i > 0 else None
    if before is None:
        return token.ent_type_ != "DATE"
    if before.lower_ in lex.approximate or before.lower_ == "than" or before.pos_ == "VERB":
        return True  # "some 1500 troops", "more than 2000 people", "deployed 2000 soldiers"
    if before.tag_ in YEAR_DETERMINER_TAGS or before.lower_ == "fiscal":
        return False
    return token.ent_type_ != "DATE"


def _governing_verb(token: Token) -> tuple[Token | None, list[Token]]:
    """The first verb above `token` within its clause, and the tokens passed on the way up."""
    path: list[Token] = []
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX"):
            return token, path
        if token.head.i == token.i:
            return None, path
        path.append(token)
        token = token.head
    return None, path


def clause_tense(token: Token | None, lex: Lexicon) -> str:
    """'future', 'past' or 'neutral': how the clause governing `token` places itself in time.

    Future: a future auxiliary ("will meet on Monday") or a verb of planning above the expression's
    clause ("plans to attack on Monday", "services were planned on Sunday"). Past: a past-tense or
    perfect verb, or "since". Neutral: present tense or no verb ("payable Dec. 7").
    """
    if token is None:
        return "past"
    climbed, came_from, current = 0, "", token
    while climbed < 12:
        # The planned thing is ahead; but "vowed during a visit on Saturday" dates the vow itself.
        if came_from in PLANNED_DEPS and current.lemma_.lower() in lex.future_verbs:
            return "future"
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in lex.future_auxiliaries for c in current.children):
            return "future"
        if (current.dep_ in CLAUSE_TOP and current.pos_ in ("VERB", "AUX")) or current.head.i == current.i:
            break
        current, came_from, climbed = current.head, current.dep_, climbed + 1
    verb, path = _governing_verb(token)
    if any(t.lower_ in lex.past_prepositions for t in path):
        return "past"
    if verb is None:
        return "neutral"
    if verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in lex.past_auxiliaries for c in verb.children
    ):
        return "past"
    return "neutral"


@dataclass
class Discourse:
    """What the text has said so far, for anaphoric expressions."""

    sentence_starts: list[int]
    last_dated: tuple[int, TimeValue] | None = None
    last_quarter: tuple[int, TimeValue] | None = None

    def sentence(self, offset: int) -> int:
        return max(bisect_right(self.sentence_starts, offset) - 1, 0)

    def _near(self, noted: tuple[int, TimeValue] | None, sentence: int) -> TimeValue | None:
        if noted is not None and sentence - noted[0] <= DISCOURSE_WINDOW:
            return noted[1]
        return None

    def context(self, published: date | None, sentence: int, tense: str) -> Context:
        quarter = self.last_quarter[1] if self.last_quarter else None
        return Context(published, tense, self._near(self.last_dated, sentence),
                       self._near(self.last_quarter, sentence), quarter)

    def note(self, value: TimeValue, sentence: int, rule: str) -> None:
        if value.first_day is None or value.type not in ("DATE", "TIME"):
            return
        self.last_dated = (sentence, value)
        if rule == "quarter" and value.grain == "quarter":  # named, not derived ("a year earlier")
            self.last_quarter = (sentence, value)


def _resolved(lex: Lexicon, candidate: Candidate, ctx: Context) -> TimeValue | None:
    """The candidate's value, or None when its words name no real date ("February 30", or a
    date out of the calendar's range like "5000 years ago")."""
    try:
        return resolve(lex, candidate.rule, candidate.groups, ctx)
    except (Rejected, OverflowError):
        return None
    except ValueError as error:  # datetime's own range check
        if "out of range" in str(error):
            return None
        raise


def _publication_day(published: object) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    if published is None or isinstance(published, date):
        return published
    raise ValueError(f"published must be a datetime.date or None, got {published!r}")


def expressions(text: str, published: date | None, doc: Doc | None = None) -> list[tuple[Candidate, TimeValue]]:
    """Every temporal expression in `text`, in order, with its normalized value."""
    published = _publication_day(published)
    gram = grammar()
    lex = gram.lexicon
    candidates = [c for c in gram.scan(text)
                  if acceptable(c, text, doc, lex) and _resolved(lex, c, Context(published)) is not None]
    starts = [s.start_char for s in doc.sents] if doc is not None and doc.has_annotation("SENT_START") else [0]
    discourse = Discourse(starts)
    found: list[tuple[Candidate, TimeValue]] = []
    from_objects: dict[int, tuple[int, int]] = {}  # index in found -> where its object lies
    for candidate in select(candidates):
        sentence = discourse.sentence(candidate.start)
        tense = clause_tense(token_at(doc, candidate.start, candidate.end), lex)
        value = _resolved(lex, candidate, discourse.context(published, sentence, tense))
        if value is None:
            continue
        where = object_span(candidate, text, lex)
        if where is not None:  # "27 days after X": its value waits for X's date, further on
            from_objects[len(found)] = where
        else:
            discourse.note(value, sentence, candidate.rule)
        found.append((candidate, value))
    for index, where in from_objects.items():
        found[index] = counted_from_object(lex, found[index][0], found[index + 1:], where, published)
    return found


def find_times(document: Document) -> list[TimeExpression]:
    """Every DATE/TIME/DURATION/SET expression of the document, sorted by start."""
    published = document.article.published
    return [
        TimeExpression(document.span(c.start, c.end), v.type, v.value, v.first_day, v.last_day, v.time_precision)
        for c, v in expressions(document.article.text, published, document.doc)
    ]


def normalize(text: str, published: date | None = None) -> TimeValue | None:
    """The value of the longest temporal expression in `text` (a bare phrase: the phrase itself).

    Returns a TimeValue (type, value, first_day, last_day, time_precision, grain), or None when
    the text holds no temporal expression. No parse is available here, so the past is preferred
    ("on Monday" is the most recent Monday) and "May"/"2000" are taken at face value.
    """
    if not isinstance(text, str):
        raise ValueError(f"normalize() needs a str, got {type(text).__name__}")
    found = expressions(text, published)
    if not found:
        return None
    return max(found, key=lambda pair: (pair[0].text_length, -pair[0].start))[1]

"""The records that flow between Polybius' stages, in data-flow order.

ingest -> Article (with Paragraphs); nlp -> Document (Article + spaCy Doc, see polybius.nlp);
time -> TimeExpression; place -> PlaceMention; actors -> ActorMention; events -> EventMention;
fuse -> Event. Every field that came from text carries the Span it came from, so that any value in
the output can be traced back to the words that support it.

All offsets are character offsets into the *cleaned* article text (Article.text), which is what the
store keeps and what articles.jsonl writes out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one article's cleaned text: the unit of evidence."""

    document: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"document": self.document, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class ParagraphLink:
    """This paragraph repeats, almost word for word, a paragraph of another (earlier) article."""

    document: str
    paragraph: int
    similarity: float


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    repeats: ParagraphLink | None = None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str  # cleaned text: boilerplate removed, offsets of every Span refer to it
    published: date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    origin: str = ""  # where it was read from, "file" or "file:line", for messages
    paragraphs: tuple[Paragraph, ...] = ()
    duplicate_of: str | None = None  # same text as an article already stored


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression normalized against the publication date (TIMEX3 style)."""

    span: Span
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: 2013-02-05, 2013-W05, 2013-01, 2013, P27D, PAST_REF ...
    first_day: date | None = None  # the calendar days a DATE/TIME denotes, when it denotes any
    last_day: date | None = None
    time_precision: int | None = None  # ACLED: 1 a day, 2 a span of days or a week, 3 a month or more


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry (GeoNames), with the admin names ACLED rows carry."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    country_code: str  # ISO 3166-1 alpha-2
    feature_class: str = "P"
    feature_code: str = "PPL"
    population: int = 0
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    span: Span
    place: Place | None  # None when recognised as a place but not resolved
    relation: str = "in"  # in | near | distance | aside (never an event's scene) | article (its setting)
    geo_precision: int = 1  # ACLED: 1 the town itself, 2 near a town or small area, 3 larger region
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor in ACLED's style, with its inter code (1 State forces ... 8 External/Other)."""

    name: str
    inter: int
    country: str | None = None  # ISO alpha-2 of the country it belongs to, when known


@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    actor: Actor


@dataclass(frozen=True, slots=True)
class FatalityCount:
    best: int  # ACLED's conservative figure
    low: int
    high: int | None  # None when the text gives no upper bound
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class EventDate:
    day: date
    time_precision: int
    span: Span | None = None  # the temporal expression it came from; None when a default rule set it
    rule: str = "anchor"  # how it was chosen, e.g. anchor | publication | said-yesterday


@dataclass(frozen=True, slots=True)
class EventMention:
    """One report of one event in one article, coded in ACLED's taxonomy."""

    id: str  # "<document>:<sentence start>:<n>"
    document: str
    sentence: Span
    trigger: Span
    event_type: str
    sub_event_type: str
    disorder_type: str
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc_actor_1: tuple[ActorMention, ...] = ()
    assoc_actor_2: tuple[ActorMention, ...] = ()
    civilian_targeting: bool = False
    fatalities: FatalityCount | None = None
    date: EventDate | None = None
    place: PlaceMention | None = None
    background: bool = False  # an earlier event recalled as context
    aggregate: bool = False  # a tally over many days or places, not one event
    confidence: float = 1.0

    def evidence(self) -> dict[str, list[Span]]:
        """Each output field and the spans of text it was taken from."""
        out: dict[str, list[Span]] = {"event_type": [self.trigger], "sub_event_type": [self.trigger]}
        for name in ("actor1", "actor2"):
            mention = getattr(self, name)
            if mention is not None:
                out[name] = [mention.span]
        for name in ("assoc_actor_1", "assoc_actor_2"):
            mentions = getattr(self, name)
            if mentions:
                out[name] = [m.span for m in mentions]
        if self.fatalities is not None and self.fatalities.spans:
            out["fatalities"] = list(self.fatalities.spans)
        if self.date is not None and self.date.span is not None:
            out["event_date"] = [self.date.span]
        if self.place is not None:
            out["location"] = [self.place.span]
        out["notes"] = [self.sentence]
        return out


@dataclass(frozen=True, slots=True)
class Dispute:
    """Sources disagree on a field: each claim with the article and span that makes it."""

    field: str
    kind: str  # "conflict" (same moment, different claims) | "update" (a later report supersedes)
    claims: tuple[dict, ...] = ()


@dataclass(slots=True)
class Event:
    """A real-world event: the fusion of every mention of it, as one ACLED row plus provenance."""

    event_id_cnty: str
    mentions: list[EventMention]
    row: dict  # the ACLED columns, by name
    documents: list[str] = field(default_factory=list)
    evidence: dict[str, list[Span]] = field(default_factory=dict)
    disputes: list[Dispute] = field(default_factory=list)


# The columns of an ACLED export, in ACLED's order, and the ones Polybius adds after them.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
EXTRA_COLUMNS = ("fatalities_low", "fatalities_high", "documents")
OUTPUT_COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS

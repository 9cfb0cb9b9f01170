"""The date of one event: the temporal expression tied to the event's clause by the parse.

Not the first date in the sentence: in "French and Malian troops clashed with rebels near Gao,
Paris said Wednesday", Wednesday belongs to "said". An expression anchors the event when the path
from it up the dependency tree reaches the trigger's clause without entering another clause:

1. "anchor": it hangs on the trigger, on the trigger's head chain up to its clause root (through
   prepositions, objects, participles: "ended on Friday with 11 militants killed"), or, further
   up, on a verb coordinated with it or on the main clause of a participle or temporal clause the
   trigger sits in ("stormed a police station on Tuesday, killing five"; "died on Friday after
   their vehicle hit a mine"). A clause that describes a date is dated by it ("since last Friday,
   when gunmen opened fire"). The shortest path wins.
2. "when-clause": it sits in a temporal adverbial clause of the event's clause ("When the town was
   taken on January 24 2012, more than 90 soldiers were killed"). Only subordinators that put the
   two events at one time lend a date ([context] temporal_subordinators: "when", "after", "once"
   ...). "as" and "while" lend theirs only within one scene, when their clause has no subject or a
   pronoun for one ("fired on the villagers as they tried to flee on Wednesday"); with a subject of
   its own the clause is another development: "Jets pounded rebel bases, as Paris pushed on Monday
   for African troops" says nothing of the day of the strikes. Such an "as"-clause still takes its
   main clause's date (rule 1: "killed on Monday as troops battled rebels"); a "while"-clause, a
   contrast, does not. A clause that measures the gap ("27 days after the operation began on
   January 11") lends only that measure, resolved from its object, never the other event's own
   date; nor does it take the main clause's date.
3. "said-<expression>": the event clause has no date but the clause reporting it has one
   ("..., French sources said yesterday"): the event is dated to the report. An expression between
   the verb of saying and the reported clause's subject is the saying's, wherever the parser hangs
   it ("said on Wednesday it had retaken the town").
4. "publication": nothing in the sentence dates it: the publication day, precision 1. None only
   when there is no publication date either. (The event stage may then carry over the day of the
   event sentence right before, on the same scene: rule "scene", see polybius.events.assemble.)

A dateline's date ("KABUL, June 10 —") is when the story was filed and anchors nothing.

A span of days (a week, "late February") is dated to its middle day, as ACLED codes weeks and
months, after cutting the span at the publication date: what is reported has already happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

from polybius.nlp import Document, in_dateline
from polybius.records import EventDate, TimeExpression
from polybius.time.lexicon import Lexicon, load
from polybius.time.periods import precision
from polybius.time.recognize import token_at

CLAUSE_BOUNDARY = frozenset({"ccomp", "parataxis", "advcl", "relcl", "csubj", "csubjpass"})
REPORTING_LINKS = frozenset({"ccomp", "parataxis", "conj"})
# A coordinated verb's or a main clause's date is weaker evidence than the trigger's own clause's.
CONJUNCT_STEP = 3
ANCHORING_TYPES = ("DATE", "TIME")


@dataclass(frozen=True, slots=True)
class Attachment:
    level: int  # 0 anchor, 1 when-clause, 2 said-
    distance: int  # dependency steps: fewer is closer
    expression: TimeExpression

    def rule(self) -> str:
        if self.level == 0:
            return "anchor"
        if self.level == 1:
            return "when-clause"
        return "said-" + re.sub(r"\W+", "-", self.expression.span.text.lower()).strip("-")


def _temporal_clause(token: Token, lex: Lexicon) -> bool:
    """An adverbial clause at the same time as the clause it joins (see [context] in the data file)."""
    if token.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in token.children if c.dep_ in ("mark", "advmod")}
    if marks & lex.temporal_subordinators:
        return True
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    one_scene = all(s.pos_ == "PRON" for s in subjects)  # none, or a pronoun for someone just named
    return one_scene and bool(marks & lex.scene_subordinators)


def _shares_main_time(token: Token, lex: Lexicon) -> bool:
    """A participle clause ("..., killing five") or a temporal one ("after ... hit a mine")."""
    if token.dep_ != "advcl":
        return False
    marks = [c.lower_ for c in token.children if c.dep_ in ("mark", "advmod") and c.i < token.i]
    if not marks:
        return token.tag_ in ("VBG", "VBN")
    circumstantial = any(mark in lex.circumstantial_subordinators for mark in marks)
    return (circumstantial or _temporal_clause(token, lex)) and _measure(token, lex) is None


def _measure(clause: Token, lex: Lexicon) -> Token | None:
    """The gap a temporal clause (or preposition) states ("three days after rebels seized it")."""
    marks = [c for c in clause.children if c.dep_ in ("mark", "advmod")]
    for token in (*clause.children, *(c for mark in marks for c in mark.children)):
        if token.dep_ == "npadvmod" and token.lower_ in lex.units:
            return token
    return None


def _lends_its_date(clause: Token, expression: TimeExpression, lex: Lexicon) -> bool:
    """Whether a date inside a temporal clause dates the clause it joins (rule 2)."""
    if not _temporal_clause(clause, lex):
        return False
    measure = _measure(clause, lex)
    return measure is None or expression.span.start <= measure.idx < expression.span.end


def clause_chain(trigger: Token, lex: Lexicon) -> tuple[dict[int, int], Token]:
    """The trigger and its heads up to its clause root, each with its distance from the trigger."""
    chain: dict[int, int] = {}
    token, distance = trigger, 0
    while True:
        chain[token.i] = distance
        if token.head.i == token.i:
            return chain, token
        if token.dep_ in CLAUSE_BOUNDARY and not _shares_main_time(token, lex):
            return chain, token
        if token.dep_ == "pcomp" and _measure(token.head, lex) is not None:
            return chain, token  # "died four years after being diagnosed": a measured gap away
        weaker = token.dep_ == "conj" or token.dep_ in CLAUSE_BOUNDARY
        distance += CONJUNCT_STEP if weaker else 1
        token = token.head


def reporting_verbs(clause_root: Token, lex: Lexicon) -> set[int]:
    """Verbs of saying that frame the event's clause: its head, or its sentential children."""
    found: set[int] = set()
    head = clause_root.head
    if clause_root.dep_ in REPORTING_LINKS and head.lemma_.lower() in lex.reporting_verbs:
        found.add(head.i)
    for child in clause_root.children:
        if child.dep_ in REPORTING_LINKS and child.lemma_.lower() in lex.reporting_verbs:
            found.add(child.i)
    return found


def attach(root: Token, chain: dict[int, int], reporters: set[int], lex: Lexicon,
           expression: TimeExpression) -> Attachment | None:
    """How the expression whose head is `root` relates to the event's clause, if it does."""
    token, steps, crossed = root, 0, []
    while True:
        if token.i in chain:
            if not crossed:
                return Attachment(0, chain[token.i] + steps, expression)
            if len(crossed) == 1 and _lends_its_date(crossed[0], expression, lex):
                return Attachment(1, chain[token.i] + steps, expression)
            return None
        if token.i in reporters:
            return Attachment(2, steps, expression) if not crossed else None
        if token.dep_ in CLAUSE_BOUNDARY:
            crossed.append(token)
        if token.head.i == token.i:
            return None
        token, steps = token.head, steps + 1


def _between_report_and_subject(token: Token, clause_root: Token, reporters: set[int]) -> bool:
    """ "The MNLA said on Wednesday it had retaken Menaka": the parser hangs "on Wednesday" on the
    reported clause, but words between the verb of saying and the clause's subject date the saying."""
    if clause_root.head.i not in reporters or clause_root.head.i > token.i:
        return False
    subject = next((c for c in clause_root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and token.i < subject.left_edge.i


def representative_day(expression: TimeExpression, published: date | None) -> tuple[date, int]:
    """The day and ACLED precision to code: the middle of the span, cut at publication."""
    first, last = expression.first_day, expression.last_day
    assert first is not None and last is not None
    if published is not None and first <= published < last:
        last = published
    return first + (last - first) // 2, precision(first, last)


def date_event(document: Document, trigger: Token, times: list[TimeExpression]) -> EventDate | None:
    """The date of the event whose trigger word is `trigger`, from the expressions in `times`."""
    if not isinstance(trigger, Token) or trigger.doc is not document.doc:
        raise ValueError("date_event() needs a spaCy Token from this document's Doc as trigger")
    lex = load()
    published = document.article.published
    sentence = trigger.sent
    chain, clause_root = clause_chain(trigger, lex)
    reporters = reporting_verbs(clause_root, lex)
    attachments = []
    for expression in times:
        if expression.type not in ANCHORING_TYPES or expression.first_day is None:
            continue
        if not sentence.start_char <= expression.span.start < sentence.end_char:
            continue
        if in_dateline(document.doc, expression.span.start):
            continue  # the day the story was filed, not the day of anything in it
        root = token_at(document.doc, expression.span.start, expression.span.end)
        if root is not None and clause_root.dep_ == "relcl" and clause_root.head.i == root.i:
            found = Attachment(0, chain[clause_root.i] + 1, expression)  # "last Friday, when gunmen opened fire"
        elif root is not None and _between_report_and_subject(root, clause_root, reporters):
            found = Attachment(2, 0, expression)
        else:
            found = attach(root, chain, reporters, lex, expression) if root is not None else None
        if found is not None:
            attachments.append(found)
    if attachments:
        best = min(attachments, key=lambda a: (a.level, a.distance, abs(a.expression.span.start - trigger.idx)))
        day, time_precision = representative_day(best.expression, published)
        return EventDate(day, time_precision, best.expression.span, best.rule())
    if published is None:
        return None
    return EventDate(published, 1, None, "publication")

"""Toponym recognition that does not lean on the small NER model alone.

spaCy's small model calls Gao and Konna PERSON, Kidal NORP and "Adrar des Ifoghas" ORG. So candidates
come from two sources: NER entities and runs of capitalised words matched against the gazetteer
(longest match first), plus capitalised words right before a physical feature's word ("the Tigharghar
mountains"), known or not. A candidate is kept when the evidence for a place outweighs the evidence for
something else:
  for  NER says GPE/LOC/FAC; a cue before it ("in", "the town of", "near"); a head word after it
       ("region", "mountains"); the same name is a place elsewhere in the article; it names a country,
       an admin1 area or a large town;
  against  it is a month, a title-led name ("General Gao"), a demonym ("Malian"), part of a longer
       organisation or person name ("France Inter", "Europe 1", "Moussa Ag Mohamed").
A kept name takes in a capitalised particle right before it ("In Amenas", "El Fasher") when the
gazetteer knows the two together.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from polybius.nlp import Document
from polybius.place.build import NameKind
from polybius.place.gazetteer import Gazetteer
from polybius.place.toponym import Toponym, make_toponym, vocabulary

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_MAX_TOKENS = 6
_UNKNOWN_MAX_TOKENS = 3  # "the town of X": longer runs after it are names of something else
_LARGE_TOWN = 100_000  # a town this large is a place without further evidence (unless NER says person)
_STRONG_FEATURES = ("PCL", "ADM1", "CONT", "PPLC")


def detect(document: Document, gazetteer: Gazetteer) -> list[Toponym]:
    doc = document.doc
    text = document.article.text
    spans = _candidate_spans(doc, gazetteer)
    labels = _entity_labels(doc)
    place_names = {
        _norm(doc[s:e].text) for s, e in spans if labels.get((s, e)) in _PLACE_LABELS
    }
    ordered = sorted(spans, key=lambda se: (se[0], -(se[1] - se[0])))
    persons = _person_words(doc)
    verdicts = {se: _verdict(doc, *se, labels.get(se), gazetteer, place_names, persons) for se in ordered}
    # A name kept once is a place wherever only weak doubts stood against it ("Alexandria man hurt").
    kept_names = {_norm(doc[s:e].text) for (s, e), v in verdicts.items() if v is _YES}
    accepted: list[tuple[int, int]] = []
    for start, end in ordered:
        if accepted and start < accepted[-1][1]:
            continue  # inside a longer toponym already kept
        verdict = verdicts[(start, end)]
        if verdict is _YES or (verdict is _WEAK_NO and _norm(doc[start:end].text) in kept_names):
            after = accepted[-1][1] if accepted else 0
            accepted.append((_with_particle(doc, start, end, gazetteer, after), end))
    out = []
    for start, end in accepted:
        end = _with_head_word(doc, _run_on(doc, end))
        while end - 1 > start and not any(ch.isalnum() for ch in doc[end - 1].text):
            end -= 1  # "Timbuktu." -> "Timbuktu"
        out.append(make_toponym(text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    return out


def demonym_countries(doc: Doc, gazetteer: Gazetteer) -> Counter[str]:
    """The countries the article names by their people ("Israeli troops", "Palestinians"), with how
    often: no toponyms, but they tell the resolver where the article is (resolve.py)."""
    found: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        candidates = gazetteer.candidates(ent.text)
        countries = {c.place.country_code for c in candidates if c.kind == NameKind.DEMONYM}
        if len(countries) == 1 and all(c.kind == NameKind.DEMONYM for c in candidates):
            found[countries.pop()] += 1
    return found


def _with_particle(doc: Doc, start: int, end: int, gazetteer: Gazetteer, after: int) -> int:
    """"In Amenas", not "Amenas": a capitalised particle right before a toponym (not before `after`)
    opens its name when the gazetteer knows the two together. A particle that is also an English word
    counts only in mid-sentence, where its capital is no sentence's ("In Gao, troops ...")."""
    if start == 0 or start - 1 < after:
        return start
    particle, vocab = doc[start - 1], vocabulary()
    if particle.lower_ not in vocab.particles or not _is_capitalised(particle):
        return start
    if particle.is_sent_start and particle.lower_ in vocab.english_particles:
        return start
    known = any(c.kind != NameKind.DEMONYM for c in gazetteer.candidates(doc[start - 1 : end].text))
    return start - 1 if known else start


def _hyphenated_article(doc: Doc, start: int, particles: frozenset[str]) -> bool:
    """The name at `start` follows a lower-case article joined by a hyphen ("al-Qadarif"); the
    candidate spans take the article in (_candidate_spans)."""
    article, hyphen = doc[start - 2], doc[start - 1]
    return hyphen.text == "-" and not article.whitespace_ and not hyphen.whitespace_ and article.lower_ in particles


def _run_on(doc: Doc, end: int) -> int:
    """Extend over "des Ifoghas" in "Adrar des Ifoghas": a name-internal connector and capitalised words."""
    while end + 1 < len(doc) and doc[end].lower_ in vocabulary().name_connectors and _is_capitalised(doc[end + 1]):
        end += 2
        while end < len(doc) and _is_capitalised(doc[end]) and not doc[end].is_sent_start:
            end += 1
    return end


def _candidate_spans(doc: Doc, gazetteer: Gazetteer) -> set[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    for ent in doc.ents:
        if ent.label_ in _PLACE_LABELS | {"PERSON", "ORG", "NORP"}:
            start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
            if start < ent.end:
                spans.add((start, ent.end))
    runs = _capitalised_runs(doc)
    spans |= _before_feature_words(doc, runs)
    connectors, particles = vocabulary().connectors, vocabulary().particles
    for run_start, run_end in runs:
        if run_start >= 2 and _hyphenated_article(doc, run_start, particles):
            run_start -= 2  # "al-Qadarif": the name may be known only with its article
        i = run_start
        while i < run_end:
            for j in range(min(run_end, i + _MAX_TOKENS), i, -1):
                if doc[j - 1].lower_ in connectors:
                    continue
                if gazetteer.candidates(doc[i:j].text):
                    spans.add((i, j))
                    i = j - 1
                    break
            i += 1
    return spans


def _before_feature_words(doc: Doc, runs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """"the Tigharghar mountains", "the Nuba Mountains": the capitalised words (a few) right before a
    physical feature's word name it, whether or not the gazetteer knows them. A run that opens a
    sentence is left to the other evidence ("These mountains")."""
    words, connectors = vocabulary().feature_words, vocabulary().connectors
    out = set()
    for start, end in runs:
        if end - start > 1 and doc[end - 1].lower_ in words:
            end -= 1  # the feature's word is capitalised too
        elif end >= len(doc) or doc[end].lower_ not in words:
            continue
        start = max(start, end - _UNKNOWN_MAX_TOKENS)
        while start < end and doc[start].lower_ in connectors:
            start += 1
        if start < end and not doc[start].is_sent_start:
            out.add((start, end))
    return out


def _name_goes_on(doc: Doc, i: int, connectors: frozenset[str]) -> bool:
    """A capitalised word follows, perhaps after more connectors ("Sar-e Pul", "Croix-des-Bouquets")."""
    for _ in range(3):
        if i < len(doc) and doc[i].lower_ in connectors:
            i += 1
    return i < len(doc) and _is_capitalised(doc[i])


def _capitalised_runs(doc: Doc) -> list[tuple[int, int]]:
    connectors = vocabulary().connectors
    runs, start = [], None
    for token in doc:
        capital = _is_capitalised(token)
        inside = start is not None and token.lower_ in connectors and _name_goes_on(doc, token.i + 1, connectors)
        if capital or inside:
            if start is None or token.is_sent_start:
                if start is not None:
                    runs.append((start, token.i))
                start = token.i
        elif start is not None:
            runs.append((start, token.i))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    return runs


def _is_capitalised(token: Token) -> bool:
    word = token.text
    return bool(word) and word[0].isupper() and any(ch.isalpha() for ch in word)


def _entity_labels(doc: Doc) -> dict[tuple[int, int], str]:
    labels = {}
    for ent in doc.ents:
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        labels[(start, ent.end)] = ent.label_
    return labels


_YES, _WEAK_NO, _NO = "yes", "weak-no", "no"


def _person_words(doc: Doc) -> set[str]:
    """Words of the article's multi-word person names: "Obama" after "Barack Obama" is the man again."""
    return {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent if t.is_alpha}


def _verdict(doc: Doc, start: int, end: int, label: str | None, gazetteer: Gazetteer, place_names,
             persons: set[str]) -> str:
    """_YES a toponym; _NO certainly not; _WEAK_NO not on this evidence alone (kept if the same name is
    a toponym elsewhere in the article)."""
    vocab = vocabulary()
    span = doc[start:end]
    words = [t.lower_.strip(".") for t in span]
    opens = _is_capitalised(span[0]) or (len(span) > 2 and _hyphenated_article(doc, start + 2, vocab.particles))
    if not opens or (len(words) == 1 and words[0] in vocab.reject_words):
        return _NO
    if _inside_organisation(doc, start, end) or _after_title(doc, start) or _is_address(doc, start, end):
        return _NO
    candidates = [c for c in gazetteer.candidates(span.text) if c.kind != NameKind.DEMONYM]
    if not candidates and gazetteer.candidates(span.text):
        return _NO  # only a demonym: "Malian", "Palestinians"
    official = [c for c in candidates[:10] if c.kind != NameKind.ALTERNATE and c.place.feature_class in "PA"]
    if _inside_longer_name(doc, start, end, bool(official)):
        return _NO
    head = _head_word_after(doc, end) is not None
    cue = _strong_cue_before(doc, start)
    if len(span) == 1 and words[0] in persons and not (head or cue or _norm(span.text) in place_names):
        return _NO
    if label in _PLACE_LABELS:
        # a place NER found but no gazetteer knows: keep it if it is more than one word or has a cue
        keep = bool(candidates) or len(span) > 1 or head or _weak_cue_before(doc, start)
        return _YES if keep else _WEAK_NO
    if not candidates:
        # "the Adrar des Ifoghas mountains", "the town of Konna": a place the gazetteer does not know
        return _YES if head or (len(span) <= _UNKNOWN_MAX_TOKENS and _kind_cue_before(doc, start)) else _NO
    if head or cue or _norm(span.text) in place_names:
        return _YES
    strong = any(c.place.feature_code.startswith(_STRONG_FEATURES) for c in official)
    large = any(c.place.population >= _LARGE_TOWN for c in official)
    if label == "PERSON":
        # NER reads many towns as persons; a lone word that names a country, region or large town,
        # not followed by a verb or another name ("Alexandria woman charged"), is the town.
        alone = len(span) == 1 and not _followed_by_name_or_verb(doc, end)
        return _YES if (strong or large) and (alone or _weak_cue_before(doc, start)) else _WEAK_NO
    if span[0].is_sent_start and not _weak_cue_before(doc, start):
        return _WEAK_NO  # a capital letter that only starts a sentence proves nothing
    return _YES if strong or large else _WEAK_NO


def _is_address(doc: Doc, start: int, end: int) -> bool:
    streets = vocabulary().streets
    words = [t.lower_.rstrip(".") for t in doc[start : min(len(doc), end + 1)]]
    return any(w in streets for w in words)


def _followed_by_name_or_verb(doc: Doc, end: int) -> bool:
    if end >= len(doc):
        return False
    after = doc[end]
    return _is_capitalised(after) or after.pos_ in ("VERB", "AUX")


def _inside_organisation(doc: Doc, start: int, end: int) -> bool:
    """"France Inter", "Europe 1": a listed organisation name covering the span."""
    window = doc[max(0, start - 4) : min(len(doc), end + 4)]
    lowered = window.text.lower()
    for name in vocabulary().organisations:
        at = lowered.find(name.lower())
        if at < 0:
            continue
        begin = window.start_char + at
        if begin <= doc[start].idx and doc[end - 1].idx < begin + len(name):
            return True
    return False


def _after_title(doc: Doc, start: int) -> bool:
    """"General Gao", "Mr. Paris", "the newspaper Metro": a title or an organisation's kind right before."""
    if start == 0:
        return False
    before = doc[start - 1]
    word = before.lower_.rstrip(".")
    return (word in vocabulary().titles and before.text[0].isupper()) or word in vocabulary().media


def _inside_longer_name(doc: Doc, start: int, end: int, official_place: bool) -> bool:
    """Part of a longer PERSON or ORG entity ("Mohamed Moussa Ag Mohamed", "Bank of America"). A place
    name that opens an organisation's name is still a place ("Laurel County Sheriff's Office"), unless
    the organisation is a movement ("Moro Islamic Liberation Front")."""
    for ent in doc.ents:
        if any(t.text in "()[]" for t in ent):
            continue  # "al-Qadarif (Gedaref": an entity across a bracket is a misreading
        if ent.label_ in ("PERSON", "ORG") and ent.start <= start and end <= ent.end and (ent.end - ent.start) > (end - start):
            if ent.label_ == "ORG" and _head_word_after(doc, end) is not None:
                return False  # "Adrar des Ifoghas mountains" tagged ORG is still a place
            opens = start == ent.start or (start == ent.start + 1 and doc[ent.start].lower_ == "the")
            movement = doc[ent.end - 1].lower_ in vocabulary().movement_heads
            if ent.label_ == "ORG" and opens and official_place and not movement:
                return False
            return True
    return False


def _head_word_after(doc: Doc, end: int) -> str | None:
    if end < len(doc):
        return vocabulary().head_words.get(doc[end].lower_)
    return None


def _with_head_word(doc: Doc, end: int) -> int:
    """Extend a toponym over its head word ("Kidal" + "region") so the span says what was named."""
    if end < len(doc) and _head_word_after(doc, end) is not None:
        word = doc[end].lower_
        if word not in ("area", "city", "town", "village"):
            return end + 1
    return end


def _strong_cue_before(doc: Doc, start: int) -> bool:
    before = [t.lower_ for t in doc[max(0, start - 3) : start]]
    cues = vocabulary().strong_before
    return any(" ".join(before[k:]) in cues for k in range(len(before)))


def _kind_cue_before(doc: Doc, start: int) -> bool:
    """"the town of", "the villages of": words that say a place name follows, known or not."""
    before = " ".join(t.lower_ for t in doc[max(0, start - 2) : start])
    return before in vocabulary().kind_before


def _weak_cue_before(doc: Doc, start: int) -> bool:
    before = [t.lower_ for t in doc[max(0, start - 3) : start]]
    cues = vocabulary().cues_before | vocabulary().strong_before
    return any(" ".join(before[k:]) in cues for k in range(len(before)))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())

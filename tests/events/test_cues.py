"""Cue matching: lemmas, stems, hyphenated words and phrases; the aggregate patterns."""

from polybius.events.cues import HARM, cues, stem


def test_stem_joins_inflections_the_lemmatizer_may_miss():
    assert stem("raped") == stem("rape") == stem("rapes")
    assert stem("clashes") == stem("clash")
    assert stem("seized") == stem("seize")
    assert stem("bodies") == "body"


def test_triggers_match_phrases_hyphens_and_inflections(nlp):
    doc = nlp("Students held a sit-in after troops opened fire and raped two women.")
    found = {m.phrase: m.sub_types for m in cues().triggers.find(doc[:])}
    assert ("sit", "-", "in") in found
    assert ("open", "fire") in found and "Attack" in found[("open", "fire")]
    assert ("rape",) in found and "Sexual violence" in found[("rape",)]


def test_harm_words_make_a_candidate_without_naming_a_type(nlp):
    doc = nlp("Three people died.")
    assert any(HARM in m.sub_types for m in cues().triggers.find(doc[:]))


def test_aggregate_patterns():
    patterns = cues().aggregate_patterns
    hits = lambda text: any(p.search(text) for p in patterns)  # noqa: E731
    assert hits("Hundreds have died since the conflict began.")
    assert hits("several hundred militants killed over the 26-day operation")
    assert hits("So far this year, 40 soldiers have been killed.")
    assert not hits("Gunmen killed five villagers on Sunday.")

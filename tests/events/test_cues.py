"""Cue matching: lemmas, stems, hyphenated words and phrases; the aggregate patterns; checks of the file."""

import re

import pytest

from polybius.events.cues import DATA, HARM, cues, load_cues, stem


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


@pytest.mark.parametrize("original, misspelt, where", [
    ('"Grenade" = ["grenade"', '"Grenades" = ["grenade"', "[triggers]"),
    ('harm_families = ["Battles"', 'harm_families = ["Battle"', "[support] harm_families"),
    ('= "Attack" }', '= "Atack" }', "[support] stand_ins"),
    ('named_only = ["Chemical weapon"]', 'named_only = ["Chemical weapons"]', "[weapons] named_only"),
    ('applies_to = ["Arrests"', 'applies_to = ["Arrest"', "[crime] applies_to"),
    ('types = ["Other"]', 'types = ["Others"]', "[found_dead] types"),
])
def test_a_misspelt_type_name_is_an_error_naming_the_file(tmp_path, original, misspelt, where):
    # Left alone, the words of a misspelt list would silently cue nothing.
    text = (DATA / "cues.toml").read_text(encoding="utf-8")
    assert original in text
    path = tmp_path / "cues.toml"
    path.write_text(text.replace(original, misspelt, 1), encoding="utf-8")
    with pytest.raises(ValueError, match=rf"cues\.toml: {re.escape(where)} names unknown ACLED types"):
        load_cues(path)


@pytest.mark.parametrize("table", ["support", "seized_goods", "unreal", "crime", "attribution", "hidden", "disappearance",
                                   "found_dead"])
def test_a_missing_table_is_an_error_naming_the_file(tmp_path, table):
    text = (DATA / "cues.toml").read_text(encoding="utf-8")
    path = tmp_path / "cues.toml"
    path.write_text(text.replace(f"[{table}]", f"[{table}_renamed]", 1), encoding="utf-8")
    with pytest.raises(ValueError, match=rf"cues\.toml: missing table or key '{table}'"):
        load_cues(path)

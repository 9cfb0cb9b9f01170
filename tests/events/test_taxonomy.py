"""ACLED's taxonomy as data: 6 event types, 25 sub-types, each with ACLED's disorder type."""

from collections import Counter

import pytest

from polybius.events.taxonomy import load_taxonomy, taxonomy


def test_six_event_types_and_twenty_five_sub_types():
    known = taxonomy()
    assert len(known.event_types) == 6
    assert len(known.sub_types) == 25
    counts = Counter(s.event_type for s in known.sub_types.values())
    assert counts == {"Battles": 3, "Explosions/Remote violence": 6, "Violence against civilians": 3,
                      "Protests": 3, "Riots": 2, "Strategic developments": 8}


def test_disorder_types_follow_acled():
    known = taxonomy()
    assert known.get("Excessive force against protesters").disorder_type == "Political violence; Demonstrations"
    assert known.get("Peaceful protest").disorder_type == "Demonstrations"
    assert known.get("Violent demonstration").disorder_type == "Demonstrations"
    assert known.get("Mob violence").disorder_type == "Political violence"
    assert known.get("Armed clash").disorder_type == "Political violence"
    assert known.get("Arrests").disorder_type == "Strategic developments"
    allowed = {"Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"}
    assert {s.disorder_type for s in known.sub_types.values()} == allowed


def test_hierarchy_puts_airstrike_above_shelling_and_attack_above_abduction():
    known = taxonomy()
    assert known.get("Air/drone strike").precedence < known.get("Shelling/artillery/missile attack").precedence
    assert known.get("Attack").precedence < known.get("Abduction/forced disappearance").precedence
    assert known.get("Armed clash").precedence < known.get("Attack").precedence


def test_every_sub_type_has_a_definition():
    assert all(len(s.definition) > 20 for s in taxonomy().sub_types.values())


def test_unknown_sub_type_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown ACLED sub-event type 'Skirmish'"):
        taxonomy().get("Skirmish")


def test_bad_taxonomy_file_names_the_problem(tmp_path):
    path = tmp_path / "taxonomy.toml"
    path.write_text('[[event_type]]\nname = "Battles"\nrank = 1\ndefinition = "x"\n'
                    '[[sub_event_type]]\nname = "Raid"\nevent_type = "Raids"\ndisorder_type = "x"\n'
                    'rank = 1\ndefinition = "x"\n')
    with pytest.raises(ValueError, match="unknown event type 'Raids'"):
        load_taxonomy(path)

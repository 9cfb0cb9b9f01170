"""A sentence that revises the toll of a named event reports that event (events/updates.py)."""

from polybius.events.detect import candidates, detect
from polybius.events.updates import updated_event


def revised(nlp, text):
    doc = nlp(text)
    [(sentence, matches)] = candidates(doc)
    found = updated_event(doc, sentence, matches)
    return None if found is None else doc[found.start : found.end].text


def test_a_revised_toll_names_the_event_it_counts(nlp):
    assert revised(nlp, "The death toll from Saturday's massacre in Ogossagou has risen to 160, "
                        "the government said.") == "massacre"
    assert revised(nlp, "The toll from the twin bombings in Kabul reached 63 on Sunday.") == "bombings"
    assert revised(nlp, "The number of dead from the air strike on the market now stands at 40.") == "air strike"


def test_a_count_of_people_killed_is_a_toll_but_other_counts_are_not(nlp):
    assert revised(nlp, "The number of people killed in Saturday's attack on the village climbed to 160.") == "attack"
    assert revised(nlp, "The number of families displaced by the fighting in the north has risen to 3,000.") is None


def test_a_toll_that_names_no_event_or_no_figure_is_no_update(nlp):
    assert revised(nlp, "The death toll rose to 40 on Sunday, officials said.") is None  # the follow-up rule's
    assert revised(nlp, "The death toll from the attack has doubled, officials said.") is None


def test_the_update_is_a_mention_of_the_event_typed_by_its_noun(nlp):
    # The classifier, trained on acts, reads this as no event; without the rule it is lost.
    doc = nlp("The death toll from Saturday's massacre in the central Malian village of Ogossagou "
              "has risen to 160, the government said on Tuesday.")
    [found] = detect(doc)
    assert found.sub_type.name == "Attack"
    assert found.trigger.text == "massacre"

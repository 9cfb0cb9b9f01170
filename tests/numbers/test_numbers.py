"""The shared reader of cardinal numbers."""

import pytest

from polybius.numbers import cardinals, parse_cardinal


@pytest.mark.parametrize(("words", "expected"), [
    (["27"], 27),
    (["eleven"], 11),
    (["twenty", "-", "seven"], 27),
    (["twenty", "seven"], 27),
    (["one", "hundred", "and", "twenty"], 120),
    (["a", "dozen"], 12),
    (["1.5", "million"], 1_500_000),
    (["two", "thousand", "three", "hundred"], 2300),
])
def test_numbers_in_digits_and_words(words, expected):
    assert parse_cardinal(words) == expected


@pytest.mark.parametrize("words", [[], ["several"], ["a"], ["twenty", "days"]])
def test_what_is_not_one_number_gives_none(words):
    assert parse_cardinal(words) is None


def test_the_words_come_from_the_data_file():
    numbers = cardinals()
    assert numbers.units["nineteen"] == 19 and numbers.tens["ninety"] == 90 and numbers.multipliers["dozen"] == 12
    assert {"a", "hundred", "twenty", "zero"} <= numbers.words

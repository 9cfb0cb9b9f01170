"""The time stage: temporal expressions, their TIMEX3 values, and the date of each event.

    find_times(document) -> list[TimeExpression]   every DATE/TIME/DURATION/SET, sorted by start
    normalize(text, published) -> TimeValue | None  the value of a bare phrase
    date_event(document, trigger, times) -> EventDate | None   the date of one event
    rows(document) -> list[dict]                    what `polybius dates` prints, one dict a line

Words and patterns live in data/time_words.toml; the conventions (weekdays, past preference,
parts of periods, default dates) are documented in resolve.py and event_date.py.
"""

from polybius.time.event_date import date_event
from polybius.time.output import rows
from polybius.time.recognize import find_times, normalize
from polybius.time.values import TimeValue

__all__ = ["TimeValue", "date_event", "find_times", "normalize", "rows"]

"""Normalization rules: the groups a pattern matched, plus context, to a TIMEX3 value and its days.

One function per `rule` named in the data file. Each reads the matched words through the Lexicon
and anchors relative expressions on the publication date, or, for anaphoric words ("the previous
day", "a year earlier"), on the last date the text mentioned. The conventions, each tested in
tests/time/:

- "on Tuesday" is the most recent Tuesday on or before publication. A weekday equal to the
  publication weekday is the publication day itself: wire copy names the day even for today
  ("France said Wednesday" in a Wednesday paper), and says "last Tuesday" or "a week ago" for the
  week before. In a future clause ("will meet on Tuesday") it is the next Tuesday instead.
- Dates, months and seasons without a year prefer the past: the most recent "January 11" not
  after publication plus `future_tolerance_days` (a week). In a clause that is neither past nor
  future ("the ultimatum expires March 1", "payable Dec. 7") `neutral_tolerance_days` (about
  three months) replaces it: deadlines and schedules are written that way. In a future clause
  ("elections will be held on January 5") the next one.
- Quarters ignore tense: "third-quarter results" is the latest third quarter that has begun.
- Parts of periods ("late February", "mid-2012") keep the period's TIMEX3 value (TIMEX3 puts the
  part in its MOD attribute) and narrow first_day/last_day to the part's days.
- "N weeks ago" is a week (2013-W04), "N months ago" a month, "N years ago" a year: the value is
  as precise as the unit says, no more.
- "N days after/before X" counts from X, not from publication: from X's own date when X names
  one, else it is only a DURATION (offsets.py); "N days ago" counts from publication.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from polybius.time import periods
from polybius.time.lexicon import Lexicon, Relative, phrase_key
from polybius.time.measures import resolve_duration, resolve_reference, resolve_set
from polybius.time.periods import Period
from polybius.time.values import Context, Rejected, TimeValue, dated, unknown

Rule = Callable[[Lexicon, dict[str, str], Context], TimeValue]


def narrowed(lex: Lexicon, period: Period, groups: dict[str, str], ctx: Context,
             daypart: str | None = None) -> TimeValue:
    """The period, its days narrowed by a part word ("late", "earlier") when one was matched."""
    phrase = groups.get("mod")
    if not phrase:
        return dated(period, daypart=daypart)
    part = lex.period_parts[phrase_key(phrase)]
    if part.side is None:
        first, last = periods.part(period, part.start, part.end)
    else:
        pivot = ctx.published or period.last
        if part.side == "before":
            first, last = period.first, min(period.last, pivot - timedelta(days=1))
        else:
            first, last = max(period.first, pivot + timedelta(days=1)), period.last
        if first > last:
            first, last = period.first, period.last
    return dated(period, first=first, last=last, daypart=daypart)


def _relative(lex: Lexicon, groups: dict[str, str], name: str = "rel") -> Relative | None:
    phrase = groups.get(name)
    return lex.relatives[phrase_key(phrase)] if phrase else None


def _anchor(ctx: Context, relative: Relative | None) -> date | None:
    """The day a relative word counts from: publication, or the last date mentioned."""
    if relative is not None and relative.anchor == "discourse" and ctx.reference is not None:
        return ctx.reference.first_day or ctx.published
    return ctx.published


def _explicit_year(lex: Lexicon, groups: dict[str, str], ctx: Context, name: str = "year") -> int | None:
    if groups.get(name):
        return int(groups[name])
    if groups.get("spoken_year"):
        return lex.spoken_year(groups["spoken_year"])
    relative = _relative(lex, groups, "yrel")
    anchor = _anchor(ctx, relative)
    if relative is not None and anchor is not None:
        return anchor.year + relative.offset
    return None


def _nearest(candidates: list[Period], pivot: date, ctx: Context, lex: Lexicon) -> Period:
    """Past preference: the latest period starting by pivot (+ a tolerance that depends on the
    clause's tense); in a future clause, the first period not over by pivot."""
    tolerance = lex.neutral_tolerance_days if ctx.tense == "neutral" else lex.future_tolerance_days
    if ctx.future:
        ahead = [p for p in candidates if p.last >= pivot]
        return min(ahead, key=lambda p: p.first) if ahead else max(candidates, key=lambda p: p.first)
    limit = pivot + timedelta(days=tolerance)
    behind = [p for p in candidates if p.first <= limit]
    return max(behind, key=lambda p: p.first) if behind else min(candidates, key=lambda p: p.first)


def resolve_date(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    if groups.get("iso"):
        return dated(periods.of_day(date.fromisoformat(groups["iso"])))
    month, day = lex.month(groups["month"]), lex.ordinal(groups["day"])
    if not _valid(2000, month, day):  # 2000 is a leap year: February 29 stays possible
        raise Rejected(f"no day {day} in month {month}")
    year = _explicit_year(lex, groups, ctx)
    if year is not None:
        if not _valid(year, month, day):
            raise Rejected(f"no {year}-{month:02d}-{day:02d}")
        return dated(periods.of_day(date(year, month, day)))
    if ctx.published is None:
        return unknown("day", value=f"XXXX-{month:02d}-{day:02d}")
    years = [y for y in range(ctx.published.year - 2, ctx.published.year + 3) if _valid(y, month, day)]
    candidates = [periods.of_day(date(y, month, day)) for y in years]
    chosen = _nearest(candidates, ctx.published, ctx, lex)
    if groups.get("weekday"):  # "Friday, Oct. 13": prefer the nearest year where the weekday agrees
        weekday = lex.weekday(groups["weekday"])
        agreeing = [p for p in candidates if p.first.isoweekday() == weekday]
        if chosen.first.isoweekday() != weekday and agreeing:
            chosen = min(agreeing, key=lambda p: abs((p.first - chosen.first).days))
    return dated(chosen)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def resolve_month(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    month = lex.month(groups["month"])
    year = _explicit_year(lex, groups, ctx)
    relative = _relative(lex, groups)
    anchor = _anchor(ctx, relative)
    if year is None and anchor is None:
        return unknown("month", value=f"XXXX-{month:02d}")
    if year is None:
        here = periods.containing(anchor, "month")
        candidates = [periods.of_month(y, month) for y in range(anchor.year - 2, anchor.year + 3)]
        if relative is None:
            period = _nearest(candidates, anchor, ctx, lex)
        elif relative.offset < 0:
            period = max((p for p in candidates if p.first < here.first), key=lambda p: p.first)
        elif relative.offset > 0:
            period = min((p for p in candidates if p.first > here.first), key=lambda p: p.first)
        else:
            period = periods.of_month(anchor.year, month)
    else:
        period = periods.of_month(year, month)
    return narrowed(lex, period, groups, ctx)


def resolve_year(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    year = _explicit_year(lex, groups, ctx)
    return narrowed(lex, periods.of_year(year), groups, ctx)


def resolve_weekday(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    weekday = lex.weekday(groups["weekday"])
    relative = _relative(lex, groups)
    anchor = _anchor(ctx, relative)
    daypart = lex.dayparts[phrase_key(groups["daypart"])] if groups.get("daypart") else None
    if anchor is None:
        return unknown("day", "TIME" if daypart else "DATE", f"XXXX-WXX-{weekday}" + (f"T{daypart}" if daypart else ""))
    back = (anchor.isoweekday() - weekday) % 7  # 0: the anchor's own weekday
    ahead = (weekday - anchor.isoweekday()) % 7
    if relative is None:
        day = anchor + timedelta(days=ahead) if ctx.future else anchor - timedelta(days=back)
    elif relative.offset < 0:
        day = anchor - timedelta(days=back or 7)
    elif relative.offset > 0:
        day = anchor + timedelta(days=ahead or 7)
    else:
        day = periods.of_week(anchor).first + timedelta(days=weekday - 1)
    return narrowed(lex, periods.of_day(day), groups, ctx, daypart)


def resolve_deictic(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    entry = lex.deictic[phrase_key(groups["deictic"])]
    daypart = entry.daypart or (lex.dayparts[phrase_key(groups["daypart"])] if groups.get("daypart") else None)
    if ctx.published is None:
        return unknown("day", "TIME" if daypart else "DATE", "XXXX-XX-XX" + (f"T{daypart}" if daypart else ""))
    period = periods.of_day(ctx.published + timedelta(days=entry.days))
    return narrowed(lex, period, groups, ctx, daypart)


def resolve_relative(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    grain = lex.unit(groups["unit"]).grain or "day"
    relative = _relative(lex, groups) or Relative(0, "publication")
    anchor = _anchor(ctx, relative)
    if anchor is None:
        return unknown(grain)
    offset = relative.offset
    if grain == "week" and offset < 0 and relative.anchor == "publication" and anchor.isoweekday() == 7:
        offset += 1  # a Sunday paper's "last week" is the Monday-to-Saturday just gone
    period = periods.shift(periods.containing(anchor, grain), offset)
    return narrowed(lex, period, groups, ctx)


def resolve_weekend(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    relative = _relative(lex, groups)
    if ctx.published is None:
        return unknown("weekend")
    this = periods.of_weekend(ctx.published)
    if relative is not None:
        return dated(periods.shift(this, relative.offset))
    if ctx.published >= this.first or ctx.future:  # on a weekend day, or ahead: this week's
        return dated(this)
    return dated(periods.shift(this, -1))


def resolve_quarter(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    grain = phrase_key(groups["qunit"])  # quarter | half: the names of periods.py grains
    number = lex.ordinal(groups["ordinal"]) if groups.get("ordinal") else None
    if number is not None and number > lex.parts_of_year[grain]:
        return unknown(grain)
    year = _explicit_year(lex, groups, ctx) or _explicit_year(lex, groups, ctx, "qyear")
    relative = _relative(lex, groups)
    if number is None and grain == "quarter" and relative is None and ctx.quarter is not None:
        number = int(ctx.quarter.value[-1])  # "the quarter": the one under discussion
        year = year or int(ctx.quarter.value[:4])
    if ctx.published is None and year is None:
        return unknown(grain, value=f"XXXX-{grain[0].upper()}{number or 'X'}")
    if number is None:
        if year is not None:
            return unknown(grain, value=f"{year:04d}-{grain[0].upper()}X")
        offset = relative.offset if relative is not None else -1  # bare: the latest complete one
        return dated(periods.shift(periods.containing(ctx.published, grain), offset))
    make = periods.of_half if grain == "half" else periods.of_quarter
    if year is not None:
        return dated(make(year, number))
    # Quarters ignore the tense: "will report third-quarter results" is about the quarter just
    # ended. The latest quarter of that number that has begun by publication.
    started = [make(y, number) for y in (ctx.published.year - 1, ctx.published.year)]
    return dated(max((p for p in started if p.first <= ctx.published), key=lambda p: p.first))


def resolve_year_earlier(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    """'year-earlier', 'the year-ago quarter': the period under discussion, one year back."""
    base = (ctx.quarter or ctx.recent_quarter or ctx.reference)
    period = base.period() if base is not None else None
    if period is None:
        if ctx.published is None:
            return unknown("year")
        period = periods.of_year(ctx.published.year)
    if groups.get("ordinal") and period.grain == "quarter":
        period = periods.of_quarter(period.first.year, lex.ordinal(groups["ordinal"]))
    return dated(periods.shift(period, -1, "year"))


def resolve_season(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    season = lex.seasons[phrase_key(groups["season"])]
    year = _explicit_year(lex, groups, ctx)
    relative = _relative(lex, groups)
    anchor = _anchor(ctx, relative)
    if year is not None:
        return narrowed(lex, periods.of_season(year, season.code), groups, ctx)
    if anchor is None:
        return unknown("season", value=f"XXXX-{season.code}")
    candidates = [periods.of_season(y, season.code) for y in range(anchor.year - 2, anchor.year + 3)]
    if relative is None:
        period = _nearest(candidates, anchor, ctx, lex)
    elif relative.offset < 0:
        period = max((p for p in candidates if p.last < anchor), key=lambda p: p.first)
    elif relative.offset > 0:
        period = min((p for p in candidates if p.first > anchor), key=lambda p: p.first)
    else:
        period = min(candidates, key=lambda p: abs((p.first - anchor).days))
    return narrowed(lex, period, groups, ctx)


def resolve_decade(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    word = phrase_key(groups["decade"])
    digits = "".join(ch for ch in word if ch.isdigit())
    if len(digits) == 4:
        return narrowed(lex, periods.of_decade(int(digits)), groups, ctx)
    tens = int(digits[0]) if digits else lex.decade_words[word]
    now = ctx.published.year if ctx.published else 1999
    start = max(y for y in range(now - 200, now + 1) if y % 100 == tens * 10)
    return narrowed(lex, periods.of_decade(start), groups, ctx)


def resolve_century(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    return dated(periods.of_century((lex.ordinal(groups["century"]) - 1) * 100))


def resolve_offset(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    unit = lex.unit(groups["units"])
    direction = lex.directions[phrase_key(groups["direction"])]
    count = lex.number(groups["count"]) if groups.get("count") else 1
    if count is None:  # "several years ago": a direction, no value
        return TimeValue("DATE", "PAST_REF" if direction.sign < 0 else "FUTURE_REF")
    grain = unit.grain or "day"
    steps = direction.sign * count * unit.factor
    if unit.clock:  # "three hours later" stays on the anchor's day; "48 hours later" is two days on
        grain, steps = "day", direction.sign * (count // 24 if unit.name == "hour" else 0)
    # "after"/"before" reach here counting from their object's date (offsets.py) or, with no
    # object ("the day before."), from the last date mentioned: both are ctx.reference.
    reference = ctx.reference if direction.anchor in ("discourse", "object") else None
    # "up from $3 million a year ago" after a quarter's results: that quarter, a year back.
    base = (ctx.recent_quarter or reference) if grain == "year" else None
    base_period = base.period() if base is not None else None
    if base_period is not None and periods.GRAIN_RANK[base_period.grain] < periods.GRAIN_RANK["year"]:
        return dated(periods.shift(base_period, steps, grain))
    anchor = (reference.first_day if reference else None) or ctx.published
    if anchor is None:
        return unknown(grain)
    return dated(periods.shift(periods.containing(anchor, grain), steps, grain))


def resolve_clock(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    clock = _clock(groups["clock"])
    if groups.get("weekday") or groups.get("deictic"):
        day = (resolve_weekday if groups.get("weekday") else resolve_deictic)(lex, groups, ctx)
    else:
        day = dated(periods.of_day(ctx.published)) if ctx.published else unknown("day")
    return TimeValue("TIME", f"{day.value[:10]}T{clock}", day.first_day, day.last_day, day.time_precision, "day")


def _clock(text: str) -> str:
    """'3 p.m.' -> '15:00', '1500' -> '15:00', 'noon' -> '12:00'."""
    words = phrase_key(text).replace(".", "").replace(" ", "")
    if words in ("noon", "midnight"):
        return "12:00" if words == "noon" else "24:00"
    meridiem = words[-2:] if words.endswith(("am", "pm")) else ""
    digits = words[: len(words) - len(meridiem)]
    if ":" in digits:
        hour, minute = digits.split(":")
    elif len(digits) >= 3:
        hour, minute = digits[:-2], digits[-2:]
    else:
        hour, minute = digits, "00"
    hours = int(hour)
    if meridiem:
        hours = hours % 12 + (12 if meridiem == "pm" else 0)
    return f"{hours:02d}:{int(minute):02d}"


RULES: dict[str, Rule] = {
    "date": resolve_date, "month": resolve_month, "year": resolve_year, "weekday": resolve_weekday,
    "deictic": resolve_deictic, "relative": resolve_relative, "weekend": resolve_weekend,
    "quarter": resolve_quarter, "year_earlier": resolve_year_earlier, "season": resolve_season,
    "decade": resolve_decade, "century": resolve_century, "offset": resolve_offset,
    "duration": resolve_duration, "reference": resolve_reference, "set": resolve_set,
    "clock": resolve_clock,
}


def resolve(lex: Lexicon, rule: str, groups: dict[str, str], ctx: Context) -> TimeValue:
    try:
        return RULES[rule](lex, groups, ctx)
    except KeyError as error:
        if rule not in RULES:
            raise ValueError(f"unknown time rule {rule!r}; known: {sorted(RULES)}") from None
        raise ValueError(f"rule {rule!r} cannot read {groups}: unknown word {error}") from None

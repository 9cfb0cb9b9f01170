"""How many people an event killed: the one place for Polybius' fatality rules.

Words live in data/fatalities.toml; the rules are these. Modules: quantity reads a number phrase,
death_words finds the words that report deaths and the tokens naming the dead, tallies sets aside
figures that are not the event's own, counting sums what is left.

Numbers (parse_quantity -> (best, low, high); best is ACLED's conservative figure, high None = unbounded)
- digits and words: "11", "1,800", "1.5 million", "eleven", "twenty-five", "one hundred and twenty",
  "a dozen" (12), "a soldier"/"one" (1 when the victim noun is singular);
- vague counts, after ACLED's codebook ("Reported fatalities") and fatality FAQ: "dozens" 12, "tens" 10,
  "hundreds" 100, "thousands" 1000; "several", "a few", "a handful" 3 and "many", "numerous" 10 (ACLED
  records 3 or 10 for these depending on scale); "scores" 20 (one score, as "dozens" is one dozen);
  plural victims with no count ("civilians were killed") 3, ACLED's plural-fatalities rule;
- a vague word before a unit counts one unit, as ACLED's "hundreds" counts 100: "several hundred" 100,
  "a few dozen" 12; "tens of thousands" multiplies, 10 x 1000;
- qualifiers: "more than/at least/over N" -> N with no upper bound (ACLED codes the lowest figure:
  "a soldier and more than 20 rebels" is 21); "about/nearly/almost/some N" -> N; "up to/as many as N"
  -> N, low 1; "fewer than/less than N" -> N-1, low 1;
- ranges "between 5 and 10", "5 to 10", "5-10", "two or three" -> best and low the lower, high the upper.

Counting (count_fatalities over one event's sentence)
- deaths are reported by: kill/execute/massacre/behead/... (passive subjects, active objects,
  "11 militants killed"), any verb ending "to death" ("beaten to death"; not "sentenced to death"),
  die/perish, "dead" ("leaving 5 dead", "shot dead"; its object before its subject: "the siege left
  19 hostages and two gunmen dead" is 21, not the siege), "lost their lives",
  "had their throats slit", and count nouns "deaths", "fatalities", "bodies", "death toll"; "the number
  (tally) of X killed / who died" counts what its verb says ("has risen to six"), not X;
- the dependency parse ties each number to its death word, so "11 of its troops were killed and 60
  wounded" is 11; victims joined by "and" are summed across sides: "a French soldier and more than
  20 Islamist rebels were killed" -> 21;
- wounded, injured, hurt, captured, arrested, detained, kidnapped, missing never count (they are never
  death words, so no number is tied to them);
- an active kill verb the parse left without an object takes the counted noun right after it
  ("killing at least 20 people, Houthi-run media and residents said": the parser made the victims a
  subject of "said");
- "casualties" means killed and/or wounded: ACLED codes 0 when only casualties are reported, so a
  number of casualties is not a death count (None, unknown); "no casualties" is a stated 0;
- a stated zero ("no one was killed", "nobody was hurt", "no casualties", "without casualties") -> 0;
  "no reports of casualties" is not a zero (the "no" is on the reports);
- cumulative tolls are not the event's: a death word under "since", "so far", "this year", "bringing",
  "total"... is skipped, and so is one whose dead carry an ordinal ("the fifth soldier killed", "the
  first French fatality"); an ordinal elsewhere ranks nothing ("killed during the first clashes",
  "the second ambush this week killed five"), and "a second soldier was killed" is one death;
- a superseded figure is not added to the one that replaces it: a death word under "than"/"from",
  the object of "revise"/"correct"/..., or marked "earlier"/"initial"/... ("35 were killed, far
  fewer than the toll of 95 given by officials" is 35); a toll revised to a new figure replaces every
  other count of its sentence ("initially said 11 miners died but revised the toll to 10" is 10);
- with a trigger, a death in what the event follows or answers is that other event's ("dissolved
  the militia after gunmen killed about 160 people", "in retaliation for the killing of ...";
  polybius.place.in_another_event, which keeps such places off the event too);
- with a trigger, only death words in the trigger's clause (its ancestors and descendants) count,
  unless none is, then the whole sentence's do ("clashed ..., the army said, adding that four
  rebels were killed"), except pluperfect ones ("Paris said after reporting that hundreds had been
  killed in the war"): those died before the event;
- a sentence right after an event's own sentence that reports deaths but no event of its own and
  no day of its own ("At least 10 civilians were killed and 45 injured") gives its count to that
  event when the event's sentence has none (count_follow_up); a present or perfect tally there ("the
  war has killed 10,000") is never an event's count;
- the dead of a sentence right after an event's own that reports them "also" killed ("Four Taliban
  were also killed when troops returned fire") are added to that event's count: 7 + 4 = 11, the
  sides summed as within one sentence (adds_to_toll_before; both events of political violence);
- sub-types that by ACLED's definitions kill no one (data/fatalities.toml [harmless]: peaceful
  protests, arrests, agreements, group changes, bases, non-violent transfers, looting) get no count:
  a death in their sentence is another event's (counts_deaths);
- None when the sentence reports no deaths: fusion treats None as unknown, 0 only when stated.
"""

from polybius.events.fatalities.counting import added, adds_to_toll_before, count_fatalities, count_follow_up
from polybius.events.fatalities.death_words import toll_figure
from polybius.events.fatalities.lexicon import lexicon
from polybius.events.fatalities.quantity import Quantity, parse_quantity
from polybius.events.fatalities.tallies import in_running_tally

__all__ = ["Quantity", "added", "adds_to_toll_before", "count_fatalities", "count_follow_up", "counts_deaths",
           "in_running_tally", "lexicon", "parse_quantity", "toll_figure"]


def counts_deaths(sub_event_type: str) -> bool:
    """Whether events of this ACLED sub-type can have fatalities at all."""
    return sub_event_type not in lexicon().harmless_sub_types

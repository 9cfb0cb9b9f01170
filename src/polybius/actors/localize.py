"""Putting an actor in its event: the country of generic actors, external forces, interaction codes.

ACLED rules followed here (ACLED codebook, "Actor Names, Types and Inter Codes" and "Interaction codes"):
- generic actors carry the event's country: "Civilians (Mali)", "Unidentified Armed Group (Nigeria)",
  "Military Forces of Syria" for "government forces" in a Syrian event;
- state forces active outside their home country are External/Other forces, inter 8 (the codebook's
  example: Turkey's military in northern Syria; here France's in Mali);
- the interaction code joins the two inter codes, lower first, whatever the actors' order; an event
  with one actor gets <inter>0 (sole state forces action = 10).
"""

from __future__ import annotations

import dataclasses

from polybius.actors.countries import countries
from polybius.actors.groups import catalog
from polybius.records import Actor

EXTERNAL = 8


def localize(actor: Actor, country_code: str | None) -> Actor:
    """The actor as coded for an event in `country_code` (ISO alpha-2; None or unknown: unchanged)."""
    if not country_code or country_code.upper() not in countries().by_code:
        return actor  # an unknown or missing country leaves the actor as the text named it
    event_country = countries().get(country_code)
    generic = catalog().match_unlocalized(actor.name) if actor.country is None else None
    if generic is not None:
        group, ethnicity = generic
        name = group.name(event_country.name, country_after_of=event_country.after_of, ethnicity=ethnicity)
        return Actor(name, actor.inter, event_country.code)
    if actor.inter == 1 and actor.country is not None and actor.country != event_country.code:
        return dataclasses.replace(actor, inter=EXTERNAL)
    return actor


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code for the inter codes of actor1 and actor2 (e.g. 1 and 2 -> 12, 1 alone -> 10)."""
    codes = sorted(code for code in (inter1, inter2) if code is not None)
    for code in codes:
        if isinstance(code, bool) or not isinstance(code, int) or not 1 <= code <= 8:
            raise ValueError(f"inter codes are integers from 1 to 8, got {code!r}")
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]

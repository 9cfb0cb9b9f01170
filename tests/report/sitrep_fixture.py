"""A deterministic fixture database for the report, API and browser tests (no NLP models needed).

Eight short articles written for these tests about real events of January-February 2013 (Mali,
Nigeria, Syria), one of them hostile: its title, source and text carry HTML and script payloads that
must only ever be shown as text. Events are built by hand with evidence spans located in the
article text, so every span really slices to its text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from polybius.records import Article, Dispute, Event, Paragraph, Span
from polybius.store import Store

SCRIPT_PAYLOAD = "<script>window.polybiusPwned = true; alert(1)</script>"
IMG_PAYLOAD = '<img src=x onerror="window.polybiusPwned = true; alert(1)">'
HOSTILE_TITLE = "<b>Suicide</b> bomber strikes Gao <img src=x onerror=alert(1)>"

ARTICLES = {
    "konna-afp": (
        "2013-01-12",
        "AFP",
        "French troops halt Islamist push at Konna",
        (
            "French forces joined Malian troops on Friday in a counter-offensive to retake the "
            "central town of Konna from Islamist fighters, Malian officials said.",
            "The fighting in Konna on Friday left 11 Malian soldiers dead, according to an army "
            "officer in Sevare. A French helicopter pilot was also killed during the operation.",
            "President Francois Hollande said the intervention would last as long as necessary.",
        ),
    ),
    "konna-reuters": (
        "2013-01-13",
        "Reuters",
        "Malian army says Konna retaken",
        (
            "Malian soldiers backed by French air power retook Konna on Saturday, a day after heavy "
            "fighting in the town, the army said.",
            "An officer in Mopti said at least nine soldiers and a French pilot died in Friday's "
            "clashes in Konna.",
            "Residents said dozens of Islamist fighters had been killed, but the figure could not be "
            "verified.",
        ),
    ),
    "gao-afp": (
        "2013-01-27",
        "AFP",
        "French and Malian troops take Gao",
        (
            "French and Malian troops seized the northern city of Gao on Saturday after fighters of "
            "the Movement for Oneness and Jihad in West Africa (MUJAO) withdrew, the French defence "
            "ministry said.",
            "French special forces secured the airport and a bridge south of the city during the night.",
            "No casualties were reported among the soldiers.",
        ),
    ),
    "kidal-guardian": (
        "2013-02-03",
        "The Guardian",
        "French jets pound militant bases near Kidal",
        (
            "French warplanes struck Islamist training camps and depots north of Kidal on Saturday, "
            "the French army said.",
            "The raids hit targets around Tessalit and the Adrar des Ifoghas mountains, where the "
            "militants are believed to have retreated.",
            "A spokesman said on Sunday that the strikes had destroyed fuel and ammunition stores.",
            "Islamist fighters and Tuareg rebels killed dozens of Malian soldiers at Aguelhok in "
            "January last year, an attack the army has called a massacre.",
        ),
    ),
    "kidal-afp": (
        "2013-02-06",
        "AFP",
        "Strikes go on around Kidal as Chadian troops arrive",
        (
            "French aircraft carried out new strikes near Kidal on Tuesday, targeting fuel depots "
            "used by armed Islamist groups.",
            "Chadian troops entered Kidal on the same day to secure the town alongside French forces,"
            " a Chadian officer said.",
        ),
    ),
    "gao-hostile": (
        "2013-02-09",
        "Wire <script>x</script>",
        HOSTILE_TITLE,
        (
            "A man wearing an explosive belt blew himself up at a checkpoint at the northern entrance"
            " of Gao on Friday, killing only himself and wounding a soldier, the Malian army said.",
            f"Graffiti left near the checkpoint read {SCRIPT_PAYLOAD} and {IMG_PAYLOAD}, residents said.",
            "MUJAO said it carried out the attack in a call to a news agency.",
        ),
    ),
    "kano-premium": (
        "2013-02-09",
        "Premium Times",
        "Gunmen kill polio vaccinators in Kano",
        (
            "Gunmen on motorcycles shot dead at least nine women who were vaccinating children "
            "against polio at two health centres in Kano on Friday, police said.",
            "No group said it carried out the killings.",
        ),
    ),
    "aleppo-bbc": (
        "2013-02-13",
        "BBC",
        "Syrian rebels seize airfield east of Aleppo",
        (
            "Syrian rebels captured the Jarrah military airfield east of Aleppo on Tuesday after days"
            " of fighting, activists said.",
            "Footage posted online showed fighters standing beside aircraft on the runway.",
            # A long sentence: the detail view shows the words around its evidence first.
            "The airfield, which activists said had been used by government forces to resupply units "
            "in the north of the province and to launch helicopter raids on nearby villages for "
            "months, fell after rebel units from several brigades coordinated an assault that began "
            "before dawn and continued for most of the day, according to fighters who spoke to "
            "reporters by telephone.",
        ),
    ),
}

MALI = {"iso": 466, "region": "Western Africa", "country": "Mali"}
FRANCE, MALI_ARMY = "Military Forces of France", "Military Forces of Mali (2012-2013)"
MUJAO = "MUJAO: Movement for Oneness and Jihad in West Africa"


def _place(location, admin1, latitude, longitude, geonameid, geo_precision=1, admin2=None, **country):
    return {
        "location": location,
        "admin1": admin1,
        "admin2": admin2,
        "latitude": latitude,
        "longitude": longitude,
        "geonameid": geonameid,
        "geo_precision": geo_precision,
        **(country or MALI),
    }


# Each event: its ACLED fields, the articles reporting it, and evidence as (field, article, phrase).
EVENTS = [
    dict(
        event_id_cnty="MLI1",
        notes=(
            "On 11 January 2013, Military Forces of Mali (2012-2013), with Military Forces of France, "
            "clashed with Ansar Dine in Konna (Mopti), Mali. Reports give between 10 and 12 fatalities;"
            " 10 is coded."
        ),
        event_date="2013-01-11",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=MALI_ARMY,
        assoc_actor_1=FRANCE,
        inter1=1,
        actor2="Ansar Dine",
        inter2=2,
        fatalities=10,
        fatalities_low=10,
        fatalities_high=12,
        **_place("Konna", "Mopti", 14.95, -3.89, 2456893),
        documents=["konna-afp", "konna-reuters"],
        evidence=[
            ("event_type", "konna-afp", "counter-offensive"),
            ("actor1", "konna-afp", "Malian troops"),
            ("assoc_actor_1", "konna-afp", "French forces"),
            ("actor2", "konna-afp", "Islamist fighters"),
            ("location", "konna-afp", "Konna"),
            ("event_date", "konna-afp", "Friday"),
            ("fatalities", "konna-afp", "11 Malian soldiers dead"),
            ("fatalities", "konna-afp", "A French helicopter pilot"),
            ("fatalities", "konna-reuters", "at least nine soldiers and a French pilot died"),
        ],
        disputes=[
            Dispute(
                "fatalities",
                "conflict",
                (
                    {"value": 12, "document": "konna-afp", "published": "2013-01-12"},
                    {"value": 10, "document": "konna-reuters", "published": "2013-01-13"},
                ),
            )
        ],
    ),
    dict(
        event_id_cnty="MLI2",
        notes=(
            "On 26 January 2013, Military Forces of France regained territory from MUJAO: Movement for "
            "Oneness and Jihad in West Africa in Gao, Mali."
        ),
        event_date="2013-01-26",
        event_type="Battles",
        sub_event_type="Government regains territory",
        actor1=FRANCE,
        inter1=8,
        actor2=MUJAO,
        inter2=2,
        assoc_actor_1=MALI_ARMY,
        fatalities=0,
        **_place("Gao", "Gao", 16.2717, -0.0447, 2457163),
        documents=["gao-afp"],
        evidence=[
            ("event_type", "gao-afp", "seized the northern city"),
            ("actor1", "gao-afp", "French"),
            ("actor2", "gao-afp", "Movement for Oneness and Jihad in West Africa (MUJAO)"),
            ("location", "gao-afp", "Gao"),
            ("event_date", "gao-afp", "Saturday"),
        ],
    ),
    dict(
        event_id_cnty="MLI3",
        notes=(
            "On 2 February 2013, Military Forces of France carried out air or drone strikes on "
            "Unidentified Armed Group (Mali) near Tessalit (Kidal), Mali."
        ),
        event_date="2013-02-02",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1=FRANCE,
        inter1=8,
        actor2="Unidentified Armed Group (Mali)",
        inter2=3,
        fatalities=0,
        **_place("Tessalit", "Kidal", 20.2011, 1.0112, 2450926, geo_precision=2, admin2="Tessalit"),
        documents=["kidal-guardian"],
        evidence=[
            ("event_type", "kidal-guardian", "French warplanes struck"),
            ("actor1", "kidal-guardian", "French warplanes"),
            ("actor2", "kidal-guardian", "Islamist training camps"),
            ("location", "kidal-guardian", "Tessalit"),
            ("event_date", "kidal-guardian", "Saturday"),
        ],
    ),
    dict(
        event_id_cnty="MLI4",
        notes=(
            "On 5 February 2013, Military Forces of France carried out air or drone strikes on "
            "Unidentified Armed Group (Mali) near Kidal, Mali."
        ),
        event_date="2013-02-05",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1=FRANCE,
        inter1=8,
        actor2="Unidentified Armed Group (Mali)",
        inter2=3,
        fatalities=0,
        **_place("Kidal", "Kidal", 18.4411, 1.4078, 2455290, geo_precision=2, admin2="Kidal"),
        documents=["kidal-afp"],
        evidence=[
            ("event_type", "kidal-afp", "carried out new strikes"),
            ("actor1", "kidal-afp", "French aircraft"),
            ("location", "kidal-afp", "Kidal"),
            ("event_date", "kidal-afp", "Tuesday"),
        ],
    ),
    dict(
        event_id_cnty="MLI5",
        notes=(
            "On 5 February 2013, Military Forces of Chad took over territory without fighting in Kidal, Mali."
        ),
        event_date="2013-02-05",
        event_type="Strategic developments",
        sub_event_type="Non-violent transfer of territory",
        actor1="Military Forces of Chad",
        inter1=8,
        fatalities=0,
        **_place("Kidal", "Kidal", 18.4411, 1.4078, 2455290, admin2="Kidal"),
        documents=["kidal-afp"],
        evidence=[
            ("event_type", "kidal-afp", "entered Kidal"),
            ("actor1", "kidal-afp", "Chadian troops"),
            ("location", "kidal-afp", "Kidal", 1),
            ("event_date", "kidal-afp", "on the same day"),
        ],
    ),
    dict(
        event_id_cnty="MLI6",
        notes=(
            "On 8 February 2013, MUJAO: Movement for Oneness and Jihad in West Africa carried out a "
            "suicide bombing against Military Forces of Mali (2012-2013) in Gao, Mali. 1 person was "
            "reported killed."
        ),
        event_date="2013-02-08",
        event_type="Explosions/Remote violence",
        sub_event_type="Suicide bomb",
        actor1=MUJAO,
        inter1=2,
        actor2=MALI_ARMY,
        inter2=1,
        fatalities=1,
        **_place("Gao", "Gao", 16.2717, -0.0447, 2457163),
        documents=["gao-hostile"],
        evidence=[
            ("event_type", "gao-hostile", "blew himself up"),
            ("actor1", "gao-hostile", "MUJAO"),
            ("location", "gao-hostile", "Gao"),
            ("fatalities", "gao-hostile", "killing only himself"),
            ("notes", "gao-hostile", SCRIPT_PAYLOAD),
            ("notes", "gao-hostile", IMG_PAYLOAD),
        ],
    ),
    dict(
        event_id_cnty="NGA1",
        notes=(
            "On 8 February 2013, Unidentified Armed Group (Nigeria) attacked Civilians (Nigeria) in "
            "Kano, Nigeria. 9 people were reported killed."
        ),
        event_date="2013-02-08",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group (Nigeria)",
        inter1=3,
        actor2="Civilians (Nigeria)",
        inter2=7,
        civilian_targeting="Civilian targeting",
        fatalities=9,
        **_place(
            "Kano", "Kano", 12.0002, 8.5167, 2335204, iso=566, region="Western Africa", country="Nigeria"
        ),
        documents=["kano-premium"],
        evidence=[
            ("event_type", "kano-premium", "shot dead"),
            ("actor1", "kano-premium", "Gunmen on motorcycles"),
            ("actor2", "kano-premium", "nine women"),
            ("fatalities", "kano-premium", "at least nine women"),
            ("location", "kano-premium", "Kano"),
            ("event_date", "kano-premium", "Friday"),
        ],
    ),
    dict(
        event_id_cnty="SYR1",
        notes=(
            "On 12 February 2013, Free Syrian Army took territory from Military Forces of Syria "
            "(2000-2024) near Jarrah airfield (Aleppo), Syria."
        ),
        event_date="2013-02-12",
        event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        actor1="Free Syrian Army",
        inter1=2,
        actor2="Military Forces of Syria (2000-2024)",
        inter2=1,
        fatalities=0,
        **_place(
            "Jarrah airfield",
            "Aleppo",
            36.0967,
            37.9369,
            170063,
            geo_precision=2,
            iso=760,
            region="Middle East",
            country="Syria",
        ),
        documents=["aleppo-bbc"],
        evidence=[
            ("event_type", "aleppo-bbc", "captured"),
            ("actor1", "aleppo-bbc", "Syrian rebels"),
            ("location", "aleppo-bbc", "Jarrah military airfield"),
            ("event_date", "aleppo-bbc", "Tuesday"),
            ("notes", "aleppo-bbc", "coordinated an assault"),
        ],
    ),
    # Reported without a usable place: it belongs in the table, not on the map.
    dict(
        event_id_cnty="MLI7",
        notes=(
            "Around 3 February 2013, Military Forces of France destroyed fuel and ammunition stores of "
            "armed groups in Mali."
        ),
        event_date="2013-02-03",
        event_type="Strategic developments",
        sub_event_type="Other",
        actor1=FRANCE,
        inter1=8,
        fatalities=0,
        time_precision=2,
        **MALI,
        documents=["kidal-guardian"],
        evidence=[("notes", "kidal-guardian", "destroyed fuel and ammunition stores")],
    ),
    # A massacre recalled as background: in the table and on the map, not in the briefing's stories.
    dict(
        event_id_cnty="MLI8",
        notes=(
            "On 24 January 2012, Unidentified Armed Group (Mali) clashed with Military Forces of Mali "
            "(2012-2013) in Aguelhok (Kidal), Mali. 12 people were reported killed."
        ),
        event_date="2012-01-24",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Unidentified Armed Group (Mali)",
        inter1=3,
        actor2=MALI_ARMY,
        inter2=1,
        fatalities=12,
        tags="background report",
        **_place("Aguelhok", "Kidal", 19.4614, 0.8589, 2460954, admin2="Tessalit"),
        documents=["kidal-guardian"],
        evidence=[
            ("event_type", "kidal-guardian", "killed dozens of Malian soldiers"),
            ("fatalities", "kidal-guardian", "dozens of Malian soldiers"),
            ("location", "kidal-guardian", "Aguelhok"),
            ("event_date", "kidal-guardian", "January last year"),
        ],
    ),
]


def paragraphs_of(text: str) -> tuple[Paragraph, ...]:
    out, start = [], 0
    for index, part in enumerate(text.split("\n\n")):
        out.append(Paragraph(index, start, start + len(part)))
        start += len(part) + 2
    return tuple(out)


def articles() -> list[Article]:
    return [
        Article(
            id=key,
            text="\n\n".join(parts),
            published=date.fromisoformat(day),
            source=source,
            title=title,
            url=f"https://news.example/{key}",
            origin="fixture",
            paragraphs=paragraphs_of("\n\n".join(parts)),
        )
        for key, (day, source, title, parts) in ARTICLES.items()
    ]


def _span(texts: dict[str, str], document: str, phrase: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = texts[document].index(phrase, start + 1)
    return Span(document, start, start + len(phrase), phrase)


def events(texts: dict[str, str]) -> list[Event]:
    sources = {key: ARTICLES[key][1] for key in ARTICLES}
    out = []
    for number, spec in enumerate(EVENTS, start=1):
        spec = dict(spec)
        evidence: dict[str, list[Span]] = {}
        for field, document, phrase, *occurrence in spec.pop("evidence"):
            evidence.setdefault(field, []).append(_span(texts, document, phrase, *occurrence))
        documents, disputes = spec.pop("documents"), spec.pop("disputes", [])
        row = {
            "year": int(spec["event_date"][:4]),
            "time_precision": 1,
            "disorder_type": "Political violence",
            "assoc_actor_1": None,
            "assoc_actor_2": None,
            "actor2": None,
            "inter2": None,
            "civilian_targeting": None,
            "admin1": None,
            "admin2": None,
            "admin3": None,
            "location": None,
            "latitude": None,
            "longitude": None,
            "geo_precision": None,
            "geonameid": None,
            "fatalities_low": spec["fatalities"],
            "fatalities_high": spec["fatalities"],
            "tags": None,
            "source": "; ".join(dict.fromkeys(sources[d] for d in documents)),
            "source_scale": "International",
            "timestamp": 1_360_000_000 + number,
            "fingerprint": f"fp{number}",
        } | spec
        sides = sorted(i for i in (row["inter1"], row["inter2"]) if i)
        row["interaction"] = sides[0] * 10 + (sides[1] if len(sides) > 1 else 0)
        out.append(Event(row["event_id_cnty"], [], row, documents, evidence, list(disputes)))
    return out


def build_fixture_db(path: Path) -> Path:
    """Write the fixture articles and events into a new DuckDB file at `path`."""
    with Store(path) as store:
        stored = articles()
        for article in stored:
            store.add_article(
                article,
                f"hash-{article.id}",
                [None] * len(article.paragraphs),
                times=[],
                places=[],
                actors=[],
                event_mentions=[],
            )
        store.replace_events(
            events({a.id: a.text for a in stored}),
            merges=[("MLI9", "MLI1")],
            counters={"MLI": 9, "NGA": 1, "SYR": 1},
            independent={},
        )
    return path

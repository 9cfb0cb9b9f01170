"""The actors stage: named actors, state forces by nationality, generic groups, localization, codes."""

from __future__ import annotations

import json
import time

import pytest

from polybius.actors import ActorDataError, ActorDictionary, find_actors, interaction, localize
from polybius.records import Actor


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture
def actors_in(make_document, dictionary):
    """The (span text, actor) pairs find_actors reports for a text."""

    def run(text: str, **options) -> list[tuple[str, Actor]]:
        document = make_document(text)
        mentions = find_actors(document, dictionary, **options)
        for mention in mentions:  # every span slices the article to its own text
            assert text[mention.span.start : mention.span.end] == mention.span.text
        return [(m.span.text, m.actor) for m in mentions]

    return run


def names(found: list[tuple[str, Actor]]) -> list[str]:
    return [actor.name for _, actor in found]


# -- named actors: aliases and acronyms --------------------------------------------------------------

MUJAO = "MUJAO: Movement for Oneness and Jihad in West Africa"
MNLA = "MNLA: National Movement for the Liberation of Azawad"
AQIM = "AQIM: Al Qaeda in the Islamic Maghreb"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighters of the Movement for Oneness and Jihad in West Africa attacked a checkpoint.", MUJAO),
        ("MUJAO claimed the bombing in a statement.", MUJAO),
        ("The MNLA seized the airport overnight.", MNLA),
        ("The Azawad National Liberation Movement seized the airport.", MNLA),
        ("The National Movement for the Liberation of Azawad seized the airport.", MNLA),
        ("AQIM kidnapped two engineers near the border.", AQIM),
        ("Al-Qaeda in the Islamic Maghreb kidnapped two engineers.", AQIM),
        ("Ansar Dine (Defenders of the Faith) blew up a shrine.", "Ansar Dine"),
        ("The Signatories in Blood claimed the raid on the gas plant.", "Signatories in Blood"),
        ("AFISMA soldiers patrolled the market.", "AFISMA: African-led International Support Mission to Mali"),
        ("A MINUSMA convoy hit a mine.", "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali"),
        ("Operation Serval aircraft struck a depot.", "Military Forces of France"),
        ("Boko Haram militants raided the village at dawn.", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
        ("ISWAP fighters overran the base.", "Islamic State (West Africa)"),
        ("Al-Shabaab claimed the hotel siege.", "Al Shabaab"),
        ("Daesh claimed the bombing of the mosque.", "Islamic State"),
        ("The Kurdish-led SDF took the town from the jihadists.", "SDF: Syrian Democratic Forces"),
        ("Houthi rebels fired a missile at the port.", "Military Forces of Yemen (Houthi)"),
        ("M23 rebels advanced on Goma.", "M23: March 23 Movement"),
        ("The ADF killed villagers near Beni.", "ADF: Allied Democratic Forces"),
        ("FARC dissidents ambushed a patrol.", "FARC: Revolutionary Armed Forces of Colombia"),
        ("The ELN bombed a pipeline.", "ELN: National Liberation Army"),
        ("Taliban fighters stormed the district centre.", "Taliban"),
        ("Hezbollah fired rockets across the border.", "Hezbollah"),
        ("The MILF signed the peace deal in Manila.", "MILF: Moro Islamic Liberation Front"),
        ("Police blamed the 400 Mawozo gang for the kidnapping.", "400 Mawozo"),
        ("Sinaloa Cartel gunmen torched vehicles in Culiacan.", "Sinaloa Cartel"),
        ("The Donetsk People's Republic said its fighters withdrew.", "DPR: Donetsk People's Republic"),
        ("Kataib Hezbollah fired rockets at the base.", "Kataib Hezbollah"),
    ],
)
def test_aliases_and_acronyms_map_to_canonical_names(actors_in, text, expected):
    assert expected in names(actors_in(text))


def test_named_mention_absorbs_its_group_noun(actors_in):
    found = actors_in("Boko Haram militants raided the village.")
    assert found[0][0] == "Boko Haram militants"
    assert len(found) == 1  # "militants" is not a second, unidentified actor


def test_acronyms_match_exact_case_only(actors_in):
    assert names(actors_in("The eln river flooded the valley.")) == []
    assert "ELN: National Liberation Army" in names(actors_in("The ELN bombed a pipeline."))


def test_named_inter_codes(dictionary):
    assert dictionary.named(MUJAO).actor.inter == 2
    assert dictionary.named("MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali").actor.inter == 8
    assert dictionary.named("Military Forces of France").actor == Actor("Military Forces of France", 1, "FR")


# -- state forces by nationality: any country -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "country"),
    [
        ("Nigerian police fired tear gas at the crowd.", "Police Forces of Nigeria", "NG"),
        ("The Syrian army shelled the suburbs.", "Military Forces of Syria", "SY"),
        ("French jets bombed the depot.", "Military Forces of France", "FR"),
        ("French legionnaires cleared the valley.", "Military Forces of France", "FR"),
        ("Chadian forces entered the town.", "Military Forces of Chad", "TD"),
        ("Nigerien troops crossed the border.", "Military Forces of Niger", "NE"),
        ("Malian soldiers set up a checkpoint.", "Military Forces of Mali", "ML"),
        ("Colombian soldiers destroyed a coca lab.", "Military Forces of Colombia", "CO"),
        ("Kenyan police arrested three men.", "Police Forces of Kenya", "KE"),
        ("Ukraine's army retook the village.", "Military Forces of Ukraine", "UA"),
        ("US troops left the base.", "Military Forces of the United States", "US"),
        ("Philippine marines landed on the island.", "Military Forces of the Philippines", "PH"),
        ("Burkinabe gendarmes were ambushed.", "Police Forces of Burkina Faso", "BF"),
        ("The army of Mali retook the town.", "Military Forces of Mali", "ML"),
        ("Troops from Chad arrived in Kidal.", "Military Forces of Chad", "TD"),
        ("South Sudanese soldiers looted the market.", "Military Forces of South Sudan", "SS"),
        # Strikes named by who flew or fired them.
        ("Russian air strikes killed 15 civilians in Idlib.", "Military Forces of Russia", "RU"),
        ("Israeli shelling hit a school in Gaza.", "Military Forces of Israel", "IL"),
        ("Syrian government airstrikes hit the market.", "Military Forces of Syria", "SY"),
    ],
)
def test_nationality_and_force_noun_name_state_forces_of_any_country(actors_in, text, expected, country):
    found = actors_in(text)
    assert (expected, 1, country) in [(a.name, a.inter, a.country) for _, a in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran fired more than a dozen ballistic missiles at two bases.", [("Iran", "Military Forces of Iran")]),
    ("The United States struck a militia in Syria.", [("United States", "Military Forces of the United States")]),
    ("Russia launched drones at Kyiv overnight.", [("Russia", "Military Forces of Russia")]),
    ("France said it would send more soldiers.", []),  # speaking is the government's, not an act of war
])
def test_a_country_that_commits_an_act_of_war_is_its_armed_forces(actors_in, text, expected):
    assert [(span, a.name) for span, a in actors_in(text) if a.inter == 1 and span in {e[0] for e in expected} | {"France"}] \
        == expected


def test_coordinated_nationalities_give_one_actor_each(actors_in):
    found = actors_in("French and Malian troops clashed with the rebels.")
    state = [(span, a.name) for span, a in found if a.inter == 1]
    assert state == [("French and Malian troops", "Military Forces of France"), ("Malian troops", "Military Forces of Mali")]


def test_bare_troops_refer_back_to_the_forces_just_named(actors_in):
    found = actors_in("French troops entered Gao on Saturday. The troops then moved north.")
    assert [a.name for _, a in found] == ["Military Forces of France", "Military Forces of France"]


def test_government_forces_are_the_event_countrys_army(actors_in):
    (span, actor), *_ = actors_in("Government forces shelled the rebel-held district.")
    assert span == "Government forces" and actor == Actor("Military Forces", 1, None)
    assert localize(actor, "SY") == Actor("Military Forces of Syria", 1, "SY")


# -- not firing on persons, posts and places ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "French President Francois Hollande said the fighting was serious.",
        "French Defence Minister Jean-Yves Le Drian spoke on the radio.",
        "A Malian military source confirmed the raid.",
        "An army spokesman denied the report.",
        "Flags flew at half mast in army barracks.",
        "The police station was closed on Sunday.",
    ],
)
def test_no_armed_actor_in_persons_posts_and_places(actors_in, text):
    assert [a for _, a in actors_in(text) if a.inter == 1] == []


def test_government_bodies_only_on_request(actors_in):
    text = "The French defence ministry said in a statement that the raid was over."
    assert actors_in(text) == []
    found = actors_in(text, include_government=True)
    assert [(span, a.name, a.inter, a.country) for span, a in found] == [
        ("French defence ministry", "Government of France", 1, "FR")
    ]


# -- generic groups ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "inter"),
    [
        ("Protesters marched on the parliament.", "Protesters", 6),
        ("Demonstrators blocked the main road.", "Protesters", 6),
        ("Rioters torched the governor's office.", "Rioters", 5),
        ("Villagers fled into the bush.", "Civilians", 7),
        ("Worshippers were leaving the mosque.", "Civilians", 7),
        ("Students were abducted from their dormitory.", "Civilians", 7),
        ("Gunmen stormed the church.", "Unidentified Armed Group", 3),
        ("Insurgents ambushed the convoy.", "Unidentified Armed Group", 3),
        ("A gang abducted 17 missionaries.", "Unidentified Armed Group", 3),
        ("Jihadists attacked the camp.", "Islamist Militia", 3),
        ("Islamist rebels retreated to the mountains.", "Islamist Militia", 3),
        ("Fulani militias attacked the farmers.", "Fulani Ethnic Militia", 4),
    ],
)
def test_generic_groups(actors_in, text, name, inter):
    span, actor = actors_in(text)[0]
    assert actor == Actor(name, inter, None)
    assert span.lower() in text.lower()


@pytest.mark.parametrize(
    "name, unnamed",
    [
        ("Unidentified Armed Group (Mali)", True),
        ("Civilians", True),
        ("Protesters (Syria)", True),
        ("Islamist Militia (Syria)", True),
        ("Military Forces of Mali", False),  # a state's forces are a party of their own
        ("Fulani Ethnic Militia (Mali)", False),  # named by its community
        ("Army of Islam", False),
        ("Boko Haram", False),
    ],
)
def test_unnamed_groups_are_marked_in_the_data_file(name, unnamed):
    from polybius.actors.groups import catalog

    assert catalog().is_unnamed(name) is unnamed


def test_the_first_part_of_a_hyphenated_word_is_no_group(actors_in):
    assert "Unidentified Armed Group" not in names(actors_in("Thousands of women have been raped and many gang-raped."))


def test_qaeda_linked_fighters_are_an_islamist_militia_not_al_qaeda(actors_in):
    for text in (
        "Al Qaeda-linked militants attacked the town.",
        "Qaeda-linked fighters attacked the town.",
        "Militants linked to Al Qaeda attacked the town.",
    ):
        found = actors_in(text)
        assert names(found) == ["Islamist Militia"], text


def test_civilians_of_a_stated_nationality_keep_it(actors_in):
    (_, actor), = actors_in("Seven French hostages were freed.")
    assert actor == Actor("Civilians (France)", 7, "FR")


# -- localize and interaction -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "country", "expected"),
    [
        (Actor("Unidentified Armed Group", 3, None), "ML", Actor("Unidentified Armed Group (Mali)", 3, "ML")),
        (Actor("Islamist Militia", 3, None), "NG", Actor("Islamist Militia (Nigeria)", 3, "NG")),
        (Actor("Civilians", 7, None), "SY", Actor("Civilians (Syria)", 7, "SY")),
        (Actor("Protesters", 6, None), "KE", Actor("Protesters (Kenya)", 6, "KE")),
        (Actor("Rioters", 5, None), "IN", Actor("Rioters (India)", 5, "IN")),
        (Actor("Fulani Ethnic Militia", 4, None), "NG", Actor("Fulani Ethnic Militia (Nigeria)", 4, "NG")),
        (Actor("Police Forces", 1, None), "US", Actor("Police Forces of the United States", 1, "US")),
        # ACLED: state forces active outside their home country are External/Other forces (8).
        (Actor("Military Forces of France", 1, "FR"), "ML", Actor("Military Forces of France", 8, "FR")),
        (Actor("Military Forces of Mali", 1, "ML"), "ML", Actor("Military Forces of Mali", 1, "ML")),
        (Actor("Civilians (France)", 7, "FR"), "ML", Actor("Civilians (France)", 7, "FR")),
        (Actor("Ansar Dine", 2, None), "ML", Actor("Ansar Dine", 2, None)),
    ],
)
def test_localize(actor, country, expected):
    assert localize(actor, country) == expected


def test_localize_without_a_known_country_changes_nothing():
    # A gazetteer may know territories the actor table does not: the run must go on, unlocalized.
    actor = Actor("Civilians", 7, None)
    assert localize(actor, None) is actor
    assert localize(actor, "") is actor
    assert localize(actor, "QQ") is actor
    assert localize(actor, "HK") == Actor("Civilians (Hong Kong)", 7, "HK")


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [(1, 2, 12), (2, 1, 12), (1, None, 10), (None, 3, 30), (8, 2, 28), (7, 8, 78), (1, 1, 11), (None, None, None)],
)
def test_interaction(inter1, inter2, expected):
    assert interaction(inter1, inter2) == expected


def test_interaction_rejects_codes_outside_1_to_8():
    with pytest.raises(ValueError, match="from 1 to 8"):
        interaction(9, 1)


# -- user dictionaries ---------------------------------------------------------------------------------


def test_user_dictionary_adds_actors(tmp_path, make_document):
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[actor]]\nname = "Zone Defence Brigade"\ninter = 3\ncountry = "NG"\n'
        'aliases = ["Zone Defence Brigade"]\nacronyms = ["ZDB"]\n',
        encoding="utf-8",
    )
    dictionary = ActorDictionary.load(extra=[extra])
    mentions = find_actors(make_document("ZDB fighters clashed with bandits near the market."), dictionary)
    assert mentions[0].actor == Actor("Zone Defence Brigade", 3, "NG")
    assert mentions[0].span.text == "ZDB fighters"
    assert str(extra) in dictionary.sources


def test_user_dictionary_in_json_overrides_a_bundled_alias(tmp_path, make_document):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"actor": [{"name": "MUJAO (splinter)", "inter": 2, "acronyms": ["MUJAO"]}]}))
    dictionary = ActorDictionary.load(extra=[extra])
    (mention,) = find_actors(make_document("MUJAO claimed the attack."), dictionary)
    assert mention.actor.name == "MUJAO (splinter)"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[actor]]\nname = "X"\ninter = 9\naliases = ["X band"]\n', "'inter' must be an ACLED inter code"),
        ('[[actor]]\ninter = 2\naliases = ["X band"]\n', "'name' is required"),
        ('[[actor]]\nname = "X"\ninter = 2\n', "at least one entry in 'aliases' or 'acronyms'"),
        ('[[actor]]\nname = "X"\ninter = 2\nalias = ["X band"]\n', "unknown key(s) alias"),
        ('[[actor]]\nname = "X"\ninter = 2\ncountry = "Mali"\naliases = ["X band"]\n', "'country' must be an ISO"),
        ('[[actor]]\nname = "X"\ninter = 2\naliases = "X band"\n', "'aliases' must be a list"),
        ("[[actor]\nname = ", "not valid TOML"),
        ("title = 'no actors here'\n", "expected a non-empty list of actors"),
    ],
)
def test_bad_user_dictionary_names_the_file_and_the_problem(tmp_path, content, message):
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ActorDataError) as raised:
        ActorDictionary.load(extra=[bad])
    assert str(bad) in str(raised.value)
    assert message in str(raised.value)


def test_missing_user_dictionary_is_a_clear_error(tmp_path):
    with pytest.raises(ActorDataError, match="no such actor dictionary file"):
        ActorDictionary.load(extra=[tmp_path / "absent.toml"])


# -- output contract and speed --------------------------------------------------------------------------


def test_mentions_are_sorted_and_name_the_country_they_belong_to(actors_in):
    found = actors_in("Gunmen attacked Nigerian police in Kano, and villagers fled as Chadian troops arrived.")
    assert [span for span, _ in found] == ["Gunmen", "Nigerian police", "villagers", "Chadian troops"]
    assert [a.country for _, a in found] == [None, "NG", None, "TD"]


def test_find_actors_is_cheap(make_document, dictionary):
    paragraph = (
        "French and Malian troops clashed with Islamist rebels near Gao on Tuesday, the ministry said. "
        "MUJAO fighters fired rockets at the positions, and villagers fled the fighting. "
        "Nigerian police arrested protesters in Kano, while gunmen attacked a church in Jos. "
    )
    document = make_document(paragraph * 12)  # ~700 words, a long news article
    find_actors(document, dictionary)  # builds the matchers once
    started = time.perf_counter()
    for _ in range(5):
        find_actors(document, dictionary)
    assert (time.perf_counter() - started) / 5 < 0.020


def test_a_group_linked_to_a_later_name_keeps_a_well_formed_span(make_document):
    document = make_document("She said he had surrendered to fighters allied to the Syrian Democratic Forces (SDF).")
    for mention in find_actors(document, ActorDictionary.load()):
        assert mention.span.start < mention.span.end
        assert document.article.text[mention.span.start:mention.span.end] == mention.span.text


# -- pointing back: "the group", and forces of the body that speaks for them -------------------------

def test_the_group_points_back_to_the_armed_group_named_last(actors_in):
    found = actors_in("Boko Haram fighters raided Bama. The group said it had taken forty hostages.")
    named = dict(found)["Boko Haram fighters"]
    assert ("The group", named) in found


def test_the_group_reaches_back_only_a_few_sentences(actors_in):
    filler = " ".join(["Residents fled to Maiduguri."] * 5)
    found = actors_in(f"Boko Haram fighters raided Bama. {filler} The group said nothing.")
    assert not any(text == "The group" for text, _ in found)


def test_an_unnamed_or_generic_group_is_no_antecedent(actors_in):
    found = actors_in("Gunmen raided Bama. The group fled into the forest.")
    assert not any(text == "The group" for text, _ in found)


def test_a_defence_ministry_gives_its_nationality_to_the_forces_it_reports(actors_in):
    found = actors_in("The British defence ministry said soldiers had come under fire near Basra.")
    assert any(t == "soldiers" and a.country == "GB" for t, a in found)
    plain = actors_in("Officials said soldiers had come under fire near Basra.")
    assert all(a.country is None for t, a in plain if t == "soldiers")


def test_the_rebels_point_back_to_the_one_armed_group_just_named(actors_in):
    text = ("M23 rebels captured the town of Bunagana on Monday. Heavy fighting erupted on Sunday, when government "
            "forces said they had routed the rebels.")
    assert names(actors_in(text))[-1] == "M23: March 23 Movement"
    # Two groups named: "the militants" could be either, so it stays unnamed.
    text = "Boko Haram fighters attacked Konduga. ISWAP fighters raided a base. The militants killed four soldiers."
    assert "Unidentified Armed Group" in names(actors_in(text))
    # Named with another noun, the group is not who "the attackers" are: they are the other side.
    text = "The base was hit at dawn. YPG fighters fought back, killing all the attackers."
    assert names(actors_in(text))[-1] == "Unidentified Armed Group"
    # Without "the", rebels are any rebels.
    assert names(actors_in("M23 rebels took Bunagana. Rebels also attacked Rutshuru."))[-1] == "Unidentified Armed Group"

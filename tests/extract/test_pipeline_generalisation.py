"""Regression tests for how English wire copy reports speech, from many theatres.

Each group is one pattern seen on held-out articles: the act of a neutral cue follows the
content's function; coordinated cues are two statements; "according to" on a clause with
its own cue adds none; unnamed spokespeople speak for the body in focus; wire vocabulary
names event types; no agent the content does not support; the date of a statement comes
from what governs its cue, never from the event inside its content.
"""

from __future__ import annotations

from datetime import date

import pytest

WEDNESDAY = date(2024, 4, 10)


def _claims(extractor, text: str, published: date = WEDNESDAY):
    return extractor.extract(text, published)


def _row(claim) -> tuple:
    agent = claim.event.agent.affiliation if claim.event.agent else None
    return (claim.speaker.affiliation, claim.act.value, claim.event.type.value, agent)


# --- 1. neutral cues: the act is the content's function --------------------------------

NEUTRAL = [
    ("Kyiv is deliberately staging provocations near the plant, the Russian envoy told the "
     "Security Council.", ("RUS", "accuse", "provocation", "UKR")),
    ("Serbia is using the exercises as cover to mass troops, Kosovo's interior minister said.",
     ("XKX", "accuse", "mobilize", "SRB")),
    ("Azerbaijani forces opened fire on Armenian positions near Sotk, Armenia's defence "
     "ministry said.", ("ARM", "accuse", "attack", "AZE")),
    ("“We urge both sides to return to the negotiating table,” the AU envoy said.",
     ("AU", "appeal", "diplomacy", "AU")),
    ("“We call on Thailand to stop shelling our villages,” Cambodia's defence ministry said.",
     ("KHM", "appeal", "attack", "THA")),
    ("“Any further escalation could lead to a catastrophe,” the UN envoy for Sudan said.",
     ("UN", "warn", "other", None)),
    ("“North Korea will pay a heavy price for any provocation,” South Korea's defence "
     "minister said.", ("KOR", "warn", "provocation", "PRK")),
    ("“Our air defences shot down 12 drones over the Kursk region,” Russia's defence ministry "
     "said.", ("RUS", "assert", "attack", "RUS")),
    ("Netanyahu said in a video statement that Israel would continue to strike Hezbollah "
     "everywhere.", ("ISR", "warn", "attack", "ISR")),
    ("India's army chief said his forces would respond with full force to any intrusion.",
     ("IND", "warn", "attack", "IND")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NEUTRAL)
def test_pipeline_neutral_cue_takes_the_contents_act(extractor, text, expected):
    claims = _claims(extractor, text)
    assert [_row(c) for c in claims] == [expected]


def test_pipeline_demonstrative_event_is_the_one_accused_before(extractor):
    text = (
        "Russia accused Ukraine of shelling Belgorod. "
        "“Such reckless shelling endangers civilians,” the ministry said in a statement."
    )
    second = _claims(extractor, text)[1]
    assert (second.act.value, second.event.agent.affiliation) == ("accuse", "UKR")


# --- 2. coordinated cue verbs: two statements, separate contents -------------------------

COORDINATED = [
    ("Lebanon's prime minister accused Israel of violating Lebanese airspace and warned that "
     "the escalation could spread.",
     [("accuse", "Israel of violating Lebanese airspace"),
      ("warn", "the escalation could spread")]),
    ("Armenia's foreign ministry condemned the strike and called on the UN to send observers.",
     [("accuse", "the strike"), ("appeal", "the UN to send observers")]),
    ("Azerbaijan's defence ministry denied the report and said that its units had not opened "
     "fire.", [("deny", "the report"), ("deny", "its units had not opened fire")]),
    ("India's army accused Pakistani troops of firing across the Line of Control and vowed "
     "to respond.", [("accuse", "Pakistani troops of firing across the Line of Control"),
                     ("warn", "to respond")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), COORDINATED)
def test_pipeline_coordinated_cues_give_two_claims(extractor, text, expected):
    claims = _claims(extractor, text)
    assert [(c.act.value, c.content.text) for c in claims] == expected


# --- 3. "according to" on a clause that has its own cue --------------------------------


def test_pipeline_according_to_on_a_cued_clause_adds_no_claim(extractor):
    text = "Hezbollah denied involvement, according to a statement on its television channel."
    claims = _claims(extractor, text)
    assert [(c.speaker.text, c.act.value, c.content.text) for c in claims] == [
        ("Hezbollah", "deny", "involvement")
    ]


def test_pipeline_according_to_without_a_cue_names_the_speaker(extractor):
    text = "According to Sudan's health ministry, the RSF shelled a hospital in El Fasher."
    claims = _claims(extractor, text)
    assert [(c.speaker.affiliation, c.content.text) for c in claims] == [
        ("SDN", "the RSF shelled a hospital in El Fasher")
    ]


# --- 4. unnamed spokespeople ----------------------------------------------------------

GENERIC = [
    ("Pakistan's Foreign Office summoned the Indian envoy, a spokesperson said.", "PAK"),
    ("South Korea's military said North Korean soldiers crossed the line. A military official "
     "said no shots were fired.", "KOR"),
    ("Ukraine's military intelligence agency denied any involvement. A spokesperson for the "
     "agency said Russian forces were staging provocations at the plant.", "UKR"),
    ("An army spokesperson said two soldiers were wounded.", None),  # never a random country
    ("The Russian-installed management of the plant said radiation levels were normal.", "RUS"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "affiliation"), GENERIC)
def test_pipeline_generic_speaker_speaks_for_the_body_in_focus(extractor, text, affiliation):
    claims = _claims(extractor, text)
    assert claims[-1].speaker.affiliation == affiliation


@pytest.mark.parametrize(
    ("text", "speaker", "affiliation"),
    [
        ("BANGKOK (Wire) — Thailand's army accused Cambodian troops of firing rockets.",
         "Thailand's army", "THA"),
        ("Seoul resumes loudspeakers after balloons\nSEOUL (Wire) — South Korea's military "
         "said on Sunday it had resumed broadcasts along the border.",
         "South Korea's military", "KOR"),
        ("KYIV/MOSCOW (Wire) — Russia's defence ministry accused Ukraine of shelling the "
         "plant.", "Russia's defence ministry", "RUS"),
    ],
)  # fmt: skip
def test_pipeline_dateline_is_not_the_speaker(extractor, text, speaker, affiliation):
    (claim,) = _claims(extractor, text)
    assert (claim.speaker.text, claim.speaker.affiliation) == (speaker, affiliation)


def test_pipeline_agent_of_a_hyphenated_build_up(extractor):
    text = "The US said it was concerned about a build-up of Serbian troops near Kosovo."
    (claim,) = _claims(extractor, text)
    assert (claim.act.value, claim.event.type.value, claim.event.agent.affiliation) == (
        "accuse",
        "mobilize",
        "SRB",
    )


# --- 5. event types from wire vocabulary ------------------------------------------------

EVENTS = [
    ("UNIFIL said its peacekeepers had observed launches from north of the Litani.", "attack"),
    ("Sudan's army said the RSF was targeting civilians in Omdurman.", "attack"),
    ("Moscow said Kyiv was deliberately creating the threat of a radiation accident.",
     "provocation"),
    ("Thailand's army said Cambodia was using villages as a shield for its troops.", "mobilize"),
    ("India's foreign ministry said it had summoned Pakistan's chargé d'affaires.", "diplomacy"),
    ("Armenia's foreign ministry said it had lodged a protest with Baku.", "diplomacy"),
    ("Thailand's foreign ministry said it had recalled its ambassador from Phnom Penh.",
     "diplomacy"),
    ("Ukraine's foreign ministry said Moscow had turned the plant into a military base.",
     "mobilize"),
    ("Lebanon's health ministry said two people were wounded.", "casualty"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "event_type"), EVENTS)
def test_pipeline_wire_vocabulary_names_the_event(extractor, text, event_type):
    (claim,) = _claims(extractor, text)
    assert claim.event.type.value == event_type


# --- 6. agents the content supports -----------------------------------------------------


def test_pipeline_no_agent_the_content_does_not_name(extractor):
    text = (
        "Russia accused Ukraine of shelling the Zaporizhzhia plant. The UN secretary-general "
        "warned that further attacks could lead to a nuclear disaster."
    )
    last = _claims(extractor, text)[-1]
    assert (last.speaker.affiliation, last.act.value, last.event.agent) == ("UN", "warn", None)


def test_pipeline_appeal_addressee_is_the_agent(extractor):
    text = "The EU urged Serbia to withdraw its forces from the administrative line."
    (claim,) = _claims(extractor, text)
    assert (claim.act.value, claim.event.type.value, claim.event.agent.affiliation) == (
        "appeal",
        "mobilize",
        "SRB",
    )


# --- 7. the date of a statement ----------------------------------------------------------


def test_pipeline_time_inside_content_dates_the_event_not_the_saying(extractor):
    text = (
        "UNIFIL said its peacekeepers had observed launches on Monday night. "
        "The Lebanese army said it had deployed troops south of the Litani."
    )
    claims = _claims(extractor, text)
    assert [c.stated_on for c in claims] == [WEDNESDAY, WEDNESDAY]
    assert claims[0].event.time.start == date(2024, 4, 8)


def test_pipeline_coordinated_cue_shares_the_day(extractor):
    text = (
        "Russia's defence ministry denied the claim on Sunday and said that Ukrainian drones "
        "had struck the plant."
    )
    claims = _claims(extractor, text)
    assert [c.stated_on for c in claims] == [date(2024, 4, 7), date(2024, 4, 7)]


def test_pipeline_day_after_the_cue_is_not_content(extractor):
    text = "Israel's military said on Tuesday it had struck Hezbollah launchers near Khiam."
    (claim,) = _claims(extractor, text)
    assert claim.content.text == "it had struck Hezbollah launchers near Khiam"
    assert claim.stated_on == date(2024, 4, 9)


def test_pipeline_leading_day_dates_the_statement(extractor):
    text = (
        "On Saturday, Kosovo's police said Serbian gunmen had attacked a patrol near Banjska. "
        "Belgrade denied any role."
    )
    claims = _claims(extractor, text)
    assert [c.stated_on for c in claims] == [date(2024, 4, 6), date(2024, 4, 6)]


def test_pipeline_relative_that_is_no_reference_to_the_last_topic(extractor):
    text = (
        "The IAEA chief said drones had struck the plant. “I call on both sides to refrain "
        "from any action that endangers the plant,” he said."
    )
    last = _claims(extractor, text)[-1]
    assert (last.act.value, last.event.type.value, last.event.agent) == ("appeal", "other", None)


def test_pipeline_fronted_content_loses_its_dateline(extractor):
    text = (
        "KYIV (Wire) — Russia launched a massive missile attack on Ukraine's energy grid "
        "overnight, Ukrainian officials said on Monday."
    )
    (claim,) = _claims(extractor, text)
    assert claim.content.text.startswith("Russia launched")
    assert (claim.act.value, claim.event.agent.affiliation) == ("accuse", "RUS")


def test_pipeline_participle_after_a_reported_clause_is_the_speakers(extractor):
    text = (
        "The IAEA said the strikes had disconnected the plant from its power supply, warning "
        "that the situation remained extremely fragile."
    )
    claims = _claims(extractor, text)
    assert [(c.speaker.text, c.act.value) for c in claims] == [
        ("The IAEA", "assert"),
        ("The IAEA", "warn"),
    ]


def test_pipeline_label_given_to_reported_strikes_is_an_accusation(extractor):
    text = (
        "India said it had struck nine sites in Pakistan, targeting what it called "
        "“terrorist infrastructure”. Pakistan's prime minister called the strikes “a heinous "
        "act of war” and said Pakistan had every right to respond."
    )
    claims = _claims(extractor, text)
    assert [(c.speaker.affiliation, c.act.value) for c in claims] == [
        ("IND", "assert"),  # "what it called …" is a label, not a statement
        ("PAK", "accuse"),
        ("PAK", "warn"),
    ]
    assert claims[1].event.agent.affiliation == "IND"


def test_pipeline_second_that_clause_is_the_same_statement(extractor):
    text = (
        "Pakistan's military spokesman said 26 civilians had been killed, including women and "
        "children, and that Pakistani jets had shot down five Indian aircraft."
    )
    (claim,) = _claims(extractor, text)
    assert claim.content.text.endswith("shot down five Indian aircraft")


@pytest.mark.parametrize(
    ("text", "event_type", "act", "agent"),
    [
        ("Lebanon's health ministry said three people were killed in Israeli strikes on Khiam.",
         "attack", "accuse", "ISR"),
        ("Ukraine's interior ministry said two rescuers were killed by Russian shelling.",
         "attack", "accuse", "RUS"),
        ("Armenia's defence ministry said four soldiers were killed when Azerbaijani forces "
         "opened fire on their positions near Nerkin Hand.",
         "attack", "accuse", "AZE"),
        ("A military official said no soldiers had been wounded in the Israeli strikes.",
         "casualty", "assert", None),
        ("Sudan's health ministry said 40 people had died of cholera in the camps.",
         "casualty", "assert", None),
    ],
)  # fmt: skip
def test_pipeline_casualties_count_as_the_attack_that_caused_them(
    extractor, text, event_type, act, agent
):
    """The gold rule: the most concrete event named counts (attack before casualty); a
    statement that there were no casualties stays about casualties."""
    (claim,) = _claims(extractor, text)
    got = claim.event.agent.affiliation if claim.event.agent else None
    assert (claim.event.type.value, claim.act.value, got) == (event_type, act, agent)


def test_pipeline_relative_pronoun_is_no_content(extractor):
    text = (
        "Kyiv denied any role in the incursions, which were claimed by Russian volunteer "
        "units fighting on Ukraine's side."
    )
    claims = _claims(extractor, text)
    assert [(c.speaker.text, c.act.value) for c in claims] == [("Kyiv", "deny")]


def test_pipeline_the_army_is_the_army_that_just_spoke(extractor):
    text = (
        "Indian army officials said Pakistani troops had opened fire at several posts along "
        "the Line of Control. There were no casualties, the army said."
    )
    assert _claims(extractor, text)[-1].speaker.affiliation == "IND"


def test_pipeline_the_committee_refers_back(extractor):
    text = (
        "Pakistan's National Security Committee said any attempt to divert the water would be "
        "considered an act of war. “Pakistan will respond with full force to any threat,” the "
        "committee said in a statement."
    )
    claims = _claims(extractor, text)
    assert [(c.speaker.affiliation, c.act.value) for c in claims] == [
        ("PAK", "warn"),
        ("PAK", "warn"),
    ]


def test_pipeline_declaring_diplomats_persona_non_grata_is_diplomacy(extractor):
    text = (
        "India's foreign ministry said it had declared Pakistan's defence advisers persona "
        "non grata."
    )
    (claim,) = _claims(extractor, text)
    assert claim.event.type.value == "diplomacy"


def test_pipeline_speaker_with_relative_clause_calls_on(extractor):
    text = (
        "Lebanon's parliament speaker Nabih Berri, who negotiated on behalf of Hezbollah, "
        "called on displaced people to return to their homes."
    )
    (claim,) = _claims(extractor, text)
    assert (claim.speaker.text, claim.act.value) == ("Nabih Berri", "appeal")


def test_pipeline_sudan_said_in_a_statement_that_and_the_army(extractor):
    text = (
        "Sudan's army said on Sunday it had repelled a large RSF attack on El Fasher. "
        "The Rapid Support Forces said in a statement that the army's warplanes had bombed a "
        "market in the city. An army spokesperson said the RSF was shelling a displacement "
        "camp daily."
    )
    claims = _claims(extractor, text)
    assert [_row(c) for c in claims][1:] == [
        (None, "accuse", "attack", "SDN"),  # "said in a statement that …"; "the army" = SDN
        ("SDN", "accuse", "attack", None),  # "an army spokesperson" is not the RSF's
    ]


def test_pipeline_quoted_label_on_the_accusations_is_a_denial(extractor):
    text = (
        "Moscow's envoy to the UN said Ukraine was shelling civilians in Donetsk. Ukraine's "
        'foreign ministry spokesman called the accusations "absurd".'
    )
    last = _claims(extractor, text)[-1]
    assert (last.act.value, last.event.type.value, last.event.agent.affiliation) == (
        "deny",
        "attack",
        "UKR",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armenia's foreign ministry said Azerbaijan had unleashed a large-scale aggression "
         "against the people of Nagorno-Karabakh.", ("ARM", "accuse", "attack", "AZE")),
        ("“Armenia has no troops in Nagorno-Karabakh,” Prime Minister Nikol Pashinyan said.",
         ("ARM", "deny", "mobilize", "ARM")),
        ("Cambodia's prime minister wrote that Cambodia had no choice but to respond with "
         "armed force.", ("KHM", "assert", "attack", "KHM")),
    ],
)  # fmt: skip
def test_pipeline_aggression_and_own_troops(extractor, text, expected):
    (claim,) = _claims(extractor, text)
    assert _row(claim) == expected


def test_pipeline_coordinated_clause_drops_its_trailing_and(extractor):
    text = "Russia urged both sides to stop the bloodshed, and the Kremlin said talks would go on."
    first = _claims(extractor, text)[0]
    assert first.content.text == "both sides to stop the bloodshed"


@pytest.mark.parametrize(
    "text",
    [
        "“The village has always been quiet,” a Greek Cypriot farmer said.",
        "Maya Levin, a security analyst at a Tel Aviv think tank, said nobody knew who would "
        "rule Damascus next month.",
        "A retired Indian general said both sides had been building roads up to the line.",
        "Residents of Paju said they had heard loud bangs near the border late on Saturday.",
        "Local civil society leaders said Rwandan soldiers had crossed into Rutshuru.",
        "Military analysts say the offensive is meant to stretch Ukraine's lines.",
        "A senior Western diplomat in Pristina said the barricades would stay for weeks.",
        "Thitinan Pongsudhirak, a political scientist at Chulalongkorn University in "
        "Bangkok, said both governments were playing to audiences at home.",
    ],
)
def test_pipeline_private_people_speak_for_no_state(extractor, text):
    (claim,) = _claims(extractor, text)
    assert claim.speaker.affiliation is None


def test_pipeline_pronoun_after_a_private_person_is_that_person(extractor):
    text = (
        "Turkey's foreign ministry said the road was a humanitarian project. "
        "“We have waited for this road for years,” said Mehmet, a Turkish Cypriot café owner. "
        "He said nobody wanted to see soldiers fighting over it."
    )
    assert [c.speaker.affiliation for c in _claims(extractor, text)] == ["TUR", None, None]


def test_pipeline_un_aid_workers_still_speak_for_the_un(extractor):
    (claim,) = _claims(extractor, "UN aid workers said the road to Goma had been cut.")
    assert claim.speaker.affiliation == "UN"


def test_pipeline_present_tense_statement_is_made_on_the_day_of_publication(extractor):
    text = (
        "The Russian Defence Ministry says its units continue to repel Ukrainian attacks in "
        "the Sudzha district.\n"
        "The acting governor wrote late yesterday that a Ukrainian drone had hit a block of "
        "flats in Kurchatov."
    )
    claims = extractor.extract(text, date(2024, 8, 8))
    assert [c.stated_on for c in claims] == [date(2024, 8, 8), date(2024, 8, 7)]


def test_pipeline_participle_opening_dates_the_statement(extractor):
    text = (
        "Late on Tuesday, Armenia's defence ministry dismissed the Azerbaijani account.\n"
        "Speaking at a government session this morning, Prime Minister Nikol Pashinyan said "
        "the attack could be an attempt to derail the peace agenda."
    )
    claims = extractor.extract(text, date(2024, 2, 14))
    assert [c.stated_on for c in claims] == [date(2024, 2, 13), date(2024, 2, 14)]


def test_pipeline_capital_framing_the_sentence_gives_the_unnamed_body(extractor):
    text = (
        "Cyprus's government spokesman said the works were illegal. "
        "In Ankara, the foreign ministry accused the peacekeepers of bias."
    )
    claims = extractor.extract(text, date(2023, 8, 19))
    assert [c.speaker.affiliation for c in claims] == ["CYP", "TUR"]


def test_pipeline_relayed_statement_is_the_original_speakers_only(extractor):
    text = (
        "UN Secretary-General António Guterres urged the parties to avoid an escalation, "
        "his spokesman said."
    )
    (claim,) = extractor.extract(text, date(2020, 11, 14))
    assert (claim.speaker.text, claim.act.value) == (
        "UN Secretary-General António Guterres",
        "appeal",
    )


def test_pipeline_dismissal_label_and_participle_hung_inside_the_object(extractor):
    text = (
        "Israel's military on Tuesday dismissed reports that its tanks were advancing towards "
        "Damascus as false, saying its forces remained inside the buffer zone."
    )
    claims = extractor.extract(text, date(2024, 12, 10))
    assert [(c.speaker.text, c.act.value, c.content.text) for c in claims] == [
        ("Israel's military", "deny", "reports that its tanks were advancing towards Damascus"),
        ("Israel's military", "assert", "its forces remained inside the buffer zone"),
    ]


def test_pipeline_dismissed_account_answers_the_accusation(extractor):
    text = (
        "Azerbaijan's State Border Service said Armenian troops had shot at its post near "
        "Nerkin Hand. Armenia's Defence Ministry dismissed the Azerbaijani account."
    )
    deny = extractor.extract(text, date(2024, 2, 13))[-1]
    assert (deny.act.value, deny.event.type.value, deny.responds_to) == ("deny", "attack", "c1")
    assert [a.affiliation for a in deny.event.agents] == ["ARM"]


def test_pipeline_abbreviation_defined_in_the_text_is_that_body(extractor):
    text = (
        "Georgia’s State Security Service (SSS) said a man was shot near Kvemo Nikozi. "
        "Later, the SSS said Russian troops had put up new barbed-wire fencing near Khurvaleti."
    )
    claims = extractor.extract(text, date(2023, 11, 7))
    assert [(c.speaker.affiliation, c.act.value) for c in claims][-1] == ("GEO", "accuse")


def test_pipeline_the_attack_already_reported_keeps_its_doer(extractor):
    text = (
        "Armenia's defence ministry said Azerbaijani forces opened fire on its positions near "
        "Nerkin Hand. Prime Minister Nikol Pashinyan said the attack could be an attempt to "
        "derail the peace agenda."
    )
    last = extractor.extract(text, date(2024, 2, 14))[-1]
    assert (last.act.value, last.event.type.value) == ("accuse", "attack")
    assert [a.affiliation for a in last.event.agents] == ["AZE"]


def test_pipeline_report_of_an_incident_is_made_the_day_it_names(extractor):
    text = (
        "Three UN peacekeepers were lightly injured on Friday when workers forced their way "
        "through a line of blue helmets near Pyla, the United Nations said."
    )
    (claim,) = extractor.extract(text, date(2023, 8, 19))  # a Saturday
    assert claim.stated_on == date(2023, 8, 18)


def test_pipeline_report_with_its_own_day_keeps_it(extractor):
    text = (
        "Three UN peacekeepers were lightly injured on Friday near Pyla, the United Nations "
        "said on Saturday."
    )
    (claim,) = extractor.extract(text, date(2023, 8, 20))
    assert claim.stated_on == date(2023, 8, 19)


def test_pipeline_condemned_strikes_are_the_ones_the_story_is_about(extractor):
    text = (
        "Ukrainian officials said Russian forces launched a massive missile attack on the "
        "energy grid overnight. Russia's Defence Ministry said its forces had struck energy "
        "facilities. The governor of Volgograd said Ukrainian drones struck a refinery. "
        "NATO Secretary-General Mark Rutte condemned the strikes as reckless."
    )
    last = extractor.extract(text, date(2024, 8, 26))[-1]
    assert (last.act.value, [a.affiliation for a in last.event.agents]) == ("accuse", ["RUS"])


def test_pipeline_local_official_of_the_region_the_sentence_names(extractor):
    text = (
        "Ukrainian drones struck an oil refinery in Russia's Volgograd region, according to "
        "the regional governor, Andrei Bocharov."
    )
    (claim,) = extractor.extract(text, date(2024, 8, 26))
    assert (claim.speaker.affiliation, claim.act.value) == ("RUS", "accuse")


def test_pipeline_since_a_day_is_no_day_of_saying(extractor):
    text = (
        "At least 60 people have been killed on both sides since India's strikes of 7 May, "
        "according to official tallies.\n"
        "Pakistan's Foreign Ministry said Pakistan remained committed to the ceasefire."
    )
    claims = extractor.extract(text, date(2025, 5, 10))
    assert [c.stated_on for c in claims] == [date(2025, 5, 10), date(2025, 5, 10)]


@pytest.mark.parametrize(
    ("text", "affiliation"),
    [
        ("SEOUL, June 2 (Reuters) - North Korea flew more balloons across the border.\n"
         "“This threatens our people,” Defence Minister Arno Velt told reporters.", "KOR"),
        ("Ministry of the Interior\nPress release\n\nWarsaw, 16 November 2021\n\n"
         "Deputy Minister Maciej Wąsik said the border had been sealed.", "POL"),
        ("Villagers near the border heard blasts overnight.\n"
         "Defence Minister Arno Velt said the army was on alert.", None),
    ],
)  # fmt: skip
def test_pipeline_titled_official_without_a_country_is_of_the_home_state(
    extractor, text, affiliation
):
    last = extractor.extract(text, date(2024, 6, 2))[-1]
    assert last.speaker.affiliation == affiliation


def test_pipeline_press_release_official_then_he_and_surname(extractor):
    text = (
        "Arab Republic of Egypt\nState Information Service\nPRESS RELEASE\n\n"
        "Cairo, 22 January 2024\n\n"
        "Diaa Rashwan, head of the State Information Service (SIS), affirmed on Monday that "
        "Egypt has full control over its borders with the Gaza Strip. He said Egypt rejected "
        "the claims. Rashwan stressed that Israel was using these claims as a pretext."
    )
    claims = extractor.extract(text, date(2024, 1, 22))
    assert [c.speaker.affiliation for c in claims] == ["EGY", "EGY", "EGY"]


def test_pipeline_press_release_ministry_is_the_issuers(extractor):
    text = (
        "REPUBLIC OF KENYA\nMINISTRY OF INTERIOR AND NATIONAL ADMINISTRATION\n"
        "STATE DEPARTMENT FOR INTERNAL SECURITY\n\nPRESS STATEMENT\n\nNairobi, 11th March 2025\n\n"
        "1. The Ministry of Interior and National Administration confirms that five officers "
        "were killed when their vehicle struck an explosive device.\n"
        "2. The Ministry condemns this cowardly act in the strongest terms."
    )
    claims = extractor.extract(text, date(2025, 3, 11))
    assert [c.speaker.affiliation for c in claims] == ["KEN", "KEN"]


def test_pipeline_flashback_statement_does_not_move_the_story_day(extractor):
    text = (
        "DUBAI, Jan 12 (Reuters) - U.S. and British warships struck Houthi sites overnight, "
        "the U.S. military said on Friday.\n"
        "President Joe Biden said in a statement late on Thursday that he had ordered the "
        "strikes.\n"
        "Later, a U.S. official said the strikes had hit radar sites in Hodeidah."
    )
    claims = extractor.extract(text, date(2024, 1, 12))
    assert [c.stated_on for c in claims] == [
        date(2024, 1, 12),
        date(2024, 1, 11),
        date(2024, 1, 12),
    ]


def test_pipeline_said_monday_after_a_long_clause_keeps_its_speaker(extractor):
    text = (
        "TBILISI, Georgia (AP) — Russian border guards detained two Georgian men near the "
        "Enguri River, which separates Georgian-controlled territory from the Russia-backed "
        "breakaway region of Abkhazia, Georgia's State Security Service said Monday."
    )
    (claim,) = extractor.extract(text, date(2024, 2, 20))
    assert (claim.speaker.text, claim.speaker.affiliation) == (
        "Georgia's State Security Service",
        "GEO",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Transnistrian security service said a drone had hit a military unit in Tiraspol.",
        "Danish shipping group Maersk confirmed that one of its vessels had been attacked.",
        "The Abkhaz side said the men had crossed the boundary illegally.",
    ],
)
def test_pipeline_de_facto_authorities_and_companies_speak_for_no_state(extractor, text):
    (claim,) = extractor.extract(text, date(2024, 3, 18))
    assert claim.speaker.affiliation is None


def test_pipeline_a_diplomat_of_a_state_still_speaks_for_it(extractor):
    (claim,) = extractor.extract(
        "A Russian diplomat said Moscow would respond to the expulsions.", date(2024, 3, 18)
    )
    assert claim.speaker.affiliation == "RUS"


def test_pipeline_markers_read_through_quotation_marks(extractor):
    text = (
        "Serbian President Aleksandar Vučić told reporters that Serbia had “nothing to do” "
        "with the organisation of the Banjska attack."
    )
    (claim,) = extractor.extract(text, date(2024, 9, 24))
    assert claim.act.value == "deny"

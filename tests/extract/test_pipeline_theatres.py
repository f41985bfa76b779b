"""Sentences of our own from many theatres: speaker, act, event, agent, negation, span.

None of these comes from the dev document; they check that the rules generalise.
"""

from __future__ import annotations

from datetime import date

import pytest

from watchline.domain import Act, EventType

PUBLISHED = date(2024, 4, 2)  # a Tuesday

# text, speaker affiliation, act, event type, agent affiliation(s), negated, content
CASES = [
    ("Ukraine’s General Staff said Russian troops shelled Kharkiv overnight.",
     "UKR", Act.ACCUSE, EventType.ATTACK, ["RUS"], False,
     "Russian troops shelled Kharkiv overnight"),
    ("“We did not open fire on any Ukrainian positions,” the Russian Defence Ministry told "
     "reporters on Monday.",
     "RUS", Act.DENY, EventType.ATTACK, ["RUS"], True,
     "We did not open fire on any Ukrainian positions"),
    ("Kyiv dismissed the claims as Russian propaganda.",
     "UKR", Act.DENY, EventType.OTHER, [], True, "the claims"),
    ("The Israeli military said Hezbollah fired rockets at northern Israel on Sunday.",
     "ISR", Act.ACCUSE, EventType.ATTACK, [None], False,
     "Hezbollah fired rockets at northern Israel on Sunday"),
    ("Hezbollah denied firing rockets at Israel.",
     None, Act.DENY, EventType.ATTACK, [None], True, "firing rockets at Israel"),
    ("UNIFIL called on both sides to exercise restraint along the Blue Line.",
     "UN", Act.APPEAL, EventType.OTHER, [], False,
     "both sides to exercise restraint along the Blue Line"),
    ("According to the Indian Army, Pakistani troops opened fire along the Line of Control "
     "in Poonch.",
     "IND", Act.ACCUSE, EventType.ATTACK, ["PAK"], False,
     "Pakistani troops opened fire along the Line of Control in Poonch"),
    ("Pakistan’s military accused India of violating the ceasefire agreement along the Line "
     "of Control.",
     "PAK", Act.ACCUSE, EventType.ATTACK, ["IND"], False,
     "India of violating the ceasefire agreement along the Line of Control"),
    ("Pristina accused Serbia of massing troops near the border with Kosovo.",
     "XKX", Act.ACCUSE, EventType.MOBILIZE, ["SRB"], False,
     "Serbia of massing troops near the border with Kosovo"),
    ("KFOR confirmed that no unusual military activity had been observed in northern Kosovo.",
     "NATO", Act.CONFIRM, EventType.MOBILIZE, [], True,
     "no unusual military activity had been observed in northern Kosovo"),
    ("South Korea’s Joint Chiefs of Staff said North Korean soldiers crossed the Military "
     "Demarcation Line on Tuesday.",
     "KOR", Act.ACCUSE, EventType.MOBILIZE, ["PRK"], False,
     "North Korean soldiers crossed the Military Demarcation Line on Tuesday"),
    ("The Sudanese army accused the RSF of killing dozens of civilians in El Fasher.",
     "SDN", Act.ACCUSE, EventType.CASUALTY, [None], False,
     "the RSF of killing dozens of civilians in El Fasher"),
    ("Russia and Ukraine agreed to hold talks in Istanbul, the Turkish foreign ministry said.",
     "TUR", Act.ASSERT, EventType.DIPLOMACY, ["RUS", "UKR"], False,
     "Russia and Ukraine agreed to hold talks in Istanbul"),
    ("Azerbaijan’s State Border Service said Armenian units were digging trenches near Tegh.",
     "AZE", Act.ACCUSE, EventType.FORTIFY, ["ARM"], False,
     "Armenian units were digging trenches near Tegh"),
    ("The Armenian Defence Ministry said the troops were taking part in a planned exercise.",
     "ARM", Act.ASSERT, EventType.EXERCISE, ["ARM"], False,
     "the troops were taking part in a planned exercise"),
    ("Ukraine said Russia was preparing provocations at the plant.",
     "UKR", Act.ACCUSE, EventType.PROVOCATION, ["RUS"], False,
     "Russia was preparing provocations at the plant"),
    ("North Korea warned that it would respond to any incursion with overwhelming force.",
     "PRK", Act.WARN, EventType.ATTACK, ["PRK"], False,
     "it would respond to any incursion with overwhelming force"),
    ("Israel’s foreign minister urged the UN to disarm Hezbollah in southern Lebanon.",
     "ISR", Act.APPEAL, EventType.OTHER, [], False,  # an `other` event has no doer (dev gold)
     "the UN to disarm Hezbollah in southern Lebanon"),
    ("Hamas claimed responsibility for the rocket attack on Ashkelon.",
     None, Act.ASSERT, EventType.ATTACK, [None], False,
     "responsibility for the rocket attack on Ashkelon"),
    ("Lebanon’s health ministry reported that three people were killed in the strike.",
     "LBN", Act.ASSERT, EventType.ATTACK, [], False, "three people were killed in the strike"),
    ("A spokesperson for the Indian Army said the situation along the LoC remained calm.",
     "IND", Act.ASSERT, EventType.OTHER, [], False, "the situation along the LoC remained calm"),
    ("Pakistan was accused by India of sheltering militants who carried out the attack.",
     "IND", Act.ACCUSE, EventType.ATTACK, ["PAK"], False,
     "Pakistan was accused by India of sheltering militants who carried out the attack"),
    ("Kosovo Prime Minister Albin Kurti told parliament that Serbia was behind the attack in "
     "Banjska.",
     "XKX", Act.ACCUSE, EventType.ATTACK, ["SRB"], False,
     "Serbia was behind the attack in Banjska"),
    ("Seoul’s defence ministry said it had not detected any unusual activity along the border.",
     "KOR", Act.ASSERT, EventType.MOBILIZE, [], True,
     "it had not detected any unusual activity along the border"),
    ("Moscow warned Kyiv against any attempt to attack the Crimean Bridge.",
     "RUS", Act.WARN, EventType.ATTACK, ["UKR"], False,
     "Kyiv against any attempt to attack the Crimean Bridge"),
    ("Azerbaijani Foreign Ministry spokesperson Aykhan Hajizade said: “Armenia continues its "
     "provocations on the border.”",
     "AZE", Act.ACCUSE, EventType.PROVOCATION, ["ARM"], False,
     "Armenia continues its provocations on the border"),
    ("According to Ukrainian officials, Russian forces launched 40 missiles at Kyiv on Friday "
     "night.",
     "UKR", Act.ACCUSE, EventType.ATTACK, ["RUS"], False,
     "Russian forces launched 40 missiles at Kyiv on Friday night"),
    ("The Armenian side described the reports as disinformation.",
     "ARM", Act.DENY, EventType.DISINFORMATION, [], True, "the reports as disinformation"),
    ("Ukraine’s military intelligence warned of a possible Russian provocation at the nuclear "
     "plant.",
     "UKR", Act.WARN, EventType.PROVOCATION, ["RUS"], False,
     "a possible Russian provocation at the nuclear plant"),
    ("Seoul warned against any provocation by North Korean troops.",
     "KOR", Act.WARN, EventType.PROVOCATION, ["PRK"], False,
     "any provocation by North Korean troops"),
    ("Ukraine’s General Staff said on Telegram:\n“Russian troops shelled Nikopol twice "
     "overnight.”",
     "UKR", Act.ACCUSE, EventType.ATTACK, ["RUS"], False,
     "Russian troops shelled Nikopol twice overnight"),
    ("In an interview with Reuters, Pakistan’s foreign minister said India had violated the "
     "ceasefire.",
     "PAK", Act.ACCUSE, EventType.ATTACK, ["IND"], False, "India had violated the ceasefire"),
    ("Reuters reported that Ukrainian drones had struck an oil depot in Bryansk.",
     None, Act.ASSERT, EventType.ATTACK, ["UKR"], False,
     "Ukrainian drones had struck an oil depot in Bryansk"),
    ("Ukraine’s army released a video showing Russian tanks entering the town.",
     "UKR", Act.ACCUSE, EventType.MOBILIZE, ["RUS"], False, "Russian tanks entering the town"),
    ("Israel’s military issued a statement saying that Hezbollah had fired anti-tank missiles "
     "at Metula.",
     "ISR", Act.ACCUSE, EventType.ATTACK, [None], False,
     "Hezbollah had fired anti-tank missiles at Metula"),
    ("UNIFIL called for calm along the Blue Line.",
     "UN", Act.APPEAL, EventType.OTHER, [], False, "calm along the Blue Line"),
    ("The OSCE chairperson appealed for restraint.",
     "OSCE", Act.APPEAL, EventType.OTHER, [], False, "restraint"),
    ("Russia’s claim that Ukrainian drones had hit the plant was rejected by the IAEA.",
     "UN", Act.DENY, EventType.ATTACK, ["UKR"], True,
     "Russia’s claim that Ukrainian drones had hit the plant"),
    ("Baku said the reports of shelling near Lachin were false.",
     "AZE", Act.DENY, EventType.ATTACK, [], True,
     "the reports of shelling near Lachin were false"),
    ("Ukraine said Russia spreads lies about the attack.",
     "UKR", Act.ACCUSE, EventType.DISINFORMATION, ["RUS"], False,
     "Russia spreads lies about the attack"),
    ("OSCE monitors recorded 45 ceasefire violations in the Donetsk region on Saturday, the "
     "mission said.",
     "OSCE", Act.ASSERT, EventType.ATTACK, [], False,
     "OSCE monitors recorded 45 ceasefire violations in the Donetsk region on Saturday"),
    ("SEOUL, June 2 (Reuters) - North Korean troops crossed the Military Demarcation Line "
     "overnight, South Korea's Joint Chiefs of Staff said on Sunday.",
     "KOR", Act.ACCUSE, EventType.MOBILIZE, ["PRK"], False,
     "North Korean troops crossed the Military Demarcation Line overnight"),
    ("NEW DELHI, India, Sept. 14, 2024 (AP) — Pakistani troops shelled Indian posts in Kupwara, "
     "the Indian Army said.",
     "IND", Act.ACCUSE, EventType.ATTACK, ["PAK"], False,
     "Pakistani troops shelled Indian posts in Kupwara"),
    ("Georgia's State Security Service said Russian troops had put up new barbed-wire fencing "
     "near Khurvaleti.",
     "GEO", Act.ACCUSE, EventType.FORTIFY, ["RUS"], False,
     "Russian troops had put up new barbed-wire fencing near Khurvaleti"),
    ("Kinshasa said Rwandan troops had crossed into Rutshuru territory.",
     "COD", Act.ACCUSE, EventType.MOBILIZE, ["RWA"], False,
     "Rwandan troops had crossed into Rutshuru territory"),
    ("Azerbaijan's State Border Service said every provocation would be answered with the "
     "harshest response.",
     "AZE", Act.WARN, EventType.PROVOCATION, [], False,
     "every provocation would be answered with the harshest response"),
    ("Kigali said the fighting near Goma posed a serious threat to regional security.",
     "RWA", Act.WARN, EventType.ATTACK, [], False,
     "the fighting near Goma posed a serious threat to regional security"),
    ("Pakistan's military said militants attacked a checkpoint in North Waziristan.",
     "PAK", Act.ACCUSE, EventType.ATTACK, [None], False,
     "militants attacked a checkpoint in North Waziristan"),
    ("Serbian President Aleksandar Vucic said the gunmen were local Serbs acting on their own.",
     "SRB", Act.ASSERT, EventType.ATTACK, [], False,
     "the gunmen were local Serbs acting on their own"),
    ("Brazil's defence ministry said it had stepped up its military presence in Roraima.",
     "BRA", Act.ASSERT, EventType.MOBILIZE, ["BRA"], False,
     "it had stepped up its military presence in Roraima"),
    ("Ukraine's General Staff said troops shelled Kharkiv overnight.",
     "UKR", Act.ASSERT, EventType.ATTACK, [], False, "troops shelled Kharkiv overnight"),
    ("The Kremlin said on Monday that talk of Russian troops massing near the Finnish border "
     "was complete nonsense.",
     "RUS", Act.DENY, EventType.MOBILIZE, ["RUS"], True,
     "talk of Russian troops massing near the Finnish border was complete nonsense"),
    ("The Philippine Coast Guard accused Chinese vessels of firing water cannon at a resupply "
     "boat near Second Thomas Shoal.",
     "PHL", Act.ACCUSE, EventType.ATTACK, ["CHN"], False,
     "Chinese vessels of firing water cannon at a resupply boat near Second Thomas Shoal"),
    ("South Korea's military said North Korea had been jamming GPS signals near the western "
     "border islands.",
     "KOR", Act.ACCUSE, EventType.PROVOCATION, ["PRK"], False,
     "North Korea had been jamming GPS signals near the western border islands"),
    ("UNISFA said armed men had attacked a village in Abyei.",
     "UN", Act.ACCUSE, EventType.ATTACK, [None], False,
     "armed men had attacked a village in Abyei"),
    ("Thailand's army said it had sent F-16 jets to strike Cambodian military targets.",
     "THA", Act.ASSERT, EventType.ATTACK, ["THA"], False,
     "it had sent F-16 jets to strike Cambodian military targets"),
    ("Cambodia's defence ministry accused Thailand of dropping cluster munitions on Cambodian "
     "territory.",
     "KHM", Act.ACCUSE, EventType.ATTACK, ["THA"], False,
     "Thailand of dropping cluster munitions on Cambodian territory"),
    ("“UNISFA strongly condemns this heinous attack and calls on the Government of South Sudan "
     "to investigate it,” the mission said.",
     "UN", Act.APPEAL, EventType.ATTACK, [], False,
     "UNISFA strongly condemns this heinous attack and calls on the Government of South Sudan "
     "to investigate it"),
    ("Dujarric said attacks against UN peacekeepers may constitute war crimes.",
     "UN", Act.WARN, EventType.ATTACK, [], False,
     "attacks against UN peacekeepers may constitute war crimes"),
    ("Thai officials said Cambodian BM-21 rockets had hit the petrol station.",
     "THA", Act.ACCUSE, EventType.ATTACK, ["KHM"], False,
     "Cambodian BM-21 rockets had hit the petrol station"),
    ("Armenia's defence ministry said the Azerbaijani shelling had not stopped.",
     "ARM", Act.ACCUSE, EventType.ATTACK, ["AZE"], False,
     "the Azerbaijani shelling had not stopped"),
    ("SDF commander Mazloum Abdi said his forces were not involved in any way in the Ankara "
     "attack.",
     None, Act.DENY, EventType.ATTACK, [], True,
     "his forces were not involved in any way in the Ankara attack"),
    ("Turkey's defence ministry said its operations would continue until the last terrorist "
     "was eliminated.",
     "TUR", Act.WARN, EventType.ATTACK, ["TUR"], False,
     "its operations would continue until the last terrorist was eliminated"),
    ("The Philippine military said Chinese coast guard personnel had boarded its boats near "
     "the shoal.",
     "PHL", Act.ACCUSE, EventType.ATTACK, ["CHN"], False,
     "Chinese coast guard personnel had boarded its boats near the shoal"),
    ("Georgia's foreign ministry said it had raised the issue with its international partners.",
     "GEO", Act.ASSERT, EventType.DIPLOMACY, ["GEO"], False,
     "it had raised the issue with its international partners"),
    ("Azerbaijan's defence ministry said its units were returning fire.",
     "AZE", Act.ASSERT, EventType.ATTACK, ["AZE"], False, "its units were returning fire"),
    ("China's coast guard said its personnel had boarded the vessels in line with the law.",
     "CHN", Act.ASSERT, EventType.ATTACK, ["CHN"], False,
     "its personnel had boarded the vessels in line with the law"),
    ("Kyiv said Russia was assembling a force of tens of thousands of troops near Belgorod.",
     "UKR", Act.ACCUSE, EventType.MOBILIZE, ["RUS"], False,
     "Russia was assembling a force of tens of thousands of troops near Belgorod"),
    ("Manila said the Chinese actions were aggressive and illegal.",
     "PHL", Act.ACCUSE, EventType.ATTACK, ["CHN"], False,
     "the Chinese actions were aggressive and illegal"),
    ("Beijing said the disengagement at Depsang and Demchok had been completed.",
     "CHN", Act.ASSERT, EventType.MOBILIZE, [], False,
     "the disengagement at Depsang and Demchok had been completed"),
    ("Khartoum said the RSF was preparing a massacre in El Fasher.",
     "SDN", Act.ACCUSE, EventType.ATTACK, [None], False,
     "the RSF was preparing a massacre in El Fasher"),
    ("Yerevan said the delimitation would strengthen Armenia's security.",
     "ARM", Act.ASSERT, EventType.DIPLOMACY, ["ARM"], False,
     "the delimitation would strengthen Armenia's security"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "affiliation", "act", "event_type", "agents", "negated", "content"), CASES
)
def test_pipeline_reads_statements_from_many_theatres(
    extractor, text, affiliation, act, event_type, agents, negated, content
):
    claims = extractor.extract(text, PUBLISHED)
    assert len(claims) == 1, [c.content.text for c in claims]
    claim = claims[0]
    assert claim.speaker.affiliation == affiliation
    assert claim.act is act
    assert claim.event.type is event_type
    assert [a.affiliation for a in claim.event.agents][: len(agents) or None] == agents
    assert claim.event.negated is negated
    assert claim.content.text == content
    assert text[claim.content.start : claim.content.end] == content
    assert text[claim.speaker.start : claim.speaker.end] == claim.speaker.text


def test_pipeline_resolves_pronoun_and_definite_speakers(extractor):
    text = (
        "On Monday, Azerbaijan’s Ministry of Defence accused Armenia of shelling its positions "
        "near Kalbajar.\n"
        "It also said Armenian units were building new fortifications.\n"
        "The ministry added that two soldiers were wounded."
    )
    claims = extractor.extract(text, PUBLISHED)
    assert [c.speaker.affiliation for c in claims] == ["AZE", "AZE", "AZE"]
    assert [c.event.type for c in claims] == [
        EventType.ATTACK,
        EventType.FORTIFY,
        EventType.CASUALTY,
    ]
    assert {c.stated_on for c in claims} == {date(2024, 4, 1)}
    assert [c.id for c in claims] == ["c1", "c2", "c3"]


def test_pipeline_denial_answers_the_accusation(extractor):
    text = (
        "Serbia’s defence ministry accused Kosovo of deploying special police units to the "
        "north.\n"
        "Pristina rejected the accusations on Wednesday."
    )
    claims = extractor.extract(text, date(2024, 4, 4))
    deny = claims[-1]
    assert deny.act is Act.DENY
    assert deny.responds_to == claims[0].id
    assert deny.event.type is EventType.MOBILIZE
    assert deny.event.negated is True
    assert deny.stated_on == date(2024, 4, 3)


def test_pipeline_quote_over_several_sentences(extractor):
    text = (
        "“The enemy shelled Zaporizhzhia twice. Three civilians were wounded,” the regional "
        "governor wrote on Telegram."
    )
    (claim,) = extractor.extract(text, PUBLISHED)
    assert claim.direct_quote is True
    assert claim.content.text.startswith("The enemy shelled Zaporizhzhia twice.")
    assert claim.content.text.endswith("Three civilians were wounded")
    assert claim.event.type is EventType.ATTACK


def test_pipeline_quote_after_a_quoted_statement_keeps_its_speaker(extractor):
    text = (
        "“There were no casualties,” said Colonel Maria Petrova, a spokesperson for the "
        "Ukrainian army. “Our units repelled the attack.”"
    )
    first, second = extractor.extract(text, PUBLISHED)
    assert first.event.type is EventType.CASUALTY and first.event.negated is True
    assert second.content.text == "Our units repelled the attack"
    assert second.speaker.affiliation == "UKR" and second.direct_quote is True
    assert [a.affiliation for a in second.event.agents] == ["UKR"]


def test_pipeline_participle_after_a_statement_is_its_own_claim(extractor):
    text = (
        "The Israel Defense Forces said it had struck Hezbollah targets in southern Lebanon "
        "overnight, adding that no Israeli soldiers were hurt."
    )
    struck, hurt = extractor.extract(text, PUBLISHED)
    assert struck.content.text == "it had struck Hezbollah targets in southern Lebanon overnight"
    assert [a.affiliation for a in struck.event.agents] == ["ISR"]
    assert (hurt.speaker.affiliation, hurt.event.type, hurt.event.negated) == (
        "ISR",
        EventType.CASUALTY,
        True,
    )


def test_pipeline_embedded_post_is_a_statement_of_its_author(extractor):
    text = (
        "The mission later posted on X.\n"
        "Our patrols saw no military movements along the Blue Line today.\n"
        "— UNIFIL (@UNIFIL_) April 1, 2024\n"
    )
    claims = extractor.extract(text, PUBLISHED)
    post = [c for c in claims if "patrols" in c.content.text]
    assert len(post) == 1
    assert post[0].speaker.text == "UNIFIL (@UNIFIL_)"
    assert post[0].speaker.affiliation == "UN"
    assert post[0].stated_on == date(2024, 4, 1)
    assert post[0].event.negated is True


@pytest.mark.parametrize(
    "text",
    [
        "Tensions rose along the border last week. Shops in Goris stayed open on Sunday.",
        "The attack claimed twelve lives in the village.",
        "The group did not say whether anyone was hurt.",
        "No casualties were reported.",
        "Russia says it repelled attack near Kupiansk\nThe fighting continued on Monday.",
    ],
)
def test_pipeline_narration_is_not_a_claim(extractor, text):
    assert extractor.extract(text, PUBLISHED) == []


def test_pipeline_dismissed_claims_are_the_event_they_reported(extractor):
    """'dismissed the claims as propaganda': the label is the saying, the content is the
    claims, and the claims are the attack reported before."""
    text = (
        "Russia's defence ministry said Ukrainian drones struck a depot in Belgorod. "
        "Kyiv dismissed the claims as Russian propaganda on Thursday."
    )
    claims = extractor.extract(text, date(2024, 4, 5))
    deny = claims[-1]
    assert (deny.act, deny.content.text, deny.event.type) == (
        Act.DENY,
        "the claims",
        EventType.ATTACK,
    )
    assert [a.affiliation for a in deny.event.agents] == ["UKR"]
    assert deny.stated_on == date(2024, 4, 4)


def test_pipeline_non_state_armed_groups_of_many_theatres(extractor):
    text = (
        "Colombia's defence minister said ELN guerrillas had attacked an army base in Arauca. "
        "Myanmar's junta said the Arakan Army had shelled a police post in Maungdaw. "
        "Pakistan's military said the Balochistan Liberation Army had attacked a train."
    )
    claims = extractor.extract(text, PUBLISHED)
    assert [(c.act, c.event.agent.actor_id if c.event.agent else None) for c in claims] == [
        (Act.ACCUSE, "eln"),
        (Act.ACCUSE, "arakan_army"),
        (Act.ACCUSE, "bla"),
    ]


def test_pipeline_appeal_with_an_infinitive_parsed_as_adverbial(extractor):
    text = (
        "UNHCR said it had received reports of new arrivals along the Naf river, and called on "
        "Bangladesh to keep its border open to people fleeing the violence."
    )
    appeal = extractor.extract(text, PUBLISHED)[-1]
    assert (appeal.act, appeal.content.text) == (
        Act.APPEAL,
        "Bangladesh to keep its border open to people fleeing the violence",
    )


def test_pipeline_adding_after_two_that_clauses_is_a_second_statement(extractor):
    text = (
        "Ukraine's General Staff said that fighting was continuing around the villages and "
        "that Ukrainian units were holding back Russian assault groups, adding that Russian "
        "forces had carried out 24 attacks in the Kharkiv sector."
    )
    claims = extractor.extract(text, PUBLISHED)
    assert [(c.speaker.affiliation, c.cue.text, c.act) for c in claims] == [
        ("UKR", "said", Act.ASSERT),
        ("UKR", "adding", Act.ACCUSE),
    ]

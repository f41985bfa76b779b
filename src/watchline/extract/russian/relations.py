"""Claims read against the claims before them in the same document.

A denial of "эти сообщения" answers the last claim by another side; "погибших и раненых
нет" after enemy fire counts the losses of that fire; a rejected report accuses the
denier's side; and a noun cue and its verb never give the same claim twice.
"""

from __future__ import annotations

from dataclasses import replace

from watchline.domain import Act, Claim, EventType, Span

# An opponent's exercise or missile launch reported by a party is an accusation too
# (the yardstick's reading of GUIDE.md §3: "КНДР выпустила ракету", said in Seoul)
HOSTILE = frozenset(
    {EventType.MOBILIZE, EventType.FORTIFY, EventType.ATTACK, EventType.PROVOCATION,
     EventType.DISINFORMATION, EventType.CASUALTY, EventType.EXERCISE}
)  # fmt: skip
# Nouns that name an opponent without a state: a hostile act by them, reported by a
# party, accuses (GUIDE.md §3; the agent stays null for non-state armed groups)


def once(claims: list[Claim]) -> list[Claim]:
    """One claim per speaker, act and content: a noun cue and its verb may give the same."""
    seen: set[tuple] = set()
    kept = []
    for claim in claims:
        key = (claim.speaker.affiliation, claim.act, claim.content.start, claim.content.end)
        if key not in seen:
            seen.add(key)
            kept.append(claim)
    return [replace(c, id=f"c{k + 1}") for k, c in enumerate(kept)]


def accused_denier(report: Claim, denial: Claim) -> Claim:
    """The report a side denies ("заявления России об обстреле погранпункта", denied in
    Kyiv) is about that side's alleged act when it names no one else: it accuses them."""
    if report.event.agents or report.event.type not in HOSTILE or not denial.event.agents:
        return report
    agents = denial.event.agents
    event = replace(report.event, agent=agents[0], agents=agents)
    side = report.speaker.affiliation
    accuses = side is not None and any(a.affiliation not in (None, side) for a in agents)
    act = Act.ACCUSE if accuses and report.act is Act.ASSERT else report.act
    return replace(report, event=event, act=act)


def casualty_agents(claim: Claim, earlier: list[Claim]) -> Claim:
    """ "Погибших и раненых нет" after a report of enemy fire: the losses (or their absence)
    are of that fire, so its agents are the casualty's (GUIDE.md §4, agent in context)."""
    if claim.event.type is not EventType.CASUALTY or claim.event.agents:
        return claim
    side = claim.speaker.affiliation
    fire = next(
        (
            c
            for c in reversed(earlier)
            if c.event.type is EventType.ATTACK
            and c.speaker.affiliation == side
            and not c.event.negated
            and any(a.affiliation != side for a in c.event.agents)
        ),
        None,
    )  # the enemy's fire, past the speaker's own reply to it
    if fire is None:
        return claim
    agents = tuple(a for a in fire.event.agents if a.affiliation != side)
    return replace(claim, event=replace(claim.event, agent=agents[0], agents=agents))


def responding(claim: Claim, earlier: list[Claim]) -> Claim:
    """A denial or confirmation of "эти сообщения" answers the last claim by another side:
    it points to it (`responds_to`) and is about the same event by the same agents."""
    if claim.act not in (Act.DENY, Act.CONFIRM) or claim.event.type is not EventType.OTHER:
        return claim
    side = claim.speaker.affiliation
    target = next(
        (
            c
            for c in reversed(earlier)
            if c.speaker.affiliation != side and c.event.type is not EventType.OTHER
        ),
        None,
    )
    if target is None:
        return claim
    event = replace(
        claim.event,
        type=target.event.type,
        agent=claim.event.agent or target.event.agent,
        agents=claim.event.agents or target.event.agents,
    )
    return replace(claim, event=event, responds_to=target.id)


def without_relays(claims: list[Claim], outlets: set[str]) -> list[Claim]:
    """ "«Европейская правда» пишет, что NewsMaker сообщили в Бюро …": an outlet relaying
    another's statement is no speaker (GUIDE.md §1); only the inner claim stays. `outlets`
    are the ids of the claims whose speaker is an outlet."""
    cues = [(c.cue.start, c.cue.end) for c in claims]
    return [
        c
        for c in claims
        if c.id not in outlets
        or not any(
            c.content.start <= a and b <= c.content.end and (a, b) != (c.cue.start, c.cue.end)
            for a, b in cues
        )
    ]


def merged(claims: list[Claim], text: str) -> list[Claim]:
    """A quote over several sentences to one cue is one claim, split only where the act
    or the event type changes (the yardstick's reading of GUIDE.md §1)."""
    out: list[Claim] = []
    for claim in claims:
        last = out[-1] if out else None
        if (
            last is not None
            and last.cue == claim.cue
            and last.direct_quote == claim.direct_quote
            and (last.act, last.event.type, last.event.negated)
            == (claim.act, claim.event.type, claim.event.negated)
            and last.speaker.affiliation == claim.speaker.affiliation
            and last.content.end <= claim.content.start
            and not text[last.content.end : claim.content.start].strip(' .!?»"\n')
        ):
            c0, c1 = last.content.start, claim.content.end
            places = last.event.places + claim.event.places
            event = replace(last.event, places=places)
            out[-1] = replace(last, content=Span(text[c0:c1], c0, c1), event=event)
            continue
        out.append(claim)
    return out

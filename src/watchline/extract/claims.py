"""Build domain `Claim`s from attributions: speaker, event, act, date, links between claims.

Statements are resolved in text order because later ones lean on earlier ones: "they"
and "the ministry" refer back to a speaker, "denied the accusations" takes its event and
agent from the accusations it answers, and a statement without a date of its own was
made when the one before it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Protocol

from spacy.tokens import Doc

from watchline.domain import (
    Act,
    ActorKind,
    Agent,
    Claim,
    Event,
    EventType,
    Span,
    Speaker,
    TimeWindow,
)
from watchline.extract.attribution import concern
from watchline.extract.attribution.cues import Attribution
from watchline.extract.attribution.posts import Post
from watchline.extract.attribution.reported import text_of
from watchline.extract.dates.days import period_start
from watchline.extract.dates.event_time import event_window
from watchline.extract.events.acts import HOSTILE, MISSION_ORGS, concern_act, decide_act, fold
from watchline.extract.events.reader import EventReader, Trigger
from watchline.extract.places.mentions import place_mentions
from watchline.extract.speakers.addressees import accused_agents, addressed_agents
from watchline.extract.speakers.agents import (
    OPPONENT,
    PERCEPTION,
    SELF,
    MentionIndex,
    find_agents,
    suffers,
)
from watchline.extract.speakers.resolver import (
    INDEFINITE,
    OFFICIAL_WORDS,
    Resolved,
    SpeakerResolver,
)

if TYPE_CHECKING:
    from watchline.extract.lexicon import CueLexicon
    from watchline.extract.resources import Resources


class ExtractorParts(Protocol):
    """What building claims needs of the extractor (`pipeline.Extractor` has it): named
    here so that this module does not import the pipeline that imports it."""

    version: str
    resources: Resources
    cues: CueLexicon
    events: EventReader
    phrase_cache: dict


# A speaker whose side the text does not name but whose words say they act for one: an
# official, a spokesman, a ministry, an army ("a defence official said Pakistan violated
# the ceasefire"). In their words a hostile act by a known other side is an accusation
# (GUIDE.md §3). Residents, analysts, "local officials" and tallies are not parties: their
# accounts stay assertions.
PARTY_WORDS = OFFICIAL_WORDS | {
    "coalition",
    "minister",
    "forces",
    "office",
    "president",
    "general",
    "colonel",
    "command",
}
NOT_PARTY_WORDS = frozenset({"local", "figures", "tallies", "tally", "former", "retired"})


def _party_key(speaker: Resolved) -> str | None:
    """A stand-in side for an official speaker whose side is not named (see PARTY_WORDS)."""
    words = set(speaker.words)
    if not words & PARTY_WORDS or words & NOT_PARTY_WORDS:
        return None
    return "speaker:" + " ".join(speaker.words)


REFERENCE_NOUNS = {
    "accusation", "claim", "allegation", "report", "statement", "charge", "assertion",
    "information", "rumour", "rumor", "post", "message", "it", "this", "that", "remark",
    "comment", "word", "story", "footage", "video", "allegations", "claims", "reports",
    "involvement", "role", "responsibility", "participation", "link", "links", "connection",
    "account", "accounts", "version", "position", "narrative", "criticism", "assessment",
    "findings", "figures", "accusations", "charges", "assertions", "insinuation",
    "insinuations", "speculation",
}  # fmt: skip
MAX_REFERENCE_WORDS = 6
TIED_REACH = 160  # characters from a denial to a second one that refers back to it
OWN_SIDE = {EventType.MOBILIZE, EventType.FORTIFY, EventType.EXERCISE}
MILITARY_NOUNS = {"troop", "troops", "force", "forces", "soldier", "soldiers", "unit", "units",
                  "serviceman", "servicemen", "army", "military", "deployment", "navy",
                  "warship", "ship", "battalion", "brigade", "contingent", "personnel",
                  "officer", "officers", "guard", "guards", "police", "sailor", "sailors",
                  "pilot", "pilots", "jet", "jets", "aircraft", "vessel", "vessels",
                  "fighter", "fighters", "defence", "defences", "defense", "defenses",
                  "artillery", "operation", "operations", "patrol", "patrols"}  # fmt: skip
PRONOUN_DOERS = {"we", "they", "it", "he", "she", "i"}
FIRED_AT = {"fire", "shell", "attack", "target", "bomb", "strike", "shoot", "bombard", "ambush"}
GENERIC_OR_FEARED = {"any", "if", "whoever", "unless", "could", "may", "might", "would",
                     "will", "shall", "can"}  # fmt: skip
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "yesterday", "today"}  # fmt: skip
TIME_WORDS = re.compile(
    r"\b(?:\d{1,2}|\d{4}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|yesterday|today|tonight|"
    r"tomorrow|morning|afternoon|evening|night|overnight|later|earlier|ago|week|weekend|"
    r"month|year|day|days|hours?|time|after|before|since|previously|meanwhile|recently|"
    r"dawn|dusk|midnight|noon)\b",
    re.IGNORECASE,
)


@dataclass
class ClaimBuilder:
    doc: Doc
    extractor: ExtractorParts
    index: MentionIndex
    mentions: list
    places: list
    published_on: date | None
    document_id: str | None
    claims: list[Claim] = field(default_factory=list)

    def build(self, attrs: list[Attribution], posts: list[Post]) -> list[Claim]:
        self.text = self.doc.user_data.get("watchline_text") or self.doc.text
        self.speakers = SpeakerResolver(
            self.extractor.resources.actors,
            self.mentions,
            self.extractor.phrase_cache,
            subjects=_main_subjects(self.doc, self.index),
            places=self.places,
        )
        self.posts = posts
        # Times inside what was said date the events told, not the sayings: the date
        # resolver ignores them in every statement's thread, later ones included.
        attrs = _participles_keep_their_speaker(_without_relays(attrs))
        self.contents = [attr.content for attr in attrs]
        for attr in attrs:
            claim = self._claim(attr, f"c{len(self.claims) + 1}")
            if claim is not None:
                self.claims.append(claim)
                for other in self._coordinated(claim):
                    self.claims.append(replace(other, id=f"c{len(self.claims) + 1}"))
                self.speakers.reported.append(attr.content)
        return self.claims

    def _claim(self, attr: Attribution, claim_id: str) -> Claim | None:
        text = self.text
        speaker = self._speaker(attr)
        if speaker is None:
            return None
        span = self.doc.char_span(*attr.content, alignment_mode="expand")
        tokens = list(span) if span is not None else []
        voiced = attr.lemma == concern.LEMMA
        if voiced:
            attr = replace(attr, act=Act.ASSERT)  # the content decides (see below)
        reader = self.extractor.events
        trigger = reader.trigger(tokens)
        target = self._target(attr, speaker)
        event_type, agents, found = trigger.type, [], []
        if trigger.type is not EventType.OTHER or attr.objects:
            found = find_agents(trigger, tokens, attr.objects, self.index)
            agents = [self._agent(m, speaker) for m in found]
        negated = reader.negated(trigger, tokens)
        if target is not None and (_is_reference(tokens) or _involvement(tokens, trigger)):
            event_type, agents = target.event.type, list(target.event.agents)
        tied = self._tied_denial(attr, speaker, tokens)
        if tied is not None:  # "denied …, calling the report untrue": that denial's event
            event_type, agents = tied.event.type, list(tied.event.agents)
            target = next((c for c in self.claims if c.id == tied.responds_to), None)
        continued = False
        if event_type is EventType.OTHER and target is None and _anaphoric(tokens):
            event_type = self._topic_of(speaker, attr)  # "that would be escalatory"
            continued = event_type is not EventType.OTHER
        if not agents and attr.self_subject and event_type is not EventType.OTHER:
            agents = [self._agent(SELF, speaker)]
        if not continued:  # a continued topic names no new agent
            agents = agents or self._default_agents(event_type, attr, speaker, negated)
        if not agents and _demonstrative(trigger):  # "such reckless shelling": the one reported
            agents = self._reported_agents(event_type, speaker)
        if not agents and event_type in HOSTILE:
            agents = self._body_agent(tokens, speaker)  # "the army's warplanes had bombed …"
        if not agents and event_type in OWN_SIDE | {EventType.ATTACK} and speaker.affiliation:
            agents = self._own_side(tokens, speaker, event_type)  # "it had stepped up …"
        contextual = False
        if not agents and event_type in HOSTILE - {EventType.CASUALTY} and not negated:
            agents = self._story_doer(tokens, speaker)  # "the firing … was a violation"
            contextual = bool(agents)
        if event_type is EventType.OTHER:  # the general situation has no doer, but one
            agents = accused_agents(attr, self.index, speaker.affiliation)  # accused has
        if event_type in HOSTILE and not negated and agents:
            speaker = self._not_the_accused(speaker, agents[0], attr)
        content_text = text[attr.content[0] : attr.content[1]]
        # a doer only the story supplies is the agent, but the content names no opponent:
        # a party's account of its losses stays an assertion (GUIDE.md §3)
        agent_key = (agents[0].affiliation or agents[0].actor_id) if agents else None
        if contextual and not _under_attack(tokens):
            agent_key = None  # "our positions came under fire" still accuses (GUIDE.md §4)
        speaker_key = speaker.affiliation or (
            speaker.actor.id
            if speaker.actor and speaker.actor.kind is not ActorKind.MEDIA
            else None
            if speaker.actor
            else _party_key(speaker)
        )  # a news agency reports; it does not accuse
        if (
            attr.act is Act.ASSERT
            and agent_key is not None
            and agent_key == speaker_key
            and agent_key not in MISSION_ORGS
            and COMPLIANCE.search(content_text)
            and not BOTH_SIDES.search(content_text)
        ):  # "our forces are strictly observing the ceasefire": no violation of ours
            event_type, negated = EventType.ATTACK, True
        act = decide_act(
            attr.act,
            content_text,
            self.extractor.cues.markers,
            event_type,
            negated,
            agent_key,
            speaker_key,
        )
        if voiced:  # concern about a hostile act of the other side accuses, else warns
            act = concern_act(act)
        if act is Act.CONFIRM and _neutral_confirmation(attr) and found and not contextual:
            content_act = decide_act(
                Act.ASSERT,
                content_text,
                self.extractor.cues.markers,
                event_type,
                negated,
                agent_key,
                speaker_key,
            )  # "UNIFIL confirmed that Israeli forces fired at its post": an accusation
            act = Act.ACCUSE if content_act is Act.ACCUSE else act
        if act is Act.APPEAL:  # who is asked does what is asked (GUIDE.md §4)
            agents = addressed_agents(attr.objects, tokens, self.index, speaker.affiliation) or (
                agents
            )
        if act is Act.WARN and speaker.affiliation and _own_threat(tokens):
            agents = [self._agent(SELF, speaker)]  # "we will respond in kind": the speaker's
        if act is Act.DENY:
            negated = True
        stated_on = self._stated_on(attr)
        return Claim(
            id=claim_id,
            speaker=Speaker(
                text=text[speaker.start : speaker.end],
                start=speaker.start,
                end=speaker.end,
                actor_id=speaker.actor.id if speaker.actor else None,
                affiliation=speaker.affiliation,
            ),
            act=act,
            cue=Span(text[attr.cue[0] : attr.cue[1]], *attr.cue),
            content=Span(content_text, *attr.content),
            event=Event(
                type=event_type,
                negated=negated,
                agent=agents[0] if agents else None,
                agents=tuple(agents),
                places=tuple(place_mentions(self.places, *attr.content, actors=found)),
                time=self._time(content_text, stated_on),
            ),
            direct_quote=attr.direct,
            stated_on=stated_on,
            responds_to=target.id
            if target is not None and act in (Act.DENY, Act.CONFIRM)
            else None,
            confidence=_confidence(attr, speaker, trigger),
            extractor_version=self.extractor.version,
            document_id=self.document_id,
        )

    def _not_the_accused(self, speaker: Resolved, agent: Agent, attr: Attribution) -> Resolved:
        """'North Korean soldiers crossed the line, a military official said', from Seoul:
        an unnamed official was first read as the side of the army his own statement names.
        In a datelined story whose state is another, a hostile act told with a neutral cue
        is that state's account of the other side: the official is the dateline's."""
        if attr.act is not Act.ASSERT or not speaker.words:
            return speaker
        content = fold(self.text[attr.content[0] : attr.content[1]])
        if any(
            re.search(rf"(?<![\w']){re.escape(m)}(?![\w'])", content)
            for m in self.extractor.cues.markers.get(Act.DENY, ())
        ):
            return speaker  # "reports of Turkish forces targeting civilians were baseless"
        named = any(
            speaker.start <= m.start and m.end <= speaker.end for m in self.speakers.mentions
        )
        if named:  # "a Pakistani military official": his side is in his own phrase
            return speaker
        words = list(speaker.words)
        unnamed = words[0] in INDEFINITE or words[-1] == "sources"
        if not unnamed or not agent.affiliation or speaker.affiliation != agent.affiliation:
            return speaker
        home = self.speakers.home(self.text, speaker.start, speaker.end)
        if home is None or home.affiliation in (None, speaker.affiliation):
            return speaker
        return Resolved(
            speaker.start, speaker.end, None, home.affiliation, speaker.person, speaker.words
        )

    def _coordinated(self, claim: Claim) -> list[Claim]:
        """'The EU and the United States called for calm': one claim per speaker (GUIDE.md
        §1). The first conjunct keeps the claim built; each further conjunct that names an
        actor of another side gets a copy with its own speaker."""
        first = claim.speaker
        span = self.doc.char_span(first.start, first.end, alignment_mode="expand")
        if span is None or not any(t.dep_ == "conj" for t in span):
            return []
        inside = {t.i for t in span}
        seen = {first.affiliation or first.actor_id}
        copies = []
        heads = [  # "Brussels, the UN and the OSCE" parses the UN as an apposition
            t
            for t in span
            if t.i != span.root.i
            and (
                t.dep_ == "conj"
                or (t.dep_ == "appos" and any(c.dep_ == "conj" for c in t.children))
            )
        ]
        for head in heads:
            nested = {
                t.i for c in head.children if c.dep_ in ("conj", "cc", "punct") for t in c.subtree
            }
            tokens = [t for t in head.subtree if t.i in inside and t.i not in nested]
            found = self.index.in_tokens(tokens)
            actor = found[0].actor if found else None
            if actor is None or (actor.affiliation or actor.id) in seen:
                continue
            seen.add(actor.affiliation or actor.id)
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            speaker = Speaker(self.text[start:end], start, end, actor.id, actor.affiliation)
            copies.append(replace(claim, speaker=speaker))
        return copies

    def _agent(self, mention, speaker: Resolved) -> Agent:
        if mention is SELF:  # "we did not open fire": the speaker
            text = self.text[speaker.start : speaker.end]
            return Agent(text, speaker.actor.id if speaker.actor else None, speaker.affiliation)
        if mention.actor is OPPONENT:  # "the enemy targeted the air base"
            return self._opponent(mention.text, speaker)
        return Agent(mention.text, mention.actor.id, mention.actor.affiliation)

    def _opponent(self, text: str, speaker: Resolved) -> Agent:
        """'The enemy', 'the occupiers', said by a party: the side the story names most
        often other than the speaker's own (a two-sided border story names both), else an
        unnamed other side (still not the speaker's: an accusation)."""
        counts: dict[str, int] = {}
        for mention in self.mentions:
            code = mention.actor.affiliation
            if code and code != speaker.affiliation and code not in MISSION_ORGS:
                counts[code] = counts.get(code, 0) + 1
        if speaker.affiliation is None or not counts:
            return Agent(text, OPPONENT.id, None)
        code = max(counts, key=lambda k: counts[k])
        return Agent(text, code.lower(), code)

    def _topic_of(self, speaker: Resolved, attr: Attribution) -> EventType:
        """The event the same speaker spoke of just before ("… ‘I fail to see why that …’")."""
        if not self.claims:
            return EventType.OTHER
        last = self.claims[-1]
        same = last.speaker.affiliation == speaker.affiliation and (
            last.speaker.actor_id == (speaker.actor.id if speaker.actor else None)
        )
        near = attr.sentence.start_char - last.content.end < 400
        return last.event.type if same and near else EventType.OTHER

    def _tied_denial(self, attr: Attribution, speaker: Resolved, tokens: list) -> Claim | None:
        """The denial a second denial of the same speaker refers back to, where the text
        ties them: "denied that its troops had moved, calling the report untrue", "It
        called the report untrue." right after. Only a reference ("the report") with no
        event of its own, by the same speaker, in the same or the next sentence."""
        if attr.act is not Act.DENY or not self.claims or not _is_reference(tokens):
            return None
        last = self.claims[-1]
        actor_id = speaker.actor.id if speaker.actor else None
        same = last.speaker.affiliation == speaker.affiliation and (
            actor_id is None or last.speaker.actor_id in (None, actor_id)
        )
        near = 0 <= attr.content[0] - last.content.end < TIED_REACH
        if last.act is Act.DENY and same and near and last.event.type is not EventType.OTHER:
            return last
        return None

    def _speaker(self, attr: Attribution) -> Resolved | None:
        sentence_start = attr.sentence.start_char
        if attr.speaker is not None:
            return self.speakers.resolve(
                self.text, *attr.speaker, sentence_start, attr.sentence.end_char
            )
        same = [c for c in self.claims if c.speaker.start >= sentence_start]
        if same:  # "…, with the ministry publishing footage purportedly showing …"
            past = same[-1].speaker
            return Resolved(past.start, past.end, None, past.affiliation, False)
        return None

    def _target(self, attr: Attribution, speaker: Resolved) -> Claim | None:
        """The earlier claim a denial or a confirmation answers, if any."""
        if attr.act is Act.DENY:
            pool = [
                c
                for c in self.claims
                if c.act in (Act.ACCUSE, Act.WARN, Act.ASSERT)
                and c.speaker.affiliation != speaker.affiliation
            ]
            accusations = [c for c in pool if c.act is Act.ACCUSE] or pool
            if not accusations:
                return None
            return min(reversed(accusations), key=lambda c: _concreteness(c, self.extractor))
        if attr.act is Act.CONFIRM:
            actor_id = speaker.actor.id if speaker.actor else None
            for past in reversed(self.claims):
                if past.speaker.actor_id != actor_id or actor_id is None:
                    return past
        return None

    def _default_agents(
        self, event_type: EventType, attr: Attribution, speaker, negated: bool
    ) -> list[Agent]:
        if event_type is EventType.OTHER:
            return []
        if event_type is EventType.DIPLOMACY:
            if attr.act in (Act.ASSERT, Act.CONFIRM) and speaker.affiliation:
                return [Agent(self.text[speaker.start : speaker.end], None, speaker.affiliation)]
            return []
        content = self.text[slice(*attr.content)]
        if attr.act is Act.ACCUSE and (_definite_mention(content) or _definite_lead(content)):
            return self._reported_agents(event_type, speaker)  # "condemned the strikes"
        if attr.act is Act.ASSERT and _definite_lead(content) and not negated:
            return self._reported_agents(event_type, speaker)  # "the attack could be …"
        if attr.act not in (Act.DENY, Act.CONFIRM):
            return []
        for past in reversed(self.claims):  # "no unusual movements": the ones discussed
            if past.event.type is event_type and past.event.agent is not None:
                return list(past.event.agents) or [past.event.agent]
        return []

    def _own_side(self, tokens: list, speaker: Resolved, event_type: EventType) -> list[Agent]:
        """'it had stepped up its military presence', '5,600 troops would take part in an
        exercise', said by a state: troops, deployments and drills with no owner named are
        the speaker's own. An attack is the speaker's only when the text says so ("it had
        struck", "its troops", "the military had struck"); "troops shelled Kharkiv" stays
        without a doer."""
        for tok in tokens:
            if tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if tok.head.lemma_.lower() in PERCEPTION:
                break  # "it had not detected any unusual activity": the observer
            harmed = suffers(tok.head, passive=tok.dep_ == "nsubjpass")
            if harmed and event_type in (EventType.ATTACK, EventType.CASUALTY):
                break  # "its positions came under fire", "the soldier was wounded": targets
            owned = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound")]
            named = any(c.text[:1].isupper() and c.lower_ not in ("its", "their") for c in owned)
            ours = any(c.lower_ in ("its", "their", "our") for c in owned) or any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children
            )
            military = tok.lemma_.lower() in MILITARY_NOUNS and not named
            if event_type is EventType.ATTACK:  # or forces that answer an attack: "army
                military = military and (ours or _answers(tok.head))  # troops responded"
            if tok.lower_ in ("it", "they") or military:
                return [self._agent(SELF, speaker)]
            break  # only the content's first subject
        return []

    def _body_agent(self, tokens: list, speaker: Resolved) -> list[Agent]:
        """'the army' in a content: the army that spoke before, if not the speaker's side.

        The dictionary cannot name "the army" alone; the story has: in "The RSF said the
        army's warplanes had bombed a market" after "Sudan's army said …", it is Sudan's.
        """
        for tok in tokens[:8]:
            word = tok.lower_
            if word not in ("army", "military") or tok.i == 0:
                continue
            if tok.doc[tok.i - 1].lower_ != "the" or tok.dep_ not in ("nsubj", "poss"):
                continue
            past = self.speakers._same_head(["the", word], tokens[0].idx)
            if past is not None and past.affiliation not in (None, speaker.affiliation):
                return [Agent(tok.text, past.actor.id if past.actor else None, past.affiliation)]
        return []

    def _story_doer(self, tokens: list, speaker: Resolved) -> list[Agent]:
        """A hostile act told by a party without its doer ("Deliberate targeting of
        civilians is deplorable", "the soldier was wounded by a grenade"): in a story
        about the other side's attacks it is theirs (GUIDE.md §4, the agent "recovered
        from the statement in its context"). Only for a state's speaker, not a mission's;
        not for a generic or conditional one ("any provocation will be met …")."""
        if speaker.affiliation is None or speaker.affiliation in MISSION_ORGS:
            return []
        if any(t.lower_ in GENERIC_OR_FEARED for t in tokens):
            return []  # a feared event ("could develop into a war") has no doer yet
        for tok in tokens:  # "army troops responded …": a doer named, if not resolved
            active = tok.dep_ == "nsubj" and not suffers(tok.head)
            if active and (tok.lemma_.lower() in MILITARY_NOUNS or tok.lower_ in PRONOUN_DOERS):
                return []
        return self._reported_agents(None, speaker)

    def _reported_agents(self, event_type: EventType | None, speaker: Resolved) -> list[Agent]:
        """Who did the events of this type reported before, if another party than the speaker.

        "NATO condemned the strikes": the strikes the story is about — the doer most often
        reported, the first one on a tie (the lead) — not merely the last ones mentioned.
        With no type (None), the doer of any hostile act reported.
        """
        counts: dict[str | None, int] = {}
        first: dict[str | None, list[Agent]] = {}
        for past in self.claims:
            agent = past.event.agent
            if agent is None or past.event.type not in (
                HOSTILE if event_type is None else (event_type,)
            ):
                continue
            if agent.affiliation == speaker.affiliation:
                continue
            key = agent.affiliation or agent.actor_id
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, list(past.event.agents) or [agent])
        if not counts:
            return []
        best = max(counts, key=lambda k: counts[k])  # dicts keep order: the first on a tie
        return first[best]

    def _stated_on(self, attr: Attribution) -> date | None:
        for post in self.posts:
            if post.holds(attr.cue[0]) or attr.cue == post.author:
                return post.posted_on or self.published_on
        start, end = attr.cue  # the resolver reads "said on Tuesday" right after a short cue
        default = self.claims[-1].stated_on if self.claims else self.published_on
        if self.claims and not self._time_words_since(attr):
            return default  # nothing about time since the last statement: same day
        own = self._cue_date(attr)
        if own is not None:
            return own
        if self._present_and_undated(attr):
            return self.published_on  # "The Russian Defence Ministry says …": today
        resolve = self.extractor.resources.resolve_stated_on
        found = resolve(
            self.text, self.published_on, start, end, default=default, exclude=self.contents
        )
        told = self._day_told_before_the_cue(attr)
        if told is not None and (found is None or found > told):
            return told
        return found

    def _day_told_before_the_cue(self, attr: Attribution) -> date | None:
        """'Three peacekeepers were injured on Friday …, the United Nations said', in a
        Saturday paper: a report that names the day of what it tells, and no day of its
        own, was made that day (wire copy reports an incident the day it happens)."""
        start, end = attr.content
        if attr.cue[0] < end or attr.direct or self.published_on is None:
            return None
        if not self._undated_frame(attr):
            return None
        days = [
            d.start_date
            for d in self.extractor.resources.find_dates(self.text[start:end], self.published_on)
            if d.start_date == d.end_date
            and d.start_date < self.published_on
            and not period_start(self.text, start, start + d.start)  # "since … 7 May"
        ]
        return max(days) if days else None

    def _cue_date(self, attr: Attribution) -> date | None:
        """A day phrase on the cue or its object: "rejected the accusations on Wednesday"."""
        tok = attr.cue_token
        if tok is None:
            return None
        heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
        for head in heads:
            for child in head.children:
                words = list(child.subtree)
                if child.i < tok.i or child.dep_ not in ("prep", "npadvmod") or len(words) > 4:
                    continue
                if not any(w.ent_type_ == "DATE" or w.lower_ in WEEKDAYS for w in words):
                    continue
                start, end = words[0].idx, words[-1].idx + len(words[-1].text)
                for found in self.extractor.resources.find_dates(
                    self.text[start:end], self.published_on
                ):
                    if found.start_date == found.end_date:
                        return found.start_date
        return None

    def _present_and_undated(self, attr: Attribution) -> bool:
        """A cue in the present tense ("says", "accuses", "we state") with no time word in
        its sentence outside what was said reports what is said on the day of publication."""
        tok = attr.cue_token
        if tok is None or tok.tag_ not in ("VBZ", "VBP"):
            return False
        return self._undated_frame(attr)

    def _undated_frame(self, attr: Attribution) -> bool:
        """No time word in the statement's sentence outside what was said."""
        sentence = attr.sentence
        start, end = attr.content
        spans = [(sentence.start_char, start), (end, sentence.end_char)]
        return not any(_dating_word(self.text, a, b) for a, b in spans if a < b)

    def _time_words_since(self, attr: Attribution) -> bool:
        """Whether a date or a time word that could date this statement occurs since the last.

        Only the narrative between the statements and this statement's own frame count:
        a time inside a reported content ("had observed launches on Monday night") dates the
        event it reports, not the saying, for this statement and for the ones after it.
        """
        last = self.claims[-1]
        since = max(last.cue.end, last.content.end)
        if last.cue.start > last.content.end:  # "“…,” the ministry said on Monday."
            since = last.content.end
        until = max(attr.sentence.end_char, attr.cue[1], attr.content[1])
        start, end = attr.content
        spans = [(since, min(start, until)), (max(end, since), until)]
        return any(_dating_word(self.text, a, b) for a, b in spans if a < b)

    def _time(self, content: str, stated_on: date | None) -> TimeWindow | None:
        """The event's days and hours from the content (dates/event_time.py); else the day the
        statement was made. Vague words ("in recent days") keep that day, as GUIDE.md
        gives them no date of their own."""
        return event_window(content, self.published_on, stated_on, vague=False)


# A party saying its own side keeps the truce denies violating it (GUIDE.md §3: the
# alleged event did not happen): "The Ukrainian forces are strictly observing the
# ceasefire", "we fully comply with the cease-fire regime".
COMPLIANCE = re.compile(
    r"\b(?:observ|compl[yi]|adher|abid|respect|honou?r|uphold|upheld)\w*"
    r"(?:\s+\w+){0,3}?\s+(?:cease-?fire|truce|armistice)\b",
    re.IGNORECASE,
)
BOTH_SIDES = re.compile(r"\b(?:both|all|the two) (?:sides|parties|countries)\b", re.IGNORECASE)
CONFIRMING = {"confirm", "verify", "corroborate"}


# Time words that date nothing: "said … for the second consecutive day", "for the third
# time", "at the same time" count occurrences, not days (GUIDE.md §5).
NOT_DATING = re.compile(
    r"\b(?:for|on) the (?:\w+ )?(?:consecutive|straight|successive|running) days?\b|"
    r"\bfor the (?:first|second|third|fourth|fifth|\w+th|last) time\b|\bat the same time\b",
    re.IGNORECASE,
)


def _dating_word(text: str, start: int, end: int) -> bool:
    """A time word between start and end that could date a statement."""
    counting = [(m.start(), m.end()) for m in NOT_DATING.finditer(text, start, end)]
    return any(
        not any(a <= m.start() < b for a, b in counting)
        for m in TIME_WORDS.finditer(text, start, end)
    )


def _neutral_confirmation(attr: Attribution) -> bool:
    """'UNIFIL confirmed that Israeli forces fired at its post': confirming that another
    party did a hostile act, in a clause of one's own, attributes it to them — an
    accusation (GUIDE.md §3). A confirmation of one's own acts or losses, or of reports
    ("confirmed the reports"), stays one."""
    return attr.act is Act.CONFIRM and attr.lemma in CONFIRMING and attr.frame != "object"


# Verbs of answering an attack: their unnamed forces are the speaker's own, telling of
# its own defence ("army troops responded appropriately", "air defences shot down …").
ANSWERING = {"respond", "retaliate", "repel", "repulse", "intercept", "thwart", "foil",
             "shoot", "neutralise", "neutralize", "return"}  # fmt: skip


# What a warning threatens to do in the first person: "we will respond", "our army will
# crush", "we have the capability to respond", "is committed to defending … at all costs"
THREATENING = ANSWERING | {"defend", "crush", "strike", "hit", "punish", "destroy",
                           "retaliate", "avenge"}  # fmt: skip
FIRST_PERSON = {"we", "our"}


def _own_threat(tokens: list) -> bool:
    """A warning whose threatened act is the speaker's own (GUIDE.md §4: "will be crushed
    by our army" is an attack by the speaker's state): a first-person subject ("we", "our
    forces") of a verb of answering or striking, or of having the capability to."""
    for tok in tokens:
        if tok.dep_ != "nsubj":
            continue
        first = tok.lower_ in FIRST_PERSON or any(
            c.lower_ in FIRST_PERSON for c in tok.children if c.dep_ == "poss"
        )
        if not first:
            continue
        verbs = [tok.head, *(t for t in tok.head.subtree if t.pos_ == "VERB")]
        if any(v.lemma_.lower() in THREATENING for v in verbs[:6]):
            return True
    return False


def _answers(verb) -> bool:
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]  # "managed to shoot down"
    return any(v.lemma_.lower() in ANSWERING for v in verbs)


def _under_attack(tokens: list) -> bool:
    """'Our positions came under fire', 'the army's posts were shelled': the speaker's side
    as the target of an attack — an accusation of whoever the story says fired."""
    return any(
        (t.dep_ == "nsubj" and t.head.lemma_.lower() in ("come", "fall") and suffers(t.head))
        or (t.dep_ == "nsubjpass" and t.head.lemma_.lower() in FIRED_AT)
        for t in tokens
    )  # "houses were damaged", "two soldiers were wounded": losses, told as such


def _main_subjects(doc: Doc, index) -> list:
    """Actors that are the subject of a sentence's main verb, in text order."""
    found = []
    for sent in doc.sents:
        for child in sent.root.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                found += index.in_tokens(child.subtree)[:1]
    return found


def _anaphoric(tokens: list) -> bool:
    """A content about something said before: 'that would be escalatory', 'this is …'."""
    return any(
        t.lower_ in ("that", "this", "it")
        and t.dep_ in ("nsubj", "nsubjpass", "dobj")
        and t.tag_ != "WDT"  # "any action that endangers …" is a relative clause
        for t in tokens
    )


def _demonstrative(trigger: Trigger) -> bool:
    """'such shelling', 'these attacks', 'this provocation': an event already spoken of.

    Read on the words right before the trigger (up to two adjectives between), since the
    parser often hangs "such" on the adjective instead of the noun.
    """
    tok = trigger.token
    if tok is None or trigger.type is EventType.OTHER:
        return False
    for i in range(tok.i - 1, max(tok.i - 4, tok.sent.start - 1), -1):
        word = tok.doc[i]
        if word.lower_ in DEMONSTRATIVES:
            return True
        if word.pos_ not in ("ADJ", "ADV", "VERB") or word.is_punct:
            return False
    return False


DEMONSTRATIVES = {"such", "this", "these", "those"}


INVOLVEMENT = {"involve", "involved", "involvement", "behind", "responsible", "role"}


def _involvement(tokens: list, trigger: Trigger) -> bool:
    """'denied that Serbia had been involved': a denial of a part in the event accused."""
    return trigger.type is EventType.OTHER and any(
        t.lemma_.lower() in INVOLVEMENT or t.lower_ in INVOLVEMENT for t in tokens
    )


def _definite_mention(content: str) -> bool:
    """'the strikes', 'this attack', 'such shelling': events already reported."""
    words = content.lower().split()
    return 1 < len(words) <= 4 and words[0] in ("the", "this", "these", "such", "that", "those")


def _definite_lead(content: str) -> bool:
    """'the strikes “a heinous act of war”': a label given to events already reported."""
    words = content.lower().split()
    return len(words) >= 2 and words[0] in ("the", "these", "this") and words[1] in EVENT_NOUNS


EVENT_NOUNS = {"strike", "strikes", "attack", "attacks", "shelling", "bombing", "raid",
               "raids", "incursion", "airstrike", "airstrikes", "offensive", "killing",
               "killings", "deployment", "build-up", "buildup", "provocation", "drills",
               "exercises"}  # fmt: skip


def _is_reference(tokens: list) -> bool:
    """'the accusations', 'the observer mission’s statement', 'it'."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words or len(words) > MAX_REFERENCE_WORDS:
        return False
    roots = [t for t in words if t.head not in words or t.head == t]
    return any(t.lemma_.lower() in REFERENCE_NOUNS or t.lower_ in REFERENCE_NOUNS for t in roots)


def _concreteness(claim: Claim, extractor) -> int:
    if claim.event.type not in HOSTILE:
        return 99
    return extractor.ontology.senses[claim.event.type].priority


def _confidence(attr: Attribution, speaker: Resolved, trigger: Trigger) -> float:
    score = attr.confidence
    if speaker.affiliation is None:
        score -= 0.25
    if attr.direct:
        score += 0.05
    if trigger.type is EventType.OTHER:
        score -= 0.05
    return round(min(0.99, max(0.05, score)), 2)


RELAY = re.compile(r"(?i)(?:his|her|their|its)\s+(?:\w+\s+){0,2}?(?:spokes\w*|office|aide|press)")


def _without_relays(attrs: list[Attribution]) -> list[Attribution]:
    """'Guterres urged the parties to …, his spokesman said': the trailing reporting clause
    relays a statement whose speaker and cue lie inside its content; the statement is
    Guterres's, so the relay is not a second claim."""
    relays = set()
    for k, outer in enumerate(attrs):
        lo, hi = outer.content
        if outer.cue[0] < hi or outer.direct or outer.speaker is None:
            continue  # only "…, X said" after the content
        relay = outer.speaker  # "his spokesman", "her office": the speaker's own voice
        tok = outer.cue_token
        phrase = text_of(tok.doc)[relay[0] : relay[1]] if tok is not None else ""
        if not RELAY.match(phrase):
            continue
        for inner in attrs:
            if inner is outer or inner.speaker is None:
                continue
            if lo <= inner.cue[0] < hi and lo <= inner.speaker[0] and inner.speaker[1] <= hi:
                relays.add(k)
                break
    return [a for k, a in enumerate(attrs) if k not in relays]


def _participles_keep_their_speaker(attrs: list[Attribution]) -> list[Attribution]:
    """'The army dismissed reports that its tanks were advancing, saying …': the parser
    may hang the participle inside the object, where the nearest subject is "its tanks";
    the one saying it is the speaker of the statement whose content holds that subject."""
    fixed = []
    for attr in attrs:
        tok = attr.cue_token
        if tok is not None and tok.tag_ == "VBG" and attr.speaker is not None:
            for other in attrs:
                lo, hi = other.content
                if other is not attr and other.speaker and lo <= attr.speaker[0] < hi:
                    attr = replace(attr, speaker=other.speaker)
                    break
        fixed.append(attr)
    return fixed

"""Turn Russian statements into domain `Claim`s: speaker, act, event, places, dates.

The speaker's affiliation is read through the whole text: a pronoun or a bare
"ведомство"/"министерство" is the last named speaker's; a bare "Минобороны" after
"Минобороны Армении" is Armenia's, not Russia's. A neutral cue takes the act of its
content (GUIDE.md §3): an appeal or warning by its markers, a denial when the event is
negated or the content labels a report false, an accusation when the agent is another
state than the speaker's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from watchline.domain import (
    Act,
    Actor,
    ActorKind,
    Agent,
    Claim,
    Event,
    EventType,
    PlaceMention,
    Span,
    Speaker,
    TimeWindow,
)
from watchline.extract.russian.actors import RuMention
from watchline.extract.russian.dates import RuDate
from watchline.extract.russian.enemy import other_side, unnamed_enemy, weapon_agents
from watchline.extract.russian.events import agent_tokens, negated, target_tokens, trigger
from watchline.extract.russian.lexicon import RuCues, RuEvents
from watchline.extract.russian.markers import (
    SUBJECTED,
    contains,
    labels_at,
    lemmas_suffer,
    marker_negates,
    passive_hit,
    trimmed,
)
from watchline.extract.russian.parse import Sentence
from watchline.extract.russian.parties import (
    CIVILIANS,
    blamed_tokens,
    civilian_phrase,
    is_outlet,
    outlet_phrase,
    speaks_as_party,
)
from watchline.extract.russian.places import country_of_region
from watchline.extract.russian.relations import (
    HOSTILE,
    accused_denier,
    casualty_agents,
    merged,
    once,
    responding,
    without_relays,
)
from watchline.extract.russian.statements import Statement

# reports with an owner that a denial can reject ("заявления России о …")
OWNED_REPORTS = frozenset(
    ["заявление", "сообщение", "обвинение", "утверждение", "данные", "слух", "информация"]
)
REPORT_NOUNS = frozenset(
    [
        "сообщение",
        "обвинение",
        "заявление",
        "информация",
        "утверждение",
        "данные",
        "слух",
        "публикация",
        "версия",
        "обвинения",
        "сообщения",
    ]
)
PRONOUNS = frozenset(["он", "она", "оно", "они", "мы", "я"])
# "…, — говорится в сообщении": a statement named by its form speaks for who issued it,
# the speaker the text last reported
STATEMENT_WORDS = frozenset(["сообщение", "заявление", "текст", "пресс-релиз", "комментарий"])
GENERIC = frozenset(
    [
        "ведомство",
        "министерство",
        "пресс-служба",
        "представитель",
        "министр",
        "глава",
        "сторона",
        "пресс-секретарь",
        "спикер",
        "официальный",
        "главком",
        "главнокомандующий",
    ]
)
# words of a generic speaker that say which body it is ("Министерство обороны")
BODY_OF_WORD = {"оборона": "mod", "оборонный": "mod", "иностранный": "mfa", "пограничный": "border"}
FORCES = frozenset(
    ["войско", "подразделение", "военный", "сила", "армия", "военнослужащий", "боец",
     "защитник", "пограничник"]
)  # fmt: skip
BODY_WORDS = {"минобороны": "mod", "мид": "mfa", "генштаб": "mil", "погранслужба": "border"}
OPPONENTS = frozenset(
    ["противник", "агрессор", "боевик", "отряд", "формирование", "диверсант", "враг",
     "оккупант", "бандформирование", "террорист", "сопредельный", "вражеский"]
)  # fmt: skip
# an official or body of a region speaks for its state ("аким Баткенского района")
OFFICIALS = frozenset(
    ["глава", "губернатор", "аким", "хоким", "мэр", "администрация", "власть", "начальник",
     "руководитель", "заместитель", "полиция", "управление", "хукумат", "председатель"]
)  # fmt: skip
BODIES = (ActorKind.GOVERNMENT, ActorKind.MILITARY, ActorKind.MISSION, ActorKind.ORG)
# A person named in the speaker phrase speaks for themselves, a body before its state
SPEAKER_ORDER = {ActorKind.PERSON: 0, ActorKind.STATE: 2}


@dataclass
class Context:
    text: str
    sentences: list[Sentence]
    mentions: list[RuMention]
    places: list[PlaceMention]
    dates: list[RuDate]
    cues: RuCues
    events: RuEvents
    actors: dict[str, Actor]
    published_on: date | None
    document_id: str | None
    version: str
    adjectives: dict[str, Actor]  # "армянский" -> Armenia
    actors_by_code: dict[str, str]  # state code -> its name, for agents named by inference
    statement_day: date | None = None  # the day the text anchors its statements to
    gazetteer: Any = None  # for the region an official speaks for ("глава Баткенской области")


def _resolve_bare(mention: RuMention, before: list[RuMention], actors: dict[str, Actor]) -> Actor:
    """ "Минобороны" alone is the ministry last named in full, where one was."""
    words = mention.text.lower().split()
    body = BODY_WORDS.get(words[0]) if len(words) == 1 else None
    if body is None:
        return mention.actor
    for earlier in reversed(before):
        if earlier.actor.id.endswith("." + body) and len(earlier.text.split()) > 1:
            return earlier.actor
    return mention.actor


class ClaimMaker:
    """Builds the claims of one document from its statements, in text order."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.last_speaker: tuple[str, Actor | None] | None = None
        self.by_cue: dict[tuple[int, int], tuple[tuple[int, int], Actor | None]] = {}
        self.named: list[tuple[set[str], Actor]] = []  # speaker phrases resolved so far
        self.civilians: set[tuple[int, int]] = set()  # speaker spans that are civilians
        self.outlets: set[str] = set()  # claims whose speaker is a news outlet or channel

    def _mentions_in(self, start: int, end: int) -> list[RuMention]:
        return [m for m in self.ctx.mentions if m.start >= start and m.end <= end]

    def _overlapping(self, start: int, end: int) -> list[RuMention]:
        """Mentions the span cuts into ("ВСУ" of "в Генштабе ВСУ" parsed apart)."""
        return [m for m in self.ctx.mentions if m.start < end and m.end > start]

    def _actor_at(self, mention: RuMention) -> Actor:
        before = [m for m in self.ctx.mentions if m.end <= mention.start]
        return _resolve_bare(mention, before, self.ctx.actors)

    def speaker(self, st: Statement) -> tuple[tuple[int, int], Actor | None] | None:
        sentence = self.ctx.sentences[st.sentence]
        if not st.speaker_tokens and st.parent is not None:
            inherited = self.by_cue.get((st.sentence, st.parent))
            if inherited is not None:
                return inherited
        relayed = self._relayed_source(st, sentence)
        if relayed is not None:
            return relayed
        if not st.speaker_tokens:
            return None
        start, end = trimmed(self.ctx.text, *sentence.span(st.speaker_tokens))
        if civilian_phrase(sentence, st.speaker_tokens):  # "жители сёл Таджикистана"
            self.civilians.add((start, end))
            return (start, end), None
        found = self._mentions_in(start, end) or self._overlapping(start, end)
        names = {
            sentence.tokens[i].lemma
            for i in st.speaker_tokens
            if sentence.tokens[i].text[:1].isupper() and sentence.tokens[i].text[1:2].islower()
        }
        if found:
            chosen = min(found, key=lambda m: SPEAKER_ORDER.get(m.actor.kind, 1))
            actor = self._actor_at(chosen)
            self.named.append((names, actor))
            return (start, end), actor
        if outlet_phrase(sentence, st.speaker_tokens):  # "Газета «Украинская правда»"
            return (start, end), None  # an outlet is no state's voice
        # a surname after the full name ("по словам Сырского") speaks for the same side
        earlier_named = next((a for n, a in reversed(self.named) if names & n), None)
        if earlier_named is not None:
            return (start, end), earlier_named
        words = {k for i in st.speaker_tokens for k in sentence.tokens[i].keys}
        state = next((self.ctx.adjectives[k] for k in words if k in self.ctx.adjectives), None)
        if state is not None:  # "южнокорейские военные", "армянского оборонного ведомства"
            return (start, end), state
        region = self._regional(st, sentence, words)
        if region is not None:  # "глава Баткенской области": an official of that state
            return (start, end), region
        if words & STATEMENT_WORDS and self.last_speaker is not None:
            return (start, end), self.last_speaker[1]  # "говорится в сообщении": the last one's
        spoken = [a for _, a in self.named if a.kind in BODIES]
        if words & GENERIC and spoken:  # "в ведомстве": the body that last spoke
            return (start, end), spoken[-1]
        if words & GENERIC:  # else the body last named
            earlier = [m for m in self.ctx.mentions if m.end <= start and m.actor.kind in BODIES]
            bodies = {BODY_OF_WORD[w] for w in words if w in BODY_OF_WORD}
            same = [m for m in earlier if any(m.actor.id.endswith("." + b) for b in bodies)]
            earlier = same or earlier  # "в Министерстве обороны": the defence ministry named
            if earlier:
                return (start, end), self._actor_at(earlier[-1])
        if (words & PRONOUNS or words & GENERIC) and self.last_speaker is not None:
            return (start, end), self.last_speaker[1]
        return (start, end), None

    def _relayed_source(
        self, st: Statement, sentence: Sentence
    ) -> tuple[tuple[int, int], Actor] | None:
        """ "Об этом сообщает РБК со ссылкой на заявление главкома ВСУ": an outlet relaying
        is never the speaker (GUIDE.md §2); the source it names is."""
        if st.cue_token is None:
            return None
        text = self.ctx.text
        at = text.find("со ссылкой на", st.cue[1], sentence.end)
        until = sentence.end
        if at < 0:  # "Со ссылкой на Минобороны азербайджанские СМИ сообщили, что …"
            found_at = text[sentence.start : st.cue[0]].lower().find("со ссылкой на")
            at = sentence.start + found_at if found_at >= 0 else -1
            until = st.cue[0]
        if at < 0:
            return None
        found = self._mentions_in(at, until)[:1]
        if not found:
            return None
        chosen = min(found, key=lambda m: SPEAKER_ORDER.get(m.actor.kind, 1))
        actor = self._actor_at(chosen)
        tail = [t for t in sentence.tokens if t.start >= at]
        names = {t.lemma for t in tail if t.text[:1].isupper() and t.text[1:2].islower()}
        self.named.append((names, actor))
        return (chosen.start, chosen.end), actor

    def build(self, statements: list[Statement]) -> list[Claim]:
        claims: list[Claim] = []
        for whole in statements:
            sentence = self.ctx.sentences[whole.sentence]
            for part in _conjuncts(sentence, whole.speaker_tokens):
                st = replace(whole, speaker_tokens=part)
                found = self.speaker(st)
                if found is None:
                    continue
                span, actor = found
                if st.cue_token is not None:  # a participle after it keeps the first speaker
                    self.by_cue.setdefault((st.sentence, st.cue_token), (span, actor))
                self.last_speaker = (self.ctx.text[span[0] : span[1]], actor)
                st, report = self._rejected_report(st)
                claim = casualty_agents(self._claim(f"c{len(claims) + 1}", st, span, actor), claims)
                claims.append(responding(claim, claims) if self._answers(st) else claim)
                if report is not None:  # the rejected report's own claim
                    inner, (o0, o1), owner = report
                    made = self._claim(f"c{len(claims) + 1}", inner, (o0, o1), owner)
                    claims.append(accused_denier(made, claim))
        return once(without_relays(merged(claims, self.ctx.text), self.outlets))

    def _rejected_report(
        self, st: Statement
    ) -> tuple[Statement, tuple[Statement, tuple[int, int], Actor] | None]:
        """ "опровергли заявления России о попытке прорыва": the content is what the report
        says ("попытке прорыва …", as for "заявил о"), and the report is a claim of its own
        by its owner with that content (GUIDE.md §1, embedded claims). A report labelled
        false in the content ("Сообщение X о том, что якобы …, является дезинформацией", —
        говорится в сообщении) is denied the same way."""
        labelled = st.neutral and self._labels_false(st)
        if not labelled and (
            st.where != st.sentence or st.act not in (Act.DENY, Act.CONFIRM) or st.neutral
        ):
            return st, None
        sentence = self.ctx.sentences[st.where]
        tokens = [i for i in st.content_tokens if sentence.tokens[i].start >= st.content[0]]
        if not tokens or not sentence.tokens[tokens[0]].keys & OWNED_REPORTS:
            return st, None
        about = next(
            (k for k, i in enumerate(tokens) if sentence.tokens[i].text.lower() in ("о", "об")),
            None,
        )
        if about is None or about + 1 >= len(tokens):
            return st, None
        rest = tokens[about + 1 :]
        if sentence.tokens[rest[0]].text.lower() == "том":  # "о том, что …"
            rest = [i for i in rest[1:] if sentence.tokens[i].text.lower() not in (",", "что")]
            rest = rest if rest else tokens[about + 1 :]
        end = st.content[1]
        if labelled:  # the report's own clause, without "является дезинформацией"
            label = next((k for k, i in enumerate(rest) if labels_at(sentence, i)), len(rest))
            rest = rest[:label]
            while rest and sentence.tokens[rest[-1]].pos == "PUNCT":
                rest.pop()
            if not rest:
                return st, None
            end = sentence.tokens[rest[-1]].end
            st = replace(st, act=Act.DENY, neutral=False, labelled_false=True)
        head = sentence.tokens[tokens[0]]
        owners = self._mentions_in(head.end, sentence.tokens[tokens[about]].start)
        c0, c1 = trimmed(self.ctx.text, sentence.tokens[rest[0]].start, end)
        outer = replace(st, content=(c0, c1), content_tokens=rest)
        if not owners:
            return outer, None
        owner = owners[0]
        owner_tokens = [i for i in tokens[:about] if sentence.tokens[i].start >= owner.start
                        and sentence.tokens[i].end <= owner.end]  # fmt: skip
        inner = replace(
            outer, act=Act.ASSERT, neutral=True, speaker_tokens=owner_tokens, labelled_false=False
        )
        return outer, (inner, (owner.start, owner.end), self._actor_at(owner))

    def _labels_false(self, st: Statement) -> bool:
        """Whether the content calls something false ("является дезинформацией")."""
        sentence = self.ctx.sentences[st.where]
        lemmas = [sentence.tokens[i].lemma for i in st.content_tokens]
        return any(contains(lemmas, m) for m in self.ctx.cues.markers.get(Act.DENY, ()))

    def _answers(self, st: Statement) -> bool:
        """Whether the content is only a report named ("эти сообщения", "обвинения")."""
        sentence = self.ctx.sentences[st.where]
        words = {k for i in st.content_tokens for k in sentence.tokens[i].keys}
        return (
            bool(words & REPORT_NOUNS)
            and trigger(sentence, st.content_tokens, self.ctx.events) is None
        )

    def _agents(self, st: Statement, kind_token, speaker_state: str | None) -> list[Agent]:
        sentence = self.ctx.sentences[st.where]
        if kind_token is None:
            return []
        return self._named_agents(st, sentence, kind_token)

    def _named_agents(self, st: Statement, sentence: Sentence, kind_token) -> list[Agent]:
        targets = target_tokens(sentence, kind_token)
        agents: list[Agent] = []
        phrases = agent_tokens(sentence, st.content_tokens, kind_token)
        if st.accused:
            phrases.insert(0, st.accused)
        for phrase in phrases:
            phrase = [i for i in phrase if i not in targets]
            if not phrase:
                continue
            for agent in self._phrase_agents(sentence, phrase):
                if all(a.affiliation != agent.affiliation for a in agents):
                    agents.append(agent)
            if agents:
                break
        if not agents:
            agents = self._side_agents(st, sentence)
        if not agents and kind_token.type is not EventType.OTHER:
            agents = self._subject_agents(st, sentence, targets)
        return agents

    def _regional(self, st: Statement, sentence: Sentence, words: set[str]) -> Actor | None:
        if not words & OFFICIALS:
            return None
        code = country_of_region(
            [sentence.tokens[i] for i in st.speaker_tokens], self.ctx.gazetteer
        )
        states = {a.affiliation: a for a in self.ctx.actors.values() if a.kind is ActorKind.STATE}
        return states.get(code) if code else None

    def _speaker_words(self, st: Statement) -> set[str]:
        sentence = self.ctx.sentences[st.sentence]
        return {k for i in st.speaker_tokens for k in sentence.tokens[i].keys}

    def _blamed(self, st: Statement, sentence: Sentence) -> list[Agent]:
        """ "ответственность за провокацию возлагается на руководство Таджикистана": the
        side the content holds responsible acted (GUIDE.md §3: it is blamed)."""
        blamed = blamed_tokens(sentence, st.content_tokens)
        return self._phrase_agents(sentence, blamed)[:1] if blamed else []

    def _side_agents(self, st: Statement, sentence: Sentence) -> list[Agent]:
        """ "обстрел … со стороны Армении": the actor named after "со стороны" acts."""
        text = self.ctx.text
        c0, _ = sentence.span(st.content_tokens)
        for mention in self._mentions_in(c0, sentence.end):
            if text[max(c0, mention.start - 12) : mention.start].lower().endswith("со стороны "):
                actor = self._actor_at(mention)
                return [Agent(mention.text, actor.id, actor.affiliation)]
        return []

    def _our_forces(self, st: Statement, sentence: Sentence, found) -> bool:
        """ "наши войска усилены": first-person forces that act are the speaker's side
        (never those that were hit: "наши позиции подверглись обстрелу")."""
        targets = target_tokens(sentence, found)
        lemmas = {sentence.tokens[i].lemma for i in st.content_tokens}
        if lemmas & SUBJECTED:  # "подвергали обстрелу наши подразделения": they were hit
            return False
        for i in st.content_tokens:
            token = sentence.tokens[i]
            if token.lemma != "наш" or token.head is None or i in targets:
                continue
            head = sentence.tokens[token.head]
            if head.lemma in FORCES and head.rel in ("nsubj", "nsubj:pass"):
                return True
        return False

    def _subject_agents(self, st: Statement, sentence: Sentence, targets: set[int]) -> list[Agent]:
        """The subject of the content's main verb, where it names an actor ("Киев готовит …")."""
        inside = set(st.content_tokens)
        tops = [i for i in st.content_tokens if sentence.tokens[i].head not in inside]
        for top in tops:
            for child in sentence.tokens[top].children:
                if sentence.tokens[child].rel in ("nsubj", "nsubj:pass") and child not in targets:
                    found = self._phrase_agents(sentence, sentence.subtree(child))
                    if found:
                        return found[:1]
        return []

    def _phrase_agents(self, sentence: Sentence, phrase: list[int]) -> list[Agent]:
        """Actors a phrase names; else the state its adjective names ("украинские дроны")."""
        if civilian_phrase(sentence, phrase):
            return []  # "граждане Грузии пересекли границу": civilians, agent null
        start, end = sentence.span(phrase)
        agents = []
        for mention in self._mentions_in(start, end):
            actor = self._actor_at(mention)
            agents.append(Agent(mention.text, actor.id, actor.affiliation))
        if agents:
            return agents
        for i in phrase:
            token = sentence.tokens[i]
            state = next(
                (self.ctx.adjectives[k] for k in token.keys if k in self.ctx.adjectives), None
            )
            if state is not None and token.rel == "amod":
                head = token.head if token.head is not None else i
                words = sorted({i, head})
                a, b = sentence.span(words)
                return [Agent(self.ctx.text[a:b], state.id, state.affiliation)]
            if state is not None and token.pos == "NOUN" and token.rel in ("nsubj", "nmod"):
                # a people's name for its forces: "россияне продолжают обстреливать …"
                return [Agent(token.text, state.id, state.affiliation)]
        return []

    def _act(self, st: Statement, lemmas: list[str], event_type: EventType, is_negated: bool,
             agents: list[Agent], speaker_state: str | None,
             opponent: bool = False, party: bool = False) -> Act:  # fmt: skip
        if not st.neutral:
            return st.act
        for act in (Act.APPEAL, Act.WARN, Act.DENY):
            for marker in self.ctx.cues.markers.get(act, ()):
                if contains(lemmas, marker):
                    return act
        if is_negated and event_type is not EventType.CASUALTY:
            return Act.DENY  # "no one was hurt" reports, it rejects nothing
        hostile = event_type in HOSTILE or "ответственность" in lemmas
        side = bool(speaker_state) or party  # a de facto body or victims speak as a side
        if (
            hostile
            and side
            and any(a.affiliation and a.affiliation != speaker_state for a in agents)
        ):
            return Act.ACCUSE
        if hostile and side and not agents and opponent:
            return Act.ACCUSE  # "вооружённые отряды обстреляли …": a non-state opponent
        if side and not agents and event_type is EventType.PROVOCATION:
            return Act.ACCUSE  # a side never reports its own provocation
        if side and not agents and event_type is EventType.ATTACK and lemmas_suffer(lemmas):
            return Act.ACCUSE  # "позиции подверглись обстрелу": a side reports being hit
        return Act.ASSERT

    def _claim(self, cid: str, st: Statement, span: tuple[int, int], actor: Actor | None) -> Claim:
        ctx = self.ctx
        sentence = ctx.sentences[st.where]  # the content's sentence
        text = ctx.text
        state = actor.affiliation if actor is not None else None
        found = trigger(sentence, st.content_tokens, ctx.events)
        event_type = found.type if found else EventType.OTHER
        is_negated = bool(found and negated(sentence, st.content_tokens, found, ctx.cues))
        if st.act is Act.DENY and not st.neutral:
            is_negated = True  # "опроверг сообщения о …": the event did not happen
        agents = self._agents(st, found, state) or self._blamed(st, sentence)
        if not agents and found is not None and state and self._our_forces(st, sentence, found):
            agents = [Agent(self.ctx.actors_by_code.get(state, state), None, state)]
        lemmas = [sentence.tokens[i].lemma for i in st.content_tokens]
        if passive_hit(sentence, st.content_tokens):
            lemmas.append("подвергнуться")  # "позиции обстреляны": read as being hit
        if state and lemmas_suffer(lemmas) and all(a.affiliation == state for a in agents):
            agents = []  # "позиции армянской армии подверглись обстрелу": the target
        if not agents and event_type is EventType.ATTACK:
            agents = weapon_agents(sentence, st.content_tokens, state, ctx.adjectives, text)
        targets = target_tokens(sentence, found) if found else set()
        acting = {sentence.tokens[i].lemma for i in st.content_tokens if i not in targets}
        # "отряды обстреляли", not "сбили самолёт противника"; civilians who act too
        opponent = bool(acting & (OPPONENTS | CIVILIANS))
        party = speaks_as_party(actor, span in self.civilians, self._speaker_words(st))
        if is_outlet(actor, self._speaker_words(st), text[span[0] : span[1]]):
            self.outlets.add(cid)
        act = self._act(st, lemmas, event_type, is_negated, agents, state, opponent, party)
        if act in (Act.WARN, Act.APPEAL):
            is_negated = False  # "не допустим провокаций", "призвал не стрелять": no denial
        own = (act is Act.DENY and event_type in HOSTILE) or (
            act is Act.WARN and event_type is EventType.ATTACK
        )
        civilians = bool(acting & CIVILIANS)  # "граждане Грузии пересекли …": agent null
        if not agents and act is Act.ACCUSE and not civilians and unnamed_enemy(lemmas, event_type):
            agents = other_side(
                state, ctx.mentions, ctx.actors, ctx.actors_by_code
            )  # "противник обстрелял", "подверглись обстрелу"
        if not agents and state and own:
            # A denial is about the speaker's own side's alleged acts; a warning threatens
            # the speaker's own response ("получит адекватный ответ", GUIDE.md §4).
            agents = [Agent(self.ctx.actors_by_code.get(state, state), None, state)]
        if act is Act.DENY and st.neutral and not is_negated and found is not None:
            is_negated = marker_negates(lemmas, ctx.cues)
        c0, c1 = st.content
        return Claim(
            id=cid,
            speaker=Speaker(
                text=text[span[0] : span[1]],
                start=span[0],
                end=span[1],
                actor_id=actor.id if actor else None,
                affiliation=state,
            ),
            act=act,
            cue=Span(text[st.cue[0] : st.cue[1]], *st.cue),
            content=Span(text[c0:c1], c0, c1),
            event=Event(
                type=event_type,
                negated=is_negated,
                agent=agents[0] if agents else None,
                agents=tuple(agents),
                places=tuple(p for p in ctx.places if p.start >= c0 and p.end <= c1),
                time=self._time(c0, c1),
            ),
            direct_quote=st.direct_quote,
            stated_on=self._stated_on(st, ctx.sentences[st.sentence]),
            confidence=0.7 if st.cue_token is not None else 0.6,
            extractor_version=ctx.version,
            document_id=ctx.document_id,
            meta={"language": "ru"},
        )

    def _time(self, start: int, end: int) -> TimeWindow | None:
        inside = [d for d in self.ctx.dates if d.start >= start and d.end <= end]
        if not inside:
            return None
        first = inside[0]
        return TimeWindow(first.first, first.last, first.text)

    def _stated_on(self, st: Statement, sentence: Sentence) -> date | None:
        """A date in the cue's sentence outside the content: the day it was said; else the
        day the document anchors its statements to (its dateline or its own day named)."""
        c0, c1 = st.content
        for d in self.ctx.dates:
            if sentence.start <= d.start and d.end <= sentence.end and not (c0 <= d.start < c1):
                return d.last if d.text.lower().startswith("в ночь") else d.first
        return self.ctx.statement_day


def _conjuncts(sentence: Sentence, speaker: list[int]) -> list[list[int]]:
    """ "ЕС, ООН и ОБСЕ призвали …": one speaker per conjunct (GUIDE.md §1)."""
    inside = set(speaker)
    roots = [i for i in speaker if sentence.tokens[i].head not in inside]
    if len(roots) != 1:
        return [speaker]
    conj = [c for c in sentence.tokens[roots[0]].children if sentence.tokens[c].rel == "conj"]
    if not conj:
        return [speaker]
    parts = [sentence.subtree(c) for c in conj]
    taken = {i for part in parts for i in part}
    first = [i for i in speaker if i not in taken]
    while first and not sentence.tokens[first[-1]].text[:1].isalnum():
        first.pop()
    cleaned = [[i for i in part if sentence.tokens[i].rel not in ("cc", "punct")] for part in parts]
    return [p for p in (first, *cleaned) if p]

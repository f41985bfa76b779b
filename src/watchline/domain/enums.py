"""The closed vocabularies of DESIGN.md: speech acts, event types, statuses."""

from enum import StrEnum


class Act(StrEnum):
    """What kind of speech act a claim is."""

    ASSERT = "assert"
    ACCUSE = "accuse"
    DENY = "deny"
    CONFIRM = "confirm"
    WARN = "warn"
    APPEAL = "appeal"


class EventType(StrEnum):
    """What a claim is about (each maps to a PLOVER type, see data/ontology.yaml)."""

    MOBILIZE = "mobilize"
    FORTIFY = "fortify"
    ATTACK = "attack"
    EXERCISE = "exercise"
    CASUALTY = "casualty"
    PROVOCATION = "provocation"
    DISINFORMATION = "disinformation"
    DIPLOMACY = "diplomacy"
    OTHER = "other"


class ObservationType(StrEnum):
    """What a patrol found: the event ontology plus `nothing_unusual`."""

    MOBILIZE = "mobilize"
    FORTIFY = "fortify"
    ATTACK = "attack"
    EXERCISE = "exercise"
    CASUALTY = "casualty"
    PROVOCATION = "provocation"
    DISINFORMATION = "disinformation"
    DIPLOMACY = "diplomacy"
    OTHER = "other"
    NOTHING_UNUSUAL = "nothing_unusual"


class Modality(StrEnum):
    """How a finding was made."""

    SEEN = "seen"
    HEARD = "heard"
    CAMERA = "camera"
    REPORTED = "reported"


class VerdictStatus(StrEnum):
    """The assessment of a case (DESIGN.md, 'Verdict statuses')."""

    CORROBORATED = "corroborated"
    CONTRADICTED = "contradicted"
    NOT_COVERED = "not_covered"
    UNOBSERVABLE = "unobservable"
    DISPUTED = "disputed"
    PENDING = "pending"


class SourceKind(StrEnum):
    """Who publishes a document."""

    NEWS = "news"
    MINISTRY = "ministry"
    TELEGRAM = "telegram"
    X = "x"
    FEED = "feed"
    MISSION = "mission"
    FILE = "file"
    OTHER = "other"


class ActorKind(StrEnum):
    """What kind of party an actor is."""

    STATE = "state"
    GOVERNMENT = "government"
    MILITARY = "military"
    MISSION = "mission"
    PERSON = "person"
    MEDIA = "media"
    CHANNEL = "channel"
    ORG = "org"


class Precision(StrEnum):
    """How exactly a place is known, from a point to a whole country."""

    POINT = "point"
    VILLAGE = "village"
    CITY = "city"
    SECTOR = "sector"
    BORDER = "border"
    REGION = "region"
    COUNTRY = "country"

    @property
    def settlement(self) -> bool:
        """A point, village or city: a place one can stand in, not a stretch of land."""
        return self in (Precision.POINT, Precision.VILLAGE, Precision.CITY)

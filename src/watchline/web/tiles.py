"""The optional tile layer of connected deployments, checked once when the app starts.

Missions run air-gapped, so by default the maps draw vector layers only and the CSP lets
images come from this site alone. A deployment with a tile server sets
`WATCHLINE_TILE_URL`; it goes into the CSP's `img-src` as one origin, so it is parsed
strictly here (scheme, host, port, the `{z}/{x}/{y}` placeholders and nothing that could
end a CSP directive) and a bad value stops the app from starting with E760, rather than
weakening the policy or leaving every map blank.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from watchline.errors import Errors, WatchlineError
from watchline.settings import Settings

SETTING = "WATCHLINE_TILE_URL"
PLACEHOLDERS = frozenset({"z", "x", "y"})
MAX_LENGTH = 500
MAX_ATTRIBUTION = 200
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"^(?:{_LABEL}\.)*{_LABEL}$")
_UNSAFE = re.compile(r"[\s;,'\"<>\\`^|]")  # would break the CSP, an attribute or a URL


@dataclass(frozen=True)
class TileSource:
    """A checked tile URL template, the origin the CSP allows, and the credit line."""

    url: str
    origin: str
    attribution: str


def _refuse(value: str, reason: str) -> WatchlineError:
    return WatchlineError(Errors.E760, setting=SETTING, value=value[:120], reason=reason)


def _origin(value: str) -> str:
    """`scheme://host[:port]` of `value`, or E760 saying what is wrong with it."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise _refuse(value, f"the scheme must be http or https, not {parts.scheme or 'none'!r}")
    if parts.username is not None or parts.password is not None:
        raise _refuse(value, "it carries a user name or password")
    host = parts.hostname or ""
    if "{" in parts.netloc or not (_HOST.match(host) or _ipv6(host)):
        reason = "it names no single host (a subdomain placeholder such as {s} is not allowed)"
        raise _refuse(value, reason)
    try:
        port = parts.port
    except ValueError:
        raise _refuse(value, "its port is not a number from 1 to 65535") from None
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown}" + (f":{port}" if port else "")


def _ipv6(host: str) -> bool:
    try:
        ipaddress.IPv6Address(host)
    except ValueError:
        return False
    return True


def _placeholders(value: str) -> None:
    found = set(re.findall(r"\{([^{}]*)\}", value))
    missing = PLACEHOLDERS - found
    if missing:
        names = ", ".join("{" + n + "}" for n in sorted(missing))
        raise _refuse(value, f"it lacks {names}")
    other = found - PLACEHOLDERS
    if other or value.count("{") != value.count("}") or len(found) != value.count("{"):
        shown = ", ".join("{" + n + "}" for n in sorted(other)) or "unmatched braces"
        raise _refuse(value, f"only {{z}}, {{x}} and {{y}} may be filled in, not {shown}")


def tile_source(settings: Settings) -> TileSource | None:
    """The configured tile layer, None when maps stay offline; E760/E761 for a bad value."""
    value = (settings.tile_url or "").strip()
    attribution = " ".join((settings.tile_attribution or "").split())[:MAX_ATTRIBUTION]
    if not value:
        if attribution:
            raise WatchlineError(Errors.E761)
        return None
    if len(value) > MAX_LENGTH:
        raise _refuse(value, f"it is longer than {MAX_LENGTH} characters")
    if _UNSAFE.search(value) or any(ord(c) < 33 or ord(c) > 126 for c in value):
        raise _refuse(value, "it holds spaces, quotes, ';', ',' or characters outside ASCII")
    origin = _origin(value)
    _placeholders(value)
    return TileSource(url=value, origin=origin, attribution=attribution)

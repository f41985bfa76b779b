"""One Jinja2 environment recipe for reports and web pages (same filters, same escaping)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader

#: The only URL schemes a template may turn into a link.
LINK_SCHEMES = frozenset({"http", "https"})

# Browsers drop leading/trailing C0 controls and spaces and every tab/newline inside a URL
# before they read its scheme ("java\tscript:" is "javascript:"); look at it the same way.
_CONTROL = re.compile(
    r"[\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]"
)


def _escape_html(name: str | None) -> bool:
    """HTML templates (`*.html`, `*.html.j2`) escape everything; Markdown ones do not."""
    return bool(name) and name.endswith((".html", ".html.j2"))


def safe_url(value: object) -> str | None:
    """`value` when it is an absolute http(s) URL, else None (never `javascript:`, `data:`…).

    Templates render the answer as `href` and fall back to plain, escaped text on None.
    """
    if value is None:
        return None
    text = str(value)
    try:
        scheme = urlsplit(_CONTROL.sub("", text)).scheme
    except ValueError:
        return None
    if scheme.lower() not in LINK_SCHEMES:
        return None
    return text.strip("".join(chr(c) for c in range(0x21)) + "\x7f")


def make_environment(*loaders: BaseLoader) -> Environment:
    """An environment over `loaders` first, then the shared publish templates."""
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("watchline.publish", "templates")]),
        autoescape=_escape_html,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = lambda value: f"{value:.0%}" if value is not None else "–"
    env.filters["day"] = lambda value: value.strftime("%d %b %Y") if value else "undated"
    env.filters["safe_url"] = safe_url
    return env

"""One Jinja2 environment recipe for reports and web pages (same filters, same escaping)."""

from __future__ import annotations

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader


def _escape_html(name: str | None) -> bool:
    """HTML templates (`*.html`, `*.html.j2`) escape everything; Markdown ones do not."""
    return bool(name) and name.endswith((".html", ".html.j2"))


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
    return env

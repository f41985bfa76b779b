"""The HTML report links a document only when its URL is http(s); any other URL is text."""

from __future__ import annotations

import dataclasses
import re

import pytest

from watchline.publish.report import render_report
from watchline.publish.templating import make_environment


def _view_with_url(demo_run, url: str, title: str | None = "Hostile source"):
    view = next(v for v in demo_run.views if v.claims_for or v.claims_against)
    claims = view.claims_for or view.claims_against
    claim = dataclasses.replace(claims[0], document_url=url, document_title=title)
    return dataclasses.replace(view, claims_for=(claim,), claims_against=(), context=(), copies=())


def _hrefs(html: str) -> list[str]:
    return re.findall(r"""href\s*=\s*["']?([^"' >]*)""", html, flags=re.IGNORECASE)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " \tjavascript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
    ],
)
def test_report_refuses_non_http_document_links(demo_run, url: str) -> None:
    html = render_report([_view_with_url(demo_run, url)], fmt="html")
    assert not any(
        re.sub(r"[\s\x00-\x1f]", "", h).lower().startswith(("javascript", "data", "vbscript"))
        for h in _hrefs(html)
    )
    assert "alert(1)" in html or "base64" in html or "msgbox" in html  # shown as text
    assert "Hostile source" in html


def test_report_keeps_https_document_links(demo_run) -> None:
    html = render_report(
        [_view_with_url(demo_run, "https://news.example/a?x=1&y=2", None)], fmt="html"
    )
    assert 'href="https://news.example/a?x=1&amp;y=2"' in html


def test_report_escapes_the_refused_url(demo_run) -> None:
    url = 'javascript:"><script>alert(1)</script>'
    html = render_report([_view_with_url(demo_run, url, None)], fmt="html")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_report_environment_escapes_html_templates() -> None:
    env = make_environment()
    assert env.filters["safe_url"]("javascript:alert(1)") is None
    assert env.filters["safe_url"]("https://x.example/") == "https://x.example/"
    template = env.get_template("_case.html.j2")
    assert template.environment.autoescape(template.name)
    assert not env.autoescape("report.md.j2")

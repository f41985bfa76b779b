"""PDF situation reports: the HTML report laid out for paper by WeasyPrint.

WeasyPrint renders with Pango and fontconfig, so the fonts are the machine's own
(Debian's fonts-dejavu-core and fonts-noto-core cover Latin with Azerbaijani letters,
Cyrillic and Armenian); nothing is fetched — a `url_fetcher` that refuses every URL
makes sure a hostile `<img src="http://…">` in a claim could not phone home even if it
escaped the template's escaping.
"""

from __future__ import annotations

from typing import Any

from watchline.errors import Errors, WatchlineError

#: Print layout added to the HTML report's own styles.
PRINT_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
    font-family: "DejaVu Sans", sans-serif; font-size: 8pt; color: #5b6470; } }
body { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans Armenian", sans-serif;
  font-size: 10pt; margin: 0; max-width: none; }
h3, h4 { break-after: avoid; } li, blockquote, figure { break-inside: avoid; }
svg.figure { width: 100%; height: auto; }
"""


def _refuse(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"offline report: not fetching {url[:80]}")


def html_to_pdf(html: str) -> bytes:
    """The PDF of one self-contained HTML report. E801 when WeasyPrint or Pango is missing."""
    try:
        from weasyprint import CSS, HTML
    except (ImportError, OSError) as exc:  # OSError: the Pango shared libraries are absent
        raise WatchlineError(Errors.E801, reason=str(exc).splitlines()[0][:200]) from None
    document = HTML(string=html, base_url=None, url_fetcher=_refuse)
    result = document.write_pdf(stylesheets=[CSS(string=PRINT_CSS)])
    assert result is not None  # write_pdf without a target returns the bytes
    return bytes(result)

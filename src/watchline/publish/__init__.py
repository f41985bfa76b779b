"""Publishing: situation reports (HTML, Markdown) built from case views."""

"""Watchline's web app: FastAPI JSON API plus server-rendered pages."""

from watchline.web.app import create_app

__all__ = ["create_app"]

"""Watchline: claims against observations for border and ceasefire monitoring missions."""

__version__ = "0.1.0"

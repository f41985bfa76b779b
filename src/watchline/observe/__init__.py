"""The mission's own eyes: theatre profiles, patrol import, observations and coverage."""

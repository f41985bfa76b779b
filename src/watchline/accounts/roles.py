"""Roles and what each may do: one table, read by every route's check and by the docs.

A mission is a team: monitors log patrols and findings, analysts ingest, review and set
verdicts, a publisher speaks for the mission, an admin manages accounts. Everyone logged
in may read; the public sees only what is published.
"""

from __future__ import annotations

from enum import StrEnum

from watchline.errors import Errors, InputError


class Role(StrEnum):
    MONITOR = "monitor"
    ANALYST = "analyst"
    PUBLISHER = "publisher"
    ADMIN = "admin"


class Permission(StrEnum):
    READ = "read"  # cases, documents, patrols, maps, the API's read routes
    PATROL = "record patrols and findings"
    ANALYSE = "ingest, review, correct and set verdicts"
    PUBLISH = "publish"
    WORKFLOW = "move cases through the review workflow"  # to published: PUBLISH as well
    USERS = "manage users"


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.MONITOR: frozenset({Permission.READ, Permission.PATROL}),
    Role.ANALYST: frozenset({Permission.READ, Permission.ANALYSE, Permission.WORKFLOW}),
    Role.PUBLISHER: frozenset({Permission.READ, Permission.PUBLISH, Permission.WORKFLOW}),
    Role.ADMIN: frozenset(Permission),
}


def allowed(role: Role | str, permission: Permission) -> bool:
    try:
        return permission in PERMISSIONS[Role(role)]
    except ValueError:  # a role this version does not know grants nothing
        return False


def parse_role(value: str) -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError:
        raise InputError(Errors.E601, role=value, options=", ".join(Role)) from None

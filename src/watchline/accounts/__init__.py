"""Accounts: who may do what in Watchline (roles, password hashing, tokens).

Pure of the database: `services.accounts` stores users, API tokens and browser
sessions; `web.auth` checks them on every route.
"""

from watchline.accounts.roles import PERMISSIONS, Permission, Role, allowed, parse_role
from watchline.accounts.secrets import check_name, hash_password, new_token, token_digest

__all__ = [
    "PERMISSIONS",
    "Permission",
    "Role",
    "allowed",
    "check_name",
    "hash_password",
    "new_token",
    "parse_role",
    "token_digest",
]

"""A short in-process memory of API tokens already checked, so a script's requests do
not each ask the database who they are.

Only tokens that were found valid are kept, by their SHA-256 digest (the raw token is
never stored), for `TOKEN_CACHE_S` seconds. A revoked token, a disabled user or a new
role therefore takes effect in every worker process within that many seconds, never
later; browser sessions are not cached (logging out ends a session at once). An unknown
token is looked up every time. The cache holds at most `TOKEN_CACHE_SIZE` tokens.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from watchline.accounts.secrets import token_digest
from watchline.services.accounts import User

#: How long a checked token is trusted without asking the database again (seconds).
TOKEN_CACHE_S = 5.0
TOKEN_CACHE_SIZE = 1024


class TokenCache:
    """digest -> (user, time checked); `clock` is injectable for tests."""

    def __init__(
        self,
        ttl_s: float = TOKEN_CACHE_S,
        size: int = TOKEN_CACHE_SIZE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_s, self.size, self.clock = ttl_s, size, clock
        self._users: dict[str, tuple[User, float]] = {}

    def user(self, token: str, look_up: Callable[[str], User | None]) -> User | None:
        """The token's user: remembered if checked under `ttl_s` ago, else `look_up`."""
        digest = token_digest(token)
        now = self.clock()
        kept = self._users.get(digest)
        if kept is not None and now - kept[1] < self.ttl_s:
            return kept[0]
        user = look_up(token)
        if user is None:
            self._users.pop(digest, None)
            return None
        if len(self._users) >= self.size:
            self._forget_expired(now)
        if len(self._users) >= self.size:
            self._users.clear()  # many live tokens: start over rather than grow
        self._users[digest] = (user, now)
        return user

    def _forget_expired(self, now: float) -> None:
        for digest in [d for d, (_, at) in self._users.items() if now - at >= self.ttl_s]:
            del self._users[digest]

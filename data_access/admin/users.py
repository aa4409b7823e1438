"""Who is looking: the user a page runs as, and what that user may see of personal data.

A signed-out session runs as `ANONYMOUS` (a viewer); signing in (`data_access.admin.accounts`,
`components/auth.py`) gives the session its account's user. Functions that return personal data
take a `User` and check it here, so who may see a name or an ID number is decided in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from data_access import vocab

Role = Literal["viewer", "editor", "admin"]


class AccessDenied(PermissionError):
    """The user may not see this personal data (a viewer asking for a roster)."""


@dataclass(frozen=True)
class User:
    """A user of the dashboard. An editor is scoped to the communities they may edit."""

    name: str
    role: Role = "viewer"
    communities: tuple[str, ...] = field(default_factory=tuple)
    # The account's stamp at sign-in (data_access.admin.stamps); None for a user no sign-in
    # issued. Not part of equality: the same person with the same rights is the same user.
    stamp: str | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.role not in vocab.USER_ROLES:
            raise ValueError(f"unknown role {self.role!r}")
        object.__setattr__(self, "communities", tuple(sorted(set(self.communities))))

    @property
    def sees_personal_data(self) -> bool:
        """Editors (of at least one community) and admins see masked rosters; viewers never do."""
        return self.role == "admin" or (self.role == "editor" and bool(self.communities))

    def may_see_community(self, community_code: str) -> bool:
        if self.role == "admin":
            return True
        return self.role == "editor" and community_code in self.communities

    def visible_communities(
        self, wanted: tuple[str, ...], all_codes: tuple[str, ...]
    ) -> tuple[str, ...]:
        """The chosen communities (all when none chosen) this user may see the roster of."""
        return tuple(c for c in (wanted or all_codes) if self.may_see_community(c))


# A stable internal name; a page that shows who is looking displays t("user.anonymous").
ANONYMOUS = User("anonymous", "viewer")


def require_personal_data_access(user: User) -> None:
    """Raise AccessDenied unless the user may see (masked) personal data at all."""
    if not user.sees_personal_data:
        raise AccessDenied(f"user {user.name!r} ({user.role}) may not see personal data")

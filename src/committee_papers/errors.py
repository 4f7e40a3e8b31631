"""The base of every error the library raises for bad input or settings."""


class CommitteePapersError(Exception):
    """Something the user can fix: the message names the place and what to do."""

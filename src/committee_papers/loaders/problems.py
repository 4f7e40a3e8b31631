"""Problems found while reading input (defined in ``committee_papers.errors``, shared by every reader)."""

from ..errors import LoadError, Problem

__all__ = ["LoadError", "Problem"]

"""Read reports from YAML or JSON files, or from mappings already in memory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..limits import Limits, resolve
from ..model import Report
from .bounds import check_mapping
from .problems import LoadError, Problem
from .reader import read_report
from .source import Source, parse_json, parse_yaml, read_text


def load(source: str | os.PathLike[str] | Mapping[str, Any], *, limits: Limits | None = None) -> Report:
    """Return the report in a YAML or JSON file, or in a mapping of the same shape.

    The file is read as untrusted (see ``committee_papers.limits``): it must be a regular
    file within ``limits.file_mb``, nesting at most ``limits.depth`` levels and expanding to
    at most ``limits.nodes`` values. Raise LoadError listing every problem, each with its
    place, when the input is not a valid report.
    """
    limits = resolve(limits)
    if isinstance(source, Mapping):
        data = dict(source)
        check_mapping(data, "<mapping>", limits)
        return read_report(Source("<mapping>", data))
    path = Path(source)
    text = read_text(path, "report file", limits)
    parse = parse_json if path.suffix.lower() == ".json" else parse_yaml
    return read_report(parse(text, str(path), limits))


__all__ = ["LoadError", "Problem", "load", "read_text"]

"""Read reports from YAML or JSON files, or from mappings already in memory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..model import Report
from .problems import LoadError, Problem
from .reader import read_report
from .source import Source, parse_json, parse_yaml


def load(source: str | os.PathLike[str] | Mapping[str, Any]) -> Report:
    """Return the report in a YAML or JSON file, or in a mapping of the same shape.

    Raise LoadError listing every problem, each with its place, when the input is not a
    valid report.
    """
    if isinstance(source, Mapping):
        return read_report(Source("<mapping>", dict(source)))
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LoadError(str(path), [Problem("", "the file does not exist: check the path")]) from None
    except IsADirectoryError:
        raise LoadError(str(path), [Problem("", "this is a folder, not a report file")]) from None
    except UnicodeDecodeError as error:
        message = f"the file is not UTF-8 text (byte {error.start}): save it as UTF-8"
        raise LoadError(str(path), [Problem("", message)]) from None
    except OSError as error:
        raise LoadError(str(path), [Problem("", f"the file cannot be read: {error.strerror}")]) from None
    parse = parse_json if path.suffix.lower() == ".json" else parse_yaml
    return read_report(parse(text, str(path)))


__all__ = ["LoadError", "Problem", "load"]

"""Run the command line: ``python -m committee_papers``."""

from .cli import main

raise SystemExit(main())

"""`python -m workmonitor_sdk` is the `workmonitor` command."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())

"""python -m workmonitor_agent (and the PyInstaller entry script: hence the absolute import)."""

import sys

from workmonitor_agent.cli import main

sys.exit(main())

"""Entry point of the frozen app (PyInstaller runs this file as ``__main__``).

The bundle behaves exactly like the installed ``pipwriter`` command: no arguments or a
``.pipw`` file opens the window; ``self-test``, ``check``, ``export`` ... run headless.
"""

import sys

from pipwriter.cli import main

if __name__ == "__main__":
    sys.exit(main())

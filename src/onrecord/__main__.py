"""``python -m onrecord``: the same command line as the ``onrecord`` script.

For environments where the script is not on PATH (a virtual environment not activated,
tests that run the CLI as a child process of the interpreter under test).
"""

import sys

from onrecord.cli.main import main

sys.exit(main())

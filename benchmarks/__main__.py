"""``python -m benchmarks``: run every benchmark and print the markdown report."""

import sys

from benchmarks.run import main

sys.exit(main())

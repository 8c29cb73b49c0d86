"""reader: a terminal news reader that lays out right-to-left text correctly."""

from pathlib import Path

__version__ = "0.1.0"

# The articles and themes installed with the package (a plain folder: the wheel is
# installed unzipped; `importlib.resources` would cost 10 ms of start-up to say the same).
PACKAGE_DATA = Path(__file__).parent / "data"

"""What the test folders share that is not a test: invented corpora, article builders, the
live-server helper. Imported as ``support.<module>``; fixtures built on them live in the
conftest files (``tests/conftest.py`` for the ones several folders use)."""

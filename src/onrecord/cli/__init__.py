"""The ``onrecord`` command line (entry point: :func:`onrecord.cli.main.main`)."""

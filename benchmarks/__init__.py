"""Benchmarks of the reader, run by hand: ``python -m benchmarks`` (see docs/benchmarks.md)."""

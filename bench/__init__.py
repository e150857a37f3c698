"""Benchmarks: `make bench-relevance` (bench/relevance.py)."""

"""Benchmarks on a large generated database: ``make bench`` (bench/run.py)."""

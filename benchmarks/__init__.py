"""Benchmarks: run by hand or by `benchmarks/run_all.py`, never by `make test`."""

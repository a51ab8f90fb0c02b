"""Benchmarks of mdtboard against baselines measured in the same run (``python -m bench``).

Each benchmark is one module ``bench/bench_<name>.py`` with a ``run() -> dict`` function; the runner in
``__main__`` finds them, runs each in a fresh interpreter and prints one table. Timings are never
asserted in the test suite: they live here.
"""

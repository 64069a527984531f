"""PiP Writer benchmarks: `python -m benchmarks [--quick] [--json OUT]` runs them all."""

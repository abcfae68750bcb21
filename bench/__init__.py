"""Synthetic corpus generator and benchmark suite (``dirgraph generate``, ``dirgraph bench``)."""

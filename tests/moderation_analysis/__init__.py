"""Tests of the six safety flag analysers."""

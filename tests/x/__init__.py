"""Tests of the X adapter against the local fake X API."""

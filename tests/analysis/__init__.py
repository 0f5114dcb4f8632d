"""Tests for message analysis: language, support requests, the pipeline and `beacon analyze`."""

"""Beacon test suite (a package so tests can share fakes: ``from tests.fakes.telegram import FakeTelegram``)."""

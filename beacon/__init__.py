"""Beacon kernel: events, actions, bus, storage, config, CLI and the runner."""

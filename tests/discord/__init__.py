"""Discord adapter tests: real discord.py over real HTTP and WebSocket against tests/fakes/discord.py."""

"""End-to-end tests of the Telegram adapter: real python-telegram-bot, real HTTP, the local fake Bot API."""

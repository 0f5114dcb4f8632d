"""Announcements and safety alerts: pure plans, service, CLI and Telegram journeys over the fake Bot API."""

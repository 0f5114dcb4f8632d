"""Announcements and safety alerts: compose, approve, fan out, delivery log."""

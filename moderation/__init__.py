"""Moderation: safety flags, policies, review queue, audit."""

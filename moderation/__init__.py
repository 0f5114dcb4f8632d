"""Moderation: safety flags, policies, review queue, audit."""

# Commands moderation answers (in DMs; /verify in groups too). Other features leave them alone,
# so a member gets one reply.
COMMANDS = frozenset({"appeal", "verify"})

"""Support desk: support requests, hand-off, tickets, FAQ."""

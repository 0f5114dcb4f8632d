"""The event bus: one small interface (``Bus``), an in-process and a Redis Streams implementation."""

from beacon.bus.base import Bus, DeadLetter, Delivery, Handler, Subscription, open_bus

__all__ = ["Bus", "DeadLetter", "Delivery", "Handler", "Subscription", "open_bus"]

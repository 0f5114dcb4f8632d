"""The event bus: one small interface (``Bus``), an in-process and a Redis Streams implementation."""

from beacon.bus.base import (
    BatchHandler,
    Bus,
    DeadLetter,
    Deferred,
    Delivery,
    Handler,
    Outcome,
    Subscription,
    open_bus,
)

__all__ = ["BatchHandler", "Bus", "DeadLetter", "Deferred", "Delivery", "Handler", "Outcome", "Subscription",
           "open_bus"]

"""SLA arithmetic: adding working time to an instant under a team's business hours (pure)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from community.config import WEEKDAYS, BusinessHours, SlaTarget

# A week of calendar days always contains a working day when any day is configured.
_MAX_DAYS = 366 * 2


def add_working_time(start: datetime, minutes: float, hours: BusinessHours) -> datetime:
    """``start`` plus ``minutes`` of the team's working time (wall-clock time for 24/7 teams).

    Time outside working hours does not count: a ticket opened on Friday evening with a 60-minute
    target is due one hour into Monday's shift.
    """
    if start.tzinfo is None:
        raise ValueError("start must be timezone-aware")
    if hours.always or not hours.days:
        return start + timedelta(minutes=minutes)
    zone = ZoneInfo(hours.timezone)
    open_t, close_t = hours.window()
    days = {WEEKDAYS.index(d) for d in hours.days}
    remaining = timedelta(minutes=minutes)
    cursor = start.astimezone(zone)
    for _ in range(_MAX_DAYS):
        day_open = cursor.replace(hour=open_t.hour, minute=open_t.minute, second=0, microsecond=0)
        day_close = cursor.replace(hour=close_t.hour, minute=close_t.minute, second=close_t.second,
                                   microsecond=close_t.microsecond)
        if cursor.weekday() in days and cursor < day_close:
            begin = max(cursor, day_open)
            available = day_close - begin
            if remaining <= available:
                return (begin + remaining).astimezone(timezone.utc)
            remaining -= available
        next_day = (cursor + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        # Re-localise: a DST change shifts the offset between days.
        cursor = next_day.replace(tzinfo=None).replace(tzinfo=zone)
    raise ValueError("business hours leave no working time")


def is_working(at: datetime, hours: BusinessHours) -> bool:
    if hours.always:
        return True
    local = at.astimezone(ZoneInfo(hours.timezone))
    open_t, close_t = hours.window()
    return WEEKDAYS[local.weekday()] in hours.days and open_t <= local.time() <= close_t


def due_dates(created: datetime, target: SlaTarget, hours: BusinessHours) -> tuple[datetime, datetime]:
    """(first response due, resolution due) for a ticket created at ``created``."""
    clock = hours if target.business_hours else BusinessHours(hours="24/7")
    return (add_working_time(created, target.first_response_minutes, clock),
            add_working_time(created, target.resolution_minutes, clock))

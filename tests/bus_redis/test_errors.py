"""An unreachable Redis is a clear one-line error that does not echo the password."""

from __future__ import annotations

import pytest

from beacon.bus import open_bus
from tests.bus_redis.support import free_port


async def test_unreachable_redis_fails_start_with_a_masked_url():
    url = f"redis://:hunter2@127.0.0.1:{free_port()}/0"
    bus = open_bus(url, database_url="sqlite:///ignored.db", reconnect_attempts=1)
    with pytest.raises(ConnectionError) as caught:
        await bus.start()
    message = str(caught.value)
    assert "Redis unreachable at redis://:***@127.0.0.1" in message
    assert "hunter2" not in message and "\n" not in message
    await bus.close()

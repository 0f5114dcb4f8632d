"""``beacon demo`` scripted through stdin, as the README shows it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BEACON = str(Path(sys.executable).with_name("beacon"))
SEED = "ocean frown meadow humble travel glance tired spoon apology label ginger mercy"


def test_scripted_demo(tmp_path: Path) -> None:
    shutil.copy(ROOT / "examples" / "demo.toml", tmp_path / "demo.toml")
    script = (ROOT / "examples" / "demo-script.txt").read_text(encoding="utf-8")
    out = subprocess.run([BEACON, "demo", "--config", str(tmp_path / "demo.toml")], input=script, text=True,
                         capture_output=True, timeout=180, cwd=tmp_path,
                         env={k: v for k, v in os.environ.items() if k != "BEACON_CONFIG"})
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    public = [line for line in lines if line.startswith("bot → #general")]
    # The support request got one public hand-off reply with a deep link, without the UID.
    handoff = [line for line in public if "(reply to 2)" in line]
    # (message 2 of #general is bob's request: message 1 is alice's greeting)
    assert len(handoff) == 1 and "?start=" in handoff[0] and "55501234" not in handoff[0]
    # The seed phrase was deleted and never echoed anywhere.
    assert "bot deleted #general [3]" in lines
    assert not any(word in out.stdout + out.stderr for word in ("ocean frown", "apology label", SEED))
    # Bob had started the bot, so he also heard from it privately.
    assert any(line.startswith("bot → dm @bob") for line in lines)

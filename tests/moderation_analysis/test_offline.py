"""The analysers never touch the network: the public suffix list is tldextract's bundled snapshot."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_no_network_access() -> None:
    script = textwrap.dedent("""
        import socket
        def refuse(*args, **kwargs):
            raise SystemExit("network access attempted")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from beacon.verdict import AnalysisInput
        from moderation.analysis import build_flag_analysers
        from tests.moderation_analysis.conftest import nimbus_settings
        analysers = build_flag_analysers(nimbus_settings())
        msg = AnalysisInput(text="try https://www.nimbus.com.account-secure.io/login or bit.ly/x or 0kx-cn.com")
        flags = {f.flag.value for a in analysers for f in a.analyse(msg) if f.flag}
        assert "phishing" in flags, flags
        print("ok")
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr

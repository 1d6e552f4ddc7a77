"""`eventsift serve`: its options, its errors, and a real process on 127.0.0.1."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx2
from click.testing import CliRunner

from eventsift.cli import cli
from eventsift.errors import ConfigError, StoreError


def test_server_cli_help_lists_the_options():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--tiles", "127.0.0.1", "8000"):
        assert option in result.output


def test_server_cli_missing_store_fails_before_serving(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb"), "--port", "1"])
    assert result.exit_code != 0
    assert isinstance(result.exception, StoreError)
    assert "no such store" in str(result.exception)
    assert "serving" not in result.output


def test_server_cli_rejects_a_bad_tile_url(api_store):
    result = CliRunner().invoke(cli, ["serve", "--db", str(api_store[0]), "--tiles", "file:///etc/passwd"])
    assert isinstance(result.exception, ConfigError)


def test_server_cli_rejects_a_bad_port(api_store):
    result = CliRunner().invoke(cli, ["serve", "--db", str(api_store[0]), "--port", "70000"])
    assert result.exit_code == 2 and "70000" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_cli_serves_on_loopback_and_checks_the_host_header(api_store):
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("EVENTSIFT_TILE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "eventsift", "serve", "--db", str(api_store[0]), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx2.get(f"{url}/api/meta", timeout=2)
                break
            except httpx2.TransportError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.monotonic() < deadline, "the server did not come up"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["counts"]["events"] == 5
        assert httpx2.get(f"{url}/").status_code == 200
        assert httpx2.get(f"{url}/api/meta", headers={"Host": "attacker.example"}).status_code == 400
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=15)
    assert f"at http://127.0.0.1:{port}/" in out

"""The shipped gunicorn configuration keeps client addresses out of every log."""

import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def free_port():
    for _attempt in range(20):
        port = random.randint(8850, 8899)  # this project's port range on shared machines
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.skip("no free port in 8850-8899")


def send(port, payload):
    # The first request waits while the worker loads Django on a busy machine.
    with socket.create_connection(("127.0.0.1", port), timeout=60) as connection:
        connection.sendall(payload)
        return connection.recv(4096)


@pytest.fixture
def gunicorn(tmp_path):
    port = free_port()
    logs = {"access": tmp_path / "access.log", "error": tmp_path / "error.log"}
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
        "GUNICORN_ACCESS_LOG": str(logs["access"]),
        "GUNICORN_ERROR_LOG": str(logs["error"]),
    }
    gunicorn_bin = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(  # noqa: S603 (a fixed command line)
        [str(gunicorn_bin), "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(100):
            time.sleep(0.1)
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
        else:
            pytest.fail("gunicorn did not start")
        yield port, logs
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_no_client_address_in_gunicorn_logs(gunicorn):
    """Malformed and ordinary requests leave no address, in the access or the error log."""
    port, logs = gunicorn
    send(port, b"GET /static/warm-up.css HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    assert send(port, b"GARBAGE\r\n\r\n").startswith(b"HTTP/1.1 400")
    assert send(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n").startswith(b"HTTP/1.1 400")
    send(port, b"GET /static/nothing.css HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    time.sleep(0.5)
    error_log = logs["error"].read_text()
    access_log = logs["access"].read_text()
    assert "Invalid request from ip=-" in error_log
    assert "/static/nothing.css" in access_log
    for text in (error_log, access_log):
        assert "127.0.0.1" not in text.replace(f"127.0.0.1:{port}", "")  # the listening address is not a client's
    # Dated to the day: no clock time in the error log.
    assert not any(":" in line.split("]")[0] for line in error_log.splitlines() if line.startswith("["))

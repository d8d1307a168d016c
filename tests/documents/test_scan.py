"""The clamd INSTREAM client, against a fake daemon on a unix socket (and once over TCP)."""

from __future__ import annotations

import io
import socket
import tempfile

import pytest

from qaward.documents.enums import ScanStatus
from qaward.documents.scan import ClamdClient, ScanResult, parse_reply, parse_tcp_address, scan_stream

from .fake_clamd import FakeClamd

pytestmark = pytest.mark.unit

EICAR_LIKE = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$-not-the-real-test-string-" * 3


@pytest.fixture
def socket_path(tmp_path):
    path = tmp_path / "clamd.sock"
    if len(str(path)) < 100:
        return path
    # AF_UNIX paths are limited to about 108 bytes, and pytest's tmp_path can be longer.
    return type(tmp_path)(tempfile.mkdtemp(prefix="clamd", dir=tmp_path.anchor + "tmp")) / "c.sock"


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("stream: OK", ScanResult(ScanStatus.CLEAN, "")),
        ("stream: Win.Test.EICAR_HDB-1 FOUND", ScanResult(ScanStatus.INFECTED, "Win.Test.EICAR_HDB-1")),
        (
            "INSTREAM size limit exceeded. ERROR",
            ScanResult(ScanStatus.ERROR, "INSTREAM size limit exceeded. ERROR"),
        ),
    ],
)
def test_instream_over_a_unix_socket(socket_path, reply, expected):
    data = EICAR_LIKE * 40  # several chunks of 1 KiB
    with FakeClamd(unix_path=socket_path, reply=reply) as daemon:
        result = ClamdClient(unix_socket=str(socket_path), timeout=5, chunk_size=1024).instream(
            io.BytesIO(data)
        )
    assert result == expected
    assert daemon.commands == [b"zINSTREAM\0"]
    assert daemon.received == [data]
    assert daemon.chunk_sizes[:-1] == [1024] * (len(data) // 1024)
    assert sum(daemon.chunk_sizes) == len(data)


def test_instream_over_tcp():
    with FakeClamd(reply="stream: Eicar-Signature FOUND") as daemon:
        client = ClamdClient(tcp=parse_tcp_address(daemon.address), timeout=5)
        assert client.instream(io.BytesIO(b"abc")) == ScanResult(ScanStatus.INFECTED, "Eicar-Signature")
    assert daemon.received == [b"abc"]


def test_ping(socket_path):
    with FakeClamd(unix_path=socket_path):
        assert ClamdClient(unix_socket=str(socket_path), timeout=5).ping() is True


def test_unreachable_daemon_is_a_scan_error(tmp_path):
    result = ClamdClient(unix_socket=str(tmp_path / "absent.sock"), timeout=1).instream(io.BytesIO(b"x"))
    assert result.status == ScanStatus.ERROR
    assert result.detail.startswith("clamd unreachable")


def test_daemon_that_never_answers_times_out(socket_path):
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(socket_path))
    listener.listen(1)
    try:
        result = ClamdClient(unix_socket=str(socket_path), timeout=0.3).instream(io.BytesIO(b"x"))
    finally:
        listener.close()
    assert result.status == ScanStatus.ERROR


@pytest.mark.parametrize(
    ("reply", "status", "detail"),
    [
        ("1: stream: OK", ScanStatus.CLEAN, ""),
        ("1: stream: Doc.Macro.X FOUND", ScanStatus.INFECTED, "Doc.Macro.X"),
        ("", ScanStatus.ERROR, "unexpected clamd reply: ''"),
        ("stream: OKAY", ScanStatus.ERROR, "unexpected clamd reply: 'stream: OKAY'"),
    ],
)
def test_parse_reply(reply, status, detail):
    assert parse_reply(reply) == ScanResult(status, detail)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("127.0.0.1:3310", ("127.0.0.1", 3310)),
        ("clamav:3310", ("clamav", 3310)),
        ("[::1]:3310", ("::1", 3310)),
    ],
)
def test_parse_tcp_address(value, expected):
    assert parse_tcp_address(value) == expected


@pytest.mark.parametrize("value", ["clamav", ":3310", "host:0", "host:65536", "host:port"])
def test_parse_tcp_address_refuses(value):
    with pytest.raises(ValueError):
        parse_tcp_address(value)


def test_not_configured_means_not_scanned(settings):
    settings.QAWARD_CLAMD_SOCKET = ""
    settings.QAWARD_CLAMD_TCP = ""
    assert scan_stream(io.BytesIO(b"x")) == ScanResult(ScanStatus.NOT_SCANNED, "")


def test_configured_socket_is_used(settings, socket_path):
    settings.QAWARD_CLAMD_SOCKET = str(socket_path)
    stream = io.BytesIO(b"payload")
    stream.seek(3)
    with FakeClamd(unix_path=socket_path) as daemon:
        assert scan_stream(stream).status == ScanStatus.CLEAN
    assert daemon.received == [b"payload"]  # from the start, whatever the position was
    assert stream.tell() == 0

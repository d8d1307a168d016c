"""Virus scanning through ClamAV's daemon (clamd), when one is configured.

The PyPI clients (``clamd``, ``pyclamd``) have been unmaintained since 2014/2017, so this is a
small client of the documented INSTREAM protocol (clamd(8)): send ``zINSTREAM\\0``, then chunks
each prefixed with its length as a 4-byte big-endian integer, then a zero length; the daemon
answers ``stream: OK``, ``stream: <signature> FOUND`` or ``<reason> ERROR``, NUL-terminated.

Settings: ``QAWARD_CLAMD_SOCKET`` (unix socket path) or ``QAWARD_CLAMD_TCP`` (``host:port``);
``QAWARD_CLAMD_TIMEOUT`` (seconds). Neither set: nothing is scanned and the file is recorded as
"not scanned". Note clamd's own ``StreamMaxLength`` (default 25 MB) must be at least the
largest slot limit (50 MB), or large files come back as a scan error.
"""

from __future__ import annotations

import socket
import struct
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings

from qaward.documents.enums import ScanStatus

CHUNK_SIZE = 64 * 1024
_MAX_REPLY = 4096


@dataclass(frozen=True)
class ScanResult:
    status: ScanStatus
    detail: str = ""


class ClamdClient:
    """Talks to one clamd, over a unix socket or TCP; a new connection per scan."""

    def __init__(
        self,
        *,
        unix_socket: str | None = None,
        tcp: tuple[str, int] | None = None,
        timeout: float = 60.0,
        chunk_size: int = CHUNK_SIZE,
    ):
        if (unix_socket is None) == (tcp is None):
            raise ValueError("give exactly one of unix_socket and tcp")
        self.unix_socket = unix_socket
        self.tcp = tcp
        self.timeout = timeout
        self.chunk_size = chunk_size

    def _connect(self) -> socket.socket:
        if self.unix_socket is not None:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(self.timeout)
            try:
                sock.connect(self.unix_socket)
            except BaseException:
                sock.close()
                raise
            return sock
        return socket.create_connection(self.tcp, timeout=self.timeout)

    def ping(self) -> bool:
        try:
            with self._connect() as sock:
                sock.sendall(b"zPING\0")
                return _read_reply(sock) == "PONG"
        except OSError:
            return False

    def instream(self, stream: BinaryIO) -> ScanResult:
        """Scan ``stream`` from its current position to the end."""
        try:
            with self._connect() as sock:
                try:
                    sock.sendall(b"zINSTREAM\0")
                    while chunk := stream.read(self.chunk_size):
                        sock.sendall(struct.pack("!L", len(chunk)) + chunk)
                    sock.sendall(struct.pack("!L", 0))
                except (BrokenPipeError, ConnectionResetError):
                    # clamd closes the connection when the stream passes StreamMaxLength, after
                    # writing its reason; read it if it is there.
                    pass
                reply = _read_reply(sock)
        except OSError as exc:  # includes timeouts and refused connections
            return ScanResult(ScanStatus.ERROR, f"clamd unreachable: {exc}"[:255])
        return parse_reply(reply)


def _read_reply(sock: socket.socket) -> str:
    data = b""
    while b"\0" not in data and len(data) < _MAX_REPLY:
        try:
            part = sock.recv(1024)
        except ConnectionResetError:
            break
        if not part:
            break
        data += part
    return data.split(b"\0", 1)[0].decode("utf-8", "replace").strip()


def parse_reply(reply: str) -> ScanResult:
    # With IDSESSION replies are prefixed "<n>: "; a plain INSTREAM reply starts "stream: ".
    text = reply.strip()
    if text.endswith(" FOUND"):
        body = text[: -len(" FOUND")]
        signature = body.rsplit(": ", 1)[-1]
        return ScanResult(ScanStatus.INFECTED, signature.strip()[:255])
    if text.endswith("ERROR"):
        return ScanResult(ScanStatus.ERROR, text[:255])
    if text.endswith(": OK") or text == "OK":
        return ScanResult(ScanStatus.CLEAN, "")
    return ScanResult(ScanStatus.ERROR, f"unexpected clamd reply: {text!r}"[:255])


def parse_tcp_address(value: str) -> tuple[str, int]:
    """``host:port`` or ``[ipv6]:port`` → (host, port); ValueError when malformed."""
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"expected host:port, got {value!r}")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host, int(port)


def configured_client() -> ClamdClient | None:
    timeout = float(getattr(settings, "QAWARD_CLAMD_TIMEOUT", 60.0))
    if unix_socket := getattr(settings, "QAWARD_CLAMD_SOCKET", ""):
        return ClamdClient(unix_socket=unix_socket, timeout=timeout)
    if tcp := getattr(settings, "QAWARD_CLAMD_TCP", ""):
        return ClamdClient(tcp=parse_tcp_address(tcp), timeout=timeout)
    return None


def scan_stream(stream: BinaryIO) -> ScanResult:
    """Scan with the configured daemon; NOT_SCANNED when none is configured. Leaves ``stream``
    at 0."""
    client = configured_client()
    if client is None:
        return ScanResult(ScanStatus.NOT_SCANNED, "")
    stream.seek(0)
    try:
        return client.instream(stream)
    finally:
        stream.seek(0)

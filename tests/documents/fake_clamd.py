"""A tiny clamd stand-in for tests: speaks the INSTREAM and PING commands on a unix socket (or
TCP), records what it received and answers with a reply chosen by the test."""

from __future__ import annotations

import socket
import struct
import threading
from pathlib import Path


class FakeClamd:
    def __init__(self, *, unix_path: Path | None = None, reply: str = "stream: OK"):
        self.reply = reply
        self.received: list[bytes] = []
        self.chunk_sizes: list[int] = []
        self.commands: list[bytes] = []
        if unix_path is not None:
            self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.server.bind(str(unix_path))
            self.address = str(unix_path)
        else:
            self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.server.bind(("127.0.0.1", 0))
            self.address = f"127.0.0.1:{self.server.getsockname()[1]}"
        self.server.listen(4)
        # Short accept timeouts let the serving thread notice it should stop.
        self.server.settimeout(0.05)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._stopping = False

    def __enter__(self) -> FakeClamd:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopping = True
        self._thread.join(timeout=5)
        self.server.close()

    def _serve(self) -> None:
        while not self._stopping:
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                connection.settimeout(10)
                self._handle(connection)

    def _read_exact(self, connection, n: int) -> bytes:
        data = b""
        while len(data) < n:
            part = connection.recv(n - len(data))
            if not part:
                raise ConnectionError("client closed early")
            data += part
        return data

    def _handle(self, connection) -> None:
        command = b""
        while not command.endswith(b"\0"):
            command += self._read_exact(connection, 1)
        self.commands.append(command)
        if command == b"zPING\0":
            connection.sendall(b"PONG\0")
            return
        assert command == b"zINSTREAM\0", command
        payload = b""
        while True:
            (length,) = struct.unpack("!L", self._read_exact(connection, 4))
            if length == 0:
                break
            self.chunk_sizes.append(length)
            payload += self._read_exact(connection, length)
        self.received.append(payload)
        connection.sendall(self.reply.encode() + b"\0")

"""A small TCP proxy for tests and benchmarks: in front of a PostgreSQL server, it can add delay to every
packet (a distant server), go silent (a network that drops everything without closing anything), or cut
the network (every connection through it reset, and nothing gets through until it is restored)."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time


class TcpProxy:
    """Forwards 127.0.0.1:<port> to ``upstream``. ``delay_s`` is added once each way (so a round trip
    takes ``2 * delay_s`` more); with :meth:`go_silent`, every byte either way is dropped."""

    def __init__(self, upstream: tuple[str, int], *, delay_s: float = 0.0) -> None:
        self.upstream = upstream
        self.delay_s = delay_s
        self.silent = threading.Event()
        self._closing = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def go_silent(self) -> None:
        self.silent.set()

    def speak_again(self) -> None:
        self.silent.clear()

    def cut(self) -> None:
        """The network drops: every connection through the proxy is reset at once (both ends), and new
        connections are swallowed (silent) until :meth:`restore`."""
        self.silent.set()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST
                sock.close()

    def restore(self) -> None:
        self.silent.clear()

    def close(self) -> None:
        self._closing.set()
        self._thread.join()
        self._listener.close()
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.close()

    def __enter__(self) -> TcpProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _accept(self) -> None:
        while not self._closing.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._sockets += [client, server]
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        while not self._closing.is_set():
            try:
                data = source.recv(65536)
            except OSError:
                break
            if not data:
                break
            if self.silent.is_set():
                continue  # dropped, like a network that has gone silent
            if self.delay_s:
                time.sleep(self.delay_s)
            try:
                target.sendall(data)
            except OSError:
                break
        if not self.silent.is_set():  # a silent network does not pass a close on either
            with contextlib.suppress(OSError):
                target.shutdown(socket.SHUT_WR)

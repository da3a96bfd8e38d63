"""The HTTP client behind :mod:`kg.store.endpoint`, on the standard library only.

Why no HTTP package: kg talks to an endpoint with two kinds of request, a form POST for a
query (:func:`request`, urllib) and many PUT/POST of N-Triples for a load over one
keep-alive connection (:class:`Connection`, http.client). Both turn every failure into a
one-line :class:`~kg.errors.StoreError` that says what to fix, with the same words
(:func:`status_error`, :func:`network_error`), whichever module raised it.
"""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from kg.errors import StoreError

__all__ = ["Connection", "endpoint_url", "network_error", "request", "status_error"]


def endpoint_url(url: str, default_path: str) -> str:
    """Check the URL and add Oxigraph's default path (/store, /query) to a bare server URL.

    >>> endpoint_url("http://127.0.0.1:7878/", "/store")
    'http://127.0.0.1:7878/store'
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise StoreError(
            f"endpoint {url!r} is not an http(s) URL; pass e.g. http://127.0.0.1:7878/store"
        )
    if parts.path in {"", "/"} and not parts.query:
        return url.rstrip("/") + default_path
    return url


def status_error(what: str, url: str, status: int, reason: str, body: bytes) -> StoreError:
    """The error for an HTTP 4xx/5xx answer, with the start of the server's message."""
    text = body[:300].decode("utf-8", "replace").strip().replace("\n", " ")
    hint = (
        "check the URL (Oxigraph: /store for loading, /query for queries)"
        if status < 500
        else "check the server log"
    )
    return StoreError(f"{what}: HTTP {status} {reason} from {url} ({text[:200]}); {hint}")


def network_error(what: str, url: str, error: BaseException, timeout: float) -> StoreError:
    """The error for a request that got no HTTP answer: timeout, unreachable or cut off.

    urllib wraps the failure to connect in :class:`urllib.error.URLError`, whose ``reason``
    says what went wrong; http.client raises it as it is.
    """
    wrapped = isinstance(error, urllib.error.URLError)
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError):
        return StoreError(
            f"{what}: {url} timed out after {timeout:g} s; check that the server runs and is "
            "not overloaded, then retry"
        )
    if wrapped or isinstance(reason, ConnectionRefusedError | socket.gaierror):
        return StoreError(f"{what}: cannot reach {url} ({reason}); start the server or fix the URL")
    return StoreError(f"{what}: connection to {url} failed ({reason}); check the server and retry")


def request(req: urllib.request.Request, timeout: float, what: str) -> tuple[bytes, str]:
    """Send ``req``; return the body and its Content-Type, or raise a :class:`StoreError`."""
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        raise status_error(what, req.full_url, e.code, e.reason, e.read(300)) from e
    except OSError as e:  # URLError, TimeoutError and ConnectionError are all OSErrors
        raise network_error(what, req.full_url, e, timeout) from e


class Connection:
    """One keep-alive HTTP(S) connection for the many requests of a load.

    Every failure becomes a one-line :class:`StoreError`. A request that finds a reused
    connection closed by the server is sent once more on a new one (PUT and POST of the same
    triples are idempotent on a set-semantics store).
    """

    def __init__(self, url: str, timeout: float) -> None:
        parts = urlsplit(url)
        self.url, self.timeout = url, timeout
        self.https = parts.scheme == "https"
        self.host = parts.hostname or ""
        self.port = parts.port
        self.path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self.conn: http.client.HTTPConnection | None = None

    def close(self) -> None:
        """Close the connection; the next :meth:`send` opens a new one."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def send(self, method: str, query: str, body: bytes, what: str) -> None:
        """Send N-Triples ``body`` with ``method`` to the endpoint URL plus ``?query``."""
        sep = "&" if "?" in self.path else "?"
        target, full = f"{self.path}{sep}{query}", f"{self.url}{sep}{query}"
        headers = {"Content-Type": "application/n-triples"}
        for attempt in (1, 2):
            reused = self.conn is not None
            if self.conn is None:
                cls = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
                self.conn = cls(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, target, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
            except (OSError, http.client.HTTPException) as e:
                self.close()
                closed = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)
                if isinstance(e, closed) and reused and attempt == 1:
                    continue
                raise network_error(what, full, e, self.timeout) from e
            if response.status >= 400:
                self.close()
                raise status_error(what, full, response.status, response.reason, data)
            return

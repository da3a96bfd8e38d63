"""kg.store.http without a server: one wording for every failure, whichever module saw it."""

from __future__ import annotations

import socket
import urllib.error

import pytest

from kg.errors import StoreError
from kg.store.http import endpoint_url, network_error, status_error

URL = "http://127.0.0.1:7878/store"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (TimeoutError("slow"), "timed out after 2 s; check that the server runs"),
        (urllib.error.URLError(TimeoutError("slow")), "timed out after 2 s"),
        (urllib.error.URLError(ConnectionRefusedError(111, "refused")), "cannot reach"),
        (ConnectionRefusedError(111, "refused"), "cannot reach"),
        (socket.gaierror(-2, "Name or service not known"), "cannot reach"),
        (ConnectionResetError(104, "reset"), "connection to http://127.0.0.1:7878/store failed"),
        (BrokenPipeError(32, "pipe"), "check the server and retry"),
    ],
)
def test_network_errors_say_what_to_fix(error, expected):
    err = network_error("loading graph <g>", URL, error, 2)
    assert isinstance(err, StoreError)
    assert str(err).startswith("loading graph <g>: ") and expected in str(err)


def test_status_error_quotes_the_server_and_hints_by_class():
    client = status_error("query", URL, 404, "Not Found", b"no such\nservice" + b"x" * 400)
    assert "HTTP 404 Not Found from http://127.0.0.1:7878/store (no such service" in str(client)
    assert str(client).endswith("(Oxigraph: /store for loading, /query for queries)")
    assert len(str(client)) < 400
    server = status_error("query", URL, 503, "Unavailable", b"")
    assert str(server).endswith("check the server log")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:7878", "http://127.0.0.1:7878/query"),
        ("https://db.example.org/", "https://db.example.org/query"),
        ("http://127.0.0.1:7878/sparql", "http://127.0.0.1:7878/sparql"),
        ("http://127.0.0.1:7878/?x=1", "http://127.0.0.1:7878/?x=1"),
    ],
)
def test_endpoint_url_adds_the_default_path_to_a_bare_server(url, expected):
    assert endpoint_url(url, "/query") == expected


def test_endpoint_url_needs_http():
    with pytest.raises(StoreError, match="not an http"):
        endpoint_url("file:///tmp/store", "/store")

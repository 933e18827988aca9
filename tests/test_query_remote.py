"""kg.rdf.remote against a tiny stdlib HTTP server: protocol details, auth, errors."""

from __future__ import annotations

import base64
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from kg.errors import EndpointError, QueryError
from kg.rdf.remote import Endpoint, push

ANSWER = {
    "head": {"vars": ["n"]},
    "results": {"bindings": [{"n": {"type": "literal", "value": "7"}}]},
}


class Handler(BaseHTTPRequestHandler):
    seen: list[tuple[str, str, dict, bytes]] = []

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Handler.seen.append((self.command, self.path, dict(self.headers), body))
        expected = "Basic " + base64.b64encode(b"kg:s3cret").decode()
        if self.path.startswith("/private") and self.headers.get("Authorization") != expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.end_headers()
            return
        if self.path.startswith("/broken"):
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"boom")
            return
        data = json.dumps(ANSWER).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = _handle


@pytest.fixture(scope="module")
def url():
    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_query_posts_form_with_prologue_and_reads_results(url):
    Handler.seen.clear()
    rows = Endpoint(f"{url}/sparql").select("SELECT ?n WHERE { ?s kg:x ?n }", {"s": "值"})
    assert rows == [{"n": "7"}]
    method, _, headers, body = Handler.seen[-1]
    sent = urllib.parse.parse_qs(body.decode())["query"][0]
    assert method == "POST" and headers["Accept"] == "application/sparql-results+json"
    assert sent.startswith("PREFIX kg: <https://w3id.org/kg-disclosure/ontology#>")
    assert 'VALUES (?s) { ("值") }' in sent


def test_credentials_in_the_url_answer_the_challenge(url):
    host = url.removeprefix("http://")
    assert Endpoint(f"http://kg:s3cret@{host}/private").select("SELECT ?n {}") == [{"n": "7"}]
    with pytest.raises(EndpointError, match="401"):
        Endpoint(f"http://kg:wrong@{host}/private").select("SELECT ?n {}")


def test_remote_query_refuses_updates(url):
    with pytest.raises(QueryError):
        Endpoint(f"{url}/sparql").query("DROP ALL")


def test_server_error_is_an_endpoint_error(url):
    with pytest.raises(EndpointError, match="HTTP 500 boom"):
        Endpoint(f"{url}/broken").select("SELECT ?n {}")


def test_not_http_is_refused():
    with pytest.raises(EndpointError):
        Endpoint("file:///etc/passwd").select("SELECT ?n {}")


def test_gsp_push_puts_then_posts_chunks(url, monkeypatch):
    monkeypatch.setattr("kg.rdf.remote.PUSH_CHUNK_LINES", 2)
    Handler.seen.clear()
    data = b"".join(f'<http://e/{i}> <http://e/p> "{i}" .\n'.encode() for i in range(5))
    assert push(data, f"{url}/store", graph="http://e/g") == 5
    assert [(m, p) for m, p, _, _ in Handler.seen] == [
        ("PUT", "/store?graph=http%3A%2F%2Fe%2Fg"),
        ("POST", "/store?graph=http%3A%2F%2Fe%2Fg"),
        ("POST", "/store?graph=http%3A%2F%2Fe%2Fg"),
    ]
    assert all(h["Content-Type"] == "application/n-triples" for _, _, h, _ in Handler.seen)


def test_update_push_clears_then_inserts(url):
    Handler.seen.clear()
    push(b'<http://e/a> <http://e/p> "x" .\n', f"{url}/update", protocol="update")
    bodies = [b.decode() for _, _, _, b in Handler.seen]
    assert bodies[0] == "CLEAR SILENT DEFAULT"
    assert bodies[1].startswith("INSERT DATA {") and '<http://e/a> <http://e/p> "x" .' in bodies[1]

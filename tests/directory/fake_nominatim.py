"""A tiny Nominatim stand-in on 127.0.0.1 at a random port: /search answers Nominatim-shaped JSON."""

import json
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

from tests.local_server import LocalServer

PLACES = {
    "kortumstraße 1, 44787, bochum": [
        {"place_id": 1, "lat": "51.4816553", "lon": "7.2174862", "display_name": "Kortumstraße 1, Innenstadt, Bochum, 44787, Deutschland"},
        {"place_id": 2, "lat": "51.4820000", "lon": "7.2180000", "display_name": "Kortumstraße, Bochum, Deutschland"},
    ],
}


class FakeNominatim(LocalServer):
    def __init__(self, delay=0.0, body=None):
        self.delay, self.body, self.requests = delay, body, []
        super().__init__()
        self.url = self.origin + "/search"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlparse(self.path)
                query = {key: values[0] for key, values in parse_qs(url.query).items()}
                fake.requests.append({"path": url.path, "query": query, "user_agent": self.headers.get("User-Agent", "")})
                time.sleep(fake.delay)
                if url.path != "/search":
                    self.send_response(404)
                    self.end_headers()
                    return
                body = fake.body if fake.body is not None else json.dumps(PLACES.get(query.get("q", "").lower(), [])).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler

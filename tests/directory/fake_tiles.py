"""A tile server stand-in on 127.0.0.1 at a random port: every /z/x/y.png is a 256 px green square."""

import io
from http.server import BaseHTTPRequestHandler

from PIL import Image

from tests.local_server import LocalServer

GREEN = (40, 160, 60)


def tile_png():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), GREEN).save(buffer, "PNG")
    return buffer.getvalue()


class FakeTileServer(LocalServer):
    def __init__(self):
        self.requests, self.png = [], tile_png()
        super().__init__()
        self.url = self.origin + "/{z}/{x}/{y}.png"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                fake.requests.append({"path": self.path, "user_agent": self.headers.get("User-Agent", "")})
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(fake.png)))
                self.end_headers()
                self.wfile.write(fake.png)

            def log_message(self, *args):
                pass

        return Handler

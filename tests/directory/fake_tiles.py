"""A tile server stand-in on 127.0.0.1 at a random port: every /z/x/y.png is a 256 px green square."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image

GREEN = (40, 160, 60)


def tile_png():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), GREEN).save(buffer, "PNG")
    return buffer.getvalue()


class FakeTileServer:
    def __init__(self):
        self.requests, self.png = [], tile_png()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.origin + "/{z}/{x}/{y}.png"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

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

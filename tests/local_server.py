"""The base of the stand-ins for services outside this machine (Stripe, Nominatim, a tile server): an HTTP
server on 127.0.0.1 at a random port, in a thread, for `with FakeX() as server:`. Subclasses give
`_handler()`, the request handler class."""

import threading
from http.server import ThreadingHTTPServer


class LocalServer:
    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        raise NotImplementedError

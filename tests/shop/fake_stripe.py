"""A small stand-in for the Stripe API, on 127.0.0.1 at a random port.

localstripe (PyPI, 1.15.10) has no Checkout Sessions, so the shop's tests talk to this instead:
the official `stripe` library sends its real HTTP requests here (STRIPE_API_BASE), and gets
Stripe-shaped JSON back. Only what the shop uses is answered; anything else is a 404 like Stripe's.
"""

import hashlib
import hmac
import json
import re
import secrets
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl

from tests.local_server import LocalServer


def _nest(pairs):
    """Stripe's form encoding (line_items[0][price_data][unit_amount]=500) back into dicts and lists."""
    root = {}
    for key, value in pairs:
        parts = re.findall(r"[^\[\]]+", key)
        node = root
        for part, following in zip(parts, parts[1:]):
            node = node.setdefault(part, {})
        node[parts[-1]] = value

    def listify(node):
        if isinstance(node, dict):
            if node and all(k.isdigit() for k in node):
                return [listify(node[k]) for k in sorted(node, key=int)]
            return {k: listify(v) for k, v in node.items()}
        return node

    return listify(root)


class FakeStripe(LocalServer):
    def __init__(self):
        self.sessions = {}
        self.refunds = []
        self.requests = []
        self.failures = 0  # answer this many requests with a 500, as during a Stripe outage
        super().__init__()
        self.url = self.origin

    # What Stripe would do when the buyer pays on the hosted page.
    def complete(self, session_id):
        session = self.sessions[session_id]
        session.update(status="complete", payment_status="paid", payment_intent=f"pi_{secrets.token_hex(8)}")
        return session

    def _create_session(self, params):
        session_id = f"cs_test_{secrets.token_hex(12)}"
        amount = sum(int(item["quantity"]) * int(item["price_data"]["unit_amount"]) for item in params["line_items"])
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": params.get("mode"),
            "status": "open",
            "payment_status": "unpaid",
            "amount_total": amount,
            "currency": params["line_items"][0]["price_data"]["currency"],
            "customer_email": params.get("customer_email"),
            "client_reference_id": params.get("client_reference_id"),
            "metadata": params.get("metadata", {}),
            "expires_at": int(params.get("expires_at", time.time() + 1800)),
            "success_url": params.get("success_url"),
            "cancel_url": params.get("cancel_url"),
            "payment_intent": None,
            "line_items_sent": params["line_items"],
            "url": f"{self.url}/c/pay/{session_id}",
        }
        self.sessions[session_id] = session
        return 200, session

    def _expire(self, session_id):
        session = self.sessions.get(session_id)
        if session is None:
            return 404, _error(f"No such checkout.session: '{session_id}'")
        if session["status"] != "open":
            return 400, _error(f"Only Checkout Sessions with a status of open can be expired; this is {session['status']}.")
        session["status"] = "expired"
        return 200, session

    def _refund(self, params):
        refund = {"id": f"re_{secrets.token_hex(8)}", "object": "refund", "status": "succeeded",
                  "payment_intent": params.get("payment_intent")}
        self.refunds.append(refund)
        return 200, refund

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self, status, body, content_type="application/json"):
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Request-Id", f"req_{secrets.token_hex(6)}")
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                match = re.fullmatch(r"/c/pay/(cs_test_\w+)", self.path)
                if match and match.group(1) in fake.sessions:
                    page = (f"<!doctype html><html lang='en'><head><title>Fake Stripe Checkout</title></head>"
                            f"<body><main><h1>Fake Stripe Checkout</h1><p id='amount'>"
                            f"{fake.sessions[match.group(1)]['amount_total']}</p></main></body></html>")
                    return self._reply(200, page.encode(), "text/html; charset=utf-8")
                self._reply(404, _error("Unrecognized request URL"))

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                params = _nest(parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True))
                fake.requests.append((self.path, params, self.headers.get("Authorization")))
                if fake.failures:
                    fake.failures -= 1
                    return self._reply(500, _error("Something went wrong on Stripe's end.", "api_error"))
                if self.path == "/v1/checkout/sessions":
                    return self._reply(*fake._create_session(params))
                match = re.fullmatch(r"/v1/checkout/sessions/(cs_test_\w+)/expire", self.path)
                if match:
                    return self._reply(*fake._expire(match.group(1)))
                if self.path == "/v1/refunds":
                    return self._reply(*fake._refund(params))
                self._reply(404, _error("Unrecognized request URL"))

        return Handler


def _error(message, kind="invalid_request_error"):
    return {"error": {"type": kind, "message": message}}


def event(event_type, obj, event_id=None):
    """A Stripe event envelope around a session or charge."""
    return {
        "id": event_id or f"evt_{secrets.token_hex(12)}",
        "object": "event",
        "api_version": "2025-01-01",
        "created": int(time.time()),
        "type": event_type,
        "data": {"object": obj},
        "livemode": False,
        "pending_webhooks": 1,
    }


def sign(payload, secret, timestamp=None):
    """The Stripe-Signature header exactly as Stripe builds it: HMAC-SHA256 over "t.payload"."""
    timestamp = int(timestamp or time.time())
    signature = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={signature}"

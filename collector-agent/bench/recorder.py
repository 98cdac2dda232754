"""A loopback stand-in for the ingest endpoint: accepts every batch, answers with the interval of a host no one watches.
GET answers 200 "ok", as the target of the agent's HTTP service check."""
import gzip
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Handler(BaseHTTPRequestHandler):
    posts = 0
    samples = 0

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        count = len(json.loads(gzip.decompress(body))["samples"])
        Handler.posts += 1
        Handler.samples += count
        reply = json.dumps({"accepted": count, "rejected": [], "next_post_seconds": 60}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)
        with open(sys.argv[2], "w") as f:
            f.write(f"{Handler.posts} {Handler.samples}\n")

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()

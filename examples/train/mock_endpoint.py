#!/usr/bin/env python3
"""A tiny OpenAI-compatible chat endpoint on 127.0.0.1 for trying `spotter eval` without a GPU or an API key.

It answers POST /v1/chat/completions with the canned answer for the last user message and the requested model
(answers.jsonl, written by make_heldout.py); unknown prompts get "I don't know.". Usage is reported as
characters/4. It is a demo fixture, not a model.
Run:  python3 examples/train/mock_endpoint.py 8765 &   then  spotter eval --endpoint http://127.0.0.1:8765/v1 ...
"""
import json, os, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
ANSWERS = {}
for line in open(os.path.join(HERE, "answers.jsonl")):
    r = json.loads(line)
    ANSWERS[r["user"]] = r["answers"]


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        if not self.path.endswith("/chat/completions"):
            self.send_error(404)
            return
        req = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        user = [m["content"] for m in req["messages"] if m["role"] == "user"][-1]
        text = ANSWERS.get(user, {}).get(req.get("model"), "I don't know.")
        prompt_chars = sum(len(m["content"]) for m in req["messages"])
        body = json.dumps({"id": "mock-1", "object": "chat.completion", "model": req.get("model"),
                           "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                        "finish_reason": "stop"}],
                           "usage": {"prompt_tokens": prompt_chars // 4, "completion_tokens": len(text) // 4,
                                     "total_tokens": (prompt_chars + len(text)) // 4}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()

#!/usr/bin/env python3
"""Baseline for scripts/bench_http.sh: a minimal Discord interactions endpoint in Python
(aiohttp + PyNaCl) doing what scs-bot serve does before answering: Ed25519 over
timestamp + body, a timestamp tolerance, JSON parsing, PING -> PONG, and a fixed /join answer
(the same JSON scs-bot renders, read from a file, so Python does no answering work at all).

usage: DISCORD_PUBLIC_KEY=hex python3 scripts/py_interactions.py PORT ANSWER.json
"""
import json
import os
import sys
import time

from aiohttp import web
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

KEY = VerifyKey(bytes.fromhex(os.environ["DISCORD_PUBLIC_KEY"]))
TOLERANCE = 300
ANSWER = open(sys.argv[2], "rb").read() if len(sys.argv) > 2 else b'{"type":4,"data":{}}'


async def interactions(request: web.Request) -> web.Response:
    signature = request.headers.get("X-Signature-Ed25519")
    timestamp = request.headers.get("X-Signature-Timestamp")
    body = await request.read()
    if not signature or not timestamp:
        return web.Response(status=401, text="invalid request signature")
    try:
        KEY.verify(timestamp.encode() + body, bytes.fromhex(signature))
        if abs(time.time() - int(timestamp)) > TOLERANCE:
            raise ValueError("stale")
    except (BadSignatureError, ValueError):
        return web.Response(status=401, text="invalid request signature")
    try:
        interaction = json.loads(body)
        kind = interaction["type"]
    except (ValueError, KeyError, TypeError):
        return web.Response(status=400, text="not an interaction")
    if kind == 1:
        return web.json_response({"type": 1})
    if kind == 2:
        return web.Response(body=ANSWER, content_type="application/json")
    return web.Response(status=400, text="unsupported interaction type")


def main() -> None:
    app = web.Application(client_max_size=64 * 1024)
    app.router.add_post("/interactions", interactions)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)


if __name__ == "__main__":
    main()

"""Which of the local stack's ports are taken, and by what: checked before anything starts, so that a second stack
says so in one line (session 53's new user got a 20-line traceback naming one port of three)."""

from __future__ import annotations

import errno
import json
import socket
import urllib.error
import urllib.request
from collections.abc import Mapping
from email.message import Message

# What the local search API (gateway.py) calls itself in its Server header.
API_SERVER_NAME = "archive-search-local"


def port_in_use(port: int) -> bool:
    """Whether something listens on 127.0.0.1:port, or holds it bound."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        if s.connect_ex(("127.0.0.1", port)) == 0:
            return True
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return True
            raise
    return False


def _get(url: str) -> tuple[Message, bytes] | None:
    """Headers and body of a GET (an HTTP error's too), None when nothing answers HTTP there."""
    try:
        with urllib.request.urlopen(url, timeout=1.0) as resp:  # noqa: S310 - a local http URL we built
            return resp.headers, resp.read(65536)
    except urllib.error.HTTPError as exc:
        return exc.headers, exc.read(65536)
    except (OSError, ValueError):
        return None


def describe_listener(port: int) -> str:
    """What listens on 127.0.0.1:port, as far as its answers tell: an OpenSearch node, the local search API, moto,
    else "another process"."""
    root = _get(f"http://127.0.0.1:{port}/")
    if root is not None:
        headers, body = root
        if str(headers.get("Server", "")).startswith(API_SERVER_NAME):
            return "the search API of another archive-search stack"
        try:
            version = json.loads(body)["version"]
            return f"an {version.get('distribution', 'elasticsearch')} {version['number']} node"
        except (ValueError, KeyError, TypeError, AttributeError):
            pass
        # moto answers S3's ListBuckets unsigned at its root. Its /moto-api/data.json, asked here before, dumps every
        # object it holds: with a corpus loaded that outlasted the 1 s wait ("another process", session 54's new
        # user), and kept the running stack's moto busy meanwhile.
        if str(headers.get("Server", "")).startswith("Werkzeug") and b"<ListAllMyBucketsResult" in body:
            return "moto (S3 and SQS), likely an archive-search stack's already running"
    return "another process"


MAX_PORT = 65535


def next_free_port(port: int, avoid: frozenset[int] = frozenset()) -> int | None:
    """The first free port above `port` that is not in `avoid`, None when none is up to 65535."""
    for candidate in range(port + 1, MAX_PORT + 1):
        if candidate not in avoid and not port_in_use(candidate):
            return candidate
    return None


def taken_ports_message(
    command: str,
    ports: Mapping[str, int],
    data_dir_in_use: tuple[str, str | None] | None = None,
    known: Mapping[int, str] | None = None,
) -> str | None:
    """One line naming each taken port (with its flag, e.g. `--opensearch-port`), what holds it, and the command with
    free ones; None when all are free. `data_dir_in_use`, when something runs in the command's folder: what is in use
    by what, and the `--data-dir` option to suggest instead, None for a command that has no such flag (`sam-local`
    always uses `.local`: the review found it advising `--data-dir`, which it rejects). `known`: what holds a port, when
    the caller knows (the stack running in that folder); when it holds every taken port, that stack is the one to
    stop. Only flags of the command are offered: a port with none free above it is named so."""
    known = known or {}
    taken = {flag: port for flag, port in ports.items() if port_in_use(port)}
    if not taken and data_dir_in_use is None:
        return None
    # The stack in the folder first, then what of it holds which port ("port 5005 (--moto-port) is its S3 and SQS")
    held = [data_dir_in_use[0]] if data_dir_in_use is not None else []
    held += [
        f"port {port} ({flag}) is {known[port]}"
        if port in known
        else f"port {port} ({flag}) is taken by {describe_listener(port)}"
        for flag, port in taken.items()
    ]
    chosen: set[int] = set(ports.values())
    options: list[str] = []
    for flag, port in taken.items():
        free = next_free_port(port, frozenset(chosen))
        if free is None:
            held.append(f"no port above {port} is free for {flag}")
            continue
        chosen.add(free)
        options.append(f"{flag} {free}")
    if data_dir_in_use is not None and data_dir_in_use[1] is not None:
        options.append(data_dir_in_use[1])
    holders = "it" if len(held) == 1 else "them"
    if data_dir_in_use is not None and taken and all(port in known for port in taken.values()):
        holders = "that stack (Ctrl-C where it runs)"
    if not options or (data_dir_in_use is not None and data_dir_in_use[1] is None):
        # The folder cannot be chosen: what holds it is to be stopped whatever the ports.
        others = f" (free ports: archive-search {command} {' '.join(options)})" if options else ""
        return f"{'; '.join(held)}. Stop {holders}{others}"
    return f"{'; '.join(held)}. Stop {holders}, or choose others: archive-search {command} {' '.join(options)}"

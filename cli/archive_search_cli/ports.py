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
        if _get(f"http://127.0.0.1:{port}/moto-api/data.json") is not None:
            return "moto (S3 and SQS, likely another archive-search stack's)"
    return "another process"


def next_free_port(port: int, avoid: frozenset[int] = frozenset()) -> int:
    """The first free port above `port` that is not in `avoid`."""
    candidate = port + 1
    while candidate in avoid or port_in_use(candidate):
        candidate += 1
    return candidate


def taken_ports_message(
    command: str, ports: Mapping[str, int], data_dir_in_use: tuple[str, str] | None = None
) -> str | None:
    """One line naming each taken port (with its flag, e.g. `--opensearch-port`), what holds it, and the command with
    free ones; None when all are free. `data_dir_in_use`: what runs in the --data-dir and a folder to suggest instead,
    when something does."""
    taken = {flag: port for flag, port in ports.items() if port_in_use(port)}
    if not taken and data_dir_in_use is None:
        return None
    held = [f"port {port} ({flag}) is taken by {describe_listener(port)}" for flag, port in taken.items()]
    if data_dir_in_use is not None:
        held.append(f"the --data-dir is in use by {data_dir_in_use[0]}")
    chosen: set[int] = set(ports.values())
    options: list[str] = []
    for flag, port in taken.items():
        free = next_free_port(port, frozenset(chosen))
        chosen.add(free)
        options.append(f"{flag} {free}")
    if data_dir_in_use is not None:
        options.append(f"--data-dir {data_dir_in_use[1]}")
    holders = "it" if len(held) == 1 else "them"
    return f"{'; '.join(held)}. Stop {holders}, or choose others: archive-search {command} {' '.join(options)}"

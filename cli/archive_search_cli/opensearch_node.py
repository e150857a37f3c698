"""Fetch and run a real single-node OpenSearch 2.19.6 for local runs, tests and CI.

Distribution
    The integ-test zip of OpenSearch 2.19.6 (no bundled JDK, no security plugin: plain HTTP) plus the
    ``lang-painless`` and ``analysis-common`` modules (``english`` analyzer, ``asciifolding``,
    ``synonym_graph``, ``edge_ngram``, ``shingle``...) are downloaded from Maven Central with ``mvn`` and
    prepared once into a cache outside the repository:

    * ``$XDG_CACHE_HOME/somanet-archive-search/opensearch-2.19.6/`` when ``XDG_CACHE_HOME`` is set;
    * else, when running as root, ``/var/cache/somanet-archive-search/opensearch-2.19.6/`` (root's home is
      often mode 700, which the unprivileged node user could not enter);
    * else ``~/.cache/somanet-archive-search/opensearch-2.19.6/``.

    Preparation happens in a temporary directory beside the cache, under a file lock, and ends with an
    atomic rename, so an interrupted download never leaves a half-prepared cache.

Running
    A node needs Java 17 (``OPENSEARCH_JAVA_HOME`` / ``JAVA_HOME`` if they point to Java 17-21, else
    ``/usr/lib/jvm/java-17-openjdk-*``). Its heap is 512m unless ``OPENSEARCH_HEAP`` (e.g. ``1g``) says
    otherwise. Everything a run writes lives in the caller's ``data_dir``: ``config/`` (per-run copy of
    the configuration), ``data/``, ``logs/``, ``tmp/`` and ``opensearch.out`` (stdout and stderr).

    OpenSearch refuses to run as root; when the launcher is root, the node runs as the system user
    ``archive-search-os`` (created on first use) and ``data_dir`` is chown'ed to it. When ``data_dir`` lies
    below a directory that user cannot enter (a clone in root's mode-700 home, a ``mktemp -d`` folder,
    ``/tmp/pytest-of-root``), the node's state moves to ``<cache>/nodes/<hash of data_dir>/`` instead: the
    same ``data_dir`` always maps to the same place, so its data survives restarts.

Command line
    ``python -m archive_search_cli.opensearch_node fetch``
    ``python -m archive_search_cli.opensearch_node run --port 9200 --data-dir .local/opensearch``
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import fcntl
import hashlib
import json
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from archive_search_cli.ports import describe_listener, port_in_use

OPENSEARCH_VERSION = "2.19.6"

NODE_USER = "archive-search-os"
DEFAULT_HEAP = "512m"
CLUSTER_NAME = "somanet-archive-search-local"
_LOG_TAIL_LINES = 30
_PREPARED_MARKER = ".somanet-prepared"
_SUPPORTED_JAVA = range(17, 22)  # OpenSearch 2.19 runs on Java 17-21 (its security manager is gone in 24+)

_PLUGIN = "org.opensearch.plugin"
# (groupId, artifactId, version, type) fetched from Maven Central in one `mvn` run.
_ARTIFACTS: tuple[tuple[str, str, str, str], ...] = (
    ("org.opensearch.distribution.integ-test-zip", "opensearch", OPENSEARCH_VERSION, "zip"),
    (_PLUGIN, "analysis-common", OPENSEARCH_VERSION, "jar"),
    (_PLUGIN, "lang-painless", OPENSEARCH_VERSION, "jar"),
    (_PLUGIN, "opensearch-scripting-painless-spi", OPENSEARCH_VERSION, "jar"),
    ("org.antlr", "antlr4-runtime", "4.13.1", "jar"),
    ("org.ow2.asm", "asm", "9.7", "jar"),
    ("org.ow2.asm", "asm-util", "9.7", "jar"),
    ("org.ow2.asm", "asm-tree", "9.7", "jar"),
    ("org.ow2.asm", "asm-commons", "9.7", "jar"),
    ("org.ow2.asm", "asm-analysis", "9.7", "jar"),
)
# module name -> (jar file names, plugin classname, extended plugins, security policy or None)
_MODULES: dict[str, tuple[tuple[str, ...], str, str, str | None]] = {
    "lang-painless": (
        (
            f"lang-painless-{OPENSEARCH_VERSION}.jar",
            f"opensearch-scripting-painless-spi-{OPENSEARCH_VERSION}.jar",
            "antlr4-runtime-4.13.1.jar",
            "asm-9.7.jar",
            "asm-util-9.7.jar",
            "asm-tree-9.7.jar",
            "asm-commons-9.7.jar",
            "asm-analysis-9.7.jar",
        ),
        "org.opensearch.painless.PainlessPlugin",
        "",
        'grant {\n  permission java.lang.RuntimePermission "createClassLoader";\n'
        '  permission java.lang.RuntimePermission "getClassLoader";\n};\n',
    ),
    "analysis-common": (
        (f"analysis-common-{OPENSEARCH_VERSION}.jar",),
        "org.opensearch.analysis.common.CommonAnalysisPlugin",
        "lang-painless",
        None,
    ),
}


class OpenSearchNodeError(Exception):
    """Fetching, preparing, starting or reaching the local OpenSearch node failed."""


# --------------------------------------------------------------------------------------------------
# Distribution


def cache_root() -> Path:
    """Where fetched distributions and models are kept, outside the repo (docs/operations.md: Local OpenSearch)."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "somanet-archive-search"
    if os.geteuid() == 0:
        return Path("/var/cache/somanet-archive-search")
    return Path.home() / ".cache" / "somanet-archive-search"


def ensure_distribution() -> Path:
    """Download and prepare OpenSearch if not cached yet; return the distribution home."""
    root = cache_root()
    home = root / f"opensearch-{OPENSEARCH_VERSION}"
    if (home / _PREPARED_MARKER).is_file():
        return home
    root.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        root.chmod(0o755)
    with open(root / f".opensearch-{OPENSEARCH_VERSION}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (home / _PREPARED_MARKER).is_file():  # prepared by someone else meanwhile
            return home
        if home.exists():  # an unmarked leftover cannot be trusted
            shutil.rmtree(home)
        for stale in root.glob(f".opensearch-{OPENSEARCH_VERSION}.partial-*"):  # from a killed run
            shutil.rmtree(stale, ignore_errors=True)
        with tempfile.TemporaryDirectory(prefix=f".opensearch-{OPENSEARCH_VERSION}.partial-", dir=root) as tmp:
            prepared = _prepare(Path(tmp))
            prepared.rename(home)
    return home


def _maven_pom() -> str:
    deps = "".join(
        f"<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version>"
        f"<type>{t}</type><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId>"
        "</exclusion></exclusions></dependency>\n"
        for g, a, v, t in _ARTIFACTS
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n'
        "<modelVersion>4.0.0</modelVersion><groupId>local.somanet</groupId>"
        "<artifactId>opensearch-fetch</artifactId><version>1</version><packaging>pom</packaging>\n"
        f"<dependencies>\n{deps}</dependencies>\n</project>\n"
    )


def _download(workdir: Path) -> Path:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise OpenSearchNodeError(
            "Maven (`mvn`) is needed to download OpenSearch from Maven Central but is not on PATH; "
            "install it (e.g. `apt-get install maven`)"
        )
    (workdir / "pom.xml").write_text(_maven_pom())
    artifacts = workdir / "artifacts"
    print(
        f"Downloading OpenSearch {OPENSEARCH_VERSION} (~60 MB) from Maven Central into {cache_root()} ...",
        file=sys.stderr,
        flush=True,
    )
    cmd = [mvn, "-q", "-B", "-f", str(workdir / "pom.xml"), "dependency:copy-dependencies"]
    cmd.append(f"-DoutputDirectory={artifacts}")
    result = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()[-_LOG_TAIL_LINES:]
        raise OpenSearchNodeError(
            f"`mvn dependency:copy-dependencies` failed (exit {result.returncode}):\n" + "\n".join(output)
        )
    return artifacts


def _extract(archive: Path, dest: Path) -> Path:
    dest.mkdir()
    unzip = shutil.which("unzip")
    if unzip is not None:
        subprocess.run([unzip, "-q", str(archive), "-d", str(dest)], check=True)
    else:
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                target = Path(zf.extract(info, dest))
                mode = (info.external_attr >> 16) & 0o777
                if mode and not info.is_dir():
                    target.chmod(mode)
    tops = list(dest.iterdir())
    if len(tops) != 1 or not (tops[0] / "bin" / "opensearch").is_file():
        raise OpenSearchNodeError(f"unexpected layout in {archive.name}: {[p.name for p in tops]}")
    return tops[0]


def _plugin_descriptor(name: str, classname: str, extended: str) -> str:
    return (
        f"description=OpenSearch module {name} (installed by archive_search_cli)\n"
        f"version={OPENSEARCH_VERSION}\n"
        f"name={name}\n"
        f"classname={classname}\n"
        "java.version=17\n"
        f"opensearch.version={OPENSEARCH_VERSION}\n"
        f"extended.plugins={extended}\n"
        "has.native.controller=false\n"
    )


def _prepare(workdir: Path) -> Path:
    artifacts = _download(workdir)
    home = _extract(artifacts / f"opensearch-{OPENSEARCH_VERSION}.zip", workdir / "extract")
    for name, (jars, classname, extended, policy) in _MODULES.items():
        module = home / "modules" / name
        module.mkdir()
        for jar in jars:
            shutil.copy2(artifacts / jar, module / jar)
        (module / "plugin-descriptor.properties").write_text(_plugin_descriptor(name, classname, extended))
        if policy is not None:
            (module / "plugin-security.policy").write_text(policy)
    # The zip ships config files as 0660 and the node may run as another user: make all readable.
    for dirpath, _dirnames, filenames in os.walk(home):
        Path(dirpath).chmod(0o755)
        for filename in filenames:
            path = Path(dirpath, filename)
            executable = Path(dirpath) == home / "bin" and not filename.endswith((".bat", ".exe"))
            path.chmod(0o755 if executable or path.stat().st_mode & 0o100 else 0o644)
    (home / _PREPARED_MARKER).write_text(
        json.dumps({"version": OPENSEARCH_VERSION, "modules": sorted(_MODULES)}) + "\n"
    )
    return home


# --------------------------------------------------------------------------------------------------
# Java and the node user


def _java_major(java_home: Path) -> int | None:
    java = java_home / "bin" / "java"
    if not os.access(java, os.X_OK):
        return None
    text = ""
    release = java_home / "release"
    if release.is_file():
        match = re.search(r'^JAVA_VERSION="([^"]+)"', release.read_text(errors="replace"), re.MULTILINE)
        text = match.group(1) if match else ""
    if not text:
        result = subprocess.run([str(java), "-version"], capture_output=True, text=True, check=False)
        match = re.search(r'version "([^"]+)"', result.stderr)
        text = match.group(1) if match else ""
    parts = re.findall(r"\d+", text)
    if not parts:
        return None
    major = int(parts[0])
    return int(parts[1]) if major == 1 and len(parts) > 1 else major


def find_java_home() -> Path:
    """Return a Java 17 (or up to 21) home usable by OpenSearch 2.19."""
    candidates: list[Path] = []
    for var in ("OPENSEARCH_JAVA_HOME", "JAVA_HOME"):
        if os.environ.get(var):
            candidates.append(Path(os.environ[var]))
    for pattern in ("java-17-openjdk-*", "*-17-*", "*17*", "java-21-openjdk-*", "*21*"):
        candidates.extend(sorted(Path("/usr/lib/jvm").glob(pattern)))
    java_home_tool = Path("/usr/libexec/java_home")  # macOS
    if java_home_tool.exists():
        for version in ("17", "21"):
            result = subprocess.run([str(java_home_tool), "-v", version], capture_output=True, text=True, check=False)
            if result.returncode == 0 and result.stdout.strip():
                candidates.append(Path(result.stdout.strip()))
    for candidate in candidates:
        if _java_major(candidate) in _SUPPORTED_JAVA:
            return candidate.resolve()
    raise OpenSearchNodeError(
        f"OpenSearch {OPENSEARCH_VERSION} needs Java 17 (17-21 work) and none was found "
        "(looked at OPENSEARCH_JAVA_HOME, JAVA_HOME and /usr/lib/jvm); install one "
        "(e.g. `apt-get install openjdk-17-jre-headless`) or point JAVA_HOME at it"
    )


def _node_user() -> tuple[int, int]:
    """Return (uid, gid) of the unprivileged node user, creating it if needed (root only)."""
    try:
        entry = pwd.getpwnam(NODE_USER)
    except KeyError:
        useradd = shutil.which("useradd") or "/usr/sbin/useradd"
        cmd = [useradd, "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent"]
        cmd += ["--shell", "/usr/sbin/nologin", NODE_USER]
        try:
            result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        except OSError as exc:
            raise OpenSearchNodeError(f"cannot create user {NODE_USER} to run OpenSearch: {exc}") from exc
        try:
            entry = pwd.getpwnam(NODE_USER)  # may also have been created concurrently
        except KeyError:
            raise OpenSearchNodeError(
                f"OpenSearch refuses to run as root and creating user {NODE_USER} failed: {result.stderr.strip()}"
            ) from None
    return entry.pw_uid, entry.pw_gid


def _others_can_enter(path: Path) -> bool:
    """Whether every existing directory from / down to `path` lets other users through (o+x)."""
    for directory in (*reversed(path.parents), path):
        try:
            mode = directory.stat().st_mode
        except FileNotFoundError:
            return True  # created by us below here, with the default umask
        if not mode & stat.S_IXOTH:
            return False
    return True


def _reachable_data_dir(data_dir: Path) -> Path:
    """`data_dir`, or when the node runs as NODE_USER and could not enter it, a stable place in the cache."""
    if os.geteuid() != 0 or _others_can_enter(data_dir):
        return data_dir
    digest = hashlib.sha256(str(data_dir).encode()).hexdigest()[:16]
    relocated = cache_root() / "nodes" / f"{data_dir.name}-{digest}"
    relocated.parent.mkdir(parents=True, exist_ok=True)
    relocated.parent.chmod(0o755)
    return relocated


def _chown_tree(path: Path, uid: int, gid: int) -> None:
    for dirpath, _dirnames, filenames in os.walk(path):
        for p in [dirpath, *(os.path.join(dirpath, f) for f in filenames)]:
            st = os.lstat(p)
            if (st.st_uid, st.st_gid) != (uid, gid):
                os.lchown(p, uid, gid)


# --------------------------------------------------------------------------------------------------
# Ports and HTTP


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _get_json(url: str, timeout: float = 2.0) -> Any:
    with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 - local http URL we built
        return json.loads(resp.read())


def _busy_error(port: int) -> OpenSearchNodeError:
    return OpenSearchNodeError(
        f"port {port} on 127.0.0.1 is already taken by {describe_listener(port)}; stop it, choose another "
        "port, or set OPENSEARCH_URL to use an existing node on purpose"
    )


# --------------------------------------------------------------------------------------------------
# The node


_LIVE_NODES: set[OpenSearchNode] = set()  # stopped at interpreter exit if still running


@atexit.register
def _stop_live_nodes() -> None:
    for node in list(_LIVE_NODES):
        with contextlib.suppress(Exception):
            node.stop(timeout=10.0)


class OpenSearchNode:
    """A single-node OpenSearch running from the cached distribution, with its state in ``data_dir``."""

    def __init__(self, data_dir: Path, port: int = 9200) -> None:
        self.data_dir = _reachable_data_dir(Path(data_dir).absolute())
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self._proc: subprocess.Popen[bytes] | None = None
        self._out: IO[bytes] | None = None

    @property
    def log_path(self) -> Path:
        """File receiving the node's stdout and stderr."""
        return self.data_dir / "opensearch.out"

    def is_running(self) -> bool:
        """Whether the node process started by this object is alive."""
        return self._proc is not None and self._proc.poll() is None

    def _log_tail(self) -> str:
        lines: list[str] = []
        for path in (self.log_path, self.data_dir / "logs" / f"{CLUSTER_NAME}.log"):
            with contextlib.suppress(OSError):
                lines = path.read_text(errors="replace").splitlines()
            if len(lines) > 3:
                break
        tail = "\n".join(lines[-_LOG_TAIL_LINES:])
        return f"--- last lines of {self.log_path} ---\n{tail}"

    def _write_config(self, home: Path, transport_port: int) -> Path:
        conf = self.data_dir / "config"
        conf.mkdir(exist_ok=True)
        shutil.copytree(home / "config" / "jvm.options.d", conf / "jvm.options.d", dirs_exist_ok=True)
        shutil.copy2(home / "config" / "log4j2.properties", conf / "log4j2.properties")
        logs, data = self.data_dir / "logs", self.data_dir / "data"
        # jvm.options points at logs/ and data relative to the (read-only) distribution home.
        options = (home / "config" / "jvm.options").read_text()
        options = options.replace("HeapDumpPath=data", f"HeapDumpPath={data}")
        options = options.replace("=logs/", f"={logs}/")
        (conf / "jvm.options").write_text(options)
        settings = {
            "cluster.name": CLUSTER_NAME,
            "node.name": "local",
            "discovery.type": "single-node",
            "network.host": "127.0.0.1",
            "http.port": self.port,
            "transport.port": transport_port,
            "path.data": str(data),
            "path.logs": str(logs),
            "cluster.routing.allocation.disk.threshold_enabled": False,
        }
        (conf / "opensearch.yml").write_text("".join(f"{k}: {json.dumps(v)}\n" for k, v in settings.items()))
        return conf

    def start(self, timeout: float = 120.0) -> str:
        """Start the node and wait until its cluster health is green or yellow; return its URL."""
        if self.is_running():
            return self.url
        self._close()
        if port_in_use(self.port):
            raise _busy_error(self.port)
        home = ensure_distribution()
        java_home = find_java_home()
        heap = os.environ.get("OPENSEARCH_HEAP") or DEFAULT_HEAP
        if not re.fullmatch(r"\d+[kKmMgG]?", heap):
            raise OpenSearchNodeError(f"OPENSEARCH_HEAP={heap!r} is not a JVM size such as 512m or 1g")

        for sub in ("", "data", "logs", "tmp"):
            (self.data_dir / sub).mkdir(parents=True, exist_ok=True)
        conf = self._write_config(home, free_port())
        env = {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
            "LANG": os.environ.get("LANG", "C.UTF-8"),
            "HOME": str(self.data_dir) if os.geteuid() == 0 else os.environ.get("HOME", str(self.data_dir)),
            "JAVA_HOME": str(java_home),
            "OPENSEARCH_JAVA_HOME": str(java_home),
            "OPENSEARCH_PATH_CONF": str(conf),
            "OPENSEARCH_TMPDIR": str(self.data_dir / "tmp"),
            "OPENSEARCH_JAVA_OPTS": f"-Xms{heap} -Xmx{heap}",
        }
        user: dict[str, Any] = {}
        if os.geteuid() == 0:
            uid, gid = _node_user()
            _chown_tree(self.data_dir, uid, gid)
            user = {"user": uid, "group": gid, "extra_groups": [gid]}
            probe = 'test -x "$1/bin/opensearch" && test -r "$1/lib" && test -w "$2"'
            check = subprocess.run(
                ["sh", "-c", probe, "sh", str(home), str(self.data_dir)],
                **user,
                check=False,
            )
            if check.returncode != 0:
                raise OpenSearchNodeError(
                    f"user {NODE_USER} cannot read {home} or write {self.data_dir}: every parent directory "
                    "must be enterable by other users (e.g. not below a mode-700 home or /tmp/pytest-of-root)"
                )

        self._out = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()/kill()
        try:
            if os.geteuid() == 0:
                os.fchown(self._out.fileno(), user["user"], user["group"])
            self._proc = subprocess.Popen(
                [str(home / "bin" / "opensearch")],
                cwd=self.data_dir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=self._out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                **user,
            )
            _LIVE_NODES.add(self)
            self._wait_healthy(timeout)
        except BaseException:
            self.stop(timeout=10.0)
            raise
        return self.url

    def _wait_healthy(self, timeout: float) -> None:
        assert self._proc is not None
        deadline = time.monotonic() + timeout
        while True:
            if self._proc.poll() is not None:
                raise OpenSearchNodeError(
                    f"OpenSearch exited with code {self._proc.returncode} while starting\n{self._log_tail()}"
                )
            try:
                health = _get_json(f"{self.url}/_cluster/health")
                if health.get("status") in ("green", "yellow"):
                    break
            except (OSError, ValueError):
                pass
            if time.monotonic() > deadline:
                raise OpenSearchNodeError(
                    f"OpenSearch did not become healthy on {self.url} within {timeout:.0f}s\n{self._log_tail()}"
                )
            time.sleep(0.25)
        # Make sure the answer came from our process, not from something that grabbed the port.
        nodes = _get_json(f"{self.url}/_nodes/_local/process?filter_path=nodes.*.process.id")
        pids = {n.get("process", {}).get("id") for n in nodes.get("nodes", {}).values()}
        if self._proc.pid not in pids:
            raise _busy_error(self.port)

    def _signal(self, sig: signal.Signals) -> None:
        if self._proc is not None and self._proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._proc.pid, sig)

    def _close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
        self._proc = None
        _LIVE_NODES.discard(self)

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the node gracefully (SIGTERM, then SIGKILL after ``timeout``); idempotent."""
        if self._proc is not None:
            self._signal(signal.SIGTERM)
            try:
                self._proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
                self._proc.wait()
        self._close()

    def kill(self) -> None:
        """Kill the node at once (SIGKILL), as in an outage; ``start()`` may be called again."""
        if self._proc is not None:
            self._signal(signal.SIGKILL)
            self._proc.wait()
        self._close()

    def __enter__(self) -> OpenSearchNode:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


@contextlib.contextmanager
def _node_or_url(data_dir: Path, port: int) -> Iterator[str]:
    url = os.environ.get("OPENSEARCH_URL")
    if url:
        yield url.rstrip("/")
        return
    if port_in_use(port):
        raise _busy_error(port)
    with OpenSearchNode(data_dir, port) as node:
        yield node.url


def opensearch_for_tests_or_local(data_dir: Path, port: int) -> contextlib.AbstractContextManager[str]:
    """Yield ``$OPENSEARCH_URL`` if set, else start a node on ``port`` for the block and yield its URL."""
    return _node_or_url(data_dir, port)


# --------------------------------------------------------------------------------------------------
# Command line


def _run(port: int, data_dir: Path) -> int:
    stopping = False

    def on_term(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    node = OpenSearchNode(data_dir, port)
    try:
        print(node.start(), flush=True)
        while not stopping and node.is_running():
            time.sleep(0.5)
        if not stopping:
            print(f"OpenSearch exited unexpectedly\n{node._log_tail()}", file=sys.stderr)
            return 1
    finally:
        node.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m archive_search_cli.opensearch_node``."""
    parser = argparse.ArgumentParser(prog="python -m archive_search_cli.opensearch_node")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("fetch", help="download and prepare the distribution, print its path")
    run = sub.add_parser("run", help="run a node until Ctrl-C or SIGTERM")
    run.add_argument("--port", type=int, default=9200)
    run.add_argument("--data-dir", type=Path, default=Path(".local/opensearch"))
    args = parser.parse_args(argv)
    try:
        if args.command == "fetch":
            print(ensure_distribution())
            return 0
        return _run(args.port, args.data_dir)
    except OpenSearchNodeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

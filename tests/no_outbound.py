"""The test suite proves the core stays silent (issue 22): while a test runs, a socket may connect
only to loopback, a unix socket, or the test database's host:port. Anything else raises NoOutbound,
naming the address, before a packet leaves; and since code under test may swallow an OSError, every
refusal is also recorded and fails the test at teardown.

On unless HOGO_NO_OUTBOUND=0. Patched: socket.socket.connect / connect_ex / sendto,
socket.create_connection and socket.getaddrinfo (for names other than localhost and the database's).
Subprocesses (Chromium, `hogo` run as a command) are not covered: they are separate programs; C
libraries connecting on their own (libpq) are not either, and only ever reach the database."""

import ipaddress
import os
import socket

import pytest

ENABLED = os.environ.get("HOGO_NO_OUTBOUND", "1") != "0"
LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}
DEFAULT_DB_PORTS = {"django.db.backends.postgresql": 5432, "django.db.backends.mysql": 3306}


class NoOutbound(PermissionError):
    """A connection the test suite's guard refused; the message names the address."""


class Guard:
    def __init__(self):
        self.depth = 0
        self.saved = {}
        self.refused: list[str] = []
        self.database: set[tuple[str, int]] = set()
        self.database_names: set[str] = set()

    @property
    def installed(self) -> bool:
        return self.depth > 0

    # -- what is allowed ----------------------------------------------------------------------
    def _load_database(self):
        from django.conf import settings

        real_getaddrinfo = self.saved.get("getaddrinfo", socket.getaddrinfo)
        for db in settings.DATABASES.values():
            host = str(db.get("HOST") or "")
            if not host or host.startswith("/"):
                continue  # a unix socket
            port = int(db.get("PORT") or DEFAULT_DB_PORTS.get(db.get("ENGINE"), 0))
            self.database_names.add(host.lower())
            self.database.add((host.lower(), port))
            try:
                for info in real_getaddrinfo(host, port, proto=socket.IPPROTO_TCP):
                    self.database.add((info[4][0].lower(), port))
            except OSError:
                pass

    @staticmethod
    def is_local(host) -> bool:
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        host = (host or "").strip("[]").lower().rstrip(".")
        if host in LOCAL_NAMES:
            return True
        try:
            address = ipaddress.ip_address(host.split("%")[0])
        except ValueError:
            return False
        if getattr(address, "ipv4_mapped", None):
            address = address.ipv4_mapped
        return address.is_loopback or address.is_unspecified

    def _check(self, family, address):
        if family not in (socket.AF_INET, socket.AF_INET6) or not isinstance(address, tuple):
            return  # unix sockets, netlink, …: they do not leave the machine
        host, port = address[0], address[1]
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        if self.is_local(host) or (str(host).lower(), int(port)) in self.database:
            return
        self.refuse(f"{host}:{port}")

    def _check_name(self, host, port, what=""):
        """A name other than localhost or the database's is refused before it is looked up; an
        address literal is left to the connect check."""
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        host = str(host)
        if self.is_local(host) or host.lower() in self.database_names:
            return
        try:
            ipaddress.ip_address(host.strip("[]").split("%")[0])
        except ValueError:
            self.refuse(f"{host}:{port}{what}")

    def refuse(self, target: str):
        self.refused.append(target)
        raise NoOutbound(f"no outbound connections in the core's tests (HOGO_NO_OUTBOUND): {target} refused")

    # -- the patches --------------------------------------------------------------------------
    def install(self):
        self.depth += 1
        if self.depth > 1:
            return
        guard = self
        real = self.saved
        for name in ("connect", "connect_ex", "sendto"):
            real[name] = socket.socket.__dict__.get(name)
        real["base_connect"] = socket.socket.connect
        real["base_connect_ex"] = socket.socket.connect_ex
        real["base_sendto"] = socket.socket.sendto
        real["create_connection"] = socket.create_connection
        real["getaddrinfo"] = socket.getaddrinfo
        self._load_database()

        def connect(sock, address):
            guard._check(sock.family, address)
            return real["base_connect"](sock, address)

        def connect_ex(sock, address):
            guard._check(sock.family, address)
            return real["base_connect_ex"](sock, address)

        def sendto(sock, data, *args):
            if args:
                guard._check(sock.family, args[-1])
            return real["base_sendto"](sock, data, *args)

        def create_connection(address, *args, **kwargs):
            guard._check_name(address[0], address[1])
            return real["create_connection"](address, *args, **kwargs)

        def getaddrinfo(host, port, *args, **kwargs):
            if host is not None:
                guard._check_name(host, port, " (name lookup)")
            return real["getaddrinfo"](host, port, *args, **kwargs)

        socket.socket.connect = connect
        socket.socket.connect_ex = connect_ex
        socket.socket.sendto = sendto
        socket.create_connection = create_connection
        socket.getaddrinfo = getaddrinfo

    def uninstall(self):
        self.depth -= 1
        if self.depth > 0:
            return
        for name in ("connect", "connect_ex", "sendto"):
            if self.saved[name] is None:
                delattr(socket.socket, name)
            else:
                setattr(socket.socket, name, self.saved[name])
        socket.create_connection = self.saved["create_connection"]
        socket.getaddrinfo = self.saved["getaddrinfo"]

    def take_refused(self) -> list[str]:
        refused, self.refused = self.refused, []
        return refused


guard = Guard()


@pytest.fixture(scope="session", autouse=True)
def _no_outbound_for_the_run(django_test_environment):
    if not ENABLED:
        yield guard
        return
    guard.install()
    yield guard
    guard.uninstall()


@pytest.fixture(autouse=True)
def _no_outbound_attempt_in_this_test(_no_outbound_for_the_run):
    guard.take_refused()
    yield
    refused = guard.take_refused()
    if refused:
        pytest.fail(f"the test tried to connect outside the machine: {', '.join(refused)}", pytrace=False)


@pytest.fixture
def no_outbound():
    """The guard, on for this test whether or not the run has it on (for tests of the guard itself)."""
    guard.install()
    yield guard
    guard.take_refused()
    guard.uninstall()

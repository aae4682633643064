"""The one HTTP client of publishing (stdlib ``urllib``): auth, TLS, retries with back-off.

Credentials come from the environment (``SCHOLARKG_PUSH_USER``, ``SCHOLARKG_PUSH_PASSWORD``) or
a netrc file (``$NETRC`` or ``~/.netrc``), never from the command line, where other users could
read them in the process list. The server's challenge chooses HTTP basic or digest auth. TLS
certificates are verified (the default context). 5xx answers and connection failures are retried
with exponential back-off; 4xx answers are not (they would fail again the same way).
"""

from __future__ import annotations

import hashlib
import http.client
import netrc
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from ..errors import RemoteError

USER_ENV = "SCHOLARKG_PUSH_USER"
PASSWORD_ENV = "SCHOLARKG_PUSH_PASSWORD"


@dataclass(frozen=True, slots=True)
class Credentials:
    user: str
    password: str
    source: str  # where they came from, for messages (never the password itself)


def find_credentials(url: str) -> Credentials | None:
    """User and password for ``url``'s host: the environment first, then netrc."""
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if user and password is not None:
        return Credentials(user, password, f"${USER_ENV}/${PASSWORD_ENV}")
    host = urllib.parse.urlsplit(url).hostname or ""
    path = os.environ.get("NETRC") or os.path.expanduser("~/.netrc")
    if not os.path.exists(path):
        return None
    try:
        entry = netrc.netrc(path).authenticators(host)
    except (netrc.NetrcParseError, OSError) as exc:
        raise RemoteError(f"{path}: cannot read the netrc file: {exc}", "fix or remove it") from exc
    if entry is None or entry[2] is None:
        return None
    return Credentials(entry[0], entry[2], f"netrc ({path})")


class _DigestAuth(urllib.request.HTTPDigestAuthHandler):
    """Digest auth that hashes UTF-8 (urllib's own hashes ASCII only: no 'ä' in a password)."""

    def get_algorithm_impls(self, algorithm: str) -> tuple[Any, Any]:
        if algorithm == "MD5":
            h = _hasher(hashlib.md5)
        elif algorithm == "SHA":
            h = _hasher(hashlib.sha1)
        elif algorithm == "SHA-256":
            h = _hasher(hashlib.sha256)
        else:
            return super().get_algorithm_impls(algorithm)
        return h, lambda s, d: h(f"{s}:{d}")


def _hasher(fn: Any) -> Any:
    return lambda x: fn(x.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    body: bytes


class Client:
    """Requests to one store, with the same credentials, retries and timeout each time."""

    def __init__(
        self,
        url: str,
        *,
        retries: int = 4,
        backoff: float = 0.5,
        timeout: float = 120.0,
        credentials: Credentials | None = None,
    ) -> None:
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.credentials = credentials if credentials is not None else find_credentials(url)
        handlers: list[urllib.request.BaseHandler] = []
        if self.credentials is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            parts = urllib.parse.urlsplit(url)
            root = f"{parts.scheme}://{parts.netloc}/"  # every endpoint of the store
            manager.add_password(None, root, self.credentials.user, self.credentials.password)
            handlers += [
                urllib.request.HTTPBasicAuthHandler(manager),
                _DigestAuth(manager),
            ]
        self.opener = urllib.request.build_opener(*handlers)
        self.tries = 0  # every request sent, retries included

    def request(
        self,
        method: str,
        url: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        what: str = "",
        retry_5xx: bool = True,
    ) -> Response:
        """Send; return a 2xx answer, or raise :class:`RemoteError` after the last try.

        ``retry_5xx=False``: a 5xx answer is raised at once (the caller has another way to send
        it); a lost connection is still retried.
        """
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
            self.tries += 1
            try:
                with self.opener.open(req, timeout=self.timeout) as resp:
                    return Response(resp.status, resp.read())
            except urllib.error.HTTPError as exc:
                detail = _detail(exc)
                if exc.code in (401, 403):
                    raise RemoteError(
                        f"{what or method} {url}: the store refused the credentials "
                        f"(HTTP {exc.code}){detail}",
                        _credentials_hint(self.credentials),
                    ) from None
                if exc.code < 500 or not retry_5xx:
                    raise RemoteError(
                        f"{what or method} {url}: HTTP {exc.code} {exc.reason}{detail}",
                        "check the endpoint URL and that the store accepts this request",
                    ) from None
                last = f"HTTP {exc.code} {exc.reason}{detail}"
            except ValueError as exc:  # urllib: a challenge in a scheme it cannot answer
                raise RemoteError(
                    f"{what or method} {url}: cannot authenticate: {exc}",
                    "the store must accept HTTP basic or digest auth",
                ) from None
            except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                if isinstance(reason, ssl_errors()):
                    raise RemoteError(
                        f"{what or method} {url}: TLS failed: {reason}",
                        "the store's certificate must verify; fix it or its CA on this machine",
                    ) from None
                last = (
                    f"{type(reason).__name__}: {reason}" if not isinstance(reason, str) else reason
                )
        raise RemoteError(
            f"{what or method} {url} failed after {self.retries + 1} tries: {last}",
            "check that the store is running and reachable, then push again",
        )


def ssl_errors() -> tuple[type[BaseException], ...]:
    import ssl

    return (ssl.SSLCertVerificationError,)


def _detail(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read(400).decode("utf-8", "replace").strip()
    except OSError:
        return ""
    first = " ".join(text.split())[:200]
    return f": {first}" if first else ""


def _credentials_hint(creds: Credentials | None) -> str:
    if creds is None:
        return (
            f"the store wants credentials: set ${USER_ENV} and ${PASSWORD_ENV}, or add a "
            "netrc entry for its host"
        )
    return f"the user and password from {creds.source} were not accepted; correct them"

"""What every scholarly-API client shares: its configuration, one way to build an HTTP client,
retries on transient failures only, and errors whose messages can be shown to people as they are.
"""

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from types import TracebackType
from typing import Any, ClassVar, Self

import httpx
import stamina

# A server that asks us to wait longer than this is treated as unavailable: the person is
# waiting on the page, and a background job will simply try again later.
LONGEST_RETRY_AFTER = 20.0

_ORCID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])", re.IGNORECASE)


@dataclass(frozen=True)
class ClientConfig:
    """Settings for the clients. Django settings are read by the caller, never here."""

    mailto: str  # a contact address: Crossref and OpenAlex serve polite callers first
    openalex_api_key: str = ""
    timeout: float = 10.0
    max_attempts: int = 3
    user_agent: str = ""  # "" means "Pontio/0.1 (mailto:<mailto>)"

    def __post_init__(self) -> None:
        if not self.user_agent:
            agent = f"Pontio/0.1 (mailto:{self.mailto})" if self.mailto else "Pontio/0.1"
            object.__setattr__(self, "user_agent", agent)


class ClientError(Exception):
    """A failure talking to a service. str(error) is a plain-English sentence for people."""

    def __init__(self, message: str, *, service: str) -> None:
        super().__init__(message)
        self.message = message
        self.service = service


class NotFound(ClientError):
    """The service answered, and has no such record."""


class ServiceUnavailable(ClientError):
    """The service could not be reached, timed out, or was overloaded, after every retry."""

    def __init__(self, service: str) -> None:
        super().__init__(
            f"{service} could not be reached. Check the connection and try again; "
            "nothing was saved.",
            service=service,
        )


class BadResponse(ClientError):
    """The service refused the request (a 4xx) or sent something that cannot be read."""

    def __init__(self, message: str, *, service: str, detail: str = "") -> None:
        super().__init__(message, service=service)
        self.detail = detail  # the service's own words, in full, for logs


class InvalidIdentifier(ClientError, ValueError):
    """The identifier given is not of the right shape, so no request was sent."""


def http_client(
    config: ClientConfig,
    *,
    base_url: str = "",
    headers: dict[str, str] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """An httpx.Client with Pontio's timeouts and User-Agent. Tests pass a MockTransport."""
    return httpx.Client(
        base_url=base_url,
        headers={"User-Agent": config.user_agent, **(headers or {})},
        timeout=httpx.Timeout(config.timeout),
        follow_redirects=True,
        transport=transport,
    )


def bare_orcid(value: str) -> str:
    """ "https://orcid.org/0000-0002-1825-0097" -> "0000-0002-1825-0097"; "" if none is there."""
    match = _ORCID.search(value or "")
    return match.group(1).upper() if match else ""


class _Overloaded(Exception):
    """A 429 or 5xx answer, raised inside the retry loop so that stamina sees it."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asked us to wait, from Retry-After (seconds or an HTTP date)."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdecimal():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _backoff(error: Exception) -> bool | float:
    """stamina's hook: retry only what may pass (timeouts, dropped connections, 429, 5xx)."""
    if isinstance(error, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError):
        return True
    if isinstance(error, _Overloaded):
        wait = _retry_after(error.response)
        if wait is None:
            return True
        return wait if wait <= LONGEST_RETRY_AFTER else False
    return False


def _error_text(response: httpx.Response) -> str:
    """The service's own explanation from an error body, whatever shape it takes."""
    try:
        body = response.json()
    except ValueError:
        return response.text.strip()[:500]
    if isinstance(body, dict):
        for key in ("message", "developer-message", "user-message", "error", "errors"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
            if isinstance(value, list):
                # Crossref sends [{"message": ...}], ROR sends ["..."].
                parts = [v.get("message", "") if isinstance(v, dict) else str(v) for v in value]
                return " ".join(p for p in parts if p)
    return response.text.strip()[:500]


def _first_sentence(text: str, limit: int = 300) -> str:
    # OpenAlex follows "X is not a valid field." with every valid field: thousands of characters.
    if len(text) <= limit:
        return text
    end = text.find(". ")
    return text[: end + 1] if 0 < end < limit else text[:limit].rstrip() + "…"


class ServiceClient:
    """Base for one service's client: a configured httpx.Client and careful GETs."""

    service: ClassVar[str]  # the name people know it by: "Crossref"
    base_url: ClassVar[str]
    accept: ClassVar[str] = "application/json"

    def __init__(self, config: ClientConfig, *, transport: httpx.BaseTransport | None = None):
        self.config = config
        self.http = http_client(
            config, base_url=self.base_url, headers={"Accept": self.accept}, transport=transport
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def contact(self, param: str = "mailto") -> dict[str, str]:
        """The contact address as the query parameter a service asks for, if there is one."""
        return {param: self.config.mailto} if self.config.mailto else {}

    def get(
        self, path: str, *, params: dict[str, str] | None = None, missing: str
    ) -> httpx.Response:
        """GET with retries. `missing` is the sentence NotFound carries if the answer is 404."""
        response: httpx.Response | None = None
        try:
            for attempt in stamina.retry_context(
                on=_backoff,
                attempts=self.config.max_attempts,
                timeout=None,  # bounded by attempts, each bounded by config.timeout
                wait_initial=0.5,
                wait_max=5.0,
            ):
                with attempt:
                    response = self.http.get(path, params=params)
                    if response.status_code == 429 or response.status_code >= 500:
                        raise _Overloaded(response)
        except (httpx.TransportError, _Overloaded) as error:
            raise ServiceUnavailable(self.service) from error
        except (httpx.DecodingError, httpx.TooManyRedirects) as error:
            raise BadResponse(
                f"{self.service} sent a reply that could not be read.", service=self.service
            ) from error
        assert response is not None  # the loop either set it or raised
        if response.status_code == 404:
            raise NotFound(missing, service=self.service)
        if response.is_error:
            detail = _error_text(response)
            raise BadResponse(
                f"{self.service} refused the request: {_first_sentence(detail)}",
                service=self.service,
                detail=detail,
            )
        return response

    def get_json(
        self, path: str, *, params: dict[str, str] | None = None, missing: str
    ) -> dict[str, Any]:
        """GET a JSON object; anything else is a BadResponse."""
        response = self.get(path, params=params, missing=missing)
        try:
            body = response.json()
        except ValueError as error:
            raise BadResponse(
                f"{self.service} sent a reply that could not be read.",
                service=self.service,
                detail=response.text[:500],
            ) from error
        if not isinstance(body, dict):
            raise BadResponse(
                f"{self.service} sent a reply of an unexpected shape.",
                service=self.service,
                detail=response.text[:500],
            )
        return body

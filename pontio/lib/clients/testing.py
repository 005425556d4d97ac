"""For tests of the clients: where the recorded API responses live, and a MockTransport handler
that replays them and remembers what it was asked. Never imported by the clients themselves."""

from collections.abc import Callable
from pathlib import Path

import httpx

# The recordings sit beside the repository (in /work/shared), not in it: they are not ours to
# redistribute, and tests skip when they are absent.
RECORDINGS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "api-responses"
RECORDINGS_MISSING = f"The recorded API responses are not in {RECORDINGS.resolve()}."

Answer = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


def recording(name: str) -> bytes:
    return (RECORDINGS / name).read_bytes()


def recorded(
    name: str, status: int = 200, content_type: str = "application/json"
) -> httpx.Response:
    """A response whose body is the recorded file, byte for byte."""
    return httpx.Response(status, headers={"Content-Type": content_type}, content=recording(name))


class Replay:
    """Answers the n-th request with the n-th answer (the last one repeats), keeping every request.
    An answer may be a response, an exception to raise, or a function of the request."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = answers
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers[min(len(self.requests), len(self.answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            # A fresh copy each time: a response's body can be read only once.
            return httpx.Response(
                answer.status_code, headers=answer.headers, content=answer.content
            )
        return answer(request)

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    @property
    def request(self) -> httpx.Request:
        """The one request made (the last, if there were several)."""
        return self.requests[-1]

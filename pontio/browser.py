"""Browser-test support: Playwright driving Debian's Chromium (Playwright's own browser download
does not work on these machines), with axe-core checking each page for WCAG 2.2 A/AA problems."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_SCRIPT = Path(__file__).resolve().parent.parent / "node_modules/axe-core/axe.min.js"


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("PONTIO_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        pytest.fail("Chromium is not installed: `apt-get install chromium` (.ci/run does this).")
    # Playwright's sync API runs an event loop; the ORM calls made by the tests themselves are
    # still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    # bypass_csp lets the test inject axe-core; Pontio's own pages never need it.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    yield new_page
    context.close()


def assert_accessible(page: Any) -> None:
    """axe-core finds no WCAG 2.2 A/AA violation on the page as it is now."""
    page.add_script_tag(content=AXE_SCRIPT.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
    assert not problems, f"{page.url}:\n" + "\n".join(problems)


def sign_in(page: Any, base_url: str, email: str, password: str) -> None:
    page.goto(base_url + "/auth/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    # The password form's own button: "Sign in with ORCID" may stand below it.
    page.locator("form[action$='/auth/login/'] button[type=submit]").click()
    page.wait_for_load_state()

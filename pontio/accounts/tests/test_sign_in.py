"""Signing in with email and password, failed attempts, password reset, sessions, MFA."""

import re
from typing import Any

from django.core import mail
from django.core.cache import cache

from pontio.accounts.models import Person
from pontio.conftest import PASSWORD


def test_it_signs_in_with_email_and_password(client: Any, social_worker: Person) -> None:
    response = client.post("/auth/login/", {"login": social_worker.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_it_refuses_a_wrong_password_clearly(
    client: Any, social_worker: Person, caplog: Any
) -> None:
    cache.clear()
    response = client.post("/auth/login/", {"login": social_worker.email, "password": "wrong"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert client.get("/").status_code == 302
    assert any("Failed sign-in" in r.getMessage() for r in caplog.records)


def test_it_slows_repeated_failed_sign_ins(client: Any, social_worker: Person) -> None:
    cache.clear()
    for _ in range(5):
        client.post("/auth/login/", {"login": social_worker.email, "password": "wrong"})
    response = client.post("/auth/login/", {"login": social_worker.email, "password": PASSWORD})
    assert (
        "Too many failed login attempts" in response.content.decode() or response.status_code == 429
    )
    assert client.get("/").status_code == 302
    cache.clear()


def test_it_resets_a_forgotten_password_by_email(client: Any, social_worker: Person) -> None:
    cache.clear()
    client.post("/auth/password/reset/", {"email": social_worker.email})
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+(/auth/password/reset/key/\S+/)", mail.outbox[0].body)
    assert link
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1),
        {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"},
    )
    assert response.status_code == 302
    assert Person.objects.get(pk=social_worker.pk).check_password("a-brand-new-passphrase")


def test_it_refuses_a_bad_reset_link(client: Any, social_worker: Person) -> None:
    response = client.get("/auth/password/reset/key/1-not-a-real-key/", follow=True)
    assert response.status_code == 200
    assert "invalid" in response.content.decode().lower()
    assert Person.objects.get(pk=social_worker.pk).check_password(PASSWORD)


def test_it_lists_and_ends_other_sessions(client: Any, social_worker: Person) -> None:
    from django.test import Client

    other = Client()
    other.post("/auth/login/", {"login": social_worker.email, "password": PASSWORD})
    client.post("/auth/login/", {"login": social_worker.email, "password": PASSWORD})
    page = client.get("/auth/sessions/")
    assert page.status_code == 200
    client.post("/auth/sessions/", {})  # "sign out other sessions"
    assert other.get("/").status_code == 302
    assert client.get("/").status_code == 200


def _totp_now(secret: str) -> str:
    from allauth.mfa.totp.internal import auth

    counter = next(iter(auth.yield_hotp_counters_from_time()))
    return auth.format_hotp_value(auth.hotp_value(secret, counter + 0))


def test_it_turns_on_mfa_and_asks_for_a_code(client: Any, social_worker: Person) -> None:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    cache.clear()
    client.post("/auth/login/", {"login": social_worker.email, "password": PASSWORD})
    page = client.get("/auth/2fa/totp/activate/")
    if page.status_code == 302:  # allauth asks for the password again before changing MFA
        client.post(page.url, {"password": PASSWORD})
        page = client.get("/auth/2fa/totp/activate/")
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    client.post("/auth/2fa/totp/activate/", {"code": _totp_now(secret)})
    assert Authenticator.objects.filter(user=social_worker, type="totp").exists()
    codes = RecoveryCodes(
        Authenticator.objects.get(user=social_worker, type="recovery_codes")
    ).get_unused_codes()
    assert len(codes) >= 10
    client.post("/auth/logout/")
    response = client.post("/auth/login/", {"login": social_worker.email, "password": PASSWORD})
    assert response.url.startswith("/auth/2fa/authenticate")
    assert client.get("/").status_code == 302  # not signed in without the second factor
    client.post("/auth/2fa/authenticate/", {"code": "000000"})
    assert client.get("/").status_code == 302
    client.post("/auth/2fa/authenticate/", {"code": codes[0]})
    assert client.get("/").status_code == 200


def test_it_has_no_open_sign_up(client: Any, db: Any) -> None:
    response = client.post(
        "/auth/signup/", {"email": "x@example.org", "password1": "abc-def-ghi-jkl"}
    )
    assert not Person.objects.filter(email="x@example.org").exists()
    assert response.status_code in (200, 302, 403)


def test_it_refuses_an_expired_reset_link(
    client: Any, social_worker: Person, settings: Any
) -> None:
    cache.clear()
    client.post("/auth/password/reset/", {"email": social_worker.email})
    link = re.search(r"http://\S+(/auth/password/reset/key/\S+/)", mail.outbox[0].body)
    assert link
    settings.PASSWORD_RESET_TIMEOUT = -1  # the link is now older than its lifetime
    page = client.get(link.group(1), follow=True)
    assert "invalid" in page.content.decode().lower()
    client.post(
        page.redirect_chain[-1][0] if page.redirect_chain else link.group(1),
        {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"},
    )
    assert Person.objects.get(pk=social_worker.pk).check_password(PASSWORD)

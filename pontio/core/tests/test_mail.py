"""Mail written to the data directory, and administrators reading it."""

from typing import Any

from pontio.accounts.models import Person
from pontio.core.mail import DataDirEmailBackend, stored_mail
from pontio.core.mail_send import mail_send


def test_it_writes_mail_to_the_data_directory_and_shows_it(
    settings: Any, client_for: Any, admin: Person, social_worker: Person
) -> None:
    settings.MAILERS = {"default": {"BACKEND": "pontio.core.mail.DataDirEmailBackend"}}
    mail_send(to="nia@example.org", subject="Croeso i Pontio", body="Dyma'r ddolen: ŵ ŷ")
    [message] = stored_mail()
    assert message.subject == "Croeso i Pontio" and "ŵ ŷ" in message.body
    client = client_for(admin)
    listing = client.get("/manage/mail/", {"to": "nia@"}).content.decode()
    assert "Croeso i Pontio" in listing
    detail = client.get(f"/manage/mail/{message.id}/").content.decode()
    assert "Dyma&#x27;r ddolen" in detail or "Dyma'r ddolen" in detail
    assert client.get("/manage/mail/../../secret-key/").status_code == 404
    assert client_for(social_worker).get(f"/manage/mail/{message.id}/").status_code == 403


def test_an_empty_mailbox_says_so(client_for: Any, admin: Person) -> None:
    assert "No mail has been sent yet" in client_for(admin).get("/manage/mail/").content.decode()


def test_the_backend_counts_what_it_wrote(settings: Any) -> None:
    from django.core.mail import EmailMessage

    sent = DataDirEmailBackend().send_messages([EmailMessage("a", "b", to=["c@example.org"])])
    assert sent == 1

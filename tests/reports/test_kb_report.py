"""The weekly summary's knowledge-base part: top articles, and frequent questions that
no article covers yet."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from supportdesk.models import Channel, Customer, new_id, utcnow
from supportdesk.reports import kb_report, metrics
from supportdesk.reports.html_export import weekly_html
from supportdesk.reports.tables import weekly_tables
from supportdesk.services import actions
from supportdesk.services.kb import articles
from supportdesk.store import Store, UnitOfWork
from tests.services.kb.helpers import make_agents

SUBJECTS = [
    "Invoice PDF is missing",
    "Re: invoice pdf missing",
    "Missing PDF of my invoice",
    "Fwd: Invoice 4411 PDF missing",
    "Счёт: нет PDF",
    "Where is my parcel?",
    "Parcel not delivered",
    "Password reset link expired",
    "Re: password reset link expired",
    "Dark mode please",
]


def _fill(store: Store) -> dict[str, str]:
    ids: dict[str, str] = {}

    def work(uow: UnitOfWork) -> None:
        make_agents(uow, new_id(), new_id())
        customer = uow.add(Customer(id=new_id(), name="C", language="en"))
        for subject in SUBJECTS:
            conv = actions.create_conversation(uow, channel=Channel.EMAIL,
                                               customer_id=customer.id, subject=subject)
            ids.setdefault(subject, conv.id)
        reset = articles.create_article(
            uow, title="Password reset link expired", body_html="<p>Ask for a new one.</p>",
            conversation_ids=[ids["Password reset link expired"],
                              ids["Re: password reset link expired"]])
        parcel = articles.create_article(uow, title="Tracking a parcel",
                                         body_html="<p>Use the tracking page.</p>")
        for _ in range(3):
            articles.record_use(uow, reset.id, ids["Password reset link expired"])
        articles.record_use(uow, parcel.id, None, "link")

    store.write(work)
    return ids


def test_subject_words_drop_prefixes_numbers_and_filler() -> None:
    assert kb_report.subject_words("Fwd: RE: Invoice 4411 PDF is missing") == {
        "invoice", "pdf", "missing"}
    assert kb_report.subject_words("Счёт: нет PDF") == {"счет", "pdf"}


def test_top_articles_and_questions_without_an_article(store: Store) -> None:
    _fill(store)
    today = utcnow().date()
    with store.read() as session:
        w = metrics.weekly_summary(session, (today - timedelta(days=6), today),
                                   now=datetime.now(UTC))
    assert [(a.title, a.uses, a.conversations) for a in w.top_articles] == [
        ("Password reset link expired", 3, 1), ("Tracking a parcel", 1, 0)]
    clusters = [(q.subject, q.conversations) for q in w.questions_without_article]
    # Four invoice questions in three wordings (the Russian one has other words), the
    # two parcel ones are not similar enough, the password ones have their article.
    assert clusters == [("Invoice PDF is missing", 4)]

    tables = {t.name: t for t in weekly_tables(w)}
    assert tables["top_articles"].rows[0] == ["Password reset link expired", "en", 3, 1]
    assert tables["questions_without_article"].rows == [
        ["Invoice PDF is missing", 4, "invoice missing pdf"]]
    html = weekly_html(w)
    assert "Frequent questions without an article" in html and "Top articles" in html


def test_outside_the_week_nothing_counts(store: Store) -> None:
    _fill(store)
    long_ago = utcnow().date() - timedelta(days=60)
    with store.read() as session:
        w = metrics.weekly_summary(session, (long_ago, long_ago + timedelta(days=6)),
                                   now=datetime.now(UTC))
    assert w.top_articles == [] and w.questions_without_article == []

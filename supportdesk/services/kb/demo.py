"""The demo workspace's knowledge base: a dozen articles in English, Russian and
Icelandic, public and internal, linked to the demo conversations they answer.

Written in bulk without outbox entries, like the rest of the demo. Some demo
topics are left without an article on purpose, so the weekly report has
frequent questions to point at.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from html import escape
from typing import Any

from sqlalchemy import select

from supportdesk.models import Agent, Conversation, derived_id
from supportdesk.models.kb import (
    KbArticle,
    KbArticleLink,
    KbArticleVersion,
    KbUse,
    Visibility,
    link_id,
)
from supportdesk.services.kb.articles import clean_body
from supportdesk.store import Store, UnitOfWork

PUBLIC, INTERNAL = Visibility.PUBLIC.value, Visibility.INTERNAL.value
#: (language, title, paragraphs, tags, visibility, the demo subject it answers)
ARTICLES: list[tuple[str, str, list[str], list[str], str, str]] = [
    ("en", "Charged twice: refunding a duplicate payment",
     ["If a card was charged twice for the same invoice, the second charge is a duplicate "
      "payment and we refund it in full.",
      "Open the invoice in Billing, choose Refund duplicate, and tell the customer the "
      "refund reaches their card within 3-5 business days."],
     ["billing", "refund"], PUBLIC, "Charged twice for the March invoice"),
    ("en", "Password reset link expired",
     ["Password reset links last 30 minutes and work once. If the login page says the link "
      "expired, ask for a new one from the sign-in page and open it straight away.",
      "Still cannot log in? Clear the browser's cookies for our site and try again."],
     ["login"], PUBLIC, "Cannot log in after password reset"),
    ("en", "Printer offline after an update",
     ["After a system update the office printer can show offline on every laptop. Restart "
      "the printer, then remove and add it again in the printer settings.",
      "Internal: the driver from the vendor's site fixes the 2026 models."],
     ["hardware"], INTERNAL, "Printer offline again"),
    ("en", "Exported CSV shows garbled accents in Excel",
     ["The export is UTF-8. Excel opens CSV files in an older encoding, so names such as "
      "Jökull or Zoë look garbled.",
      "In Excel use Data → From Text/CSV and pick UTF-8, or open the file in LibreOffice."],
     ["export", "bug"], PUBLIC, "Export to CSV loses accents"),
    ("en", "Website down (502): what to check first",
     ["A 502 from the shop website means the web server cannot reach the application.",
      "Check the status page, restart the application service, and page the on-call "
      "engineer if it is not back within 10 minutes. Tell the customer we are on it."],
     ["outage"], INTERNAL, "Server down - urgent"),
    ("en", "What the annual plan includes",
     ["The annual plan includes email and chat support, phone support on business days, "
      "and 12 priority incidents a year."],
     ["sales"], PUBLIC, "Question about the annual plan"),
    ("en", "Email not syncing on iPhone",
     ["If new mail stops arriving on an iPhone while the desktop is fine, remove the account "
      "from Settings → Mail → Accounts and add it again. Check that Fetch New Data is on Push."],
     ["email"], PUBLIC, "Email not syncing on iPhone"),
    ("ru", "Двойное списание по счёту: возврат платежа",
     ["Если с карты дважды списали оплату по одному счёту, второй платёж — лишний, и мы "
      "возвращаем его полностью.",
      "Возврат поступит на карту в течение 3–5 рабочих дней."],
     ["billing", "refund"], PUBLIC, "Двойное списание по счёту"),
    ("ru", "Не получается войти после обновления",
     ["Если после обновления при входе появляется «неверный пароль», сбросьте пароль по "
      "ссылке на странице входа и войдите с новым паролем.",
      "Ссылка для сброса действует 30 минут."],
     ["login"], PUBLIC, "Не могу войти в личный кабинет"),
    ("is", "Get ekki skráð mig inn eftir nýtt lykilorð",
     ["Ef þú getur ekki skráð þig inn eftir að þú breyttir lykilorðinu, biddu um nýjan "
      "hlekk á innskráningarsíðunni og opnaðu hann strax. Hlekkurinn gildir í 30 mínútur."],
     ["login"], PUBLIC, "Get ekki skráð mig inn"),
    ("is", "Reikningur tvígreiddur: endurgreiðsla",
     ["Ef kortið var rukkað tvisvar fyrir sama reikning endurgreiðum við seinni "
      "greiðsluna. Endurgreiðslan berst á 3–5 virkum dögum."],
     ["billing", "refund"], PUBLIC, "Reikningur tvígreiddur"),
    ("is", "Prentarinn á skrifstofunni prentar ekki",
     ["Endurræstu prentarann og fjarlægðu hann og bættu honum aftur við í stillingum.",
      "Innra: nýr rekill frá framleiðanda lagar vandann."],
     ["hardware"], INTERNAL, "Prentarinn virkar ekki"),
]
LINKS_PER_ARTICLE = 3


def seed_articles(store: Store, *, now: datetime, seed: int = 1) -> int:
    """Add the demo articles (linked to matching demo conversations); returns how many."""
    rng = random.Random(seed * 7919)
    with store.read() as session:
        agents = list(session.execute(select(Agent.id, Agent.name).order_by(Agent.created_at,
                                                                           Agent.id)))
        by_subject: dict[str, list[str]] = {}
        for cid, subject in session.execute(
                select(Conversation.id, Conversation.subject).order_by(Conversation.created_at)):
            by_subject.setdefault(subject, []).append(cid)
    if not agents:
        return 0
    arts: list[dict[str, Any]] = []
    versions: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    uses: list[dict[str, Any]] = []
    for k, (lang, title, paras, tags, vis, subject) in enumerate(ARTICLES):
        aid = derived_id("demo_kb", str(seed), str(k))
        agent_id, agent_name = agents[k % len(agents)]
        at = now - timedelta(days=30 - k)
        html, text = clean_body("".join(f"<p>{escape(p)}</p>" for p in paras))
        row = {"id": aid, "title": title, "body_html": html, "body_text": text,
               "language": lang, "tags": tags, "visibility": vis,
               "published": vis == PUBLIC, "version": 1, "created_by": agent_id,
               "updated_by": agent_id, "created_at": at, "updated_at": at}
        arts.append(row)
        versions.append({"id": derived_id("demo_kb_v", aid), "article_id": aid, "number": 1,
                         "action": "created", "agent_id": agent_id, "agent_name": agent_name,
                         "title": title, "body_html": html, "language": lang, "tags": tags,
                         "visibility": vis, "published": vis == PUBLIC,
                         "changed": ["title", "body_html", "language", "tags", "visibility",
                                     "published"], "created_at": at})
        matching = by_subject.get(subject, [])
        for cid in matching[:LINKS_PER_ARTICLE]:
            links.append({"id": link_id(aid, cid), "article_id": aid, "conversation_id": cid,
                          "created_at": at})
        for n in range(rng.randint(0, 2 * len(matching) + 1)):
            cid = matching[n % len(matching)] if matching else None
            uses.append({"id": derived_id("demo_kb_use", aid, str(n)), "article_id": aid,
                         "conversation_id": cid, "agent_id": agent_id,
                         "kind": rng.choice(("text", "text", "link")),
                         "created_at": now - timedelta(days=rng.randint(0, 20),
                                                       minutes=rng.randint(0, 600))})

    def write(uow: UnitOfWork) -> None:
        uow.add_rows(KbArticle, arts, record=False)
        uow.add_rows(KbArticleVersion, versions, record=False)
        uow.add_rows(KbArticleLink, links, record=False)
        uow.add_rows(KbUse, uses, record=False)

    store.write(write)
    return len(arts)

"""A generated demo workspace: realistic, deterministic, and as large as asked.

The same seed and the same day give the same workspace. Conversations spread
over the last twelve weeks up to now, so this week and last week have real
traffic. The text mixes English, Russian and Icelandic (and a little German
and Spanish) so that search and rendering are exercised on real scripts.

Demo rows are written in bulk without outbox entries: a demo workspace is
marked as such and is never pushed to a team server.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from supportdesk.models import (
    Activity,
    Agent,
    Conversation,
    ConversationTag,
    Customer,
    Identity,
    Message,
)
from supportdesk.services.actions import snippet_of
from supportdesk.services.customers import identity_search_key
from supportdesk.services.kb.demo import seed_articles
from supportdesk.services.workflow.seed import seed_workflow
from supportdesk.store import Store, UnitOfWork

WEEKS = 12
BATCH = 2_000

AGENTS = [
    ("Alex Morgan", "alex@acme-support.example", "owner"),
    ("Priya Raman", "priya@acme-support.example", "agent"),
    ("Sigríður Jónsdóttir", "sigga@acme-support.example", "agent"),
    ("Дмитрий Соколов", "dmitry@acme-support.example", "expert"),
    ("Sam Okafor", "sam@acme-support.example", "agent"),
]

FIRST_EN = ["Olivia", "Liam", "Emma", "Noah", "Ava", "James", "Mia", "Lucas", "Grace", "Ethan"]
LAST_EN = ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Clarke", "Patel"]
#: Whole names where given name and family name must agree (gender, patronymics).
FULL_NAMES = {
    "ru": ["Анна Иванова", "Иван Петров", "Мария Смирнова", "Алексей Кузнецов",
           "Ольга Попова", "Сергей Волков", "Наталья Соколова", "Павел Морозов",
           "Екатерина Лебедева", "Дмитрий Новиков"],
    "is": ["Guðrún Jónsdóttir", "Jón Sigurðsson", "Þórður Ólafsson", "Katrín Björnsdóttir",
           "Ólafur Guðmundsson", "Helga Magnúsdóttir", "Ásgeir Einarsson", "Sólveig Pálsdóttir",
           "Jökull Þórsson", "Sigrún Ásgeirsdóttir"],
    "de": ["Jürgen Schäfer", "Lena Köhler", "Björn Weiß", "Anja Groß", "Matthias Müller"],
    "es": ["José Muñoz", "María Pérez", "Sofía Gómez", "Andrés Núñez", "Lucía Fernández"],
}
TRANSLIT = str.maketrans(
    {
        "þ": "th", "ð": "d", "æ": "ae", "ö": "o", "ó": "o", "á": "a", "é": "e", "í": "i",
        "ú": "u", "ý": "y", "ü": "u", "ß": "ss", "ñ": "n", "ä": "a",
    }
)
ORGS = [
    "Northwind Traders", "Fjarðabyggð Bakarí", "ООО «Ромашка»", "Blue Harbor Dental",
    "Kaffi Vínyl", "Greenleaf Florists", "Technik Köhler GmbH", "Panadería Núñez", None, None,
]
LANG_WEIGHTS = [("en", 60), ("ru", 15), ("is", 15), ("de", 5), ("es", 5)]

TOPICS: dict[str, list[tuple[str, str, list[str]]]] = {
    # language -> (subject, first message, tags)
    "en": [
        ("Charged twice for the March invoice", "Hi, my card was charged twice for invoice "
         "{n}. Can you refund the duplicate payment?", ["billing", "refund"]),
        ("Cannot log in after password reset", "I reset my password but the login page keeps "
         "saying the link expired. I have a client demo in an hour.", ["login"]),
        ("Printer offline again", "The office printer shows offline on every laptop since "
         "this morning's update.", ["hardware"]),
        ("Export to CSV loses accents", "When I export my customer list, names like "
         "Jökull and Zoë come out garbled in Excel.", ["bug", "export"]),
        ("Feature request: dark mode", "Our night shift would love a dark theme.",
         ["feature-request"]),
        ("Server down - urgent", "Our shop website returns 502 since 02:10. We are losing "
         "orders.", ["outage", "vip"]),
        ("Question about the annual plan", "Does the annual plan include phone support and "
         "how many incidents?", ["sales"]),
        ("Email not syncing on iPhone", "New mail stopped arriving on my phone, the desktop "
         "is fine.", ["email"]),
    ],
    "ru": [
        ("Не могу войти в личный кабинет", "Здравствуйте! После обновления не получается "
         "войти: пишет «неверный пароль», хотя пароль правильный.", ["login"]),
        ("Двойное списание по счёту", "Добрый день. С карты дважды списали оплату по счёту "
         "{n}. Верните, пожалуйста, лишний платёж.", ["billing", "refund"]),
        ("Сервер не отвечает", "Сайт магазина недоступен с ночи, клиенты не могут оформить "
         "заказ. Срочно!", ["outage"]),
        ("Вопрос по тарифу", "Подскажите, входит ли поддержка по телефону в годовой тариф?",
         ["sales"]),
    ],
    "is": [
        ("Get ekki skráð mig inn", "Góðan dag. Ég get ekki skráð mig inn eftir að ég breytti "
         "lykilorðinu. Hvað á ég að gera?", ["login"]),
        ("Reikningur tvígreiddur", "Halló, kortið mitt var rukkað tvisvar fyrir reikning "
         "{n}. Getið þið endurgreitt?", ["billing", "refund"]),
        ("Prentarinn virkar ekki", "Prentarinn á skrifstofunni í Reykjavík prentar ekkert "
         "síðan í morgun.", ["hardware"]),
        ("Fyrirspurn um áskrift", "Er símaþjónusta innifalin í ársáskriftinni?", ["sales"]),
    ],
    "de": [
        ("Rechnung doppelt bezahlt", "Guten Tag, die Rechnung {n} wurde zweimal abgebucht. "
         "Bitte erstatten Sie den Betrag.", ["billing", "refund"]),
        ("Drucker druckt nicht", "Seit dem Update druckt unser Drucker im Büro nicht mehr.",
         ["hardware"]),
    ],
    "es": [
        ("No puedo iniciar sesión", "Hola, después de cambiar la contraseña no puedo "
         "iniciar sesión. ¿Me ayudan?", ["login"]),
        ("Cobro duplicado", "Me cobraron dos veces la factura {n}. ¿Pueden devolver el "
         "importe?", ["billing", "refund"]),
    ],
}
ALL_TOPICS = [(lang, topic) for lang, topics in TOPICS.items() for topic in topics]
CUSTOMER_FOLLOWUPS = {
    "en": ["Thanks, that worked!", "Still the same problem, I'm afraid.",
           "Attached a screenshot of the error.", "Any news on this?",
           "I tried clearing the cache, no change."],
    "ru": ["Спасибо, всё заработало!", "Проблема осталась.", "Есть новости?",
           "Прикладываю скриншот ошибки."],
    "is": ["Takk fyrir, þetta virkaði!", "Sama vandamál enn.", "Eru einhverjar fréttir?",
           "Ég prófaði að endurræsa, engin breyting."],
    "de": ["Danke, jetzt funktioniert es!", "Das Problem besteht weiterhin."],
    "es": ["¡Gracias, funcionó!", "Sigue igual, lo siento."],
}
AGENT_REPLIES = {
    "en": ["Thanks for reaching out! I'm looking into this now.",
           "Could you send me the exact error message?",
           "I've issued the refund; it should show within 3-5 business days.",
           "We've pushed a fix; please try again and let me know.",
           "I've escalated this to our engineering team."],
    "ru": ["Спасибо за обращение! Уже разбираемся.", "Пришлите, пожалуйста, текст ошибки.",
           "Мы вернули платёж, он поступит в течение 3–5 рабочих дней."],
    "is": ["Takk fyrir að hafa samband! Ég er að skoða þetta.",
           "Gætirðu sent mér villuboðin?", "Endurgreiðslan er komin af stað."],
    "de": ["Danke für Ihre Nachricht! Wir prüfen das.", "Die Erstattung ist veranlasst."],
    "es": ["¡Gracias por escribirnos! Lo estamos revisando.", "Ya hicimos la devolución."],
}
NOTES = [
    "Customer is on the legacy plan; check with billing before refunding.",
    "Same issue as last month, see the older conversation.",
    "Called the vendor, case opened, waiting for their reply.",
    "VIP: answer within the hour.",
    "Клиент просил перезвонить после 15:00.",
    "Viðskiptavinur vill fá svar á íslensku.",
]
CALL_OUTCOMES = ["resolved", "follow_up", "voicemail", "no_answer", "escalated"]
PHONE_PREFIX = {"en": "+1202555", "ru": "+7495", "is": "+354", "de": "+4930", "es": "+3491"}
CHANNELS = [("email", 55), ("chat", 30), ("phone", 15)]
PRIORITIES = [("low", 15), ("normal", 60), ("high", 18), ("urgent", 7)]


@dataclass(frozen=True)
class DemoSummary:
    """What the generator made."""

    agents: int
    customers: int
    conversations: int
    messages: int


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


def _uuid7(rng: random.Random, at: datetime) -> str:
    ms = int(at.timestamp() * 1000)
    value = (
        (ms & ((1 << 48) - 1)) << 80
        | 0x7 << 76
        | rng.getrandbits(12) << 64
        | 0b10 << 62
        | rng.getrandbits(62)
    )
    return str(uuid.UUID(int=value))


class _Gen:
    def __init__(self, seed: int, now: datetime, n_conv: int, msgs_per_conv: float) -> None:
        self.rng = random.Random(seed)
        self.now = now
        self.start = now - timedelta(weeks=WEEKS)
        self.n_conv = n_conv
        self.msgs_per_conv = msgs_per_conv
        self.agents: list[dict[str, Any]] = []
        self.customers: list[tuple[str, str, str]] = []  # id, name, lang
        self.phones: dict[str, str] = {}
        self.messages = 0

    def make_agents(self) -> list[dict[str, Any]]:
        for name, email, role in AGENTS:
            self.agents.append(
                {
                    "id": _uuid7(self.rng, self.start - timedelta(days=365)),
                    "name": name,
                    "email": email,
                    "role": role,
                    "active": True,
                    "created_at": self.start - timedelta(days=365),
                }
            )
        return self.agents

    def make_customers(self, n: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        rng = self.rng
        customers, identities = [], []
        used: set[str] = set()
        for i in range(n):
            lang = _pick(rng, LANG_WEIGHTS)
            if lang == "en":
                name = f"{rng.choice(FIRST_EN)} {rng.choice(LAST_EN)}"
            else:
                name = rng.choice(FULL_NAMES[lang])
            created = self.start - timedelta(days=rng.randint(1, 700))
            cid = _uuid7(rng, created)
            customers.append(
                {
                    "id": cid,
                    "name": name,
                    "organization": rng.choice(ORGS),
                    "language": lang,
                    "notes": None,
                    "merged_into_id": None,
                    "created_at": created,
                }
            )
            self.customers.append((cid, name, lang))
            local = name.replace(" ", ".").lower().translate(TRANSLIT)
            if not local.isascii():
                local = f"client{i}"
            email = f"{local}.{i}@example.{'is' if lang == 'is' else 'com'}"
            identities.append(self._identity(cid, "email", email, email, created))
            if rng.random() < 0.6:
                phone = f"{PHONE_PREFIX[lang]}{rng.randint(0, 10**7 - 1):07d}"
                while phone in used:  # numbers are unique identities
                    phone = f"{PHONE_PREFIX[lang]}{rng.randint(0, 10**7 - 1):07d}"
                used.add(phone)
                identities.append(self._identity(cid, "phone", phone, phone, created))
                self.phones[cid] = phone
            if rng.random() < 0.3:
                handle = f"whatsapp:{local}{i}"
                identities.append(self._identity(cid, "chat", handle, handle, created))
            used.add(email)
        return customers, identities

    def _identity(
        self, cid: str, kind: str, value: str, display: str, at: datetime
    ) -> dict[str, Any]:
        return {
            "id": _uuid7(self.rng, at),
            "customer_id": cid,
            "kind": kind,
            "value": value,
            "display": display,
            "search_key": identity_search_key(kind, value),
        }

    def make_conversation(self, i: int) -> dict[str, list[dict[str, Any]]]:
        rng = self.rng
        span = (self.now - self.start).total_seconds()
        # Skew toward recent weeks a little: support volume grows.
        created = self.start + timedelta(seconds=span * (rng.random() ** 0.85))
        created = min(created, self.now - timedelta(minutes=5))
        if i < len(ALL_TOPICS):
            # Every topic, in every language, appears at least once.
            lang, topic = ALL_TOPICS[i]
            cid, cname, _lang = rng.choice(
                [c for c in self.customers if c[2] == lang] or self.customers
            )
        else:
            cid, cname, lang = rng.choice(self.customers)
            topic = rng.choice(TOPICS[lang])
        channel = _pick(rng, CHANNELS)
        subject, first_text, tags = topic
        phone = self.phones.get(cid) or f"{PHONE_PREFIX[lang]}{rng.randint(0, 10**7 - 1):07d}"
        first_text = first_text.format(n=f"INV-{rng.randint(10000, 99999)}")
        conv_id = _uuid7(rng, created)
        age_days = (self.now - created).days
        if age_days > 10:
            status = "solved" if rng.random() < 0.93 else rng.choice(["open", "pending"])
        else:
            status = rng.choices(["open", "pending", "solved"], [50, 20, 30])[0]
        n_msgs = max(1, min(60, int(rng.expovariate(1 / self.msgs_per_conv)) + 1))
        me = self.agents[0]["id"]
        assignee = None if rng.random() < 0.2 else rng.choice(self.agents)["id"]
        if status == "open" and rng.random() < 0.25:
            assignee = me
        messages: list[dict[str, Any]] = []
        at = created
        for k in range(n_msgs):
            from_customer = k % 2 == 0
            agent = rng.choice(self.agents)
            if k == 0:
                body = first_text
            elif from_customer:
                body = rng.choice(CUSTOMER_FOLLOWUPS[lang])
            else:
                body = rng.choice(AGENT_REPLIES[lang])
            meta: dict[str, Any] = {}
            if channel == "phone":
                kind = "call"
                meta = {
                    "phone": phone,
                    "phone_display": phone,
                    "direction": "inbound" if from_customer else "outbound",
                    "duration_s": rng.randint(30, 1800),
                    "outcome": rng.choice(CALL_OUTCOMES),
                    "follow_up": None,
                }
                author_agent = agent["id"]
                author_customer = None
                author = agent["name"]
            elif channel == "chat":
                kind = "chat"
                author_agent = None if from_customer else agent["id"]
                author_customer = cid if from_customer else None
                author = cname if from_customer else agent["name"]
            else:
                kind = "email_in" if from_customer else "email_out"
                author_agent = None if from_customer else agent["id"]
                author_customer = cid if from_customer else None
                author = cname if from_customer else agent["name"]
            messages.append(
                self._message(conv_id, kind, at, author_agent, author_customer, author,
                              subject if channel == "email" else "", body, meta)
            )
            # Later replies come minutes to a day apart, but always before now.
            left = max(1, int((self.now - at).total_seconds() // 60) // (n_msgs - k))
            step = rng.randint(max(1, min(3, left)), max(1, min(60 * 30, left)))
            at = at + timedelta(minutes=step)
        if rng.random() < 0.2:
            note_at = min(self.now, created + timedelta(minutes=rng.randint(5, 600)))
            agent = rng.choice(self.agents)
            messages.append(
                self._message(conv_id, "note", note_at, agent["id"], None, agent["name"], "",
                              rng.choice(NOTES), {})
            )
        last = max(m["created_at"] for m in messages)
        last_customer = next(
            (m for m in reversed(messages) if m["author_customer_id"]), messages[0]
        )
        conv_subject = subject if channel != "phone" else f"Call with {cname}"
        conv = {
            "id": conv_id,
            "subject": conv_subject,
            "customer_id": cid,
            "channel": channel,
            "status": status,
            "priority": _pick(rng, PRIORITIES),
            "assignee_id": assignee,
            "unread": status == "open" and rng.random() < 0.4,
            "snippet": snippet_of(last_customer["body_text"]),
            "message_count": len(messages),
            "created_at": created,
            "last_activity_at": last,
        }
        activity = [
            {
                "id": _uuid7(rng, created),
                "conversation_id": conv_id,
                "created_at": created,
                "agent_id": None,
                "kind": "created",
                "detail": {"channel": channel},
            }
        ]
        tag_rows = [{"conversation_id": conv_id, "tag": t} for t in tags if rng.random() < 0.8]
        if rng.random() < 0.05:
            tag_rows.append({"conversation_id": conv_id, "tag": "vip"})
        tag_rows = list({r["tag"]: r for r in tag_rows}.values())
        self.messages += len(messages)
        return {"conv": [conv], "msgs": messages, "acts": activity, "tags": tag_rows}

    def _message(
        self,
        conv_id: str,
        kind: str,
        at: datetime,
        agent_id: str | None,
        customer_id: str | None,
        author: str,
        subject: str,
        body: str,
        meta: dict[str, Any],
    ) -> dict[str, Any]:
        return {
            "id": _uuid7(self.rng, at),
            "conversation_id": conv_id,
            "kind": kind,
            "created_at": at,
            "author_agent_id": agent_id,
            "author_customer_id": customer_id,
            "author_name": author,
            "subject": subject,
            "body_text": body,
            "body_html": None,
            "meta": meta,
            "raw_sha256": None,
        }


def generate(
    store: Store,
    conversations: int = 400,
    seed: int = 1,
    *,
    now: datetime | None = None,
    messages_per_conversation: float = 4.0,
    progress: Callable[[int, int], None] | None = None,
    workflow: bool = True,
) -> DemoSummary:
    """Fill a store with a demo workspace.

    Args:
        store: an open, empty store.
        conversations: how many conversations to make.
        seed: the same seed (on the same day) makes the same workspace.
        now: the end of the twelve weeks; the current time when omitted.
        messages_per_conversation: the average length of a conversation.
        progress: called with (done, total) after each batch.
        workflow: also seed the SLA policy, contracts, canned answers, rota and time.
    """
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    gen = _Gen(seed, now, conversations, messages_per_conversation)
    agents = gen.make_agents()
    customers, identities = gen.make_customers(max(5, conversations // 3))

    def base(uow: UnitOfWork) -> None:
        uow.add_rows(Agent, agents, record=False)
        for start in range(0, len(customers), 5000):
            uow.add_rows(Customer, customers[start : start + 5000], record=False)
        for start in range(0, len(identities), 5000):
            uow.add_rows(Identity, identities[start : start + 5000], record=False)

    store.write(base)
    store.set_meta("demo", "1")
    store.set_agent(agents[0]["id"])
    done = 0
    while done < conversations:
        n = min(BATCH, conversations - done)
        batch = [gen.make_conversation(done + k) for k in range(n)]

        def write(uow: UnitOfWork, batch: list[dict[str, list[dict[str, Any]]]] = batch) -> None:
            uow.add_rows(Conversation, [r for b in batch for r in b["conv"]], record=False)
            uow.add_rows(Message, [r for b in batch for r in b["msgs"]], record=False)
            uow.add_rows(Activity, [r for b in batch for r in b["acts"]], record=False)
            tags = [r for b in batch for r in b["tags"]]
            if tags:
                uow.session.execute(insert(ConversationTag), tags)

        store.write(write)
        done += n
        if progress:
            progress(done, conversations)
    if workflow:  # SLA policy, contracts, canned answers, on-call rota and time entries
        seed_workflow(store, now=now, seed=seed)
    seed_articles(store, now=now, seed=seed)  # the knowledge base (issue 18)
    return DemoSummary(len(agents), len(customers), conversations, gen.messages)

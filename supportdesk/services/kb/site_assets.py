"""The help site's stylesheet, search script and its few words in each language."""

from __future__ import annotations

#: The site's own words, per article language (the site is for customers).
LABELS: dict[str, dict[str, str]] = {
    "en": {"search": "Search", "placeholder": "Search the help articles", "tags": "Topics",
           "languages": "Languages", "articles": "Articles", "none": "No article matches.",
           "home": "Help centre", "updated": "Updated", "noscript":
           "Search needs JavaScript; the lists below show every article."},
    "ru": {"search": "Найти", "placeholder": "Поиск по статьям", "tags": "Темы",
           "languages": "Языки", "articles": "Статьи", "none": "Ничего не найдено.",
           "home": "Справка", "updated": "Обновлено", "noscript":
           "Для поиска нужен JavaScript; ниже перечислены все статьи."},
    "is": {"search": "Leita", "placeholder": "Leita í greinum", "tags": "Efni",
           "languages": "Tungumál", "articles": "Greinar", "none": "Engin grein fannst.",
           "home": "Hjálp", "updated": "Uppfært", "noscript":
           "Leit þarf JavaScript; hér fyrir neðan eru allar greinar."},
}
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "is": "Íslenska", "de": "Deutsch",
                  "es": "Español"}


def labels(language: str) -> dict[str, str]:
    """The site's words in a language (English when it has none of its own)."""
    return LABELS.get(language, LABELS["en"])


STYLE_CSS = """\
:root { color-scheme: light dark; --fg: #1d232b; --bg: #ffffff; --muted: #5b6570;
  --line: #dfe3e8; --accent: #1f5fbf; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e9ed; --bg: #16191d; --muted: #a3acb6; --line: #2d333b; --accent: #7fb0ff; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 46rem; margin: 0 auto; padding: 0.75rem 1rem; }
header { border-bottom: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: 0.5rem;
  align-items: center; justify-content: space-between; }
header .home { font-weight: 600; font-size: 1.1rem; text-decoration: none; color: var(--fg); }
form.search { display: flex; gap: 0.4rem; flex: 1 1 16rem; max-width: 26rem; }
form.search input { flex: 1; min-width: 0; font: inherit; padding: 0.45rem 0.6rem;
  border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
form.search button { font: inherit; padding: 0.45rem 0.8rem; border-radius: 6px;
  border: 1px solid var(--accent); background: var(--accent); color: #fff; }
a { color: var(--accent); }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.25rem; margin: 1.4rem 0 0.4rem; }
.meta, footer, .hint { color: var(--muted); font-size: 0.9rem; }
ul.list { padding-left: 1.1rem; }
ul.list li { margin: 0.3rem 0; }
.tags a { display: inline-block; margin: 0 0.3rem 0.3rem 0; padding: 0.1rem 0.55rem;
  border: 1px solid var(--line); border-radius: 999px; text-decoration: none; }
article img { max-width: 100%; height: auto; }
article pre { overflow-x: auto; }
article table { border-collapse: collapse; display: block; overflow-x: auto; }
article td, article th { border: 1px solid var(--line); padding: 0.3rem 0.5rem; }
#results:empty { display: none; }
[hidden] { display: none !important; }
"""

# The search runs in the reader's browser over search-index.js (a script, so it loads
# from a plain folder as well as from a web server; fetch() of a local file does not).
# Folding matches the app's: the generator ships a table of what each letter of the
# site's text folds to, so the two cannot drift apart.
SEARCH_JS = """\
(function () {
  "use strict";
  var data = window.SUPPORTDESK_SEARCH;
  if (!data) { return; }
  var map = data.fold;
  function fold(text) {
    var out = "";
    for (var ch of text) {
      if (Object.prototype.hasOwnProperty.call(map, ch)) { out += map[ch]; continue; }
      out += ch.toLowerCase().normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "");
    }
    return out;
  }
  function words(text) { return fold(text).match(/[\\p{L}\\p{N}]+/gu) || []; }
  var docs = data.articles.map(function (a) {
    return { a: a, title: words(a.title), text: a.words.split(" ") };
  });
  function score(doc, terms) {
    var total = 0;
    for (var t of terms) {
      var best = 0;
      for (var w of doc.title) { if (w.startsWith(t)) { best = 3; break; } }
      if (!best) { for (var w2 of doc.text) { if (w2.startsWith(t)) { best = 1; break; } } }
      if (!best) { return 0; }
      total += best;
    }
    return total;
  }
  function search(query) {
    var terms = words(query);
    if (!terms.length) { return []; }
    return docs.map(function (d) { return { d: d, s: score(d, terms) }; })
      .filter(function (r) { return r.s > 0; })
      .sort(function (x, y) { return y.s - x.s || x.d.a.title.localeCompare(y.d.a.title); })
      .map(function (r) { return r.d.a; });
  }
  var root = document.documentElement.getAttribute("data-root") || "";
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var none = document.getElementById("no-results");
  if (!input || !list) { return; }
  function show() {
    var hits = search(input.value);
    list.textContent = "";
    for (var a of hits) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + a.url;
      link.textContent = a.title;
      li.appendChild(link);
      list.appendChild(li);
    }
    if (none) { none.hidden = !(input.value.trim() && !hits.length); }
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); }
  input.addEventListener("input", show);
  var form = input.form;
  if (form && list.getAttribute("data-live") === "1") {
    form.addEventListener("submit", function (e) { e.preventDefault(); show(); });
  }
  show();
})();
"""

"""What a saved HTML page declares about itself: its headline, author and language.

The headline is the one the publisher declares for the article, in order of how
directly it names this article:

1. the ``headline`` (or ``name``) of the page's schema.org article in JSON-LD; when
   the two differ, the one the window title or a heading repeats;
2. a title meta tag (``og:title``, ``twitter:title``, Dublin Core, ``title``), as written;
3. the window title (``<title>``), without the site's name at its end ("Headline | Site",
   "Headline - Site") when what is left is the headline: a heading of the page says it,
   or the part cut off is the site's declared name or its domain; and what is left has
   several words ("Mozilla - Wikipedia" stays whole: "Mozilla" is a topic, not a
   headline);
4. the page's only ``<h1>``, when the window title is too short to be a headline;
   else the window title as it is.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

# The root element of a page as trafilatura.load_html parses it (an lxml HtmlElement;
# lxml ships no type information).
PageTree = Any

# Article types of schema.org (NewsArticle, BlogPosting, ...) whose headline is the page's.
_ARTICLE_TYPES = frozenset(
    "Article BlogPosting LiveBlogPosting SocialMediaPosting DiscussionForumPosting Report APIReference".split()
)
_TITLE_METAS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "title")
_SITE_NAME_METAS = ("og:site_name", "application-name", "twitter:site")
_URL_METAS = ("og:url",)
# Separators between a headline and the site's name in a window title.
_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»:]|::)\s+")
# JSON-LD is read only this far into a script, and objects only this deep.
_MAX_JSON_CHARS = 200_000
_MAX_DEPTH = 8
# A window title cut down to fewer words than this keeps its site name (a topic page)...
_MIN_HEADLINE_WORDS = 5
# ...or, in a script written without spaces (Chinese, Japanese, Thai), fewer characters.
_MIN_HEADLINE_CHARS = 6
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Date words a byline runs into after the name ("Nathan Willis March 25, 2015").
_AUTHOR_TAIL = re.compile(
    r"(?:\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|"
    r"wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?)+$",
    re.IGNORECASE,
)
# Page labels and links that a byline reader may take for a name.
_NOT_A_NAME = re.compile(
    r"\d|https?\b|\b(?:user ?name|follow|author|updated|published|posted|login|log in|sign in|share|"
    r"control|version)\b",
    re.IGNORECASE,
)
# Old pages hide a script's text from XML or HTML parsers: "<![CDATA[ ... ]]>", "<!-- ... -->".
_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
_LANGUAGE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*$")


@dataclass(slots=True)
class DeclaredMetadata:
    """The raw declarations of one page (each value whitespace-normalised)."""

    window_title: str | None = None
    meta_title: str | None = None
    # headline and name of each schema.org article the page describes in JSON-LD
    articles: list[list[str]] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # of the JSON-LD article(s)
    headings: list[str] = field(default_factory=list)  # the page's <h1> texts
    site_names: list[str] = field(default_factory=list)
    url: str | None = None
    language: str | None = None

    @property
    def names_one_article(self) -> bool:
        """The page declares the headline of one article (a schema.org article, a title
        meta tag, a single <h1>): it is that article, not a digest of several stories."""
        return bool(self.articles or self.meta_title or len(self.headings) == 1)

    @property
    def article_authors(self) -> list[str]:
        """The authors of the page's one schema.org article (of several, none is the page's)."""
        return self.authors if len(self.articles) == 1 else []

    @property
    def headline(self) -> str | None:
        declared = self._article_headline() or self.meta_title
        if declared:
            return declared
        window = self._window_headline()
        if window and reads_as_headline(window):
            return window
        return (self.headings[0] if len(self.headings) == 1 else None) or window

    def _article_headline(self) -> str | None:
        """The JSON-LD article's headline; of several articles (a list of stories), only
        one whose headline the page repeats elsewhere."""
        if not self.articles:
            return None
        confirmed = self._confirmed([name for names in self.articles for name in names])
        if confirmed or len(self.articles) > 1:
            return confirmed
        return self.articles[0][0]

    def _confirmed(self, candidates: list[str]) -> str | None:
        """The first candidate that the window title, a title meta tag or a heading repeats."""
        others = [self.window_title or "", self.meta_title or "", *self.headings]
        for candidate in candidates:
            key = fold(candidate)
            if key and any(key == fold(part) for other in others for part in _parts(other)):
                return candidate
        return None

    def _window_headline(self) -> str | None:
        title = self.window_title
        if not title:
            return None
        segments = _SEPARATOR.split(title)
        if len(segments) < 2:
            return title
        headings = {fold(heading) for heading in self.headings}
        # The longest run of leading segments a heading repeats is the headline, and so is
        # what is left when the last segment names the site; but a short remainder is
        # more likely a topic ("Mozilla - Wikipedia") than a headline.
        for end in range(len(segments) - 1, 0, -1):
            head = _joined(title, end)
            if fold(head) in headings or (end == len(segments) - 1 and self._names_site(segments[-1])):
                return head if reads_as_headline(head) else title
        return title

    def _names_site(self, segment: str) -> bool:
        key = fold(segment)
        if not key:
            return False
        names = {fold(name) for name in self.site_names}
        names |= {fold(label) for label in _domain_labels(self.url)}
        names.discard("")
        return key in names or any(key == name.removeprefix("the") for name in names)


def page_author(declared: DeclaredMetadata, extracted: str | None) -> str | None:
    """The article's author(s): the JSON-LD article's, else trafilatura's reading of the
    meta tags and byline ("A; B"), without the date words and page labels a byline
    runs into ("Joshua Sokol May", "Follow Author")."""
    names = declared.article_authors
    if not names and extracted:
        names = [_AUTHOR_TAIL.sub("", part).strip() for part in extracted.split(";")]
    kept: list[str] = []
    for name in names:
        if name and not _NOT_A_NAME.search(name) and fold(name) not in {fold(k) for k in kept}:
            kept.append(name)
    return ", ".join(kept) or None


def reads_as_headline(text: str) -> bool:
    """Long enough to be an article's headline rather than a topic or a section name."""
    return len(text.split()) >= _MIN_HEADLINE_WORDS or len(_UNSPACED.findall(text)) >= _MIN_HEADLINE_CHARS


def _parts(text: str) -> list[str]:
    """A title and its separator-delimited leading parts ("A | B | C": A | B | C, A | B, A)."""
    segments = _SEPARATOR.split(text)
    return [text] + [_joined(text, end) for end in range(len(segments) - 1, 0, -1)]


def _joined(title: str, segments: int) -> str:
    """The first ``segments`` separator-delimited parts of ``title``, as written."""
    cuts = list(_SEPARATOR.finditer(title))
    return title[: cuts[segments - 1].start()].strip()


def fold(text: str) -> str:
    """Letters and digits only, without accents, lower-cased: titles that differ only
    in case, punctuation or accents ("Aktuálně.cz", "aktualne.cz") compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def _domain_labels(url: str | None) -> list[str]:
    """The registered name of a URL's host, with and without its suffix ("bbc.co.uk"
    gives "bbc.co.uk" and "bbc")."""
    if not url:
        return []
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return []
    labels = [label for label in host.split(".") if label and label != "www"]
    if len(labels) < 2:
        return labels
    # the longest label that is not a generic suffix (co, com, org...) is the name
    name = max(labels[:-1], key=len)
    return [".".join(labels), name]


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def declared_metadata(tree: PageTree) -> DeclaredMetadata:
    """Read the declarations of a parsed page; never raises on odd markup."""
    declared = DeclaredMetadata()
    declared.window_title = _text(tree.findtext(".//title"))
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = _text(meta.get("content"))
        if key and content and key not in metas:
            metas[key] = content
        if (meta.get("http-equiv") or "").lower() == "content-language" and content:
            metas.setdefault("content-language", content)
    declared.meta_title = next((metas[key] for key in _TITLE_METAS if key in metas), None)
    declared.site_names = [metas[key].lstrip("@") for key in _SITE_NAME_METAS if key in metas]
    declared.url = next((metas[key] for key in _URL_METAS if key in metas), None) or _canonical(tree)
    declared.headings = [text for h1 in tree.iter("h1") if (text := _text(h1.text_content()))]
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            _read_json_ld(script.text or "", declared)
    declared.language = _language(
        tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        metas.get("content-language"),
        metas.get("og:locale"),
    )
    return declared


def _canonical(tree: PageTree) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return _text(link.get("href"))
    return None


def _read_json_ld(source: str, declared: DeclaredMetadata) -> None:
    try:
        data = json.loads(_WRAPPER.sub("", source[:_MAX_JSON_CHARS]), strict=False)
    except (ValueError, RecursionError):
        return  # broken JSON-LD is common and says nothing
    for item in _objects(data, 0):
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if not any(isinstance(k, str) and (k in _ARTICLE_TYPES or k.endswith("Article")) for k in kinds):
            continue
        names = [text for key in ("headline", "name") if (text := _text(item.get(key)))]
        if names:
            declared.articles.append(names)
        for author in _listed(item.get("author")):
            name = _text(author.get("name")) if isinstance(author, dict) else _text(author)
            if name and name not in declared.authors:
                declared.authors.append(name)
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and (name := _text(publisher.get("name"))):
            declared.site_names.append(name)


def _listed(value: object) -> list:
    return value if isinstance(value, list) else [value]


def _objects(data: object, depth: int) -> Iterator[dict]:
    """The JSON objects in a JSON-LD document: top level, lists and @graph."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if isinstance(graph, list):
            yield from _objects(graph, depth + 1)


def _language(*declarations: str | None) -> str | None:
    """The primary language subtag of the first well-formed declaration ("en-US": "en")."""
    for declared in declarations:
        if declared and (match := _LANGUAGE.match(declared.strip())):
            return match.group(1).lower()
    return None

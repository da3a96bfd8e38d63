"""Pages, feeds and web archives written for these tests to look like real French news sites.

Why hand-written: a saved page from a real site carries its boilerplate (navigation, a cookie
banner, related articles, comments, share buttons) around the article; these pages put the
same furniture around articles written for kg's tests, so a test can say exactly which
sentences are the article and which must not be read.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

#: The article: a dateline, then paragraphs (wording written for these tests).
PARAGRAPHS = (
    "Vilnius, 12 mars 2024 – Le gouvernement lituanien a annoncé mardi l'achat de nouveaux "
    "systèmes de défense aérienne auprès d'un constructeur norvégien, une commande estimée "
    "à deux cents millions d'euros.",
    "La ministre de la Défense, Dovilė Šakalienė, a précisé que les premières batteries "
    "seraient livrées avant la fin de l'année et déployées près de la frontière orientale.",
    "Selon le ministère, l'accord prévoit aussi la formation de soixante militaires "
    "lituaniens en Norvège au cours de l'été.",
)
#: Boilerplate sentences: none of them may reach the extracted text.
BOILERPLATE = (
    "Nous utilisons des cookies pour améliorer votre expérience",
    "Accepter et fermer",
    "Abonnez-vous à notre lettre quotidienne",
    "Le prix du gazole recule pour la troisième semaine",
    "Un festival de jazz s'ouvre à Nantes",
    "Super article, merci pour ces précisions",
    "Mentions légales",
    "Partager sur les réseaux",
)


def news_page(
    *,
    title: str = "La Lituanie achète des défenses aériennes norvégiennes",
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    site: str = "Le Courrier Balte",
    url: str = "https://www.courrier-balte.example/monde/2024/03/12/lituanie-defense.html",
    published: str | None = "2024-03-12T09:30:00+01:00",
    modified: str | None = "2024-03-14T18:00:00+01:00",
    author: str = "Aurélie Marchand",
    charset: str = "utf-8",
    lang: str = "fr",
    json_ld: bool = True,
) -> str:
    """A whole article page: head metadata, JSON-LD, navigation, banner, body, asides."""
    body = "\n".join(f"      <p>{p}</p>" for p in paragraphs)
    meta_dates = ""
    if published:
        meta_dates += f'  <meta property="article:published_time" content="{published}">\n'
    if modified:
        meta_dates += f'  <meta property="article:modified_time" content="{modified}">\n'
    ld = ""
    if json_ld:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": published,
            "dateModified": modified,
            "author": {"@type": "Person", "name": author},
            "publisher": {"@type": "Organization", "name": site},
            "mainEntityOfPage": url,
        }
        data_text = json.dumps(data, ensure_ascii=False)
        ld = f'  <script type="application/ld+json">{data_text}</script>\n'
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="{charset}">
  <title>{title} – {site}</title>
  <link rel="canonical" href="{url}">
  <meta property="og:site_name" content="{site}">
  <meta property="og:title" content="{title}">
  <meta name="author" content="{author}">
{meta_dates}{ld}</head>
<body>
  <div id="cookie-banner" class="cookie-consent">
    <p>{BOILERPLATE[0]} et mesurer l'audience du site. <button>{BOILERPLATE[1]}</button></p>
  </div>
  <header class="site-header">
    <nav class="main-nav"><ul>
      <li><a href="/">Accueil</a></li><li><a href="/monde/">Monde</a></li>
      <li><a href="/economie/">Économie</a></li><li><a href="/culture/">Culture</a></li>
    </ul></nav>
    <div class="newsletter">{BOILERPLATE[2]} et recevez l'essentiel chaque matin.</div>
  </header>
  <main>
    <article class="article">
      <h1 class="article-title">{title}</h1>
      <p class="byline">Par <span class="author">{author}</span>,
        publié le <time datetime="{published or ""}">{(published or "")[:10]}</time></p>
{body}
      <div class="share">{BOILERPLATE[7]} : Facebook, X, LinkedIn</div>
    </article>
    <aside class="related">
      <h2>À lire aussi</h2>
      <ul>
        <li><a href="/eco/gazole.html">{BOILERPLATE[3]} consécutive</a></li>
        <li><a href="/culture/jazz.html">{BOILERPLATE[4]} avec quarante concerts</a></li>
      </ul>
    </aside>
    <section id="comments" class="comments">
      <h2>Commentaires</h2>
      <div class="comment"><p class="comment-author">Lecteur75</p>
        <p>{BOILERPLATE[5]}, on attendait cette décision depuis longtemps.</p></div>
    </section>
  </main>
  <footer class="site-footer">
    <a href="/mentions">{BOILERPLATE[6]}</a> · Contact · Publicité</footer>
</body>
</html>
"""


ENGLISH = (
    "Washington, March 12, 2024 – The President met the leaders of the two parties at the "
    "White House on Thursday to discuss the budget, and the talks went on late into the "
    "evening while reporters waited outside the West Wing.",
    "A spokesman said that the meeting had been productive and that a new round of talks "
    "would be held next week, but he gave no details about the proposals on the table.",
)


def rss_feed(items: list[dict[str, str]], *, title: str = "Le Courrier Balte – Monde") -> str:
    """An RSS 2.0 feed; each item may carry ``content`` (content:encoded) or only a summary."""
    parts = []
    for item in items:
        content = (
            f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>"
            if "content" in item
            else ""
        )
        parts.append(
            f"""  <item>
    <title>{item["title"]}</title>
    <link>{item["link"]}</link>
    <guid>{item["link"]}</guid>
    <pubDate>{item["date"]}</pubDate>
    <dc:creator>{item.get("author", "Rédaction")}</dc:creator>
    <description><![CDATA[{item.get("summary", "")}]]></description>
    {content}
  </item>"""
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>{title}</title>
  <link>https://www.courrier-balte.example/monde/</link>
  <description>L'actualité internationale</description>
{chr(10).join(parts)}
</channel>
</rss>
"""


def write_warc(
    path: Path,
    pages: list[tuple[str, str, bytes]],
    *,
    extra: bool = True,
    gzip: bool = True,
    content_type: str = "text/html; charset=utf-8",
) -> Path:
    """A WARC file like a crawler's: per page a request and a response, plus non-pages.

    ``pages`` holds (target URI, WARC-Date, HTML bytes). With ``extra``, a stylesheet, a
    redirect and a 404 page are recorded too, as crawls do; none of them is an article.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "kg-tests"}))

    def response(uri: str, date: str, status: str, ctype: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        request = writer.create_warc_record(
            uri,
            "request",
            payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(request)
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(record)

    for uri, date, body in pages:
        response(uri, date, "200 OK", content_type, body)
    if extra:
        first = pages[0][0] if pages else "https://www.courrier-balte.example/"
        response(first + ".css", "2024-03-13T08:00:00Z", "200 OK", "text/css", b"p{color:red}")
        response(first + "?old", "2024-03-13T08:00:01Z", "301 Moved Permanently", "text/html", b"")
        response(
            first + "/absent",
            "2024-03-13T08:00:02Z",
            "404 Not Found",
            "text/html",
            b"<html><body><p>Page introuvable</p></body></html>",
        )
    path.write_bytes(buffer.getvalue())
    return path

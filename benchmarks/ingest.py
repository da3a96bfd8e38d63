"""What reading web pages costs beside the parse: pages/s for extraction alone vs `kg build`.

Usage: python benchmarks/ingest.py CORPUS.jsonl [--pages 200] [--workers 1]

Each article of CORPUS.jsonl is wrapped in a news-site page written here (navigation, cookie
banner, JSON-LD NewsArticle, article:published_time, related articles, comments) and saved
twice: as ``.html`` files and as one ``.warc.gz`` (a response record per page, written with
warcio). Then, on the same pages:

1. extraction alone: :func:`kg.io.read_documents` over the ``.html`` folder and over the
   WARC (trafilatura + htmldate; no spaCy);
2. ``kg build`` on the ``.html`` folder, the whole process (model load included), with a
   fresh cache, ``--workers`` processes.

Why both: the reading cost is only worth knowing next to the parse it feeds.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.io import read_documents

PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>{title} – Le Quotidien de Test</title>
<link rel="canonical" href="{url}">
<meta property="og:site_name" content="Le Quotidien de Test">
<meta property="article:published_time" content="{date}T08:00:00+01:00">
<script type="application/ld+json">{ld}</script></head><body>
<div class="cookie-banner"><p>Ce site dépose des traceurs pour mesurer son audience.
<button>Tout accepter</button></p></div>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li>
<li><a href="/sports">Sports</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">Par la rédaction</p>
{body}
</article>
<aside class="related"><h2>Sur le même sujet</h2><ul>
<li><a href="/a">Les marchés reculent en fin de séance</a></li>
<li><a href="/b">Le temps sera doux ce week-end</a></li></ul></aside>
<section class="comments"><h2>Réactions</h2><p>Très intéressant, merci.</p></section>
</main><footer><a href="/cgu">Conditions d'utilisation</a></footer></body></html>
"""


def _page(n: int, record: dict) -> tuple[str, bytes]:
    text = str(record["text"])
    lines = [line for line in text.split("\n") if line.strip()]
    title = html.escape(lines[0][:120] if lines else f"Article {n}")
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:] or lines)
    date = str(record.get("date") or "2012-01-01")
    url = f"https://quotidien-test.example/article-{n}"
    ld = json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": date})
    page = PAGE.format(title=title, url=url, date=date, ld=ld.replace("<", "\\u003c"), body=body)
    return url, page.encode("utf-8")


def _warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )


def _timed_read(path: Path) -> tuple[int, float]:
    t0 = time.perf_counter()
    count = sum(1 for _ in read_documents([path], warn=lambda _m: None))
    return count, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    records = [
        json.loads(line)
        for line in args.corpus.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ][: args.pages]
    pages = [_page(n, r) for n, r in enumerate(records, start=1)]
    work = Path(tempfile.mkdtemp(prefix="kg-ingest-"))
    try:
        folder = work / "pages"
        folder.mkdir()
        for n, (_url, body) in enumerate(pages, start=1):
            (folder / f"page-{n:05d}.html").write_bytes(body)
        _warc(work / "crawl.warc.gz", pages)

        read_documents([folder / "page-00001.html"])  # warm up imports (trafilatura, lxml)
        html_n, html_s = _timed_read(folder)
        warc_n, warc_s = _timed_read(work / "crawl.warc.gz")
        kg_bin = Path(sys.executable).with_name("kg")
        command = [str(kg_bin), "build", str(folder), "--out", str(work / "out"), "-q"]
        command += ["--workers", str(args.workers)]
        t0 = time.perf_counter()
        subprocess.run(command, check=True)
        build_s = time.perf_counter() - t0
        built = sum(1 for _ in (work / "out" / "extraction.jsonl").open(encoding="utf-8"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"pages: {len(pages)} written from {args.corpus.name}")
    print(
        f"extraction alone, .html files: {html_n} articles in {html_s:.2f} s "
        f"= {html_n / html_s:.1f} pages/s"
    )
    print(
        f"extraction alone, one .warc.gz: {warc_n} articles in {warc_s:.2f} s "
        f"= {warc_n / warc_s:.1f} pages/s"
    )
    print(
        f"kg build (whole process, {args.workers} worker(s)): {built} articles in "
        f"{build_s:.2f} s = {built / build_s:.1f} pages/s; reading is "
        f"{100 * html_s / build_s:.0f} % of it"
    )


if __name__ == "__main__":
    main()

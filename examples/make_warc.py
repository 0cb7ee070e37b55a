"""Build examples/corpus/crawl.warc.gz: one crawled news page (a warcinfo, a request and a response record).

The page is a report written for Storyline's demo corpus (see examples/README.md); the outlet,
URL and page furniture are made up. The page carries no publication date of its own, so
Storyline keeps the WARC capture date only as a note ("captured 2022-11-18").

Run from the repository root:  .venv/bin/python examples/make_warc.py
"""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

URL = "https://example.net/news/black-sea-grain-deal-extended"
CAPTURED = "2022-11-18T09:12:44Z"
OUT = Path(__file__).resolve().parent / "corpus" / "crawl.warc.gz"

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Black Sea grain deal extended for another 120 days | Quayside News</title>
  <meta name="description" content="The UN-brokered arrangement for Ukrainian grain exports is renewed on the same terms.">
</head>
<body>
  <nav><a href="/">Quayside News</a> <a href="/world">World</a> <a href="/trade">Trade</a> <a href="/login">Log in</a></nav>
  <header><p class="section">Trade</p></header>
  <article>
    <h1>Black Sea grain deal extended for another 120 days</h1>
    <p>The agreement that lets Ukraine export grain through the Black Sea was extended on Thursday for another 120 days, UN Secretary-General Ant\u00f3nio Guterres announced, days before it was due to run out.</p>
    <p>The UN chief welcomed the decision by all parties to continue the Black Sea Grain Initiative and said the United Nations remained committed to removing the remaining obstacles to exports of Russian food and fertiliser.</p>
    <div class="ad">Advertisement</div>
    <p>Ukraine's infrastructure minister, Oleksandr Kubrakov, confirmed the extension. Turkish officials also welcomed it, and the Joint Coordination Centre in Istanbul will keep inspecting the ships.</p>
    <p>The renewal takes effect on Saturday, when the first 120-day term ends. More than ten million tonnes of grain and other food have left Ukrainian ports under the deal since August.</p>
    <p>Moscow suspended its participation last month after a drone attack on its Black Sea Fleet in Sevastopol, but rejoined a few days later after Turkish and UN mediation. Russian officials have repeatedly complained that the part of the package covering Russia's own exports has not been fully carried out.</p>
  </article>
  <aside><h3>Latest news</h3><ul><li><a href="/trade/container-rates">Container rates slide again</a></li><li><a href="/world/winter-storms">Winter storms close mountain passes</a></li></ul></aside>
  <section class="comments"><h3>0 Comments</h3><p>Be the first to comment.</p></section>
  <footer><p>&copy; 2022 Quayside News. All rights reserved.</p><p>We use cookies to run this site.</p></footer>
</body>
</html>
"""


def main() -> None:
    body = PAGE.encode("utf-8")
    with OUT.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = writer.create_warcinfo_record("crawl.warc.gz", {
            "software": "storyline examples/make_warc.py", "format": "WARC File Format 1.1",
            "description": "Storyline demo corpus: one news page"})
        info.rec_headers.replace_header("WARC-Date", CAPTURED)
        writer.write_record(info)
        req_headers = StatusAndHeaders("GET /news/black-sea-grain-deal-extended HTTP/1.1", [
            ("Host", "example.net"), ("User-Agent", "storyline-demo/1.0"), ("Accept", "text/html")],
            is_http_request=True)
        request = writer.create_warc_record(URL, "request", http_headers=req_headers,
                                            warc_headers_dict={"WARC-Date": CAPTURED})
        writer.write_record(request)
        http_headers = StatusAndHeaders("200 OK", [
            ("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1")
        response = writer.create_warc_record(URL, "response", payload=BytesIO(body), http_headers=http_headers,
                                             warc_headers_dict={"WARC-Date": CAPTURED})
        writer.write_record(response)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()

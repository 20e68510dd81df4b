import io
import json

from model.articles import Article, ReadError, parse_text, read_articles


def test_parse_text_reads_header_and_skips_blank_lines():
    raw = "\ufeffTITLE: Talks stall\r\nOUTLET: Harbour Post\r\n\r\n\r\nBody line one.\r\nTwo."
    meta, body = parse_text(raw)
    assert meta == {"title": "Talks stall", "outlet": "Harbour Post"}
    assert body == "Body line one.\nTwo."


def test_parse_text_without_header_keeps_everything():
    meta, body = parse_text("Note: this is not a header key.\nSecond line.")
    assert meta == {}
    assert body == "Note: this is not a header key.\nSecond line."


def test_directory_ids_are_relative_sorted_and_other_files_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("TITLE: B\n\nSecond body.", encoding="utf-8")
    (tmp_path / "sub" / "01_report.txt").write_text("Nested body.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First body.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    items = list(read_articles([tmp_path]))
    assert [a.id for a in items] == ["a", "b", "sub/01_report"]
    assert items[1].meta["title"] == "B"
    assert items[1].meta["source"].endswith("b.txt")


def test_file_given_directly_uses_its_stem(tmp_path):
    path = tmp_path / "07_brief.txt"
    path.write_text("A short body.", encoding="utf-8")
    (article,) = read_articles([path])
    assert article == Article("07_brief", "A short body.", {"source": str(path)})


def test_jsonl_lines_become_articles_and_bad_lines_errors(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "Body one.", "outlet": "Wire", "rank": 3}),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "x2", "text": "Body two.\r\nMore."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_articles([path]))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "ReadError",
        "ReadError",
        "ReadError",
        "Article",
    ]
    assert items[0].meta["outlet"] == "Wire" and items[0].meta["rank"] == "3"
    assert items[1].source.endswith("feed.jsonl:2")
    assert items[4].text == "Body two.\nMore."


def test_bad_files_give_errors_not_crashes(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "bin.txt").write_bytes(b"abc\x00def")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "big.txt").write_text("x" * 200, encoding="utf-8")
    paths = [tmp_path / n for n in ("latin.txt", "bin.txt", "empty.txt", "big.txt")]
    items = list(read_articles([*paths, tmp_path / "missing.txt"], max_bytes=100))
    assert all(isinstance(i, ReadError) for i in items)
    messages = " | ".join(i.message for i in items)
    for word in ("UTF-8", "binary", "empty", "limit", "no such file"):
        assert word in messages


def test_stdin_is_read_as_one_article():
    stream = io.StringIO("TITLE: Live\n\nThe envoy spoke briefly.")
    (article,) = read_articles(["-"], stdin=stream)
    assert article.id == "stdin"
    assert article.text == "The envoy spoke briefly."
    assert article.meta == {"title": "Live", "source": "<stdin>"}


def test_html_main_text_and_title(tmp_path):
    page = (
        "<html><head><title>Envoys meet in Vladivostok</title></head><body>"
        "<nav>Home | World</nav><article><h1>Envoys meet in Vladivostok</h1>"
        "<p>Two envoys met on Tuesday to discuss rail links between the two countries, "
        "officials said after the meeting ended late in the evening.</p>"
        "<p>“We agreed to keep talking,” said Lena Varga, a researcher who attended.</p>"
        "</article><script>var x = 1;</script></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (article,) = read_articles([tmp_path / "page.html"])
    assert article.id == "page"
    assert "“We agreed to keep talking,” said Lena Varga" in article.text
    assert "var x" not in article.text
    assert article.meta["title"] == "Envoys meet in Vladivostok"


def test_a_large_jsonl_streams_and_the_size_limit_applies_per_line(tmp_path):
    path = tmp_path / "many.jsonl"
    line = json.dumps({"id": "x", "text": "“We agree,” said Ana Ruiz. " + "word " * 40})
    with path.open("w", encoding="utf-8") as handle:
        for i in range(3000):
            handle.write(line.replace('"x"', f'"a{i}"') + "\n")
        handle.write(json.dumps({"id": "big", "text": "y" * 5000}) + "\n")
    assert path.stat().st_size > 600_000
    items = list(read_articles([path], max_bytes=4000))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(articles) == 3000 and articles[-1].id == "a2999"
    assert len(errors) == 1 and errors[0].source.endswith("many.jsonl:3001")
    assert "over the 4000-byte limit" in errors[0].message

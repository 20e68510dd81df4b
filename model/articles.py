"""Read news articles from .txt, .html and .jsonl files, folders and standard input.

Everything downstream works on character offsets into `Article.text`, so the text is normalised
once, here (line endings, BOM, header), and never again.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

HEADER_KEYS = ("URL", "TITLE", "OUTLET", "DATE", "AUTHOR", "STYLE", "NOTE")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

_HEADER_LINE = re.compile(r"^({}):[ \t]?(.*)$".format("|".join(HEADER_KEYS)))


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReadError:
    source: str
    message: str


def normalise(raw: str) -> str:
    """Strip a BOM and unify line endings, so offsets mean the same on every platform."""
    return raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_text(raw: str) -> tuple[dict[str, str], str]:
    """Split `KEY: value` header lines at the very top from the body.

    The header ends at the first line that is not a header line; blank lines after it are
    skipped. A text without a header comes back whole (after normalisation).
    """
    text = normalise(raw)
    meta: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        match = _HEADER_LINE.match(text[pos:end])
        if not match:
            break
        meta[match.group(1).lower()] = match.group(2).strip()
        pos = end + 1
    if meta:
        while pos < len(text) and text[pos] == "\n":
            pos += 1
    return meta, text[pos:]


def read_articles(
    paths: Iterable[str | Path], *, max_bytes: int = 5_000_000, stdin=None
) -> Iterator[Article | ReadError]:
    """Yield one Article (or ReadError) at a time, so memory stays flat for huge folders."""
    for given in paths:
        if str(given) == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _files_under(path):
                rel = file.relative_to(path).with_suffix("").as_posix()
                yield from _read_file(file, rel, max_bytes)
        elif path.is_file():
            yield from _read_file(path, path.stem, max_bytes)
        else:
            yield ReadError(str(path), "no such file or directory; check the path")


def _files_under(folder: Path) -> Iterator[Path]:
    # Sorted walk, so article order (and every output built on it) is reproducible.
    for file in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
        if file.is_file() and file.suffix.lower() in KNOWN_SUFFIXES:
            yield file


def _read_stdin(stream, max_bytes: int) -> Iterator[Article | ReadError]:
    data = stream.read()
    raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    text = _decode(raw, "<stdin>", max_bytes)
    if isinstance(text, ReadError):
        yield text
        return
    meta, body = parse_text(text)
    yield Article("stdin", body, {**meta, "source": "<stdin>"})


def _read_file(path: Path, article_id: str, max_bytes: int) -> Iterator[Article | ReadError]:
    source = str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _jsonl_file(path, max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield ReadError(
                source,
                f"file is {size} bytes, over the {max_bytes}-byte limit; "
                "split it or raise max_bytes",
            )
            return
        raw = path.read_bytes()
    except OSError as err:
        yield ReadError(source, f"cannot read file ({err.strerror}); check permissions")
        return
    text = _decode(raw, source, max_bytes)
    if isinstance(text, ReadError):
        yield text
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        yield _html_article(text, article_id, source)
    else:
        meta, body = parse_text(text)
        yield Article(article_id, body, {**meta, "source": source})


def _decode(raw: bytes, source: str, max_bytes: int) -> str | ReadError:
    if len(raw) > max_bytes:
        return ReadError(source, f"input is {len(raw)} bytes, over the {max_bytes}-byte limit")
    if not raw.strip():
        return ReadError(source, "file is empty; remove it or add the article text")
    if b"\x00" in raw:
        return ReadError(source, "file looks binary (contains NUL bytes); give text, HTML or JSONL")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return ReadError(
            source,
            f"not valid UTF-8 (byte {err.start}); re-save it as UTF-8, e.g. "
            "`iconv -f latin1 -t utf-8`",
        )


def _jsonl_file(path: Path, max_bytes: int) -> Iterator[Article | ReadError]:
    """One line at a time: a JSONL of 100,000 articles streams like a folder of them."""
    try:
        handle = path.open("rb")
    except OSError as err:
        yield ReadError(str(path), f"cannot read file ({err.strerror}); check permissions")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            if b"\x00" in raw:
                yield ReadError(where, "line looks binary (contains NUL bytes)")
                continue
            if len(raw) > max_bytes:
                yield ReadError(where, f"line is {len(raw)} bytes, over the {max_bytes}-byte limit")
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as err:
                yield ReadError(where, f"not valid UTF-8 (byte {err.start}); re-save as UTF-8")
                continue
            yield _jsonl_article(line, where)


def _jsonl_article(line: str, where: str) -> Article | ReadError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return ReadError(where, f"bad JSON ({err.msg}); each line must be one JSON object")
    if not isinstance(obj, dict):
        return ReadError(where, 'line is not a JSON object; expected {"id": ..., "text": ...}')
    if not isinstance(obj.get("id"), str) or not obj["id"]:
        return ReadError(where, 'missing or non-string "id"; give each line a string id')
    if not isinstance(obj.get("text"), str):
        return ReadError(where, 'missing or non-string "text"; give each line the body text')
    meta = {k: v if isinstance(v, str) else json.dumps(v) for k, v in obj.items()
            if k not in ("id", "text")}  # fmt: skip
    meta["source"] = where
    return Article(obj["id"], normalise(obj["text"]), meta)


def _html_article(html: str, article_id: str, source: str) -> Article | ReadError:
    body, title = _extract_html(html)
    if not body.strip():
        return ReadError(source, "no article text found in the HTML page")
    meta = {"source": source}
    if title:
        meta["title"] = title
    return Article(article_id, normalise(body), meta)


def _extract_html(html: str) -> tuple[str, str]:
    """Main text and title of a page; the whole page text when trafilatura finds no main part."""
    body = trafilatura.extract(html, include_comments=False, favor_recall=True)
    if not body:  # very short pages have no "main content" by trafilatura's measure
        body = trafilatura.html2txt(html) or ""
    metadata = trafilatura.extract_metadata(html)
    title = metadata.title if metadata is not None and metadata.title else ""
    return body, title

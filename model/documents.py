"""Who issued a document that "says" something: "the statement said", "the report said",
"The text said" point back at the body that issued, released or spoke it.
"""

from __future__ import annotations

import re

from model.cues import DOCUMENT_NOUNS, ORG_HEADS
from model.names import Registry
from model.organisations import LOOK_BACK, body_that_spoke, sentence_subject, sentences_before
from model.phrases import phrase_after, phrase_before


def document_source(text: str, pos: int, reg: Registry, noun: str) -> str | None:
    """Who issued the statement (post, report, ...) that "the statement said" refers to."""
    # "“...,” the agency said in a statement on Telegram.": such a sentence opens with a quote,
    # so the sentence walk below never sees it.
    own = re.match(rf"(?i)(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?{noun}\b", text[pos : pos + 80])
    by = _ISSUED_BY.match(text, pos + own.end()) if own else None
    if by:  # "The report, released Thursday by the Monitoring Team, says"
        return phrase_after(text[by.end() : by.end() + 200])
    if noun in _ANY_DOCUMENT:  # "The text said": the statement, report, ... named before
        noun = "(?:" + "|".join(sorted(DOCUMENT_NOUNS - _ANY_DOCUMENT)) + ")"
    base = max(0, pos - LOOK_BACK)
    issued = list(re.finditer(_ISSUED_IN.format(noun=noun), text[base:pos]))
    issued_at = base + issued[-1].start() if issued else -1
    issuer = phrase_before(text[:issued_at]) if issued else None
    if issued and not issuer:
        # "The Monitoring Team (MSMT), set up last fall after ..., said in its first report"
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, issued_at)]
        issuer = sentence_subject(text[(ends[-1] if ends else 0) : issued_at])
    # A document is often discussed for several paragraphs after the one that introduced it.
    spoke = None
    for start, sentence in sentences_before(text, pos, reg, paragraphs=5):
        if issuer and issued_at >= start:
            return issuer  # named in this sentence or a later one
        sentence = _RUBRIC.sub("", sentence)  # "Details: The statement said ..."
        match = re.search(rf"(?i)\b{noun}s?\b", sentence)
        if not match:
            spoke = spoke or body_that_spoke(sentence)
            continue
        author = _author_after_of(sentence, match.end())
        if author:  # "according to the first report of the Monitoring Team": the team
            return author
        source = _ISSUED_BY.match(sentence, match.end())
        subject = sentence_subject(sentence)
        if source:
            carried = source.group("verb") in _CARRYING
            if carried and subject and not re.search(rf"(?i)\b{noun}", subject):
                return subject  # "In a statement carried by KCNA, the ministry said": its author
            return phrase_after(sentence[source.end() :])
        if subject and re.search(rf"(?i)\b{noun}", subject):
            continue  # "The statement went on to say ...": look further back for its author
        return subject
    if issuer is None and noun in _BODY_DOCUMENTS:
        # No statement was introduced: it is what the body last reported as speaking issued
        # ("..., the press office said. ... “...”, the statement said").
        return spoke
    return issuer


_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][”\"’»]?\s+(?=[A-Z“\"«])|\n")
_BODY_DOCUMENTS = frozenset({"statement", "communique", "communiqué", "readout"})
_ANY_DOCUMENT = frozenset({"text", "document"})


def _author_after_of(sentence: str, at: int) -> str | None:
    of = re.match(r"\s+of\s+", sentence[at:])
    phrase = phrase_after(sentence[at + of.end() :]) if of else None
    last = phrase.split()[-1] if phrase else ""
    capitalised = last[:1].isupper() and re.match(r"(?:the\s+)?[A-Z]", phrase)
    if phrase and (last.lower() in ORG_HEADS or capitalised):
        return phrase
    return None


# A rubric opening a paragraph in some outlets' house style ("Details:", "Source:").
_RUBRIC = re.compile(r"^\s*[A-Z][a-z]+(?: [a-z]+){0,2}:\s+")
# "a statement from the ministry", "The report, released Thursday by the team, says"
_ISSUED_BY = re.compile(
    r",?\s+(?:(?P<verb>[a-z]+ed)\s+)?(?:(?:on\s+)?[A-Z][a-z]+day\s+)?(?:from|by)\s+"
)
_CARRYING = frozenset({"carried", "published", "relayed", "broadcast", "aired"})
_ISSUED_IN = (
    r"\b(?:said|says|wrote|announced|declared)\s+in\s+(?:an?|its|their|the)\s+"
    r"(?:[\w-]+\s+){{0,2}}?{noun}\b"
)

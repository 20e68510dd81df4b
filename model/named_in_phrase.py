"""Names a speaker phrase carries inside it or right after it: "a retiree surnamed Liu", "the
official, Park Ji-u", "the host Vitaly Gromykin", "State Department spokesperson Colin Ashby"."""

from __future__ import annotations

import re

from model.cues import ORG_HEADS, ROLE_NOUNS
from model.names import NAME_RUN_RE, Person, Registry, is_person_name, lookup, strip_titles

_ONLY_NAME = re.compile(
    r"[,\s]+(?:(?:who\s+)?(?:gave|giving|identified|named|was\s+identified)\s+only\s+(?:by\s+|as\s+)?"
    r"(?:his|her|their)\s+(?:sur|family\s+|first\s+|given\s+|call\s+sign|nom\s+de\s+guerre)?"
    r"(?:name)?,?|surnamed|nicknamed|(?:(?:who|that)\s+)?(?:goes|went|going)\s+by"
    r"(?:\s+the\s+(?:name|call\s+sign|nickname))?|with\s+the\s+call\s+sign)\s+[“\"‘]?"
    rf"({NAME_RUN_RE.pattern})"
)


_ALIAS_LATER = re.compile(
    r"\b(?:only\s+(?:his|her|their)\s+(?:first\s+|given\s+|family\s+|sur)?name|call\s+sign|"
    r"(?:identified|known)(?:\s+by\s+[^,.;“”\"]{1,40}?)?\s+only\s+as)\s*,?\s+[“\"‘]?"
    rf"({NAME_RUN_RE.pattern})"
)


def only_surname(phrase: str, pos: int, text: str) -> str | None:
    """`said a wholesaler who gave only his surname, Liu`, `a retiree surnamed Liu`, `a
    commander who gave only his call sign, Grom`, `a crane operator who agreed to talk on
    condition that only his first name, Sergei, be used`: that name is the speaker."""
    at = text.find(phrase, max(0, pos - 5), pos + len(phrase) + 60)
    if at < 0:
        return None
    match = _ONLY_NAME.match(text, at + len(phrase))
    if match:
        return match.group(1)
    if phrase.split()[0].lower() not in ("a", "an", "one", "another"):
        return None
    rest = text[at + len(phrase) : at + len(phrase) + 160]
    rest = re.split(r"[.!?]\s|\n|[“”\"]", rest, maxsplit=1)[0]
    later = _ALIAS_LATER.search(rest)
    return later.group(1).rstrip(".") if later else None


def appositive_after(phrase: str, pos: int, text: str) -> str | None:
    """`a presidential office spokesman, Kwon Tae-seok, said`; `said the official, Park Ji-u`:
    an unnamed role followed by the name in apposition is that person."""
    words = phrase.lower().split()
    if (
        len(words) < 2
        or words[0] not in ("a", "an", "the", "one", "its", "his", "her", "their")
        or words[-1] not in ROLE_NOUNS
    ):
        return None
    at = text.find(phrase, max(0, pos - 5), pos + len(phrase) + 60)
    if at < 0:
        return None
    match = re.match(rf",\s+({NAME_RUN_RE.pattern})(?=\s*(?:[,.;:—–]|$))", text[at + len(phrase) :])
    if not match:
        return None
    tokens, _ = strip_titles(match.group(1).split())
    return " ".join(tokens) if len(tokens) >= 2 and is_person_name(tokens) else None


def known_tail(reg: Registry, phrase: str, pos: int, text: str) -> Person | None:
    """A person already named, at the end of a longer phrase: "the host Vitaly Gromykin",
    "Ambassador of the DPRK to Russia Choe Yong-dok"."""
    tokens = phrase.split()
    cut = len(tokens)
    while cut > 0 and tokens[cut - 1][:1].isupper():
        cut -= 1
    if cut == 0 and len(tokens) <= 2:
        return None
    if cut > 0 and tokens[cut - 1].lower() in ("the", "of", "for", "to", "a", "an", "in", "at"):
        return None  # "the Harbour Gazette", "the Embassy in New Delhi": not a person
    name, _ = strip_titles(tokens[cut:])
    if len(name) < 2 or not is_person_name(name):
        return None
    person = lookup(reg, " ".join(name), pos + len(phrase) + 1, text)
    return person if person is not None and person.name == " ".join(name) else None


def trailing_name(phrase: str) -> str | None:
    """`State Department spokesperson Colin Ashby` -> `Colin Ashby`; `the agency KCNA` -> `KCNA`."""
    tokens = phrase.split()
    cut = len(tokens)
    while cut > 0 and (tokens[cut - 1][0].isupper() or tokens[cut - 1].startswith("(")):
        cut -= 1
    if cut == 0 or cut == len(tokens) or tokens[cut - 1].endswith(("'s", "’s")):
        return None
    if tokens[cut].startswith("("):
        return None  # "military intelligence agency (HUR)": the acronym glosses the body
    before = tokens[cut - 1].lower()
    name, _ = strip_titles(tokens[cut:])
    if is_person_name(name) and (before in ROLE_NOUNS or before in ORG_HEADS):
        return " ".join(name)
    # "the state news agency KCNA", "the party newspaper Rodong Sinmun"
    media_head = before in ORG_HEADS or before in _MEDIA_WORDS
    if media_head and ((len(name) == 1 and name[0].isupper()) or before != "official"):
        return " ".join(name)
    return None


_MEDIA_WORDS = frozenset(
    {"news", "newspaper", "outlet", "channel", "account"}
    | {"giant", "maker", "producer", "exporter", "carrier", "operator", "lender", "conglomerate"}
)


# Titles that say the role: "the lawmaker" is "Rep. Kim".

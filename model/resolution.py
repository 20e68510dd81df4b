"""Resolve a speaker phrase found next to a cue to the name the codebook asks for.

Pronouns and role nouns ("he", "the researcher") point back at people already named;
organisations are reported by the fullest name the article gave them ("the ministry" ->
"Russia's defence ministry").
"""

from __future__ import annotations

import re

from model.cues import (
    DOCUMENT_NOUNS,
    GROUP_PRONOUNS,
    ORG_HEADS,
    PERSON_PRONOUNS,
    ROLE_NOUNS,
    VAGUE_HEADS,
)
from model.names import (
    LEADING_JUNK,
    NAME_RUN_RE,
    Person,
    Registry,
    is_person_name,
    lookup,
    note_speaker,
    recent_person,
    strip_titles,
)
from model.organisations import (
    CAPITALS,
    clean_org,
    document_source,
    is_org,
    org_before,
    possessor,
    recent_org,
    remember_org,
    subject_org,
)


def resolve(reg: Registry, phrase: str, pos: int, text: str) -> tuple[str | None, bool]:
    """Map a speaker phrase found at pos to the name to report. Returns (speaker, found)."""
    phrase = _clean_phrase(phrase)
    lowered = phrase.lower()
    if not phrase:
        return None, False
    if lowered in PERSON_PRONOUNS:
        para_start = text.rfind("\n", 0, pos) + 1
        person = recent_person(reg, pos, PERSON_PRONOUNS[lowered], para_start)
        last = max((m.pos for m in reg.mentions if m.person is person and m.pos < pos), default=-1)
        if _unnamed_since(text, max(last, para_start), pos, reg):
            return None, True  # "an interview with a commander ... “...,” he said."
        if person is not None:
            note_speaker(reg, pos, person, lowered)
        return (person.name if person else None), True
    if lowered in GROUP_PRONOUNS:
        subject = subject_org(text, pos, reg) if lowered == "it" else None
        if subject:
            return resolve(reg, subject, pos, text)
        return recent_org(reg, pos) or org_before(text, pos, None), True
    named = _appositive_after(phrase, pos, text)
    if named:
        return resolve(reg, named, pos, text)
    known = _known_tail(reg, phrase, pos, text)
    if known is not None:
        note_speaker(reg, pos, known, None)
        return known.name, True
    phrase = trailing_name(phrase) or phrase
    words = phrase.lower().split()
    heads = [w for w in words if w in ORG_HEADS]
    if words[0] in ("a", "an", "one", "another"):
        return _indefinite(reg, phrase, pos, text), True
    if words[0] == "its" and len(words) > 1:
        return remember_org(reg, _its(reg, phrase, pos, text), pos), True
    if words[0] == "the" and len(words) <= 3 and words[-1] in DOCUMENT_NOUNS:
        source = document_source(text, pos, reg, words[-1])
        if source and words[-1] not in source.lower():
            return resolve(reg, source, pos, text)
        return remember_org(reg, clean_org(phrase), pos), True

    if words[-1] in VAGUE_HEADS:
        return None, True
    if words[0] == "the" and len(words) <= 3 and words[-1] not in ORG_HEADS:
        person = recent_role(reg, pos, words[-1])
        return (person.name if person else None), True
    tokens, gender = strip_titles(phrase.split())
    if is_person_name(tokens) and not is_org(phrase):
        person = lookup(reg, " ".join(tokens), pos + len(phrase) + 1, text, gender)
        if person is not None:
            person.gender = person.gender or gender
            note_speaker(reg, pos, person, None)
            return person.name, True
        return " ".join(tokens), True
    if heads and ((words[0] == "the" and len(words) == 2) or phrase.islower()):
        fuller = org_before(text, pos, heads[-1])
        if fuller:
            phrase = fuller
    return remember_org(reg, clean_org(phrase), pos), True


_SPOKES = frozenset({"official", "spokesperson", "spokesman", "spokeswoman", "representative"})


def _indefinite(reg: Registry, phrase: str, pos: int, text: str) -> str | None:
    """`a foreign ministry spokesman` speaks for the ministry; `a spokesperson` for the body
    the sentence before was about; `a puppet news agency in Seoul` is itself the speaker;
    `an analyst` credits nobody."""
    words = phrase.split()
    lowered = [w.lower() for w in words]
    if lowered[-1] in _SPOKES:
        body = words[1:-1]
        if not body:
            return subject_org(text, pos, reg)
        heads = [w for w in lowered[1:-1] if w in ORG_HEADS]
        if heads:
            return org_before(text, pos, heads[-1]) or "the " + " ".join(body)
        if all(w[:1].isupper() for w in body) and len(body) > 1:
            return "the " + " ".join(body)
        return None
    if any(w in ORG_HEADS for w in lowered[1:]):
        return phrase
    return None


def _its(reg: Registry, phrase: str, pos: int, text: str) -> str:
    """`its foreign ministry` -> `North Korea's foreign ministry`: the body the sentence before
    was about (a capital stands for its country), in the fullest form the article wrote."""
    rest = phrase.split(" ", 1)[1]
    owner = possessor(text, pos, reg)
    if not owner:
        return phrase
    owner = CAPITALS.get(owner, owner)
    return f"{owner}'s {rest}"


def _clean_phrase(phrase: str) -> str:
    tokens = phrase.strip(" ,.;:").split()
    while len(tokens) > 1 and tokens[0].strip(",") in LEADING_JUNK:
        tokens.pop(0)
    return " ".join(tokens)


_UNNAMED_PERSON = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){0,3}?([a-z-]+)\b")


_ASKERS = frozenset({"reporter", "journalist", "correspondent"})


def _unnamed_since(text: str, start: int, pos: int, reg: Registry) -> bool:
    """Whether an unnamed person ("a commander", "one analyst") is introduced in text[start:pos]
    outside quotes and not in apposition to a name ("Lena Varga, a fellow, ...")."""
    for match in _UNNAMED_PERSON.finditer(text, start, pos):
        before = text[max(0, match.start() - 5) : match.start()]
        if before.endswith(", ") or re.search(r"\b(?:is|was|as|by|of|for) $", before):
            continue
        role = match.group(1)
        if (
            role in ROLE_NOUNS
            and role not in _ASKERS
            and not any(a <= match.start() < b for a, b in reg.masked)
        ):
            return True
    return False


def _appositive_after(phrase: str, pos: int, text: str) -> str | None:
    """`a presidential office spokesman, Kwon Tae-seok, said`; `said the official, Park Ji-u`:
    an unnamed role followed by the name in apposition is that person."""
    words = phrase.lower().split()
    if len(words) < 2 or words[0] not in ("a", "an", "the", "one") or words[-1] not in ROLE_NOUNS:
        return None
    at = text.find(phrase, max(0, pos - 5), pos + len(phrase) + 60)
    if at < 0:
        return None
    match = re.match(rf",\s+({NAME_RUN_RE.pattern})(?=\s*(?:[,.;:—–]|$))", text[at + len(phrase) :])
    if not match:
        return None
    tokens, _ = strip_titles(match.group(1).split())
    return " ".join(tokens) if len(tokens) >= 2 and is_person_name(tokens) else None


def _known_tail(reg: Registry, phrase: str, pos: int, text: str) -> Person | None:
    """A person already named, at the end of a longer phrase: "the host Vitaly Gromykin",
    "Ambassador of the DPRK to Russia Choe Yong-dok"."""
    tokens = phrase.split()
    cut = len(tokens)
    while cut > 0 and tokens[cut - 1][:1].isupper():
        cut -= 1
    if cut == 0 and len(tokens) <= 2:
        return None
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
    before = tokens[cut - 1].lower()
    name, _ = strip_titles(tokens[cut:])
    if is_person_name(name) and (before in ROLE_NOUNS or before in ORG_HEADS):
        return " ".join(name)
    # "the state news agency KCNA", "the party newspaper Rodong Sinmun"
    media_head = before in ORG_HEADS or before in {"news", "newspaper", "outlet"}
    if media_head and ((len(name) == 1 and name[0].isupper()) or before != "official"):
        return " ".join(name)
    return None


def recent_role(reg: Registry, pos: int, role: str) -> Person | None:
    earlier = [m for m in reg.mentions if m.pos < pos]
    for mention in reversed(earlier):
        if role in mention.person.context.lower():
            return mention.person
    return recent_person(reg, pos, None)

"""Whether an unnamed person enters the text between a named one and a pronoun or role noun.

"Lena Varga said ... A second diplomat, who asked not to be named, ... “...,” the diplomat said":
the role noun then points at the unnamed diplomat, so the speaker is nobody, not Lena Varga.
"""

from __future__ import annotations

import re

from model.cues import ORG_HEADS, PERSON_NOUNS
from model.names import (
    LEADING_PREPOSITION,
    NAME_RUN_RE,
    Registry,
    is_person_name,
    strip_titles,
)
from model.phrases import phrase_after

_UNNAMED_PERSON = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he (?:second|other|first|third|younger|older))\s+"
    r"(?:(?:[A-Z]\.){2,3}\s+|[\w-]+\s+){0,3}?([a-z-]+)\b|\b[Oo]ne of (?:them|the \w+|those)\b()"
)
_ANONYMOUS_PERSON = re.compile(
    r"\b[Tt]he\s+(?:[\w’'-]+\s+){0,2}?([a-z-]+)\b[^.!?“”\"«»]{0,80}?(?:on condition of "
    r"anonymity|asked not to be (?:named|identified)|declined to be named)"
)
_ASKERS = frozenset({"reporter", "journalist", "correspondent"})


def unnamed_role_since(text: str, start: int, pos: int, reg: Registry, role: str) -> bool:
    """Whether an unnamed person with this role ("A Chinese scholar who asked not to be named")
    is introduced in text[start:pos], outside quotes and not in apposition to a name."""
    pattern = (
        rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:(?:[A-Z]\.){{2,3}}\s+|[\w’'-]+\s+){{0,4}}?"
        rf"{re.escape(role)}\b"
    )
    for match in re.finditer(pattern, text[:pos]):
        if match.start() < start or _masked(reg, match.start()):
            continue
        if not _describes_someone_named(text, match.start()):
            return True
    return False


def unnamed_since(text: str, start: int, pos: int, reg: Registry) -> bool:
    """Whether an unnamed person ("a commander", "one analyst") is introduced in text[start:pos]
    outside quotes and not in apposition to a name ("Lena Varga, a fellow, ...")."""
    for match in _ANONYMOUS_PERSON.finditer(text, start, pos):
        if match.group(1) in PERSON_NOUNS and not _masked(reg, match.start()):
            return True  # "The foreman of a neighbouring crew agreed to talk on condition ..."
    for match in _UNNAMED_PERSON.finditer(text, start, pos):
        if _describes_someone_named(text, match.start()):
            continue
        role = match.group(1) if match.group(1) is not None else "person"
        if role not in PERSON_NOUNS and role not in ORG_HEADS:
            role = _role_after(text, match.end())
        if role in PERSON_NOUNS and role not in _ASKERS and not _masked(reg, match.start()):
            return True
    return False


def _role_after(text: str, at: int) -> str:
    """The person noun right after a modifier the pattern stopped at: "A U.S. defense official"
    ends the lazy match at "defense", and the noun is the next word."""
    following = re.match(r"\s+([a-z-]+)\b", text[at : at + 40])
    return following.group(1) if following and following.group(1) in PERSON_NOUNS else ""


_UNNAMED_SPOKES = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Ii]ts|[Tt]heir)\s+(?:(?:[A-Z]\.){2,3}\s+|[\w’'-]+\s+){0,4}?"
    r"(?:spokes(?:man|woman|person)|representative)\b(?P<of>\s+(?:for|of|from)\s+)?"
)


def unnamed_spokesperson(text: str, start: int, pos: int, reg: Registry) -> tuple[str, int] | None:
    """The phrase and position of an unnamed spokesperson introduced in text[start:pos] ("a
    Unification Ministry spokesperson", "a spokesman for the foreign ministry", "its
    spokesperson"), when nobody else unnamed came after: "the spokesperson" and "he" then
    point at that spokesperson, who speaks for the body."""
    found = None
    for match in _UNNAMED_SPOKES.finditer(text, start, pos):
        if not _masked(reg, match.start()) and not _describes_someone_named(text, match.start()):
            found = match
    if found is None:
        return None
    for other in _UNNAMED_PERSON.finditer(text, found.end(), pos):
        role = other.group(1) if other.group(1) is not None else "person"
        if role in PERSON_NOUNS and not _masked(reg, other.start()):
            return None  # "... a spokesman for the ministry. A diplomat who ...": not him
    phrase = found.group(0).strip()
    if found.group("of"):
        body = phrase_after(text[found.end() : pos])
        if not body:
            return None
        phrase = f"{phrase} {body}"
    return phrase, found.start()


def previous_paragraph(text: str, para_start: int) -> int:
    """Where the paragraph before the one starting at para_start starts."""
    body = text[:para_start].rstrip()
    return body.rfind("\n") + 1 if body else 0


def _describes_someone_named(text: str, at: int) -> bool:
    """Whether the indefinite at `at` describes a named person: in apposition ("Lena Varga, 61,
    a fellow") or as a predicate ("Varga is a fellow", "known as a fellow")."""
    before = text[max(0, at - 100) : at]
    if re.search(
        r"\b(?:is|was|as|by|of|for)(?: (?:now|also|still|currently|once|later))? $", before
    ):
        return True
    # "... are in China. Qiao Lanfeng, a professor": the name starts after the full stop
    before = re.split(r"[.!?]\s+", before)[-1]
    match = re.search(
        rf"({NAME_RUN_RE.pattern})(?:\s+\([^()]{{1,60}}\))?"
        r"(?:,\s+(?:\d{1,3}|no relation[^,]{0,40}))*,\s+$",  # "Lee, 61,", "Lee, no relation,"
        before,
    )
    if match is None:
        return False
    preposition = LEADING_PREPOSITION.match(match.group(1))
    name = match.group(1)[preposition.end() if preposition else 0 :]
    return is_person_name(strip_titles(name.split())[0])


def _masked(reg: Registry, at: int) -> bool:
    return any(a <= at < b for a, b in reg.masked)

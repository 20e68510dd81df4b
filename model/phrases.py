"""The speaker phrase next to a cue: the noun phrase that ends the text before it ("the
Central Military Commission of the ruling Workers' Party said") or starts the text after it
("said one Hong Kong-based commodities trader")."""

from __future__ import annotations

import re

from model.cues import (
    CUE_WORDS,
    DOCUMENT_NOUNS,
    ORG_HEADS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    VAGUE_HEADS,
    words,
)

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_TRAILING_LABEL = re.compile(r"\s*\((?![A-Z]{2,}\))[^()\n]{1,40}\)\s*$")
_TOKEN_RE = re.compile(r"\([A-Z]{2,}\)|[\w’'.-]+|¶+|[,;:()—–]")
_DETERMINERS = frozenset({"the", "a", "an", "one", "its"})
_LINKS = frozenset({"of", "to", "for", "in"})
# Words that end a noun phrase when met (reading either way).
_STOP = (
    frozenset(
        words("""
and but or nor that which who whom whose said says told would will could should can may might
must has have had was were is are be been being not in on at with by from as when while after
before if than then so because since during into about over under against between without also
did does do it he she they we i his her their its our this these those what where why how there
here said reportedly just only even still yet again already now today yesterday
""")
    )
    | CUE_WORDS
)

_AGED = re.compile(r"\d{1,3}-year-old")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_ABBREVIATED = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.")  # "U.S.", "Mr.", "Gen."
PRONOUN_RE = re.compile(r"(?i)(he|she|they|it|we|i)$")
_POSSESSIVE_DETERMINERS = frozenset({"its", "his", "her", "their"})


def _is_cap(token: str) -> bool:
    return bool(re.match(rf"[{_UPPER}]", token)) or token.startswith("(")


def _head_ok(tokens: list[str]) -> bool:
    last = tokens[-1].lower().strip("()’'.")
    return (
        _is_cap(tokens[-1])
        or any(_AGED.fullmatch(t) for t in tokens[:-1])  # "the 41-year-old accountant"
        or last in ORG_HEADS
        or last in ROLE_NOUNS
        or last in PERSON_NOUNS
        or last in VAGUE_HEADS
        or last in DOCUMENT_NOUNS
    )


def phrase_before(text: str) -> str | None:
    """The noun phrase that ends `text` (the words just before a cue verb), or None."""
    text = text[-200:]
    # A phrase never runs across a paragraph break ("13.41 BST / Ukraine reacts / ...").
    text = _PARAGRAPH_BREAK.split(text)[-1]
    # "Sen. Roger Anstey (R-Idaho) said": a party or place label between name and cue.
    text = _TRAILING_LABEL.sub("", text)
    tokens = _TOKEN_RE.findall(text)
    if not tokens:
        return None
    last = tokens[-1]
    if (PRONOUN_RE.match(last) and not _is_cap(last)) or last in ("He", "She", "They", "It", "We"):
        return last
    taken: list[str] = []
    lowers = 0
    i = len(tokens)
    while i > 0:
        i -= 1
        token = tokens[i]
        lower = token.lower()
        if lower in _DETERMINERS:
            if taken and _chain_link(tokens, i):
                # "the Central Military Commission of the ruling Workers' Party", "a statement
                # from the North's defence ministry": the phrase goes on before "of the".
                taken[:0] = [tokens[i - 1], token]
                i -= 1
                continue
            if taken:
                taken.insert(0, token)
            break
        if token.endswith(".") and taken and not _ABBREVIATED.fullmatch(token):
            break  # "... and Germany. Isabel Pardo said": a sentence ended there
        if _is_cap(token):
            taken.insert(0, token)
            continue
        if _ORDINAL.fullmatch(token) and taken and i and _is_cap(tokens[i - 1]):
            taken.insert(0, token)  # "Staff Sgt. 1st Class Dana Reyes said"
            continue
        if lower == "in" and len(taken) == 1 and _is_cap(taken[0]):
            taken.insert(0, token)  # "the Russian embassy in Tokyo"; checked below
            continue
        if lower in _LINKS and taken and _is_cap(taken[0]) and _is_cap(tokens[i - 1] if i else ""):
            taken.insert(0, token)  # "Prisoners of War", "Ministry of Foreign Affairs"
            continue
        if lower == "and" and taken and _is_cap(taken[0]) and _of_name_before(tokens, i):
            taken.insert(0, token)  # "Department of Foreign Affairs and Trade"; not "Russia and"
            continue
        if lower in _STOP or not token[0].isalpha() or lowers >= 4:
            break
        taken.insert(0, token)
        lowers += 1
    if ("in" in taken and taken.index("in") == 0) or (
        # "the Hanseo Institute for Peace Studies in Seoul" is one name; "Beijing in Seoul" not.
        "in" in taken
        and not any(t.lower() in ORG_HEADS | DOCUMENT_NOUNS for t in taken[: taken.index("in")])
    ):
        taken = taken[taken.index("in") + 1 :]
    if len(taken) > 2 and [t.lower() for t in taken[:2]] == ["according", "to"]:
        taken = taken[2:]  # "According to government sources": the sources, not "According"
    while taken and taken[0].lower() in _LINKS:
        taken.pop(0)
    if not taken or not _head_ok(taken) or " ".join(taken) in _NOT_SPEAKERS:
        return None
    return _rejoin(text, taken)


def _of_name_before(tokens: list[str], i: int) -> bool:
    """Whether the "and" at i joins two parts of one name after "of"/"for": "Ministry for
    Europe and Foreign Affairs"."""
    run = tokens[max(0, i - 3) : i]
    return bool(run) and _is_cap(run[-1]) and any(t in ("of", "for") for t in run[:-1])


_CHAIN_LINKS = frozenset({"of", "for", "to", "from", "in"})


def _chain_link(tokens: list[str], i: int) -> bool:
    """Whether the determiner at i follows `HEAD of`, where HEAD names a body, a role or a
    document: the determiner starts the second half of one long name."""
    if i < 2 or tokens[i - 1].lower() not in _CHAIN_LINKS:
        return False
    head = tokens[i - 2].lower().strip("’'")
    link = tokens[i - 1].lower()
    if head in DOCUMENT_NOUNS:
        return link != "of"
    if link == "from" or (link == "in" and head not in ORG_HEADS):
        return False  # "the Russian embassy in the DPRK" goes on; "a rally in the capital" not
    if head in ORG_HEADS or head in ROLE_NOUNS:
        return True
    # "the Ministry of Foreign Affairs of the DPRK": a capitalised run holding a body's head
    j = i - 2
    while j >= 0 and (_is_cap(tokens[j]) or tokens[j] in _LINKS):
        if tokens[j].lower() in ORG_HEADS:
            return True
        j -= 1
    return False


_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman"})
_COUNT_ADJECTIVE = re.compile(r"\d+(?:-[a-z]+)+")
_NOT_SPEAKERS = frozenset({"This", "That", "These", "Those", "There", "What", "Which", "Who"})


def phrase_after(text: str) -> str | None:
    """The noun phrase that starts `text` (the words just after an inverted cue), or None."""
    stripped = text.lstrip(" ,")
    tokens = _TOKEN_RE.findall(stripped[:200])
    if not tokens:
        return None
    first = tokens[0].lower()
    capitalised_name = len(tokens) > 1 and tokens[0][0].isupper() and _is_cap(tokens[1])
    if first in ("he", "she", "they", "it", "we") and not capitalised_name:
        return tokens[0]  # but "said He Zhenyu, a commentator": a name
    if first in ("him", "her", "them") and re.match(r"\w+\s*[,.;:]", stripped):
        return tokens[0]  # "According to him, ..."; not "according to her ministry"
    taken: list[str] = []
    for index, token in enumerate(tokens):
        lower = token.lower()
        if index == 0 and (lower in _DETERMINERS or lower in _POSSESSIVE_DETERMINERS):
            taken.append(token)
            continue
        if _is_cap(token):
            taken.append(token)
            if token.endswith((".", ",")) and not _ABBREVIATED.fullmatch(token):
                break
            continue
        if _ORDINAL.fullmatch(token) and taken and _is_cap(taken[-1]):
            taken.append(token)  # "Petty Officer 1st Class Dana Reyes": part of the rank
            continue
        prev = taken[-1].lower().strip("()") if taken else ""
        if lower == "and" and taken and _is_cap(taken[-1]) and _of_name_before(taken, len(taken)):
            nxt = tokens[index + 1] if index + 1 < len(tokens) else ""
            if _is_cap(nxt):
                taken.append(token)  # "the Department of Foreign Affairs and Trade"
                continue
        org_like = any(t.lower().strip("()") in ORG_HEADS for t in taken)
        spokes = prev in _SPOKES and lower in ("for", "of")  # "The spokesman for the ministry"
        if lower in _LINKS and taken and (org_like or prev in ORG_HEADS or spokes):
            if lower == "in" and prev not in ORG_HEADS:
                break
            taken.append(token)
            continue
        if lower in ("from", "by", "in") and prev in DOCUMENT_NOUNS:
            taken.append(token)  # "a statement from the defence ministry"
            continue
        if lower in _DETERMINERS and taken and taken[-1].lower() in _LINKS | {"from", "by"}:
            taken.append(token)
            continue
        if taken and prev in _DETERMINERS and _COUNT_ADJECTIVE.fullmatch(token):
            taken.append(token)  # "The 11-country monitoring team"
            continue
        document = lower in DOCUMENT_NOUNS and prev in _DETERMINERS | _POSSESSIVE_DETERMINERS
        stop = lower in _STOP and not document  # "The reply from the mission": a noun here
        if stop or lower in _LINKS or not token[0].isalpha() or len(taken) >= 8:
            break
        if lower.endswith("ed") and taken and prev not in _DETERMINERS | _POSSESSIVE_DETERMINERS:
            break  # "the foreign ministry thanked Russia": a verb ends the subject
        if (
            _PARTICIPLE.fullmatch(lower)
            and taken
            and _is_cap(taken[-1])
            and lower not in _NOUNS | _NOUN_MODIFIERS
        ):
            break  # "a statement from the Ministry of National Defence praising ...": a verb
        bare = lower.rstrip(".,;:")
        if taken and bare != lower and (bare in _NOUNS or bare in PERSON_NOUNS):
            taken.append(token)  # "said one Senate committee aide." ends with its head noun
            break
        if taken and _ends_noun_phrase(taken[-1], lower):
            break  # "Baek Sung-ho went further", "state media made the most of it"
        taken.append(token)
    while taken and (taken[-1].lower() in _LINKS or taken[-1].lower() in _DETERMINERS):
        taken.pop()
    if not taken or not _head_ok(taken):
        return None
    return _rejoin(stripped, taken, first=True)


_NOUNS = ORG_HEADS | ROLE_NOUNS | DOCUMENT_NOUNS
_PARTICIPLE = re.compile(r"[a-z]{3,}ing")
_NOUN_MODIFIERS = words("""
news state party press foreign defence defense security intelligence information media
regional provincial municipal ruling central national presidential
""")


def _ends_noun_phrase(last: str, lower: str) -> bool:
    """Whether a lower-case word after `last` starts the predicate: after a name or a head noun,
    only another head noun ("State Department spokesperson") continues the phrase."""
    if lower in _NOUNS or lower in PERSON_NOUNS or lower in _NOUN_MODIFIERS:
        return False
    bare = last.strip("()")
    if bare.lower() == "official":
        return False  # "the official news agency"
    if bare.lower() in _DETERMINERS | _POSSESSIVE_DETERMINERS | _LINKS:
        return False
    if bare.lower() in _NOUNS:
        return True
    if not _is_cap(last) or bare.endswith(("'s", "’s")) or bare in NATIONALITY_LIKE:
        return False
    if bare in _DESCRIBING or (bare.endswith("ed") and bare[1:].islower()):
        return False  # "Exiled opposition politician Lev Orlov", "Veteran lawmaker Choi"
    # "one Hong Kong-based commodities trader": an adjective, not a name, so the phrase goes on;
    # "the DPRK foreign ministry" goes on through the modifier (above), "the EU came" stops.
    return not re.search(r"-(?:based|born|run|backed|owned|educated|trained)$", bare)


# Capitalised adjectives that open a description of a person ("Former envoy Ri Chol").
_DESCRIBING = words("""
Former Veteran Prominent Outspoken Longtime Leading Top Independent Opposition Hardline
Dissident Renowned Pro-war Pro-Kremlin Pro-Beijing Pro-Western Anti-war Influential Popular
""")

NATIONALITY_LIKE = frozenset(
    words("""
Chinese Russian Korean Japanese American Ukrainian European German French British North South
Western Eastern Soviet Indian Iranian Taiwanese Mongolian Vietnamese Estonian Polish Turkish
Kremlin Pentagon Foreign Defence Defense State National Central Federal Presidential Senior
""")
)


def _rejoin(text: str, tokens: list[str], first: bool = False) -> str:
    """The original text that the tokens came from (keeps spacing and apostrophes as written)."""
    pattern = r"\s*".join(re.escape(t) for t in tokens)
    matches = list(re.finditer(pattern, text))
    found = (matches[0] if first else matches[-1]) if matches else None
    phrase = found.group(0) if found else " ".join(tokens)
    return phrase.rstrip(".,")

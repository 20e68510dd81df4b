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
    NATIONALITY_WORDS,
    ORG_HEADS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    SPOKES_NOUNS,
    TITLE_WORDS,
    VAGUE_HEADS,
)
from model.documents import document_source
from model.named_in_phrase import appositive_after, known_tail, only_surname, trailing_name
from model.names import (
    LEADING_JUNK,
    ROLE_SYNONYMS,
    Person,
    Registry,
    is_person_name,
    lookup,
    note_speaker,
    post_holder,
    recent_person,
    strip_titles,
)
from model.organisations import (
    CAPITALS,
    clean_org,
    expand_acronym,
    fuller_name,
    is_org,
    newspaper_before,
    org_before,
    paragraph_subject_org,
    possessor,
    recent_org,
    remember_org,
    subject_org,
)
from model.phrases import phrase_after
from model.unnamed import (
    previous_paragraph,
    unnamed_role_since,
    unnamed_since,
    unnamed_spokesperson,
)


def resolve(reg: Registry, phrase: str, pos: int, text: str) -> tuple[str | None, bool]:
    """Map a speaker phrase found at pos to the name to report. Returns (speaker, found)."""
    phrase = _clean_phrase(phrase)
    # "His advice: “...”" leaves only the possessive as the subject: it points back like "he".
    phrase = _POSSESSIVE_ONLY.get(phrase.lower(), phrase)
    owned_words = _OWNED_WORDS.match(phrase)
    if owned_words:  # "Her message to colleagues was blunt: “...”": hers
        phrase = _POSSESSIVE_PRONOUN[owned_words.group(1).lower()]
    lowered = phrase.lower()
    if not phrase:
        return None, False
    if lowered in PERSON_PRONOUNS:
        para_start = text.rfind("\n", 0, pos) + 1
        person = recent_person(reg, pos, PERSON_PRONOUNS[lowered], para_start)
        last = max((m.pos for m in reg.mentions if m.person is person and m.pos < pos), default=-1)
        since = max(last, previous_paragraph(text, para_start))
        spokes = unnamed_spokesperson(text, since, pos, reg)
        if spokes:
            return resolve(reg, spokes[0], spokes[1], text)  # "A spokesman for X said ... he added"
        if unnamed_since(text, since, pos, reg):
            return None, True  # "an interview with a commander ... “...,” he said."
        if person is not None:
            note_speaker(reg, pos, person, lowered)
        return (person.name if person else None), True
    if lowered in GROUP_PRONOUNS:
        subject = subject_org(text, pos, reg) if lowered == "it" else None
        if subject:
            return resolve(reg, subject, pos, text)
        return recent_org(reg, pos) or org_before(text, pos, None), True
    named = appositive_after(phrase, pos, text) or only_surname(phrase, pos, text)
    if named:
        return resolve(reg, named, pos, text)
    source = _document_or_spokesperson_source(phrase)
    if source:
        return resolve(reg, source, pos, text)
    known = known_tail(reg, phrase, pos, text)
    if known is not None:
        note_speaker(reg, pos, known, None)
        return known.name, True
    phrase = trailing_name(phrase) or phrase
    words = phrase.lower().split()
    heads = [w for w in words if w in ORG_HEADS]
    if words[0] in ("a", "an", "one", "another"):
        return _indefinite(reg, phrase, pos, text), True
    if words[0] == "its" and (words[-1] in DOCUMENT_NOUNS or words[-1] in SPOKES_NOUNS):
        # "Its first report described ...", "The Kremlin confirmed it. Its spokesman said": the body
        owner = possessor(text, pos, reg)
        if owner:
            return resolve(reg, owner, pos, text)
    if words[0] == "its" and len(words) > 1:
        return remember_org(reg, _its(reg, phrase, pos, text), pos), True
    if (
        words[-1] in SPOKES_NOUNS
        and words[0] not in ("the", "a", "an", "one", "another")
        and "chief" not in words  # "Tokyo's chief cabinet spokesperson": a post, not a body
        and any(w.strip("’'s") in ORG_HEADS for w in words[:-1])
    ):
        # "Ukraine's foreign ministry spokesman posted": unnamed, so the ministry speaks
        return resolve(reg, phrase.rsplit(" ", 1)[0], pos, text)
    owned = _OWNED_SPOKESPERSON.match(phrase)
    if owned:  # "the ministry's official representative said": the ministry
        return resolve(reg, owned.group(1), pos, text)
    if words[0] == "the" and len(words) <= 3 and words[-1] in DOCUMENT_NOUNS:
        source = document_source(text, pos, reg, words[-1])
        if source and words[-1] not in source.lower():
            return resolve(reg, source, pos, text)
        return remember_org(reg, clean_org(phrase), pos), True

    if words[-1] in VAGUE_HEADS:
        return None, True
    if (
        words[0] == "the"
        and len(words) <= 3
        and words[-1] not in ORG_HEADS
        and phrase.split()[-1].islower()
    ):
        matched = recent_role(reg, pos, words[-1], words[1:-1], text, fallback=False)
        person = matched or recent_person(reg, pos, None)
        last = max((m.pos for m in reg.mentions if m.person is person and m.pos < pos), default=0)
        if matched is None:
            # Nobody named was introduced as "diplomat": an unnamed one met anywhere near is
            # what "the diplomat" means, even before the last name mentioned.
            last = min(last, max(0, pos - 1500))
        if words[-1] in SPOKES_NOUNS:
            # "a spokesman for the ministry issued ...", "referred to remarks by its
            # spokesperson": an unnamed spokesman speaks for the body
            spokes = unnamed_spokesperson(text, last, pos, reg)
            if spokes:
                return resolve(reg, spokes[0], spokes[1], text)
            body = _spoken_for(text, pos) if person is None else None
            if body:
                return resolve(reg, body, pos, text)  # "The spokesman for the Ministry of ..."
        if person is not None and unnamed_role_since(text, last, pos, reg, words[-1]):
            return None, True  # "A Western diplomat, who ... said ... “...,” the diplomat said"
        return (person.name if person else None), True
    tokens, gender = strip_titles(phrase.split())
    if is_person_name(tokens) and (post_holder(phrase.split()) or not is_org(phrase)):
        titles = tuple(t for t in phrase.split()[: -len(tokens)] if t in TITLE_WORDS)
        person = lookup(reg, " ".join(tokens), pos + len(phrase) + 1, text, gender, titles)
        if person is not None:
            person.gender = person.gender or gender
            note_speaker(reg, pos, person, None)
            return person.name, True
        return " ".join(tokens), True
    if heads and ((words[0] == "the" and len(words) == 2) or phrase.islower()):
        if len(words) == 2 and heads[-1] in _GENERIC_ORG_HEADS:
            subject = paragraph_subject_org(text, pos, reg, heads[-1])
            if subject:
                return resolve(reg, subject, pos, text)
        fuller = org_before(text, pos, heads[-1])
        if not fuller and heads[-1] in _NEWSPAPER_HEADS:
            fuller = newspaper_before(text, pos, reg)  # "Rodong Sinmun ... The paper added"
        if fuller:
            phrase = fuller
    if len(words) == 3 and words[0] == "the" and phrase.split()[1] in NATIONALITY_WORDS and heads:
        # "a spokesperson for the Chinese ministry": the ministry named before as "China's ..."
        fuller = org_before(text, pos, heads[-1])
        if fuller and re.search(rf"(?i)\b{re.escape(words[1][:4])}", fuller):
            phrase = fuller
    phrase = fuller_name(text, pos, expand_acronym(text, pos, clean_org(phrase)))
    return remember_org(reg, phrase, pos), True


# Heads general enough to stand for any body the paragraph is about ("The agency told ...").
_GENERIC_ORG_HEADS = frozenset(
    {"agency", "body", "organisation", "organization", "service", "company", "firm", "airline"}
)
_NEWSPAPER_HEADS = frozenset({"paper", "newspaper", "daily"})
_GENERIC_BODIES = frozenset({"government", "administration"})


_DOCS = "|".join(
    sorted(DOCUMENT_NOUNS | {"article", "readout", "communiqué", "reply", "response", "rebuttal"})
)
_SOURCE_OF = re.compile(
    rf"^(?:an?|the|one)\s+(?:[\w’'-]+\s+){{0,2}}?(?P<noun>{_DOCS}|spokesperson|spokesman|"
    rf"spokeswoman|representative)\s+(?P<link>from|by|in|of|for)\s+(?P<source>.+)$",
    re.IGNORECASE,
)
_OWNED_DOCUMENT = re.compile(
    rf"^(?P<the>(?:the|The)\s+)?(?P<owner>.+?)['’]s\s+(?:own\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:white\s+paper|{_DOCS})$"
)
_BODY_DOCUMENT = re.compile(rf"^(?:an?|the)\s+(?P<body>.+?)\s+(?:{_DOCS})$", re.IGNORECASE)


def _spoken_for(text: str, pos: int) -> str | None:
    """The body of the last "spokesman for ..." before pos."""
    found = list(re.finditer(r"\bspokes(?:man|woman|person)\s+(?:for|of)\s+", text[:pos]))
    return phrase_after(text[found[-1].end() : pos]) if found else None


def _document_or_spokesperson_source(phrase: str) -> str | None:
    """`A statement from the defence ministry`, `an editorial in the Daily Star`, `a spokesman
    for the embassy` speak for the body named; `A DPRK foreign ministry statement` for the
    ministry. An unnamed outlet (`a commentary in a state newspaper`) is left as written, and so
    is a definite spokesman (`the spokesman for the Foreign Ministry`), who is a known office."""
    match = _SOURCE_OF.match(phrase)
    if match:
        noun, link = match.group("noun").lower(), match.group("link").lower()
        source = match.group("source")
        is_doc = not noun.startswith(("spokes", "representative"))
        if (is_doc and link in ("from", "by", "in")) or (
            not is_doc and phrase.split()[0].lower() in ("a", "an", "one")
        ):
            if link == "in" and source.split()[0].lower() in ("a", "an"):
                return None
            if link == "of" and is_doc:
                return None
            return source
        return None
    owned = _OWNED_DOCUMENT.match(phrase)
    owner_words = owned.group("owner").split() if owned else []
    if any(w[:1].isupper() or w.lower() in ORG_HEADS for w in owner_words):
        # "The Defense Ministry's white paper", "NATO's own summit declaration"
        return (owned.group("the") or "") + owned.group("owner")
    body = _BODY_DOCUMENT.match(phrase)
    if body and any(w.lower() in ORG_HEADS for w in body.group("body").split()):
        return "the " + body.group("body")
    return None


def _indefinite(reg: Registry, phrase: str, pos: int, text: str) -> str | None:
    """`a foreign ministry spokesman` speaks for the ministry; `a spokesperson` for the body
    the sentence before was about; `a puppet news agency in Seoul` is itself the speaker;
    `an analyst` credits nobody."""
    words = phrase.split()
    lowered = [w.lower() for w in words]
    if lowered[-1] == "official" and any(w in ORG_HEADS and w.islower() for w in words[1:-1]):
        # "a ministry official called it ...": the ministry named before; "A State Department
        # official" stays unnamed
        heads = [w for w in lowered[1:-1] if w in ORG_HEADS]
        if heads[-1] in _GENERIC_BODIES:
            return None  # "a senior government official": a person, unnamed
        return org_before(text, pos, heads[-1])
    if lowered[-1] in SPOKES_NOUNS:
        body = words[1:-1]
        if not body:
            return subject_org(text, pos, reg)
        heads = [w for w in lowered[1:-1] if w in ORG_HEADS]
        if len(body) > 1 and (all(w[:1].isupper() for w in body) or body[0] in NATIONALITY_WORDS):
            return "the " + " ".join(body)  # "a Chinese foreign ministry spokesperson": named
        if len(body) == 1 and body[0].isupper() and len(body[0]) > 1:
            return expand_acronym(text, pos, body[0])  # "a DFAT spokeswoman": the department
        if heads:
            return org_before(text, pos, heads[-1]) or "the " + " ".join(body)
        return None
    official_of = _OFFICIAL_OF.match(phrase)
    if official_of:  # "An official of the ministry told CNA": the ministry speaks
        head = official_of.group("body").split()[-1].lower()
        return org_before(text, pos, head) if head in ORG_HEADS else None
    if lowered[-1] in PERSON_NOUNS:
        return None  # "One Western military analyst": a person, unnamed
    if any(w in ORG_HEADS for w in lowered[1:]):
        return phrase
    return None


_OWNED_SPOKESPERSON = re.compile(
    r"^((?:the|The)\s+[\w\s-]+?)['’]s\s+(?:(?:official\s+|press\s+)?"
    r"(?:spokesperson|spokesman|spokeswoman|representative)|press\s+(?:service|office))$"
)
_OFFICIAL_OF = re.compile(
    r"^(?:an?|one)\s+(?:official|representative)\s+(?:of|from)\s+(?P<body>the\s+\w+)$", re.I
)


def _its(reg: Registry, phrase: str, pos: int, text: str) -> str:
    """`its foreign ministry` -> `North Korea's foreign ministry`: the body the sentence before
    was about (a capital stands for its country), in the fullest form the article wrote."""
    rest = phrase.split(" ", 1)[1]
    owner = possessor(text, pos, reg)
    if not owner:
        return phrase
    owner = CAPITALS.get(owner, owner)
    return f"{owner}'s {rest}"


_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "their": "they"}
# A lone possessive subject; "her" is already a pronoun.
_POSSESSIVE_ONLY = {k: v for k, v in _POSSESSIVE_PRONOUN.items() if k != "her"}
_OWNED_WORDS = re.compile(
    r"(?i)(his|her|their)\s+(?:[a-z-]+\s+)?(?:message|verdict|advice|view|answer|reply|response|"
    r"words|assessment|conclusion|argument|warning|comment|comments|remarks|explanation|"
    r"reaction|prediction|plea|appeal|point|take)$"
)


def _clean_phrase(phrase: str) -> str:
    # "the elder Wang", "the younger Kim": the person by surname
    phrase = re.sub(r"^[Tt]he\s+(?:elder|younger)\s+(?=[A-Z])", "", phrase.strip())
    # "I'd also say", "she'll add": the pronoun without its contraction
    phrase = re.sub(r"^(I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)[’'](?:d|ll|ve|m|re)$", r"\1", phrase)
    # An opening parenthesis never ends a name: "said Pavel Orlov (no relation to ...)".
    tokens = phrase.strip(" ,.;:(").split()
    while len(tokens) > 1 and tokens[0].strip(",") in LEADING_JUNK:
        tokens.pop(0)
    return " ".join(tokens)


_LAWMAKER_TITLES = {"rep.", "sen.", "senator", "congressman", "congresswoman", "mp ", "mep "}
_ROLE_TITLES = {"lawmaker": _LAWMAKER_TITLES, "legislator": _LAWMAKER_TITLES}


def recent_role(
    reg: Registry,
    pos: int,
    role: str,
    modifiers: list[str] | tuple[str, ...] = (),
    text: str = "",
    fallback: bool = True,
) -> Person | None:
    """The latest person introduced with this role (or its synonym); "the KMT lawmaker" picks,
    of two legislators, the one introduced with "KMT" (in the words just before the name too:
    "Kuomintang (KMT) Legislator Wu")."""
    roles = {role, ROLE_SYNONYMS.get(role, role)} | _ROLE_TITLES.get(role, set())
    earlier = [m for m in reg.mentions if m.pos < pos]
    for needed in ([m.lower() for m in modifiers], []) if modifiers else ([],):
        for mention in reversed(earlier):
            person = mention.person
            # What the article said of them before this point, not the sentence being resolved
            context = text[max(0, person.first_pos - 40) : min(person.first_pos + 160, pos)]
            context = context.lower() if text else person.context.lower()
            lead = text[max(0, person.first_pos - 40) : person.first_pos].lower()
            introduced = lead + re.split(r"(?<=[.!?])\s", context[len(lead) :])[0]
            if any(r in context for r in roles) and all(
                re.search(rf"\b{re.escape(m)}\b", introduced) for m in needed
            ):
                return person
    return recent_person(reg, pos, None) if fallback else None

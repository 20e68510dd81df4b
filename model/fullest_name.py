"""The codebook's "fullest name the article gives" for a speaker the rules wrote in part."""

from __future__ import annotations

from model.cues import ORG_HEADS
from model.names import Registry, is_person_name

_LINK_WORDS = frozenset({"the", "of", "for", "and", "in", "on", "to"})


def fullest_name(reg: Registry, speaker: str | None) -> str | None:
    """The codebook's "fullest name the article gives" for a person the rules wrote in part:
    "Petty Officer Dana Reyes" -> "Dana Reyes" (the words before a known name are a title or a
    description), "Reyes" -> "Dana Reyes" when the article names one Reyes, even later."""
    if not speaker:
        return speaker
    tokens = speaker.split()
    people = [p for p in reg.people if len(p.name.split()) >= 2]
    body_like = any(t.lower().strip("’'s") in ORG_HEADS | _LINK_WORDS for t in tokens)
    if len(tokens) >= 3 and not body_like:
        tails = [
            p.name
            for p in people
            if p.name != speaker and tokens[-len(p.name.split()) :] == p.name.split()
        ]
        if tails:
            return max(tails, key=len)
    if len(tokens) == 1 and is_person_name(tokens):
        # A family name only: the last word, or the first of a Korean name ("Kim Jong-un"); a
        # first name alone is how the codebook credits someone who gave only that ("Sergei").
        named = {p.name for p in people if tokens[0].lower() in _family_names(p.name)}
        if len(named) == 1:
            return named.pop()
    return speaker


def _family_names(name: str) -> set[str]:
    words = name.lower().split()
    return {words[-1]} | ({words[0]} if "-" in words[-1] and len(words) == 2 else set())

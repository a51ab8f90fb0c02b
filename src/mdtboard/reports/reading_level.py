"""Flesch reading ease of a text, to check that the patient plan reads plainly.

Flesch reading ease = 206.835 − 1.015 × (words per sentence) − 84.6 × (syllables per word): 60-70 is
plain English, 70-80 fairly easy, below 50 hard. Syllables are counted with the usual rule of thumb
(groups of vowels, a final silent "e" not counted, "-le" after a consonant counted, at least one per
word), which agrees with dictionary counts for most English words; mdtboard measures its own patient
plan with it (README), no dictionary to download.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?:;]+(?:\s|$)|\n+")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    word = word.casefold()
    if len(word) <= 3:
        return 1
    count = len(_VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1
    if word.endswith(("ed", "es")) and word[-3] not in "aeiouy" \
            and not word.endswith(("ted", "ded", "ses", "zes", "ces", "ges")):
        count -= 1
    return max(1, count)


def flesch_reading_ease(text: str) -> float:
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len([s for s in _SENTENCE_END.split(text) if _WORD.search(s)]))
    syllable_count = sum(syllables(w) for w in words)
    return 206.835 - 1.015 * (len(words) / sentences) - 84.6 * (syllable_count / len(words))

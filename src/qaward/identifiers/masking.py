"""Masking for display (个人信息保护法 第五十一条 de-identification).

Every function keeps the length of its input (so a masked value still looks like what it is)
and never reveals more than the characters it is asked to keep. A text too short to hide
anything with the requested kept parts (a truncated or mistyped number) shows at most half of
itself instead.

Full ID or phone numbers never appear in a 公示 or any export for the public; lists and pages
for roles that need not see them show these masked forms.
"""

from __future__ import annotations

MASK = "*"


def mask_middle(text: str, keep_start: int, keep_end: int, mask: str = MASK) -> str:
    """``text`` with all but its first ``keep_start`` and last ``keep_end`` characters replaced
    by ``mask``. When that would hide nothing, at most half the text is kept (split between the
    ends, the start getting the odd one): mask_middle("1234", 4, 4) == "1**4"."""
    if keep_start < 0 or keep_end < 0:
        raise ValueError("keep_start and keep_end must not be negative")
    if len(mask) != 1:
        raise ValueError("mask must be a single character")
    n = len(text)
    if n == 0:
        return ""
    if keep_start + keep_end >= n:
        kept = n // 2
        keep_end = min(keep_end, kept // 2)
        keep_start = min(keep_start, kept - keep_end)
    return text[:keep_start] + mask * (n - keep_start - keep_end) + text[n - keep_end :]


def mask_resident_id(number: str) -> str:
    """First 4 and last 4 characters: 220102199003071234 → 2201**********1234."""
    return mask_middle(number.strip(), 4, 4)


def mask_phone(phone: str) -> str:
    """First 3 and last 4 characters: 13812345678 → 138****5678."""
    return mask_middle(phone.strip(), 3, 4)


def mask_name(name: str) -> str:
    """Surname-first display of a person named in a 公示: 张三丰 → 张*丰, 张三 → 张*,
    欧阳娜娜 → 欧**娜. A one-character name is fully hidden."""
    name = name.strip()
    if len(name) <= 2:
        return mask_middle(name, 1, 0)
    return mask_middle(name, 1, 1)

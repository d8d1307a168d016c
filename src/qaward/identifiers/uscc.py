"""统一社会信用代码 (unified social credit code), GB 32100-2015.

Structure (18 characters): 1 registering authority (登记管理部门码: 1 机构编制, 5 民政, 9 市场监管,
Y 其他, N 农业, …) · 2 kind of organisation · 3–8 GB/T 2260 region of the registering office ·
9–17 主体标识码 (the old 组织机构代码) · 18 check character.

The check is a mod-31 weighted sum over the 31-character alphabet (digits and capitals without
I, O, S, V, Z). The weights are 3^(i-1) mod 31, so every single-character substitution and every
swap of two adjacent different characters changes the sum (see tests/identifiers/).

Letter-initial codes (Y…, N…, A…) are valid: the registering-authority position is not limited
to digits (``python-stdnum`` 2.2 wrongly rejects them, which is why this module exists).
"""

from __future__ import annotations

from qaward.identifiers._text import normalise, shown
from qaward.identifiers.errors import IdentifierError

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18
_VALUE = {char: value for value, char in enumerate(ALPHABET)}

# Chinese texts; qaward.privacy.validators carries the same texts as translated gettext msgids
# (a test keeps the two identical).
MESSAGES = {
    "uscc_length": "统一社会信用代码应为18位，现在是%(length)s位。",
    "uscc_character": (
        "统一社会信用代码第%(position)s位“%(char)s”不是允许的字符："
        "只能用数字0–9和除I、O、S、V、Z以外的大写字母。"
    ),
    "uscc_check": (
        "统一社会信用代码的校验码（第18位）不对：填的是“%(given)s”，按前17位计算应为“%(expected)s”。"
        "请核对是否有抄错的字符。"
    ),
}


def _error(code: str, **params) -> IdentifierError:
    return IdentifierError(code, MESSAGES[code] % params, **params)


def uscc_check_char(first17: str) -> str:
    """The check character for the first 17 characters (already upper-case, from ALPHABET)."""
    if len(first17) != LENGTH - 1:
        raise ValueError(f"uscc_check_char needs 17 characters, got {len(first17)}")
    try:
        total = sum(_VALUE[char] * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    except KeyError as exc:
        raise ValueError(f"{exc.args[0]!r} is not a USCC character") from None
    return ALPHABET[(31 - total % 31) % 31]


def validate_uscc(code: str) -> str:
    """The normalised code (NFKC, stripped, upper case), or ``IdentifierError`` saying exactly
    what is wrong: the length, the first character outside the alphabet and its position, or the
    check character and what it should be."""
    value = normalise(code)
    if len(value) != LENGTH:
        raise _error("uscc_length", length=len(value))
    for position, char in enumerate(value, start=1):
        if char not in _VALUE:
            raise _error("uscc_character", position=position, char=shown(char))
    expected = uscc_check_char(value[:17])
    if value[17] != expected:
        raise _error("uscc_check", given=value[17], expected=expected)
    return value


def is_valid_uscc(code: str) -> bool:
    try:
        validate_uscc(code)
    except IdentifierError:
        return False
    return True


def uscc_region(code: str) -> str:
    """Positions 3–8: the GB/T 2260 code of the registering office's area (validates first).

    Not checked against a region table: codes issued before a redistricting stay valid.
    """
    return validate_uscc(code)[2:8]

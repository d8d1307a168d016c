"""The large-instance method needs SciPy's bundled HiGHS binding; without it the solver silently
falls back to the full MILP, which is far too slow at 10k × 5k. Fail loudly instead."""

import pytest

from qaward.matching import colgen

pytestmark = pytest.mark.unit


def test_scipys_highs_binding_is_available():
    assert colgen.available(), "scipy.optimize._highspy._core is missing: pyproject requires scipy>=1.15"

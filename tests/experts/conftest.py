import pytest
from tests.permissions.world import build_world


@pytest.fixture
def world(db):
    return build_world()

"""Navigation entries this app adds to the top bar (see qaward.navigation)."""

NAV_ITEMS: list = []

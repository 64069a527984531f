"""Dump the accessibility tree a screen reader sees of one running application, as JSON.

Run by ``tests/test_atspi_tree.py`` with the *system* Python (Debian's ``python3-pyatspi``
lives there, not in the project's environment), on the same D-Bus session as the app:

    python3 tests/atspi_dump.py APP_NAME TIMEOUT_SECONDS [--wait]

It waits for an application called APP_NAME on the AT-SPI bus (with ``--wait``, only that: the
caller then drives the app, as a user would, and reads the tree after) and prints one JSON object:
``{"nodes": [...]}``, each node ``{"depth", "role", "name", "description", "states"}`` in
tree order (states: the lower-case AT-SPI state names, e.g. "showing", "focused"). Menus that
are not open are not walked into (their items are not shown). Exit 2 if the app never appears.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]  # Debian's python3-pyatspi
from gi.repository import GLib  # type: ignore[import-not-found]  # Debian's python3-gi

MAX_NODES = 3000


def find_app(name: str, timeout: float):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == name and app.childCount:
                return app
        time.sleep(0.3)
    return None


def states_of(node) -> list[str]:
    state = node.getState()
    return sorted(pyatspi.stateToString(s).lower() for s in state.getStates())


def walk(node, depth: int, out: list[dict]) -> None:
    if len(out) >= MAX_NODES:
        return
    try:
        states = states_of(node)
        role = node.getRoleName()
    except GLib.GError as error:        # gone while being read (a widget deleted meanwhile)
        print(f"skipped a node: {error}", file=sys.stderr)
        return
    out.append({"depth": depth, "role": role, "name": node.name or "",
                "description": node.description or "", "states": states})
    if role in ("menu", "menu bar") and "showing" not in states:
        return
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            walk(child, depth + 1, out)


def main() -> int:
    name, timeout = sys.argv[1], float(sys.argv[2])
    app = find_app(name, timeout)
    if app is None:
        return 2
    if "--wait" in sys.argv[3:]:
        return 0
    time.sleep(1.0)             # the window's first updates (the figures, the marks) settle
    nodes: list[dict] = []
    walk(app, 0, nodes)
    print(json.dumps({"nodes": nodes}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

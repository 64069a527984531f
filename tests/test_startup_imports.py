"""What the start no longer imports (issue 23) does the same as before: the host name in lock
files, the random ids, and the window opened from a file without a start screen."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid

from pipwriter.model.article.ids import new_id, random_uuid_hex
from pipwriter.model.storage import locks


def test_the_host_name_is_the_one_socket_gives():
    """Lock files written by earlier versions (socket.gethostname) still name this computer."""
    assert locks.host_name() == (socket.gethostname() or "unknown")


def test_random_ids_look_as_before():
    value = random_uuid_hex()
    parsed = uuid.UUID(hex=value)
    assert parsed.hex == value and parsed.version == 4 and parsed.variant == uuid.RFC_4122
    assert len({random_uuid_hex() for _ in range(1000)}) == 1000
    ref = new_id("ref")
    assert ref.startswith("ref-") and len(ref) == 12 and int(ref[4:], 16) >= 0


def test_the_window_modules_leave_the_heavy_standard_modules_for_later():
    """Importing what opens the window does not import what only later work needs."""
    code = ("import sys; import pipwriter.logs, pipwriter.app, pipwriter.ui.app_controller; "
            "print(' '.join(sorted(m for m in ('logging.handlers', 'socket', 'secrets', 'uuid', "
            "'subprocess', 'pipwriter.ui.start_window', 'pipwriter.model.storage.versions', "
            "'pipwriter.model.coauthoring.compare') if m in sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []

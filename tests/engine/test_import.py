"""The engine is pure Python: importing it never pulls in Textual or Rich."""

from __future__ import annotations

import subprocess
import sys


def test_engine_import_does_not_import_ui_libraries():
    code = (
        "import sys; import reader.engine, reader.engine.sieves; "
        "from reader.loaders import load; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""

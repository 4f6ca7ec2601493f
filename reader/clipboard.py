"""Copying text to the system clipboard with a local tool (wl-copy, xclip, xsel, pbcopy, clip.exe).

Pure Python, no UI imports. The reader also copies through the terminal (OSC 52); this module is
the second way, for terminals that ignore OSC 52. Every call has a short timeout so a hung
clipboard daemon can never freeze the caller, and callers run it off the UI thread anyway.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Mapping, Sequence

# (tool, arguments, condition) in order of preference.
_TOOLS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("wl-copy", (), "wayland"),
    ("xclip", ("-selection", "clipboard"), "x11"),
    ("xsel", ("--clipboard", "--input"), "x11"),
    ("pbcopy", (), "any"),
    ("clip.exe", (), "any"),
)

DEFAULT_TIMEOUT = 1.5


def find_tool(env: Mapping[str, str] | None = None) -> list[str] | None:
    """The command line of a clipboard tool usable here, or None.

    wl-copy needs a Wayland session and xclip/xsel an X display; a tool that is installed but has
    no session to talk to would only hang or fail, so it is not offered.
    """
    env = os.environ if env is None else env
    for name, args, needs in _TOOLS:
        if needs == "wayland" and not env.get("WAYLAND_DISPLAY"):
            continue
        if needs == "x11" and not env.get("DISPLAY"):
            continue
        path = shutil.which(name, path=env.get("PATH"))
        if path:
            return [path, *args]
    return None


def copy_with_tool(text: str, command: Sequence[str] | None = None,
                   timeout: float = DEFAULT_TIMEOUT) -> str | None:
    """Copy ``text`` with a local clipboard tool; the tool's name on success, else None."""
    command = list(command) if command else find_tool()
    if not command:
        return None
    data = text.encode("utf-16-le" if command[0].lower().endswith("clip.exe") else "utf-8")
    try:
        # Detached from our terminal: the tool must never write into the UI's screen.
        proc = subprocess.run(
            command, input=data, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            timeout=timeout, check=False, start_new_session=(sys.platform != "win32"),
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    return os.path.basename(command[0])


# Control characters (C0 but tab/newline, DEL, C1), bidi embedding/override/isolate marks and
# zero-width characters: nothing a pasted quotation should carry.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)


def clean_text(text: str) -> str:
    """``text`` without control, bidi-control or zero-width characters (for the clipboard)."""
    text = _UNSAFE.sub("", text)
    # Anything else of category Cc/Cf that slipped through (e.g. interlinear annotations).
    if any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\t\n" for ch in text):
        text = "".join(
            ch for ch in text if ch in "\t\n" or unicodedata.category(ch) not in ("Cc", "Cf")
        )
    return text

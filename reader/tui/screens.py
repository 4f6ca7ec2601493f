"""Modal screens: help, citation style chooser, open-article prompt."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.tui.commands import COMMANDS
from reader.tui.display import wrap
from reader.tui.inputs import SafeInput

TMUX_NOTE = (
    "Copying uses the terminal's clipboard (OSC 52) and, where one is installed, a local tool "
    "(wl-copy, xclip, xsel, pbcopy or clip.exe). Inside tmux, OSC 52 needs "
    "`set -g set-clipboard on` in ~/.tmux.conf."
)

KIND_LEGEND = "Quote list marks: “ direct  ‘ partial  ¶ block  ≈ indirect (reported) speech"


def key_display(keys: str) -> str:
    names = {
        "right_square_bracket": "]", "left_square_bracket": "[", "slash": "/",
        "question_mark": "?", "greater_than_sign": ">", "less_than_sign": "<",
        "escape": "esc", "pagedown": "PgDn", "pageup": "PgUp", "space": "space",
    }
    return " ".join(names.get(k.strip(), k.strip()) for k in keys.split(",") if k.strip())


@dataclass(frozen=True, slots=True)
class HelpRow:
    """One line of the help: a heading, a key with what it does (and its binding id), or a
    paragraph of prose."""

    kind: str  # "heading", "key", "text" or "blank"
    text: str = ""
    keys: str = ""
    binding_id: str = ""


def help_rows(keymap: dict[str, str], pane_bindings: Iterable[tuple[str, Binding]]) -> list[HelpRow]:
    """Every binding with its current keys (after the user's remaps), grouped."""
    rows: list[HelpRow] = []
    group = None
    for command in COMMANDS:
        if command.group != group:
            group = command.group
            rows += [HelpRow("blank"), HelpRow("heading", group)]
        keys = keymap.get(command.id, command.keys)
        rows.append(HelpRow("key", command.help, key_display(keys) if keys else "", command.id))
    seen: set[str] = set()
    for pane, binding in pane_bindings:
        if binding.id is None or binding.id in seen:
            continue
        seen.add(binding.id)
        if pane != group:
            group = pane
            rows += [HelpRow("blank"), HelpRow("heading", pane)]
        keys = keymap.get(binding.id, binding.key)
        rows.append(HelpRow("key", binding.tooltip or binding.description, key_display(keys),
                            binding.id))
    rows += [
        HelpRow("blank"), HelpRow("heading", "Everywhere"),
        HelpRow("key", "Command palette: every command, go to speaker, go to quote N, theme",
                "ctrl+p"),
        HelpRow("key", "Click a quote in the article, a speaker or a quote in the lists",
                "mouse"),
        HelpRow("blank"),
        HelpRow("text", KIND_LEGEND),
        HelpRow("text", "Commands marked palette have no key: find them in the command palette "
                        "(ctrl+p). Remap any key in the config file under 'keys' by the id shown "
                        "on the right, e.g. keys: {next_quote: \"n,j\"}."),
        HelpRow("blank"),
        HelpRow("text", TMUX_NOTE),
    ]
    return rows[1:]


def _wrap(text: str, width: int) -> list[str]:
    return [text[a:b].rstrip() for a, b in wrap(text, max(1, width))]


class HelpText(Widget):
    """The help, laid out for the width it has: keys in a column, what they do beside them with
    hanging indentation, the binding id dimmed at the right (what a remap in the config names).
    """

    DEFAULT_CSS = "HelpText { height: auto; }"

    KEY_COLUMN = 12

    def __init__(self, rows: list[HelpRow], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows

    @property
    def plain(self) -> str:
        return "\n".join(line.plain for line in self._lines(200))

    def _lines(self, width: int) -> list[Content]:
        width = max(20, width)
        narrow = width < 60  # ids on their own line below the description
        out: list[Content] = []
        for row in self.rows:
            if row.kind == "blank":
                out.append(Content(""))
            elif row.kind == "heading":
                out.append(Content.styled(row.text, "bold $accent"))
            elif row.kind == "text":
                out.extend(Content(line) for line in _wrap(row.text, width))
            else:
                out.extend(self._key_lines(row, width, narrow))
        return out

    def _key_lines(self, row: HelpRow, width: int, narrow: bool) -> list[Content]:
        indent = self.KEY_COLUMN
        keys = row.keys or "palette"
        key_style = "bold" if row.keys else "$text-muted"
        desc_width = width - indent
        lines = _wrap(row.text, desc_width)
        first_key = Content.styled(f"  {keys}".ljust(indent), key_style)
        if cell_len(f"  {keys}") >= indent:  # a long key list gets a line of its own
            out = [Content.styled(f"  {keys}", key_style)]
            pad = [" " * indent] * len(lines)
        else:
            out = []
            pad = [None] + [" " * indent] * (len(lines) - 1)
        for lead, line in zip(pad, lines):
            out.append((first_key if lead is None else Content(lead)) + Content(line))
        if row.binding_id:
            ident = Content.styled(row.binding_id, "$text-muted")
            room = width - out[-1].cell_length
            if not narrow and room >= ident.cell_length + 2:
                out[-1] = out[-1] + Content(" " * (room - ident.cell_length)) + ident
            else:
                out.append(Content(" " * max(indent, width - ident.cell_length)) + ident)
        return out

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.size.width))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close",
                tooltip="Close the help screen"),
    ]

    def __init__(self, rows: list[HelpRow]) -> None:
        super().__init__()
        self._rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "esc to close · ↑↓ PgUp PgDn to scroll"
            yield HelpText(self._rows, id="help-text")

    @property
    def plain(self) -> str:
        """The help as plain text (at a comfortable width)."""
        return self.query_one(HelpText).plain

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


class StyleScreen(ModalScreen[str | None]):
    """Choose the citation style for the copy key."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="style.cancel",
                        tooltip="Keep the current style")]

    def __init__(self, styles: Sequence[str], current: str) -> None:
        super().__init__()
        self._styles = list(styles)
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="style-box") as box:
            box.border_title = "Citation style"
            box.border_subtitle = "enter to choose · esc to cancel"
            options = [
                Option(Content(("● " if s == self._current else "  ") + s), id=s)
                for s in self._styles
            ]
            yield OptionList(*options, id="style-list")

    def on_mount(self) -> None:
        styles = self.query_one("#style-list", OptionList)
        if self._current in self._styles:
            styles.highlighted = self._styles.index(self._current)
        styles.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class OpenScreen(ModalScreen[str | None]):
    """Ask for the path of another article."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="open.cancel",
                        tooltip="Do not open anything")]

    def compose(self) -> ComposeResult:
        with Vertical(id="open-box") as box:
            box.border_title = "Open article"
            box.border_subtitle = "enter to open · esc to cancel"
            yield Label(Content("Path (.txt .md .html .yaml):"))
            yield SafeInput(placeholder="~/articles/story.txt", id="open-path")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Modal screens: help, citation style chooser, open-article prompt."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from reader.tui.commands import COMMANDS
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


def help_content(keymap: dict[str, str], pane_bindings: Iterable[tuple[str, Binding]]) -> Content:
    """Every binding with its current keys (after the user's remaps), grouped."""
    rows: list[Content] = []
    group = None
    for command in COMMANDS:
        if command.group != group:
            group = command.group
            rows.append(Content(""))
            rows.append(Content.styled(group, "bold $accent"))
        keys = keymap.get(command.id, command.keys)
        shown = key_display(keys) if keys else "(palette)"
        rows.append(Content.assemble(
            Content.styled(f"  {shown:<12}", "bold" if keys else "$text-muted"),
            Content.styled(f"{command.id:<21}", "$text-muted"), Content(command.help),
        ))
    seen: set[str] = set()
    for pane, binding in pane_bindings:
        if binding.id is None or binding.id in seen:
            continue
        seen.add(binding.id)
        if pane != group:
            group = pane
            rows.append(Content(""))
            rows.append(Content.styled(pane, "bold $accent"))
        keys = keymap.get(binding.id, binding.key)
        rows.append(Content.assemble(
            Content.styled(f"  {key_display(keys):<12}", "bold"),
            Content.styled(f"{binding.id:<21}", "$text-muted"),
            Content(binding.tooltip or binding.description),
        ))
    rows.append(Content(""))
    rows.append(Content.styled("Everywhere", "bold $accent"))
    rows.append(Content.assemble(Content.styled(f"  {'ctrl+p':<33}", "bold"),
                                 "Command palette: every command, go to speaker, go to quote N, theme"))
    rows.append(Content.assemble(Content.styled(f"  {'mouse':<33}", "bold"),
                                 "Click a quote in the article, a speaker or a quote in the lists"))
    rows.append(Content(""))
    rows.append(Content(KIND_LEGEND))
    rows.append(Content("Remap any key in the config file under 'keys' by its id, e.g. "
                        "keys: {next_quote: \"n,j\"}."))
    rows.append(Content(""))
    rows.append(Content(TMUX_NOTE))
    return Content("\n").join(rows[1:])


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close",
                tooltip="Close the help screen"),
    ]

    def __init__(self, content: Content) -> None:
        super().__init__()
        self._content = content

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "esc to close"
            yield Static(self._content, id="help-text")

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

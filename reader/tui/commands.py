"""Every command of the reader, declared once.

Each entry gives the command's binding id (what a user remaps in the config's ``keys``), default
keys, action, footer label and one-line help. The key bindings, the footer, the command palette
and the help screen are all generated from this table, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Command:
    id: str
    keys: str  # default keys, comma-separated Textual key names; "" = palette only
    action: str  # action name on the main screen
    label: str  # short label for the footer and the palette
    help: str  # one line for the help screen, the palette and the footer tooltip
    footer: bool = False
    palette: bool = True
    group: str = "Quotes"


COMMANDS: tuple[Command, ...] = (
    Command("next_quote", "n,right_square_bracket", "next_quote", "Next",
            "Select the next quote (from any pane)", footer=True),
    Command("previous_quote", "p,left_square_bracket", "previous_quote", "Prev",
            "Select the previous quote (from any pane)", footer=True),
    Command("first_quote", "", "first_quote", "First quote", "Select the first quote"),
    Command("last_quote", "", "last_quote", "Last quote", "Select the last quote"),
    Command("search", "slash", "search", "Search",
            "Search the quotes as you type; matches are highlighted in the article", footer=True),
    Command("clear_filters", "escape", "clear_filters", "Clear",
            "Clear the speaker filter and the search (then the selection)"),
    Command("toggle_indirect", "i", "toggle_indirect", "Indirect",
            "Show or hide indirect (reported) speech in the list and the article", footer=True),
    Command("copy_citation", "c", "copy_citation", "Cite",
            "Copy the selected quote's citation in the current style", footer=True,
            group="Copy"),
    Command("choose_style", "C", "choose_style", "Style",
            "Choose the citation style (remembered in the config)", group="Copy"),
    Command("copy_quote", "y", "copy_quote", "Copy text",
            "Copy the bare text of the selected quote", group="Copy"),
    Command("copy_speaker_quotes", "", "copy_speaker_quotes", "Copy all quotes of the speaker",
            "Copy every quote of the selected speaker, one citation per paragraph",
            group="Copy"),
    Command("focus_next", "tab", "focus_next_pane", "Next pane", "Move to the next pane",
            group="Panes"),
    Command("focus_previous", "shift+tab", "focus_previous_pane", "Previous pane",
            "Move to the previous pane", group="Panes"),
    Command("focus_speakers", "", "focus_pane('speakers')", "Focus speakers",
            "Move to the speakers pane", group="Panes"),
    Command("focus_article", "", "focus_pane('body')", "Focus article",
            "Move to the article pane", group="Panes"),
    Command("focus_quotes", "", "focus_pane('quotes')", "Focus quotes",
            "Move to the quotes pane", group="Panes"),
    Command("open_article", "o", "open_article", "Open", "Open another article (asks for a path)",
            group="Articles"),
    Command("next_article", "greater_than_sign", "next_article", "Next article",
            "Switch to the next article given on the command line", group="Articles"),
    Command("previous_article", "less_than_sign", "previous_article", "Previous article",
            "Switch to the previous article", group="Articles"),
    Command("help", "question_mark,f1", "show_help", "Help", "Show every key (this screen)",
            footer=True, group="App"),
    Command("quit", "q,ctrl+q", "quit", "Quit", "Quit the reader", footer=True, group="App"),
)

BY_ID = {command.id: command for command in COMMANDS}


def screen_bindings() -> list[Binding]:
    """The main screen's bindings, one per command that has keys."""
    return [
        Binding(c.keys, c.action, c.label, show=c.footer, id=c.id, tooltip=c.help)
        for c in COMMANDS if c.keys
    ]

"""The reader app: one main screen that owns the state and binds it into the panes.

State flows down (article, analysis, selected quote, speaker filter, search, indirect toggle);
panes post messages up (an option highlighted, the body clicked). Analysis runs in a thread
worker so the article shows at once and the lists fill in when the engine is done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.theme import Theme
from textual.widgets import Input

from reader.clipboard import clean_text, copy_with_tool, find_tool
from reader.config import Config
from reader.model import Analysis, Article, Quote, Span
from reader.safetext import visible
from reader.tui.body import ArticleBody, Mark
from reader.tui.commands import COMMANDS, screen_bindings
from reader.tui.display import safe_text
from reader.tui.panes import (
    HeaderBar, KeyBar, PaneList, QuoteList, SearchInput, SpeakerList, StatusLine, footer_key,
    list_name, opening_words,
)
from reader.tui.screens import HelpScreen, OpenScreen, StyleScreen, help_rows

# Called with the article; an analyzer that takes a ``progress`` keyword (the engine's does) is
# also given a callback for the share of the work done, shown in the status line.
Analyzer = Callable[..., Analysis]


def _takes_progress(analyzer: Analyzer) -> bool:
    import inspect

    try:
        return "progress" in inspect.signature(analyzer).parameters
    except (TypeError, ValueError):
        return False

PANES = ("speakers", "body", "quotes")


def context_span(text: str, paragraph: Span | None, spans: Iterable[Span]) -> Span:
    """The sentence(s) around a quote, its mention and its cue, within the paragraph."""
    spans = list(spans)
    start = min(s.start for s in spans)
    end = max(s.end for s in spans)
    lo, hi = (paragraph.start, paragraph.end) if paragraph else (0, len(text))
    i = start
    while i > lo and start - i < 600:
        if text[i - 1] in " \n\t" and i - 2 >= lo and text[i - 2] in ".!?":
            break
        i -= 1
    j = end
    while j < hi and j - end < 600:
        if text[j] in ".!?" and (j + 1 >= hi or text[j + 1] in " \n\t”’\"'"):
            j += 1
            while j < hi and text[j] in "”’\"'":
                j += 1
            break
        j += 1
    return Span(max(lo, i), min(hi, j))


class Derived:
    """What the screen needs again and again about one analysis, computed once."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.ordered = sorted(analysis.quotes, key=lambda q: (q.span.start, q.span.end))
        self.ordered_marked = [q for q in self.ordered if q.is_marked]
        self.names = {s.id: s.name.casefold() for s in analysis.speakers}
        self._folded: dict[str, str] | None = None
        self._marks: dict[bool, list[Mark]] = {}

    def quote_marks(self, show_indirect: bool) -> list[Mark]:
        """Every quote as a mark for the article (the same list each time it is asked for)."""
        marks = self._marks.get(show_indirect)
        if marks is None:
            marks = self._marks[show_indirect] = [
                Mark(q.span, "indirect" if q.kind == "indirect" else "quote")
                for q in self.analysis.quotes if show_indirect or q.kind != "indirect"]
        return marks

    def folded(self) -> dict[str, str]:
        """Each quote's text, case-folded, for searching (built on the first search)."""
        if self._folded is None:
            text = self.analysis.article.text
            self._folded = {q.id: q.span.of(text).casefold() for q in self.analysis.quotes}
        return self._folded


class MainScreen(Screen):
    """Owns the reader's state and binds it into the panes."""

    BINDINGS = screen_bindings()
    AUTO_FOCUS = "#quotes"
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (60, "-medium"), (110, "-wide")]

    # A change of selection or filter repaints the screen: the panes it touches (list, article,
    # status, key bar) then show up in one frame. Left to repaint themselves, each pane reaches
    # the screen on its own turn of the event loop, and the first one starts the frame without
    # the others, which then wait for the next frame (1/60 s later).
    article_index: reactive[int] = reactive(-1, init=False)
    analysis: reactive[Analysis | None] = reactive(None, init=False, always_update=True)
    selected: reactive[str | None] = reactive(None, init=False)
    speaker_filter: reactive[str | None] = reactive(None, init=False)
    search: reactive[str] = reactive("", init=False)
    show_indirect: reactive[bool] = reactive(False, init=False)

    def __init__(self, articles: list[Article], config: Config, analyzer: Analyzer) -> None:
        super().__init__()
        self.articles = articles
        self.config = config
        self.analyzer = analyzer
        self._analyzer_reports_progress = _takes_progress(analyzer)
        self._progress_done: tuple[int, float] | None = None  # (article index, share done)
        self.analyses: dict[int, Analysis] = {}
        self.shown: list[Quote] = []
        self._visible_row: dict[str, int] = {}
        self._quote_index: dict[str, Quote] = {}
        self._derived: Derived | None = None
        self._analysis_started: float | None = None
        self._progress_timer: Timer | None = None
        self._had_selection_none = True
        self.set_reactive(MainScreen.show_indirect, config.show_indirect)

    # ------------------------------------------------------------------ composition
    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        with Container(id="panes"):
            yield SpeakerList(id="speakers")
            body = ArticleBody(id="body")
            body.border_title = "Article"
            yield body
            with Vertical(id="quotes-pane"):
                yield QuoteList(id="quotes")
                yield SearchInput(placeholder="search quotes", id="search")
        yield StatusLine(id="status")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        # The key bar fills in one frame after the article (the first paint does not wait).
        self.call_after_refresh(self._refresh_keys)
        self.query_one("#speakers").border_title = "Speakers"
        self.query_one("#quotes-pane").border_title = "Quotes"
        search = self.query_one("#search", Input)
        search.display = False
        self.watch(search, "value", self._search_changed, init=False)
        if self.articles:
            self.article_index = 0
        self.query_one("#quotes", QuoteList).focus()

    # ------------------------------------------------------------------ articles & analysis
    @property
    def article(self) -> Article | None:
        if 0 <= self.article_index < len(self.articles):
            return self.articles[self.article_index]
        return None

    def watch_article_index(self, index: int) -> None:
        article = self.article
        if article is None:
            return
        self.query_one(HeaderBar).show(article, index, len(self.articles))
        self.query_one(ArticleBody).set_article(article)
        self.set_reactive(MainScreen.selected, None)
        self.set_reactive(MainScreen.speaker_filter, None)
        cached = self.analyses.get(index)
        if cached is not None:
            self.analysis = cached
        else:
            self.analysis = None
            # Start the engine after this frame is on screen: the worker thread would otherwise
            # compete with the first paint for the interpreter.
            self.call_after_refresh(self._analyse, index, article)
            self._start_progress(article)

    @work(thread=True, exclusive=True, group="analysis")
    def _analyse(self, index: int, article: Article) -> None:
        def report(done: float) -> None:
            # Read by the status line's timer on the UI thread; one assignment, nothing to lock.
            self._progress_done = (index, done)

        try:
            if self._analyzer_reports_progress:
                analysis = self.analyzer(article, progress=report)
            else:
                analysis = self.analyzer(article)
        except Exception as exc:  # noqa: BLE001 - the reader must still show the text
            self.app.call_from_thread(
                self.notify, f"analysis failed: {type(exc).__name__}: {exc}",
                severity="error", markup=False)
            analysis = Analysis(article=article)
        self.app.call_from_thread(self._analysis_ready, index, analysis)

    def _start_progress(self, article: Article) -> None:
        """Elapsed time in the status line while the engine works (it reports no progress of
        its own); shown from half a second on, so small articles never flash it."""
        import time

        self._analysis_started = time.monotonic()
        if self._progress_timer is None:
            self._progress_timer = self.set_interval(0.5, self._refresh_status)
        else:
            self._progress_timer.resume()

    def analysis_progress(self) -> str:
        """What the status line says while the engine works."""
        import time

        article = self.article
        if article is None or self._analysis_started is None:
            return "analysing…"
        elapsed = time.monotonic() - self._analysis_started
        size = len(article.text)
        what = f"{size / 1e6:.1f} M characters" if size >= 1_000_000 else f"{size:,} characters"
        done = self._progress_done
        share = f" · {done[1]:.0%}" if done is not None and done[0] == self.article_index else ""
        when = f" · {elapsed:.0f} s" if elapsed >= 0.5 else ""
        return f"analysing {what}{share}{when} · the article is readable meanwhile"

    def _analysis_ready(self, index: int, analysis: Analysis) -> None:
        self.analyses[index] = analysis
        if self._progress_timer is not None and index == self.article_index:
            self._progress_timer.pause()
            self._analysis_started = None
        if index == self.article_index:
            self.analysis = analysis
        # A big article, its analysis and the lists now live as long as the app: keep the
        # collector from rescanning them (a full collection over a 5,000-quote article is a
        # visible stall on a key press).
        if len(analysis.quotes) > 1000 or len(analysis.article.text) > 200_000:
            import gc

            gc.collect()
            gc.freeze()

    def add_article(self, article: Article) -> None:
        self.articles.append(article)
        self.article_index = len(self.articles) - 1

    def watch_analysis(self, analysis: Analysis | None) -> None:
        self._quote_index = {q.id: q for q in analysis.quotes} if analysis else {}
        self._refresh_quotes_layer()
        self._refresh_visible()
        self._refresh_speakers()
        self._refresh_speaker_layer()
        self._refresh_selection()

    # ------------------------------------------------------------------ derived state
    @property
    def derived(self) -> Derived | None:
        analysis = self.analysis
        if analysis is None:
            return None
        if self._derived is None or self._derived.analysis is not analysis:
            self._derived = Derived(analysis)
        return self._derived

    def _refresh_visible(self) -> None:
        derived = self.derived
        quote_list = self.query_one(QuoteList)
        if derived is None:
            self.shown = []
            self._visible_row = {}
            quote_list.show(None, [])
            self._refresh_status()
            return
        shown = derived.ordered if self.show_indirect else derived.ordered_marked
        if self.speaker_filter is not None:
            wanted = self.speaker_filter
            shown = [q for q in shown if q.speaker_id == wanted]
        needle = self.search.casefold().strip()
        if needle:
            folded, names = derived.folded(), derived.names
            shown = [q for q in shown
                     if needle in folded[q.id] or needle in names.get(q.speaker_id, "")]
        self.shown = shown
        self._visible_row = {q.id: i for i, q in enumerate(shown)}
        empty = "no quotes match"
        if not shown and not self.show_indirect and not needle and derived.ordered:
            empty = "no quotes shown; i shows indirect speech"
        quote_list.show(derived.analysis, shown, empty=empty, rows=self._visible_row)
        self._sync_list()
        self._refresh_search_layer()
        self._refresh_status()

    def _refresh_speakers(self) -> None:
        self.query_one(SpeakerList).show(self.analysis, self.speaker_filter, self.show_indirect)

    def _refresh_quotes_layer(self) -> None:
        derived = self.derived
        marks = derived.quote_marks(self.show_indirect) if derived is not None else []
        self.query_one(ArticleBody).set_layer("quotes", marks)

    def _refresh_speaker_layer(self) -> None:
        marks: list[Mark] = []
        analysis = self.analysis
        wanted, show_indirect = self.speaker_filter, self.show_indirect
        if analysis is not None and wanted is not None:
            speaker = analysis.speaker(wanted)
            marks = [Mark(quote.span, "speaker-quote") for quote in analysis.quotes
                     if quote.speaker_id == wanted and (show_indirect or quote.kind != "indirect")]
            if speaker is not None:
                marks.extend(Mark(span, "speaker-mention") for span in speaker.mentions)
        self.query_one(ArticleBody).set_layer("speaker", marks)

    def _refresh_search_layer(self) -> None:
        needle = self.search.strip()
        spans = [q.span for q in self.shown] if needle else []
        self.query_one(ArticleBody).set_search(needle, spans)

    def _refresh_selection(self) -> None:
        body = self.query_one(ArticleBody)
        quote = self.selected_quote
        marks: list[Mark] = []
        if quote is not None and self.analysis is not None:
            article = self.analysis.article
            paragraph = article.paragraph_index(quote.span.start)
            para_span = article.paragraphs[paragraph] if paragraph is not None else None
            parts = [quote.span] + [s for s in (quote.mention, quote.cue) if s is not None]
            marks.append(Mark(context_span(article.text, para_span, parts), "context"))
            marks.append(Mark(quote.span, "selected"))
            if quote.mention is not None:
                marks.append(Mark(quote.mention, "mention"))
            if quote.cue is not None:
                marks.append(Mark(quote.cue, "cue"))
        body.set_layer("selection", marks)
        if quote is not None:
            body.scroll_to_span(quote.span)
        self._sync_list()
        self._refresh_status()
        if (quote is None) != self._had_selection_none:
            self._had_selection_none = quote is None
            self.refresh_bindings()
            self._refresh_keys()

    def _sync_list(self) -> None:
        # The list follows the selection without telling the screen back (a message about a
        # cursor the screen itself moved would arrive late and undo a later key press).
        quote_list = self.query_one(QuoteList)
        row = quote_list.row_of(self.selected)
        with quote_list.prevent(PaneList.Highlighted):
            if row is None:
                if quote_list.highlighted is not None and self.selected is None:
                    quote_list.highlighted = None
            elif quote_list.highlighted != row:
                quote_list.highlighted = row

    def _refresh_status(self) -> None:
        analysis = self.analysis
        self.query_one(StatusLine).show(
            analysis, self.selected_quote, shown=len(self.shown),
            speaker=analysis.speaker(self.speaker_filter) if analysis else None,
            search=self.search, show_indirect=self.show_indirect,
            style=self.app.citation_style if isinstance(self.app, ReaderApp) else "plain",
            progress=self.analysis_progress() if analysis is None else "",
        )

    def _refresh_keys(self) -> None:
        """The key bar: the footer commands with their keys in force, dimmed when they do
        not apply now."""
        keymap = getattr(self.app, "_keymap", {})
        entries = []
        for command in COMMANDS:
            keys = keymap.get(command.id, command.keys)
            if command.footer and keys:
                action = command.action.split("(")[0]
                entries.append((footer_key(keys), command.label, command.action,
                                self.applies(action)))
        palette = footer_key(getattr(self.app, "COMMAND_PALETTE_BINDING", "ctrl+p"))
        self.query_one(KeyBar).show(entries, palette)

    @on(KeyBar.Pressed)
    async def _key_clicked(self, event: KeyBar.Pressed) -> None:
        await self.run_action(event.action)

    @property
    def selected_quote(self) -> Quote | None:
        return self._quote_index.get(self.selected) if self.selected else None

    # ------------------------------------------------------------------ watchers
    def watch_selected(self) -> None:
        self._refresh_selection()

    def watch_speaker_filter(self) -> None:
        if self.selected is not None and self.selected_quote is not None and (
                self.speaker_filter is not None
                and self.selected_quote.speaker_id != self.speaker_filter):
            self.set_reactive(MainScreen.selected, None)
            self._refresh_selection()
        self._refresh_visible()
        self._refresh_speakers()
        self._refresh_speaker_layer()

    def watch_search(self) -> None:
        self._refresh_visible()
        # As you type, the first match is selected (and shown in the article), so the list, the
        # article and the status line always describe the same quote; no match, no selection.
        if self.search.strip() and self.selected not in self._visible_row:
            self.selected = self.shown[0].id if self.shown else None

    def watch_show_indirect(self) -> None:
        quote = self.selected_quote
        if quote is not None and quote.kind == "indirect" and not self.show_indirect:
            self.set_reactive(MainScreen.selected, None)
            self._refresh_selection()
        self._refresh_quotes_layer()
        self._refresh_visible()
        self._refresh_speakers()
        self._refresh_speaker_layer()

    # ------------------------------------------------------------------ messages from panes
    @on(PaneList.Highlighted, "#quotes")
    def _quote_highlighted(self, event: PaneList.Highlighted) -> None:
        if event.index != event.pane.highlighted:
            return  # the cursor has moved on since: a later key press wins
        if event.item_id is not None and event.item_id in self._quote_index:
            self.selected = event.item_id

    @on(PaneList.Selected, "#quotes")
    def _quote_chosen(self, event: PaneList.Selected) -> None:
        if event.item_id is not None and event.item_id in self._quote_index:
            self.selected = event.item_id
            quote = self.selected_quote
            if quote is not None:
                self.query_one(ArticleBody).scroll_to_span(quote.span)

    @on(PaneList.Selected, "#speakers")
    def _speaker_chosen(self, event: PaneList.Selected) -> None:
        speaker_id = event.item_id
        if speaker_id is None or speaker_id.startswith("person:"):
            return
        self.speaker_filter = None if self.speaker_filter == speaker_id else speaker_id

    @on(ArticleBody.Clicked)
    def _body_clicked(self, event: ArticleBody.Clicked) -> None:
        quote = self.quote_at(event.offset)
        if quote is not None:
            self.selected = quote.id

    def quote_at(self, offset: int) -> Quote | None:
        """The innermost visible quote at an article offset."""
        best: Quote | None = None
        for quote in self.shown:
            if quote.span.start <= offset < quote.span.end:
                if best is None or len(quote.span) < len(best.span):
                    best = quote
        return best

    def _search_changed(self, value: str) -> None:
        # Watched, not messaged: the search box's Changed message would bubble through two
        # containers first, and the frame drawn meanwhile would show the typed letter alone.
        self.search = value

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        quote_list = self.query_one(QuoteList)
        quote_list.focus()
        if self.shown and self.selected not in self._visible_row:
            self.selected = self.shown[0].id

    # ------------------------------------------------------------------ actions
    def _step(self, delta: int) -> None:
        if not self.shown:
            if self.analysis is not None:
                self.notify("No quotes to select.", severity="warning", timeout=2)
            return
        row = self._visible_row.get(self.selected) if self.selected else None
        if row is None:
            row = 0 if delta > 0 else len(self.shown) - 1
        else:
            row = max(0, min(len(self.shown) - 1, row + delta))
        self.selected = self.shown[row].id

    def action_next_quote(self) -> None:
        self._step(1)

    def action_previous_quote(self) -> None:
        self._step(-1)

    def action_first_quote(self) -> None:
        if self.shown:
            self.selected = self.shown[0].id

    def action_last_quote(self) -> None:
        if self.shown:
            self.selected = self.shown[-1].id

    def select_label(self, label: str) -> None:
        """Select quote ``label`` (as the list numbers it), clearing filters that hide it."""
        if self.analysis is None:
            return
        quote = self.analysis.quote_by_label(label)
        if quote is None:
            self.notify(f"No quote {label}.", severity="warning", markup=False)
            return
        if quote.kind == "indirect" and not self.show_indirect:
            self.show_indirect = True
        if quote.id not in self._visible_row:
            self.set_reactive(MainScreen.search, "")
            self.speaker_filter = None
            self._hide_search()
            self._refresh_visible()
        self.selected = quote.id

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def _hide_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            had_focus = search.has_focus
            with search.prevent(Input.Changed):
                search.value = ""
            search.display = False
            if had_focus:
                self.query_one(QuoteList).focus()

    def action_clear_filters(self) -> None:
        if self.speaker_filter is not None or self.search or self.query_one("#search").display:
            self._hide_search()
            self.search = ""
            self.speaker_filter = None
        elif self.selected is not None:
            self.selected = None

    def action_toggle_indirect(self) -> None:
        self.show_indirect = not self.show_indirect
        shown = "shown" if self.show_indirect else "hidden"
        self.notify(f"Indirect speech {shown}.", timeout=2)

    def action_focus_next_pane(self) -> None:
        self._cycle(1)

    def action_focus_previous_pane(self) -> None:
        self._cycle(-1)

    def _cycle(self, delta: int) -> None:
        panes = [w for w in (self.query_one(f"#{p}") for p in PANES) if w.display and w.region]
        search = self.query_one("#search", Input)
        if search.display:
            quotes = self.query_one("#quotes")
            panes.insert(panes.index(quotes) + 1 if quotes in panes else len(panes), search)
        if not panes:
            return
        focused = self.focused
        index = panes.index(focused) if focused in panes else (-1 if delta > 0 else 0)
        # Focus now, not after this message: a second tab typed in the same burst must start
        # from the pane the first one moved to.
        self.set_focus(panes[(index + delta) % len(panes)])

    def action_focus_pane(self, pane: str) -> None:
        widget = self.query_one(f"#{pane}")
        if widget.display:
            widget.focus()

    def action_next_article(self) -> None:
        if len(self.articles) > 1:
            self.article_index = (self.article_index + 1) % len(self.articles)
        else:
            self.notify("Only one article is open (o opens another).", timeout=2)

    def action_previous_article(self) -> None:
        if len(self.articles) > 1:
            self.article_index = (self.article_index - 1) % len(self.articles)
        else:
            self.notify("Only one article is open (o opens another).", timeout=2)

    def action_open_article(self) -> None:
        def opened(path: str | None) -> None:
            if path:
                self._load_article(path)

        self.app.push_screen(OpenScreen(), opened)

    @work(thread=True, group="load")
    def _load_article(self, path: str) -> None:
        import os

        from reader.errors import ReaderError
        from reader.loaders import load

        try:
            article = load(os.path.expanduser(path), max_bytes=self.config.max_article_bytes)
        except ReaderError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, f"cannot open '{path}': {exc}",
                                      severity="error", markup=False)
            return
        for warning in article.warnings:
            self.app.call_from_thread(self.notify, f"{article.source}: {warning}",
                                      severity="warning", markup=False)
        self.app.call_from_thread(self.add_article, article)

    def action_show_help(self) -> None:
        app = self.app
        keymap = {k: v for k, v in getattr(app, "_keymap", {}).items()}
        panes: list[tuple[str, Binding]] = []
        for title, cls in (("Article pane", ArticleBody), ("Lists", PaneList)):
            for binding in cls.BINDINGS:
                if isinstance(binding, Binding):
                    panes.append((title, binding))
        app.push_screen(HelpScreen(help_rows(keymap, panes)))

    def action_quit(self) -> None:
        self.app.exit(0)

    # ------------------------------------------------------------------ copying
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys always run their action, which says why it cannot act now ("Select a quote
        # first"): a key that silently does nothing leaves a newcomer guessing. What applies
        # now dims the key bar and filters the palette.
        return True

    def applies(self, action: str) -> bool:
        """Whether a command can act now (the key bar dims, the palette hides, the others)."""
        if action in ("copy_citation", "copy_quote"):
            return self.selected_quote is not None
        if action == "copy_speaker_quotes":
            return self._copy_speaker() is not None
        if action in ("next_article", "previous_article"):
            return len(self.articles) > 1
        return True

    def _copy_speaker(self) -> str | None:
        if self.speaker_filter is not None:
            return self.speaker_filter
        quote = self.selected_quote
        if quote is not None and quote.speaker_id is not None:
            return quote.speaker_id
        speakers = self.query_one(SpeakerList)
        if speakers.highlighted is not None and self.analysis is not None:
            item_id = speakers.item_id(speakers.highlighted)
            if item_id and self.analysis.speaker(item_id):
                return item_id
        return None

    def _citation(self, quotes: list[Quote]) -> str:
        """The citation of ``quotes`` in the current style: one paragraph per quote, with the
        reference entry, BibTeX entry or CSL item given once (as the style guide wants)."""
        from reader.cite import cite_all

        app = self.app
        style = app.citation_style if isinstance(app, ReaderApp) else "plain"
        assert self.analysis is not None
        return clean_text(cite_all(self.analysis, quotes, style, self.config))

    def action_copy_citation(self) -> None:
        quote = self.selected_quote
        if quote is None:
            self.notify("Select a quote first (n).", severity="warning", timeout=2)
            return
        try:
            text = self._citation([quote])
        except Exception as exc:  # noqa: BLE001 - a bad user template is a notice
            self.notify(f"cannot cite: {exc}", severity="error", markup=False)
            return
        style = self.app.citation_style if isinstance(self.app, ReaderApp) else "plain"
        self._copy(text, f"citation of {quote_noun(quote)} ({style})")

    def action_copy_quote(self) -> None:
        quote = self.selected_quote
        if quote is None or self.analysis is None:
            self.notify("Select a quote first (n).", severity="warning", timeout=2)
            return
        text = clean_text(" ".join(quote.span.of(self.analysis.article.text).split()))
        self._copy(text, f"text of {quote_noun(quote)}")

    def action_copy_speaker_quotes(self, speaker_id: str | None = None) -> None:
        speaker_id = speaker_id or self._copy_speaker()
        analysis = self.analysis
        if speaker_id is None or analysis is None:
            self.notify("Select a speaker or a quote first.", severity="warning", timeout=2)
            return
        quotes = [q for q in analysis.quotes if q.speaker_id == speaker_id
                  and (q.is_marked or self.show_indirect)]
        if not quotes:
            self.notify("That speaker has no quotes to copy.", severity="warning", timeout=2)
            return
        try:
            text = self._citation(quotes)
        except Exception as exc:  # noqa: BLE001
            self.notify(f"cannot cite: {exc}", severity="error", markup=False)
            return
        speaker = analysis.speaker(speaker_id)
        name = speaker.name if speaker else "speaker"
        self._copy(text, f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''} of {name}")

    def _copy(self, text: str, what: str) -> None:
        app = self.app
        app.copy_to_clipboard(text)
        tool = app.clipboard_tool if isinstance(app, ReaderApp) else None
        if tool is None:
            self.notify(f"Copied {what} via the terminal (OSC 52).", markup=False, timeout=4)
        else:
            self._copy_local(text, what, tool)

    @work(thread=True, group="clipboard")
    def _copy_local(self, text: str, what: str, tool: list[str]) -> None:
        used = copy_with_tool(text, tool)
        how = f"the terminal (OSC 52) and {used}" if used else \
            f"the terminal (OSC 52); {tool[0].rsplit('/', 1)[-1]} failed"
        self.app.call_from_thread(self.notify, f"Copied {what} via {how}.", markup=False,
                                  timeout=4)

    def action_choose_style(self) -> None:
        from reader.cite import available_styles

        app = self.app
        assert isinstance(app, ReaderApp)

        def chosen(style: str | None) -> None:
            if style:
                app.set_citation_style(style)
                self._refresh_status()

        app.push_screen(StyleScreen(available_styles(self.config), app.citation_style), chosen)

    # ------------------------------------------------------------------ palette
    def palette_entries(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        keymap = getattr(self.app, "_keymap", {})
        for command in COMMANDS:
            action = command.action.split("(")[0]
            if not self.applies(action):
                continue
            keys = keymap.get(command.id, command.keys)
            hint = f" [{keys.split(',')[0]}]" if keys else ""
            yield command.label + hint, command.help, partial(self.run_action, command.action)
        analysis = self.analysis
        if analysis is not None:
            for speaker in analysis.speakers:
                name = safe_text(speaker.name)
                yield (f"Go to speaker: {name}", "Filter the quotes to this speaker",
                       partial(self._go_to_speaker, speaker.id))
                yield (f"Copy all quotes of {name}", "One citation per paragraph",
                       partial(self.action_copy_speaker_quotes, speaker.id))
            names = {s.id: list_name(s) for s in analysis.speakers}
            text = analysis.article.text
            for quote in analysis.quotes:
                if quote.kind == "indirect" and not self.show_indirect:
                    continue
                words = safe_text(opening_words(" ".join(quote.span.of(text).split()), 8))
                who = safe_text(names.get(quote.speaker_id, "unattributed"))
                yield (f"Go to quote {quote.label}: {who} — {words}", "Select this quote",
                       partial(self.select_label, quote.label))
        for index, article in enumerate(self.articles):
            if index != self.article_index:
                title = safe_text(" ".join((article.headline or article.source).split()))
                yield (f"Switch to article {index + 1}: {title}", "Show this article",
                       partial(setattr, self, "article_index", index))

    def _go_to_speaker(self, speaker_id: str) -> None:
        self.speaker_filter = speaker_id
        speakers = self.query_one(SpeakerList)
        index = speakers.index_of(speaker_id)
        if index is not None:
            speakers.highlighted = index
        if self.shown:
            self.selected = self.shown[0].id


def _engine_analyze(article: Article, progress: Callable[[float], None] | None = None) -> Analysis:
    from reader.engine import analyze  # imported in the worker, off the first paint

    return analyze(article, progress=progress)


def _reader_commands():
    """The palette's provider, imported when the palette first opens (keeps startup lean)."""
    from reader.tui.palette import ReaderCommands

    return ReaderCommands


def quote_noun(quote: Quote) -> str:
    return f"indirect {quote.label}" if quote.kind == "indirect" else f"quote {quote.label}"


class ReaderApp(App[int]):
    """The reader: an article, who is quoted in it, and every quotation."""

    TITLE = "reader"
    COMMANDS = App.COMMANDS | {_reader_commands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit",
                tooltip="Quit the reader"),
    ]

    def __init__(self, articles: Sequence[Article], config: Config | None = None,
                 notices: Sequence[str] = (), analyzer: Analyzer | None = None) -> None:
        from reader.resources import styles_dir

        super().__init__(css_path=[str(p) for p in sorted(styles_dir().glob("*.tcss"))])
        self.articles = list(articles)
        self.config = config or Config()
        self.notices = list(notices)
        self.analyzer = analyzer or _engine_analyze
        self.citation_style = self.config.citation_style
        self._clipboard_tool: list[str] | None | bool = False  # False: not looked for yet

    def on_mount(self) -> None:
        if self.config.keys:
            known = {c.id for c in COMMANDS} | {
                b.id for cls in (ArticleBody, PaneList) for b in cls.BINDINGS
                if isinstance(b, Binding) and b.id}
            unknown = sorted(set(self.config.keys) - known)
            if unknown:
                self.notify(f"config 'keys': unknown binding id(s): {', '.join(unknown)}",
                            severity="warning", markup=False)
            self.set_keymap({k: v for k, v in self.config.keys.items() if k in known})
            if self.main.is_mounted:
                self.main._refresh_keys()
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.notify(f"config: unknown theme '{self.config.theme}'; using textual-dark",
                        severity="warning", markup=False)
        # Only a theme the user picks later is remembered (the signal fires after each change).
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for notice in self.notices:
            self.notify(notice, severity="warning", markup=False, timeout=10)

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.articles, self.config, self.analyzer)

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name != self.config.theme:
            self.config = replace(self.config, theme=theme.name)
            self._save_setting("theme", theme.name)

    def set_citation_style(self, style: str) -> None:
        self.citation_style = style
        self.config = replace(self.config, citation_style=style)
        self._save_setting("citation_style", style, announce=f"Citation style: {style}")

    @work(thread=True, group="config")
    def _save_setting(self, key: str, value: object, announce: str | None = None) -> None:
        from reader.config import save_setting

        try:
            path = save_setting(key, value)
        except Exception as exc:  # noqa: BLE001 - failing to save is a notice, not a crash
            self.call_from_thread(self.notify, f"{announce + '; ' if announce else ''}"
                                  f"could not save '{key}' to the config: {exc}",
                                  severity="warning", markup=False)
            return
        if announce:
            self.call_from_thread(self.notify, f"{announce} (saved to {path})", markup=False,
                                  timeout=3)

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification passes here: file names, speaker names and error messages in it
        are shown with their control characters visible, never written to the terminal raw."""
        super().notify(visible(message), title=visible(title, keep=""), severity=severity,
                       timeout=timeout, markup=markup)

    @property
    def clipboard_tool(self) -> list[str] | None:
        """The local clipboard tool's command line (looked up on first use), or None."""
        if self._clipboard_tool is False:
            self._clipboard_tool = find_tool()
        return self._clipboard_tool  # type: ignore[return-value]

    @property
    def main(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("main screen not mounted")

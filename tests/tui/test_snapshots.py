"""SVG snapshots of the seed, analysed by the real engine, with a quote selected."""

from __future__ import annotations

from reader.config import Config
from reader.loaders import load
from reader.resources import default_article
from reader.tui.app import ReaderApp


def seed_app() -> ReaderApp:
    return ReaderApp([load(default_article())], Config(), [])


async def _select_second_quote(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("n", "n")
    await pilot.pause()


def test_seed_120x40_quote_selected(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(120, 40), run_before=_select_second_quote)


def test_seed_80x24_quote_selected(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(80, 24), run_before=_select_second_quote)


async def _filter_to_speaker(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("tab", "down", "enter", "n")
    await pilot.pause()


def test_seed_120x40_speaker_filter(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(120, 40), run_before=_filter_to_speaker)


async def _open_help(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.press("question_mark")
    await pilot.pause()


def test_help_80x24(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(80, 24), run_before=_open_help)

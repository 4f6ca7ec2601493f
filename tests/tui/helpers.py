from __future__ import annotations

from contextlib import asynccontextmanager

from fixtures import fixture_analyzer, seed_article

from reader.config import Config
from reader.tui.app import MainScreen, ReaderApp


def make_app(articles=None, config=None, notices=(), analyzer=fixture_analyzer) -> ReaderApp:
    return ReaderApp(articles or [seed_article()], config or Config(), list(notices), analyzer)


async def settle(pilot) -> None:
    """Wait until analysis workers are done and the screen has caught up."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@asynccontextmanager
async def running(size=(120, 40), **kwargs):
    app = make_app(**kwargs)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield app, app.main, pilot


def main(app) -> MainScreen:
    return app.main

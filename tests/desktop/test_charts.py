"""Bar charts: drawn off the GUI thread, labels inside the figure, latest request shown."""

from __future__ import annotations

import threading

import pytest

from desktop.charts import BarChart, ChartSpec, Series, draw_figure, render_bar_chart

LONG = ("verbs distancing", "conflict metaphor", "intensifiers", "a very long category name")


def _spec(**kw: object) -> ChartSpec:
    series = (
        Series("Meridian Wire", "#1f77b4", (3.0, 0.0, 1.5, 2.0)),
        Series("The Daily Blaze", "#d62728", (9.0, 4.0, 6.0, 0.5)),
    )
    return ChartSpec(LONG, series, "per 1,000 words", "Terms", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [(400, 260), (900, 500)])
def test_tick_labels_fit_inside_the_figure(size: tuple[int, int]) -> None:
    figure = draw_figure(_spec(width=size[0], height=size[1]))
    renderer = figure.canvas.get_renderer()
    ax = figure.axes[0]
    labels = [t for t in ax.get_xticklabels() if t.get_text()]
    assert [t.get_text() for t in labels] == list(LONG)
    for text in (*labels, ax.yaxis.label, ax.title):
        box = text.get_window_extent(renderer)
        assert box.x0 >= 0 and box.y0 >= 0, text.get_text()
        assert box.x1 <= size[0] and box.y1 <= size[1], text.get_text()


def test_render_gives_pixels_of_the_asked_size() -> None:
    image = render_bar_chart(_spec(width=320, height=200))
    assert (image.width, image.height) == (320, 200)
    assert len(image.rgba) == 320 * 200 * 4
    empty = render_bar_chart(ChartSpec((), (), "y", "none", width=320, height=200))
    assert empty.rgba != image.rgba


def test_chart_renders_on_another_thread_and_shows_the_latest(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import desktop.charts as charts

    threads: list[str] = []
    real = charts.render_bar_chart

    def spy(spec: ChartSpec) -> object:
        threads.append(threading.current_thread().name)
        return real(spec)

    monkeypatch.setattr(charts, "render_bar_chart", spy)
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    chart.show()
    spec = _spec()
    with qtbot.waitSignal(chart.rendered, timeout=10_000):
        chart.plot(spec.groups, spec.series, "y", "coalesced")
        assert chart.pending
        chart.plot(spec.groups, spec.series, "y", "first")  # requests in a row: one render
    assert chart._serial == 1 and chart.spec is not None and chart.spec.title == "first"
    assert not chart.pending and chart.image.text() == ""
    first = chart.image.pixmap().toImage()
    chart.plot(spec.groups, spec.series, "y", "stale")
    qtbot.waitUntil(lambda: chart._serial == 2)  # its render has started ...
    assert chart.pending and chart.image.text() == ""  # the old chart stays until then
    with qtbot.waitSignal(chart.rendered, timeout=10_000):
        chart.plot((spec.groups[0],), spec.series[:1], "y", "second")  # ... and is superseded
    qtbot.waitUntil(lambda: not chart._tasks)
    assert chart._serial == 3 and chart.spec.title == "second"
    assert not chart.image.pixmap().isNull() and chart.image.pixmap().toImage() != first
    assert threads and threading.main_thread().name not in threads


def test_twenty_outlets_draw_a_heatmap_not_160_bars() -> None:
    from desktop.charts import ChartSpec, Series, draw_figure

    groups = tuple(f"category {i}" for i in range(8))
    series = tuple(
        Series(f"Outlet {o}", "#336699", tuple(float(o + i) for i in range(8))) for o in range(20)
    )
    figure = draw_figure(ChartSpec(groups, series, "per 1,000 words", "Terms", 900, 600))
    ax = figure.axes[0]
    assert len(ax.images) == 1 and not ax.patches  # one shaded grid, no bars
    assert ax.get_legend() is None
    assert [t.get_text() for t in ax.get_yticklabels()] == [s.label for s in series]
    small = tuple(Series(s.label, s.colour, s.values[:2]) for s in series[:4])
    few = draw_figure(ChartSpec(groups[:2], small, "per 1,000 words", "Terms"))
    assert few.axes[0].patches and not few.axes[0].images

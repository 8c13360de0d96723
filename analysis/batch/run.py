"""``slant batch``: group a pile of articles into events, compare each, write an index.

:func:`run_batch` groups the articles, compares every event of two or more articles (here,
or as Dask tasks), writes one report per event and ``index.json`` / ``index.html``. A failed
event is reported through ``on_problem`` and the rest go on; every write is atomic, and a
cancelled run still writes the index of what it finished.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from analysis.batch.work import EventWork, compare_event, report_extension
from analysis.errors import Cancelled, SlantError
from analysis.events import Event, EventGrouping, GroupingSettings, group_articles
from analysis.events.coverage import CoverageReport, event_coverage
from analysis.model import Article
from analysis.progress import CancelFn, ProgressFn, check_cancelled, no_progress, sub_progress
from analysis.ratings import Ratings

__all__ = ["BatchError", "BatchOptions", "BatchResult", "EventOutcome", "run_batch"]

ProblemFn = Callable[[str], None]


class BatchError(SlantError):
    """The batch cannot run at all (for example, the output folder cannot be made)."""

    default_code = "batch"


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a batch runs.

    Attributes:
        fmt: Report format of each event (one of :func:`analysis.reports.formats`).
        paper: PDF page size.
        grouping: How articles are grouped into events.
        dask: None to compare here, ``local`` for a Dask ``LocalCluster``, or a scheduler
            address.
    """

    fmt: str = "html"
    paper: str = "a4"
    grouping: GroupingSettings = field(default_factory=GroupingSettings)
    dask: str | None = None


@dataclass(frozen=True, slots=True)
class EventOutcome:
    """One event after the batch: its report file, key numbers, or why it failed.

    ``report`` is a file name inside the output folder; None for single-article events,
    failed and (after a cancel) unfinished ones. ``error`` is one sentence, or None.
    """

    event: Event
    report: str | None = None
    numbers: Mapping[str, float | int] = field(default_factory=lambda: MappingProxyType({}))
    error: str | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Everything the index shows."""

    articles: tuple[Article, ...]
    grouping: EventGrouping
    outcomes: tuple[EventOutcome, ...]
    coverage: CoverageReport
    options: BatchOptions
    skipped_sources: tuple[tuple[str, str], ...] = ()
    complete: bool = True


def run_batch(
    articles: Sequence[Article],
    folder: Path,
    options: BatchOptions | None = None,
    *,
    ratings: Ratings | None = None,
    skipped_sources: Sequence[tuple[str, str]] = (),
    on_problem: ProblemFn | None = None,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> BatchResult:
    """Group, compare each event, and write the reports and the index into ``folder``.

    Args:
        articles: The loaded articles (distinct ids).
        folder: Output folder; made when missing.
        options: Format, grouping and where to compute.
        ratings: The user's outlet ratings, or None.
        skipped_sources: (source, reason) of inputs that failed to load, kept in the index.
        on_problem: Called with one sentence per failed event.
        progress: ``progress(fraction, label)``.
        is_cancelled: Polled between events; the index of finished events is still written.

    Raises:
        BatchError: When the folder cannot be made or the index cannot be written.
        Cancelled: After writing the partial index, when ``is_cancelled()`` turned true.
    """
    options = options or BatchOptions()
    report = progress or no_progress
    _make_folder(folder)
    grouping = group_articles(
        articles,
        options.grouping,
        progress=sub_progress(report, 0.0, 0.15),
        is_cancelled=is_cancelled,
    )
    coverage = event_coverage(grouping, articles, ratings)
    runner = _Runner(articles, folder, options, on_problem or (lambda _: None))
    outcomes = {e.id: EventOutcome(e) for e in grouping.events}
    complete = False
    try:
        for outcome in runner.run(grouping, sub_progress(report, 0.15, 0.98), is_cancelled):
            outcomes[outcome.event.id] = outcome
        complete = True
    finally:
        result = BatchResult(
            articles=tuple(articles),
            grouping=grouping,
            outcomes=tuple(outcomes[e.id] for e in grouping.events),
            coverage=coverage,
            options=options,
            skipped_sources=tuple(skipped_sources),
            complete=complete,
        )
        _write_index(result, folder)
    report(1.0, "Done")
    return result


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or "not a folder"
        message = f"cannot make the folder {folder} ({reason})."
        raise BatchError(message, code="batch.folder") from exc


def _write_index(result: BatchResult, folder: Path) -> None:
    import json

    from analysis.batch.index import index_json
    from analysis.batch.page import index_html
    from analysis.reports import atomic_write_bytes

    data = index_json(result)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    atomic_write_bytes(folder / "index.json", text.encode("utf-8"))
    atomic_write_bytes(folder / "index.html", index_html(data).encode("utf-8"))


class _Runner:
    """Compares events (here or on Dask) and writes each report as it arrives."""

    def __init__(
        self, articles: Sequence[Article], folder: Path, options: BatchOptions, say: ProblemFn
    ) -> None:
        self.by_id = {a.id: a for a in articles}
        self.folder = folder
        self.options = options
        self.say = say

    def run(
        self, grouping: EventGrouping, report: ProgressFn, is_cancelled: CancelFn | None
    ) -> Iterator[EventOutcome]:
        jobs = [(e, [self.by_id[i] for i in e.articles]) for e in grouping.multi_article()]
        results = self._results(jobs, report, is_cancelled)
        for done, (event, work) in enumerate(results, start=1):
            report(done / max(1, len(jobs)), f"Compared {done} of {len(jobs)} events")
            yield self._outcome(event, work)

    def _results(
        self,
        jobs: list[tuple[Event, list[Article]]],
        report: ProgressFn,
        is_cancelled: CancelFn | None,
    ) -> Iterator[tuple[Event, EventWork | BaseException]]:
        fmt, paper = self.options.fmt, self.options.paper
        if self.options.dask:
            from analysis.batch.dask_run import dask_results

            yield from dask_results(self.options.dask, jobs, fmt, paper, is_cancelled)
            return
        for n, (event, members) in enumerate(jobs):
            check_cancelled(is_cancelled)
            step = sub_progress(report, n / len(jobs), (n + 1) / len(jobs))
            try:
                work: EventWork | BaseException = compare_event(
                    members, fmt, paper, progress=step, is_cancelled=is_cancelled
                )
            except Cancelled:
                raise
            except Exception as exc:  # one event's failure must not stop the others
                work = exc
            yield event, work

    def _outcome(self, event: Event, work: EventWork | BaseException) -> EventOutcome:
        if isinstance(work, Cancelled):
            raise work
        try:
            if isinstance(work, BaseException):
                raise work
            name = self._write(event, work)
        except SlantError as exc:
            return self._failed(event, str(exc))
        except Exception as exc:  # an internal error in one event, reported for it alone
            return self._failed(event, f"internal error ({type(exc).__name__}).")
        return EventOutcome(event, name, MappingProxyType(dict(work.numbers)))

    def _failed(self, event: Event, reason: str) -> EventOutcome:
        self.say(f"{event.id} ({len(event.articles)} articles): {reason}")
        return EventOutcome(event, error=reason)

    def _write(self, event: Event, work: EventWork) -> str:
        from analysis.reports import atomic_write_bytes, render_report
        from analysis.reports.escape import slug

        data = work.report
        if data is None:  # the worker could not render this format (PDF): render it here
            from analysis.jsonio import result_from_json

            assert work.result_json is not None
            result = result_from_json(work.result_json)
            data = render_report(result, self.options.fmt, paper=self.options.paper)
        words = slug(event.headline)[:40].strip("-")
        name = f"{event.id}-{words}" if words and words != "x" else event.id
        name += "." + report_extension(self.options.fmt)
        atomic_write_bytes(self.folder / name, data)
        return name

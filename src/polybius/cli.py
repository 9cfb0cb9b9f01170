"""The `polybius` command line: thin typer commands over the Polybius core object."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from polybius.errors import InputProblem, PolybiusError
from polybius.store import DEFAULT_DB

app = typer.Typer(help="News reports about political violence in, an ACLED-shaped event dataset out.",
                  no_args_is_help=True, add_completion=False)
gazetteer_app = typer.Typer(help="Manage the offline GeoNames gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")
console = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB database file.")]
Inputs = Annotated[list[Path], typer.Argument(help="JSONL/JSON/CSV/text/HTML files or directories ('-' reads JSONL from stdin).")]


def _day(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (expected YYYY-MM-DD)")


def _fail(error: Exception) -> None:
    console.print(f"[bold red]error:[/] {error}", soft_wrap=True, highlight=False)
    raise typer.Exit(1)


@app.command()
def run(
    inputs: Inputs,
    out: Annotated[Path, typer.Option("--out", help="Directory for events.csv, events.jsonl, articles.jsonl ...")] = Path("out"),
    db: DbOption = Path(DEFAULT_DB),
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for articles without one.")] = None,
    source: Annotated[Optional[str], typer.Option(help="Source name for articles without one.")] = None,
    actors: Annotated[list[Path], typer.Option("--actors", help="Extra actor dictionary file (repeatable).")] = [],
    gazetteer: Annotated[Optional[Path], typer.Option(help="Gazetteer file (default: the built-in one).")] = None,
    event_examples: Annotated[list[Path], typer.Option("--event-examples", help="Extra JSONL of labelled example sentences for the event classifier (repeatable).")] = [],
    formats: Annotated[str, typer.Option("--format", help="Event formats, comma-separated: csv,jsonl,geojson,parquet.")] = "csv,jsonl,geojson",
    report: Annotated[bool, typer.Option("--report/--no-report", help="Also write sitrep.html.")] = True,
    strict: Annotated[bool, typer.Option(help="Stop at the first bad input instead of skipping it.")] = False,
) -> None:
    """Read articles, find and fuse their events, store them in --db and write the outputs to --out."""
    from polybius.ingest import Defaults

    defaults = Defaults(published=_day(published), source=source)
    if event_examples:  # read by the event classifier when it first loads (see README, Settings)
        os.environ["POLYBIUS_EVENT_EXAMPLES"] = os.pathsep.join(str(p) for p in event_examples)
    from polybius.export import write_outputs
    from polybius.pipeline import Polybius

    try:
        with Polybius(db, actor_files=actors, gazetteer=gazetteer) as core, _progress() as progress:
            task = progress.add_task("reading", total=None)
            summary = core.run(inputs, defaults, strict=strict,
                               on_article=lambda s: progress.update(task, completed=s.articles_added,
                                                                    description=f"{s.event_mentions} event mentions"))
            progress.update(task, description="writing outputs")
            written = write_outputs(core.store, out, [f.strip() for f in formats.split(",") if f.strip()])
            if report:
                written["report"] = _write_report(core.store, out / "sitrep.html")
    except InputProblem as problem:
        _fail(problem)
    except (PolybiusError, ValueError) as error:
        _fail(error)
    _print_summary(summary, written)


def _write_report(store, path: Path) -> Path:
    from polybius.report import write_report

    write_report(store, path)
    return path


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.completed} articles"), BarColumn(),
                    TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True)


def _print_summary(summary, written: dict) -> None:
    table = Table(title="polybius run", show_header=False)
    rate = summary.articles_added / summary.seconds if summary.seconds else 0.0
    table.add_row("articles read", str(summary.articles_read))
    table.add_row("articles added", f"{summary.articles_added} ({rate:.1f}/s)")
    table.add_row("already stored", str(len(summary.already_stored)))
    table.add_row("exact duplicates", str(len(summary.duplicates)))
    table.add_row("skipped (bad input)", str(len(summary.problems)))
    table.add_row("event mentions found", str(summary.event_mentions))
    table.add_row("events in database", str(summary.events))
    table.add_row("events merged", str(len(summary.merges)))
    for name, path in written.items():
        table.add_row(f"wrote {name}", str(path))
    console.print(table)
    for problem in summary.problems:  # never wrapped: paths stay whole for copying
        console.print(f"[yellow]skipped:[/] {problem}", soft_wrap=True, highlight=False)


@app.command()
def dates(inputs: Inputs,
          published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for articles without one.")] = None) -> None:
    """Print the temporal expressions of each article as JSONL, normalized to its publication date."""
    from polybius import time as time_stage

    for document in _documents(inputs, published):
        for row in time_stage.rows(document):
            print(json.dumps(row, ensure_ascii=False))


@app.command()
def places(inputs: Inputs,
           gazetteer: Annotated[Optional[Path], typer.Option(help="Gazetteer file (default: the built-in one).")] = None) -> None:
    """Print the places of each article as JSONL; records with "toponyms" spans are resolved as given."""
    from polybius.place import Gazetteer, find_places
    from polybius import place as place_stage

    store = Gazetteer.open(gazetteer)
    for document, toponyms in _documents(inputs, None, with_toponyms=True):
        for row in place_stage.rows(document, find_places(document, store, toponyms=toponyms)):
            print(json.dumps(row, ensure_ascii=False))


def _documents(inputs, published, with_toponyms: bool = False):
    """Articles from inputs as cleaned Documents; given toponym spans keep the raw text so offsets hold."""
    from polybius import nlp
    from polybius.ingest import Defaults, prepare, read_inputs
    from polybius.records import Article

    for item in read_inputs(inputs, Defaults(published=_day(published))):
        if isinstance(item, InputProblem):
            console.print(f"[yellow]skipped:[/] {item}", soft_wrap=True, highlight=False)
            continue
        if with_toponyms and item.toponyms is not None:
            article = Article(id=item.id or "", text=item.text, published=item.published, origin=item.origin)
        else:
            article = prepare(item)
        if isinstance(article, InputProblem):
            console.print(f"[yellow]skipped:[/] {article}", soft_wrap=True, highlight=False)
            continue
        document = nlp.analyze_one(article)
        yield (document, item.toponyms) if with_toponyms else document


@app.command()
def explain(event_id: str, db: DbOption = Path(DEFAULT_DB)) -> None:
    """Show an event with every field and the source sentences that support it."""
    from polybius.explain import render
    from polybius.store import Store

    try:
        with Store(db, read_only=True) as store:
            Console().print(render(store, event_id))
    except PolybiusError as error:
        _fail(error)


@app.command()
def export(out: Annotated[Path, typer.Option("--out", help="Output directory.")] = Path("out"),
           db: DbOption = Path(DEFAULT_DB),
           formats: Annotated[str, typer.Option("--format", help="csv,jsonl,geojson,parquet")] = "csv,jsonl,geojson,parquet") -> None:
    """Write the stored events and articles in the chosen formats."""
    from polybius.export import write_outputs
    from polybius.store import Store

    try:
        with Store(db, read_only=True) as store:
            written = write_outputs(store, out, [f.strip() for f in formats.split(",") if f.strip()])
    except (PolybiusError, ValueError) as error:
        _fail(error)
    for name, path in written.items():
        console.print(f"wrote {name}: {path}")


@app.command()
def report(db: DbOption = Path(DEFAULT_DB),
           out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")] = Path("sitrep.html")) -> None:
    """Write a self-contained offline HTML situation report."""
    from polybius.store import Store

    try:
        with Store(db, read_only=True) as store:
            _write_report(store, out)
    except PolybiusError as error:
        _fail(error)
    console.print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")


@app.command()
def serve(db: DbOption = Path(DEFAULT_DB),
          host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
          token: Annotated[Optional[str], typer.Option(help="Bearer token for POST /articles (or POLYBIUS_TOKEN).")] = None) -> None:
    """Serve the API and the map/timeline UI over the database."""
    import uvicorn

    from polybius.serve import create_app

    try:
        web_app = create_app(db, token=token or os.environ.get("POLYBIUS_TOKEN"))
    except PolybiusError as error:
        _fail(error)
    uvicorn.run(web_app, host=host, port=port)


@gazetteer_app.command("import")
def gazetteer_import(file: Annotated[Path, typer.Argument(help="A GeoNames dump: a country file (ML.txt), allCountries.txt or its .zip.")],
                     gazetteer: Annotated[Optional[Path], typer.Option(help="Gazetteer file (default: the built-in one).")] = None) -> None:
    """Add every feature of a GeoNames dump (mountains, regions, wadis included) to the gazetteer."""
    from polybius.place import Gazetteer

    try:
        count = Gazetteer.open(gazetteer).import_dump(file)
    except (PolybiusError, ValueError, OSError) as error:
        _fail(error)
    console.print(f"imported {count:,} features from {file}")


@gazetteer_app.command("download")
def gazetteer_download(country: Annotated[str, typer.Argument(help="ISO 3166 alpha-2 code, e.g. ML.")],
                       gazetteer: Annotated[Optional[Path], typer.Option(help="Gazetteer file (default: the built-in one).")] = None,
                       base_url: Annotated[str, typer.Option(help="Where GeoNames dumps are served.")] = "https://download.geonames.org/export/dump/") -> None:
    """Fetch a country's GeoNames dump and import it (needs a network connection)."""
    from polybius.place import Gazetteer, download_dump

    try:
        count = download_dump(country, Gazetteer.open(gazetteer), base_url=base_url)
    except (PolybiusError, ValueError, OSError) as error:
        _fail(error)
    console.print(f"imported {count:,} features for {country.upper()}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())

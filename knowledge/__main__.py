"""python -m knowledge check|load|stats|migrate"""
import argparse
import sys
import time
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from knowledge.content import CONTENT_DIR, read_content
from knowledge.errors import ContentError
from knowledge.loader import create_schema, load, table_counts
from storage.engine import database_url, get_engine


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge", description="careerbot knowledge base")
    parser.add_argument("command", choices=["check", "load", "stats", "migrate"])
    parser.add_argument("--content", type=Path, default=CONTENT_DIR, help="content directory (default: %(default)s)")
    parser.add_argument("--db", default=None, help="database URL (default: $CAREERBOT_DB_URL or var/careerbot.db)")
    args = parser.parse_args(argv)
    url = args.db or database_url()
    try:
        if args.command == "migrate":
            print(f"knowledge: migrating {_redact(url)} to the newest schema ...", flush=True)
            create_schema(get_engine(url))
            print("knowledge: schema is up to date")
            return 0
        if args.command == "stats":
            try:
                counts = table_counts(get_engine(url))
            except LookupError as exc:
                print(f"knowledge: {_redact(url)}: {exc}", file=sys.stderr)
                return 1
            for table, count in counts.items():
                print(f"{table:24} {count:5}")
            return 0
        print(f"knowledge: validating {args.content} ...", flush=True)
        content = read_content(args.content)
        print("knowledge: content is valid", flush=True)
        if args.command == "load":
            started = time.monotonic()
            print(f"knowledge: loading into {_redact(url)} (one transaction) ...", flush=True)
            report = load(content, get_engine(url))
            print(f"knowledge: done in {time.monotonic() - started:.1f}s: {sum(report.inserted.values())} inserted, "
                  f"{sum(report.updated.values())} updated, {sum(report.deleted.values())} deleted")
        return 0
    except ContentError as exc:
        print(f"knowledge: content error: {exc}\nknowledge: nothing was written.", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        detail = exc.orig if hasattr(exc, "orig") else exc
        print(f"knowledge: database error on {_redact(url)}: {exc.__class__.__name__}: {detail}\n"
              "knowledge: the transaction was rolled back.", file=sys.stderr)
        return 2


def _redact(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


if __name__ == "__main__":
    sys.exit(main())

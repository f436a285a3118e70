"""The benchmarks' WSGI applications, for a server process of their own.

    gunicorn -k gthread --threads 1 'bench.wsgi_apps:emulator()'
    granian --interface wsgi --factory bench.wsgi_apps:lxml
    python -m bench.wsgi_apps lxml PORT [task-thread]    (under waitress, as `serve`)

``emulator`` is the application ``ips-emulator serve`` builds, with its settings (from
``IPS_EMULATOR_*``, else the defaults), logging and collector tuning; ``lxml`` is the
minimal lxml responder (``bench/lxml_ceiling.py``) answering getAssetJobLogs with the
rows in the JSON file named by ``IPS_BENCH_ANSWERS`` (assetHandle -> rows).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bench import lxml_ceiling

#: Not IPS_EMULATOR_*: the emulator's settings refuse names they do not know.
ANSWERS_ENV = "IPS_BENCH_ANSWERS"


def emulator() -> Any:
    from ips_emulator import Settings, create_app
    from ips_emulator.server.logs import configure
    from ips_emulator.server.tuning import tune_for_serving

    settings = Settings.from_env()
    configure(settings.log_level, settings.log_format)  # as `serve` does: the access line
    app = create_app(settings)
    tune_for_serving()
    return app


def lxml() -> Callable[..., Iterable[bytes]]:
    answers = json.loads(Path(os.environ[ANSWERS_ENV]).read_text(encoding="utf-8"))
    builders = {handle: lxml_ceiling.asset_logs(rows) for handle, rows in answers.items()}
    return lxml_ceiling.make_app(builders, key=lxml_ceiling.by_asset)


def serve_waitress(app: Any, port: int, on_loop_thread: bool = True) -> None:
    """``app`` under waitress with one thread answering, as ``ips-emulator serve`` runs
    it: on the event loop's own thread (``server/inline.py``), or on a task thread
    beside it (waitress's own dispatcher, as ``serve`` ran until 2026-12-06)."""
    from waitress import serve

    from ips_emulator.config import Settings
    from ips_emulator.server.connections import http_server
    from ips_emulator.server.shutdown import serve_until
    from ips_emulator.server.tarpit import FailedLoginTarpit

    # Calls queueing for the one thread is the point, not an alarm (as `serve` quiets it).
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    if not on_loop_thread:
        serve(app, host="127.0.0.1", port=port, threads=1, _quiet=True)
        return
    server = http_server(app, 1, Settings(), FailedLoginTarpit(), host="127.0.0.1", port=port)
    serve_until(server, lambda: False, 0)


def main(argv: list[str]) -> int:
    which, port, *mode = argv
    app = {"emulator": emulator, "lxml": lxml}[which]()
    serve_waitress(app, int(port), on_loop_thread=mode != ["task-thread"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

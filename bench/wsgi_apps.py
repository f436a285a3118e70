"""The benchmarks' WSGI applications, for a server process of their own.

    gunicorn -k gthread --threads 1 'bench.wsgi_apps:emulator()'
    granian --interface wsgi --factory bench.wsgi_apps:lxml
    python -m bench.wsgi_apps lxml PORT        (under waitress, as bench.serialization)

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


def main(argv: list[str]) -> int:
    from waitress import serve

    from ips_emulator.server.tuning import SERVE_THREADS

    which, port = argv
    # Calls queueing for the one thread is the point, not an alarm (as `serve` quiets it).
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    app = {"emulator": emulator, "lxml": lxml}[which]()
    serve(app, host="127.0.0.1", port=int(port), threads=SERVE_THREADS, _quiet=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

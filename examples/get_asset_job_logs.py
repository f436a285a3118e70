"""Print an asset's job logs from a running ips-emulator (start it with `make serve`).

    python examples/get_asset_job_logs.py                 # English
    python examples/get_asset_job_logs.py --locale fr-FR  # French

A plain zeep client built from the served WSDL; the only emulator-specific
thing is the address.
"""

from __future__ import annotations

import argparse
import sys

import zeep
from zeep.exceptions import Fault


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080", help="emulator base URL")
    parser.add_argument("--user", default="demo@ips-emulator.test")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--locale", default="en-US", help="authHeader/locale, e.g. fr-FR")
    parser.add_argument("--company", default="c|6", help="companyHandle")
    parser.add_argument("--asset", default="a|732|1|535", help="assetHandle")
    args = parser.parse_args(argv)

    client = zeep.Client(f"{args.url}/scene7/webservice/IpsApi-2008-01-15.wsdl")
    auth_header = {"user": args.user, "password": args.password, "locale": args.locale}
    try:
        entries = client.service.getAssetJobLogs(
            companyHandle=args.company,
            assetHandle=args.asset,
            _soapheaders={"authHeader": auth_header},
        )
    except Fault as fault:
        code, reason = (child.text for child in fault.detail[0])
        print(f"{fault.message} {code}: {reason}", file=sys.stderr)
        return 1

    print(f"{len(entries)} job log entries for {args.asset} ({args.locale}):")
    for entry in entries:
        when = entry.logDate.isoformat(timespec="milliseconds")
        print(f"{when}  {entry.logType:<14} {entry.jobName}")
        print(f"    {entry.logMessage}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

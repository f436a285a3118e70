#!/usr/bin/env bash
# The emulator driven with nothing but curl: a SOAP call, then the admin API
# (seed, fault injection, journal). Against a fresh server started with
#
#   ips-emulator serve --admin-token demo-token
#
# run:  bash examples/curl_example.sh [BASE_URL]   (default http://127.0.0.1:8080)
# IPS_EMULATOR_ADMIN_TOKEN overrides the token.
set -euo pipefail

BASE=${1:-http://127.0.0.1:8080}
TOKEN=${IPS_EMULATOR_ADMIN_TOKEN:-demo-token}
SERVICE="$BASE/scene7/services/IpsApiService"

# getAssetJobLogs USER PASSWORD COMPANY_HANDLE ASSET_HANDLE: print the SOAP answer.
get_asset_job_logs() {
    curl -sS -X POST "$SERVICE" \
        -H 'Content-Type: text/xml; charset=UTF-8' -H 'SOAPAction: getAssetJobLogs' \
        -w '\nHTTP %{http_code}\n' --data-binary @- <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
  <soapenv:Header>
    <authHeader xmlns="http://www.scene7.com/IpsApi/xsd">
      <user>$1</user>
      <password>$2</password>
      <locale>en-US</locale>
    </authHeader>
  </soapenv:Header>
  <soapenv:Body>
    <getAssetJobLogsParam xmlns="http://www.scene7.com/IpsApi/xsd/2008-01-15">
      <companyHandle>$3</companyHandle>
      <assetHandle>$4</assetHandle>
    </getAssetJobLogsParam>
  </soapenv:Body>
</soapenv:Envelope>
EOF
}

# admin METHOD PATH [JSON_BODY]: an admin API call; prints the JSON answer and the status.
admin() {
    local body=()
    if [ $# -ge 3 ]; then body=(-H 'Content-Type: application/json' --data-binary "$3"); fi
    curl -sS -X "$1" "$BASE$2" -H "Authorization: Bearer $TOKEN" "${body[@]}" \
        -w '\nHTTP %{http_code}\n'
}

echo "== 1. SOAP getAssetJobLogs: the documented example (demo data)"
get_asset_job_logs demo@ips-emulator.test demo 'c|6' 'a|732|1|535'

echo
echo "== 2. Seed a small company through POST /admin/seed"
admin POST /admin/seed '{
  "companies": [{"handle": "c|100", "name": "CurlCo"}],
  "users": [{"email": "qa@curlco.test", "password": "qa-password", "role": "IpsUser",
             "companies": ["c|100"]}],
  "assets": [{"handle": "a|100|1|1", "company": "c|100", "name": "shoe.jpg", "type": "Image",
              "created": "2024-05-01T10:00:00Z"}],
  "jobs": [{"handle": "j|100||Upload_1|1", "company": "c|100", "submitUser": "qa@curlco.test",
            "name": "Upload_1", "type": "UrlUpload", "created": "2024-05-01T10:00:00Z",
            "logs": [
              {"template": "upload.begin", "date": "2024-05-01T10:00:00.500Z"},
              {"template": "upload.success", "params": {"asset_path": "CurlCo/shoe.jpg"},
               "asset": "a|100|1|1", "date": "2024-05-01T10:00:01.500Z"}]}]
}'
echo "-- the seeded asset's job logs over SOAP, as the new user:"
get_asset_job_logs qa@curlco.test qa-password 'c|100' 'a|100|1|1'

echo
echo "== 3. Inject a fault (POST /admin/faults), then see the SOAP fault"
admin POST /admin/faults '{"operation": "getAssetJobLogs", "companyHandle": "c|100",
                           "code": 30000, "reason": "Injected: database down"}'
get_asset_job_logs qa@curlco.test qa-password 'c|100' 'a|100|1|1'

echo
echo "== 4. The journal of getAssetJobLogs calls (GET /admin/journal)"
admin GET '/admin/journal?operation=getAssetJobLogs'

echo
echo "== 5. The seeded job's log, one entry a page (GET /admin/companies/.../jobs/.../logs)"
admin GET '/admin/companies/c%7C100/jobs/j%7C100%7C%7CUpload_1%7C1/logs?limit=1'

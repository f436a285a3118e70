// The node `soap` peer of bench/node_peer.py: getAssetJobLogs as a node SOAP server
// answers it, from the emulator's own WSDL and the emulator's own answers.
//
//   node server.js PORT WSDL_FILE ANSWERS_JSON
//
// ANSWERS_JSON maps an assetHandle to the rows the emulator answered for it (each row
// an object whose keys are in the emulator's element order). Like the lxml responder
// (bench/lxml_ceiling.py) it checks the credentials and builds the answer from rows
// held in memory: the soap package's parsing, dispatch and serialization are what is
// measured, no database.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const soap = require('soap');

const USERS = { 'demo@ips-emulator.test': 'demo' };
const SERVICE_PATH = '/scene7/services/IpsApiService';

const [port, wsdlFile, answersFile] = process.argv.slice(2);
const wsdl = fs.readFileSync(wsdlFile, 'utf8');
const answers = JSON.parse(fs.readFileSync(answersFile, 'utf8'));

function fault(code, reason) {
  // Only a wrong password or handle gets here; the benchmark never sends one.
  return { Fault: { faultcode: 'soapenv:Server', faultstring: reason, statusCode: 500, detail: { code } } };
}

function getAssetJobLogs(args, callback, headers) {
  const auth = (headers && headers.authHeader) || {};
  if (USERS[auth.user] === undefined || USERS[auth.user] !== auth.password) {
    throw fault(20001, 'Invalid user or password');
  }
  const rows = answers[args.assetHandle];
  if (rows === undefined) {
    throw fault(30002, `Invalid assetHandle '${args.assetHandle}'`);
  }
  return { jobLogArray: { items: rows } };
}

// Every port of the WSDL's service gets the handler (SOAP 1.1 and 1.2 bindings).
const service = { IpsApiService: { IpsApiSoapPort: { getAssetJobLogs }, IpsApiSoap12Port: { getAssetJobLogs } } };

const server = http.createServer((request, response) => {
  response.statusCode = 404;
  response.end();
});
// Content-Length rather than chunked, as the emulator and the lxml responder answer:
// the same framing for the load generator to read.
soap.listen(server, { path: SERVICE_PATH, services: service, xml: wsdl, enableChunkedEncoding: false });
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1', () => {
  process.stdout.write(`node soap ${require('soap/package.json').version} serving http://127.0.0.1:${port}${SERVICE_PATH}\n`);
});

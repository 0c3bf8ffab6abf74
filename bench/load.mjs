// One autocannon run in a process of its own. Argument: JSON options
// { url, method, headers, body, bodyTemplate, connections, seconds }. `bodyTemplate` has `[<id>]`
// replaced by a fresh id in every request (autocannon's idReplacement), for posts that must differ.
// Prints one JSON line: { rps, p50, p99, requests, errors, non2xx }.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
const result = await autocannon({
  url: options.url,
  method: options.method ?? 'GET',
  headers: options.headers ?? {},
  body: options.bodyTemplate ?? options.body,
  idReplacement: Boolean(options.bodyTemplate),
  connections: options.connections ?? 10,
  duration: options.seconds ?? 5,
});
console.log(
  JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }),
);

// Fixed-rate load: POST /consents at RATE requests/s overall (autocannon --overallRate), a new
// subject per request, for DURATION seconds over CONNECTIONS connections. Prints one RESULT line.
// Environment: AUTOCANNON (path of the installed module), URL, TOKEN, RUN, RATE, DURATION, CONNECTIONS.
const autocannon = require(process.env.AUTOCANNON);
const run = process.env.RUN;
let n = 0;
const body = () => JSON.stringify({
  subjectId: `r-${run}-${++n}`, jurisdiction: 'CN', language: 'zh-CN', channel: 'WEB',
  collectedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  notice: { version: '2026-11', textHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
  legalBasis: 'EXPRESS_CONSENT', method: 'CHECKBOX',
  purposes: [{ purpose: 'payment_processing', categories: ['user.name'], granted: true }],
});
autocannon({
  url: `${process.env.URL}/consents`,
  method: 'POST',
  connections: Number(process.env.CONNECTIONS),
  overallRate: Number(process.env.RATE),
  duration: Number(process.env.DURATION),
  headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.TOKEN}` },
  requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
}, (err, r) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  const done = r.requests.total;
  console.log(`RESULT rps=${(done / r.duration).toFixed(0)} p50_ms=${r.latency.p50} p90_ms=${r.latency.p90}`
    + ` p99_ms=${r.latency.p99} max_ms=${r.latency.max} requests=${done} non2xx=${r.non2xx}`
    + ` errors=${r.errors + r.timeouts}`);
});

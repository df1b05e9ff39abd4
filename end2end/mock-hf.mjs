// A stand-in for the HuggingFace Inference API, for Precis's browser tests.
// Plain node:http, no dependencies.  Start: `node mock-hf.mjs` (port: $MOCK_HF_PORT, default 3919).
//
//   POST /models/{owner}/{name}   body {"inputs": "...", "parameters": {...}, "options": {...}}
//                                 header "Authorization: Bearer e2e-token" (else 401)
//   GET  /health                  200 "ok"
//   GET  /__requests              JSON list of the inference requests received so far (for tests)
//
// What a model id answers is in BEHAVIOURS below; any other id summarises: the reply is
// [{"summary_text": "Mock summary: <first sentence of inputs>"}].
import http from 'node:http';
import { pathToFileURL } from 'node:url';

export const MOCK_TOKEN = 'e2e-token';

/** First sentence of `text`: up to and including the first . ! or ? followed by white space. */
export function firstSentence(text) {
  const t = String(text ?? '').trim();
  const m = t.match(/^[\s\S]*?[.!?](?=\s|$)/);
  return (m ? m[0] : t).trim();
}

/** The summary the mock returns for `inputs`. */
export function mockSummary(inputs) {
  return `Mock summary: ${firstSentence(inputs)}`;
}

const json = (status, body, delayMs = 0) => ({ status, body: JSON.stringify(body), type: 'application/json', delayMs });

const BEHAVIOURS = {
  'e2e/unauthorized': () => json(401, { error: 'Invalid credentials in Authorization header' }),
  'e2e/no-credits': () =>
    json(402, { error: 'You have exceeded your monthly included credits for Inference Providers.' }),
  'e2e/missing': () => json(404, { error: 'Model e2e/missing does not exist' }),
  'e2e/retired': () => json(410, { error: 'The model e2e/retired is no longer available' }),
  'e2e/rate-limited': () => json(429, { error: 'Rate limit reached. You reached free usage limit (reset hourly).' }),
  'e2e/server-error': () => json(500, { error: 'Internal Server Error' }),
  'e2e/bad-request': () =>
    json(400, { error: ['Error in `parameters.max_length`: ensure this value is less than or equal to 500'] }),
  'e2e/not-json': () => ({ status: 200, body: '<html><body>Bad gateway</body></html>', type: 'text/html' }),
  'e2e/loading': (req) =>
    req.waitForModel
      ? json(200, [{ summary_text: mockSummary(req.inputs) }], 1500)
      : json(503, { error: 'Model e2e/loading is currently loading', estimated_time: 4.0 }),
  'e2e/slow': (req) => json(200, [{ summary_text: mockSummary(req.inputs) }], 8000),
  // a summary after 700 ms: long enough for a page to show each part of a long text
  'e2e/steady': (req) => json(200, [{ summary_text: mockSummary(req.inputs) }], 700),
};

function reply(res, { status, body, type, delayMs = 0 }, onSent) {
  const send = () => {
    if (res.destroyed || res.writableEnded) return onSent?.('client gone');
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
    onSent?.(String(status));
  };
  if (delayMs <= 0) return send();
  const timer = setTimeout(send, delayMs);
  // The client may give up (Precis's Cancel): stop waiting, never write to a closed socket.
  res.on('close', () => {
    if (!res.writableEnded) {
      clearTimeout(timer);
      onSent?.('client disconnected');
    }
  });
}

export function createMockServer({ log = console.log } = {}) {
  const received = [];
  const server = http.createServer((req, res) => {
    res.on('error', () => {}); // a client that hangs up must not crash the mock
    const started = Date.now();
    const url = new URL(req.url, 'http://mock');
    const done = (what) => log(`${new Date().toISOString()} ${req.method} ${url.pathname} -> ${what} (${Date.now() - started} ms)`);

    if (req.method === 'GET' && url.pathname === '/health') {
      return reply(res, { status: 200, body: 'ok', type: 'text/plain' }, done);
    }
    if (req.method === 'GET' && url.pathname === '/__requests') {
      return reply(res, json(200, received), done);
    }
    // The HF Inference API's path; the router's /hf-inference prefix is accepted too.
    const m = url.pathname.match(/^(?:\/hf-inference)?\/models\/(.+)$/);
    if (req.method !== 'POST' || !m) {
      return reply(res, json(404, { error: 'Not Found' }), done);
    }

    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('error', () => {});
    req.on('end', () => {
      const model = decodeURIComponent(m[1]);
      let body = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
      } catch {
        body = null;
      }
      const authorized = req.headers.authorization === `Bearer ${MOCK_TOKEN}`;
      const request = {
        model,
        authorized,
        inputs: body?.inputs,
        parameters: body?.parameters ?? null,
        options: body?.options ?? null,
        // wait_for_model may come as the body option or as the newer X-Wait-For-Model header
        waitForModel: body?.options?.wait_for_model === true || req.headers['x-wait-for-model'] === 'true',
        at: new Date().toISOString(),
      };
      received.push(request);
      const tag = (what) => done(`${what} [model ${model}]`);

      if (!authorized) {
        return reply(res, json(401, { error: 'Invalid credentials in Authorization header' }), tag);
      }
      if (body === null || typeof body !== 'object' || typeof body.inputs !== 'string') {
        return reply(res, json(400, { error: 'Expected a JSON body with a string "inputs"' }), tag);
      }
      const behaviour = BEHAVIOURS[model];
      if (behaviour) return reply(res, behaviour(request), tag);
      return reply(res, json(200, [{ summary_text: mockSummary(body.inputs) }]), tag);
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  return { server, received };
}

// Run as a program (not when imported by the tests for mockSummary).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.MOCK_HF_PORT ?? 3919);
  const { server } = createMockServer();
  server.listen(port, '127.0.0.1', () => console.log(`mock HuggingFace listening on http://127.0.0.1:${port}`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // keep-alive sockets would hold close() open
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// How the studio's files reach the browser (README, "Delivery: first load"): the bundle (wasm,
// js, css) under content-hashed names, precompressed (brotli when accepted, else gzip), cached
// for a year as immutable; the page itself revalidated; no cookie on a static file; each page
// other than the studio in its own chunk, fetched when that page is opened. Headers and
// requests only, never timings (scripts/bench_first_load.sh measures those).
import { test, expect } from './fixtures.mjs';
import { COUNCIL_TEXT, INSTANCES, finishedTurns, gotoStudio, submit, waitUntilLive } from './helpers.mjs';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const HASHED = /^\/pkg\/precis\.[0-9a-f]{16}\.(js|wasm|css)$/;

/** The bundle's addresses the studio page names (its <link> and <script> tags). */
async function bundleNamedBy(request) {
  const page = await request.get(INSTANCES.hf);
  expect(page.status()).toBe(200);
  const html = await page.text();
  const named = [...new Set(html.match(/\/pkg\/precis\.[^"'\s]+?\.(?:js|wasm|css)/g) ?? [])];
  const byKind = Object.fromEntries(named.map((p) => [p.split('.').pop(), p]));
  return { page, named, byKind };
}

test('the page names the bundle by content-hashed names and is revalidated', async ({ request }) => {
  const { page, named, byKind } = await bundleNamedBy(request);
  for (const kind of ['js', 'wasm', 'css']) {
    expect(byKind[kind], `the page names a .${kind}`).toMatch(HASHED);
  }
  expect(named.every((p) => HASHED.test(p)), `only hashed names: ${named}`).toBe(true);
  const cache = page.headers()['cache-control'];
  expect(cache).toContain('no-cache');
  expect(cache).toContain('private');
});

for (const [accepted, encoding] of [
  ['gzip, deflate, br, zstd', 'br'],
  ['gzip', 'gzip'],
]) {
  test(`the bundle is sent ${encoding}-compressed to a browser accepting "${accepted}", cached for good, without a cookie`, async ({
    request,
  }) => {
    const { byKind } = await bundleNamedBy(request);
    const types = { wasm: 'application/wasm', js: 'javascript', css: 'text/css' };
    for (const [kind, path] of Object.entries(byKind)) {
      const url = new URL(path, INSTANCES.hf).href;
      const raw = await request.get(url, { headers: { 'accept-encoding': 'identity' } });
      const res = await request.get(url, { headers: { 'accept-encoding': accepted } });
      expect(res.status(), path).toBe(200);
      const headers = res.headers();
      expect(headers['content-encoding'], path).toBe(encoding);
      expect(headers['content-type'], path).toContain(types[kind]);
      expect(headers['cache-control'], path).toBe(IMMUTABLE);
      expect(headers['vary'] ?? '', path).toContain('accept-encoding');
      expect(headers['set-cookie'], path).toBeUndefined();
      // Playwright decodes the body: the same bytes as the uncompressed file, fewer on the wire.
      expect((await res.body()).equals(await raw.body()), path).toBe(true);
      expect(raw.headers()['content-encoding'], path).toBeUndefined();
      expect(Number(headers['content-length']), path).toBeLessThan(
        Number(raw.headers()['content-length']),
      );
    }
  });
}

test('other static files set no cookie and are revalidated', async ({ request }) => {
  for (const path of ['/favicon.svg', '/api-docs/swagger-ui-bundle.js', '/api-docs/init.js']) {
    const res = await request.get(new URL(path, INSTANCES.hf).href, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.status(), path).toBe(200);
    expect(res.headers()['set-cookie'], path).toBeUndefined();
    expect(res.headers()['cache-control'], path).toBe('public, no-cache');
  }
});

test('a browser gets the bundle brotli-compressed, hydrates, and on a second visit downloads none of it', async ({
  page,
}) => {
  // Bytes on the wire per bundle file, as Chromium counts them (DevTools' "transferred").
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    if (!new URL(response.url).pathname.startsWith('/pkg/')) return;
    const headers = Object.fromEntries(
      Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    requests.set(requestId, { path: new URL(response.url).pathname, headers, wire: 0 });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const seen = requests.get(requestId);
    if (seen) seen.wire = encodedDataLength;
  });

  await gotoStudio(page, 'hf');
  const first = [...requests.values()];
  const kinds = [...new Set(first.map((r) => r.path.split('.').pop()))].sort();
  expect(kinds).toEqual(['css', 'js', 'wasm']);
  for (const r of first) {
    expect(r.headers['content-encoding'], r.path).toBe('br');
    expect(r.wire, r.path).toBeGreaterThan(0);
  }

  // A second visit (a new navigation, as a person coming back): the bundle from the cache.
  requests.clear();
  await gotoStudio(page, 'hf');
  const again = [...requests.values()];
  const downloaded = again.reduce((sum, r) => sum + r.wire, 0);
  expect(downloaded, `bundle bytes downloaded again: ${JSON.stringify(again)}`).toBe(0);
});

/** A page's split-out code: its own chunk (`split_…`) or one it shares with others (`chunk_…`). */
const CHUNK = /^\/pkg\/(split_|chunk_)[A-Za-z0-9_]+\.[0-9a-f]{16}\.wasm$/;

test("the studio downloads no other page's code, and its summarize code once hydrated; opening Ask by its link fetches Ask's", async ({
  page,
}) => {
  const fetched = [];
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (path.startsWith('/pkg/')) fetched.push({ path, status: res.status() });
  });
  await gotoStudio(page, 'local');
  const chunks = () => fetched.filter((r) => CHUNK.test(r.path));
  // the summarize flow (#[lazy] summarize_with_warmup) arrives after the page answers input
  await expect
    .poll(() => chunks().some((r) => r.path.startsWith('/pkg/split_summarize_with_warmup_')), {
      message: 'the summarize chunk is fetched once the studio is hydrated',
    })
    .toBe(true);
  expect(
    chunks().filter((r) => r.path.startsWith('/pkg/split_') && !r.path.startsWith('/pkg/split_summarize_with_warmup_')),
    'no page chunk fetched by the studio',
  ).toEqual([]);
  expect(fetched.filter((r) => HASHED.test(r.path) && r.path.endsWith('.wasm')).length, 'one main module').toBe(1);
  expect(chunks().every((r) => r.status === 200), JSON.stringify(chunks())).toBe(true);
  // …and it summarizes with it
  await submit(page, COUNCIL_TEXT);
  await expect(finishedTurns(page)).toHaveCount(1, { timeout: 30_000 });

  const nav = page.getByRole('navigation', { name: 'Sections', exact: true });
  await nav.getByRole('link', { name: 'Ask', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ask your documents', exact: true })).toBeVisible();
  const askChunks = chunks();
  expect(askChunks.some((r) => r.path.startsWith('/pkg/split___ask_route_view_')), JSON.stringify(askChunks)).toBe(
    true,
  );
  expect(askChunks.every((r) => r.status === 200), JSON.stringify(askChunks)).toBe(true);
  // the page it brought answers: its question box takes text
  const question = page.getByRole('textbox', { name: 'Your question', exact: true });
  await question.fill('Where are the passages?');
  await expect(question).toHaveValue('Where are the passages?');
});

test('a page opened first names its chunks in its answer: fetched with the main module, once each', async ({
  request,
  page,
}) => {
  const sort = new URL('/sort', INSTANCES.local).href;
  const res = await request.get(sort);
  expect(res.status()).toBe(200);
  const link = res.headers()['link'] ?? '';
  expect(link).toMatch(/^<\/pkg\/__wasm_split\.[0-9a-f]{16}\.js>; rel=modulepreload, /);
  const preloads = [...link.matchAll(/<([^>]+)>; rel=preload; as=fetch/g)].map((m) => m[1]);
  expect(preloads.length, link).toBeGreaterThan(0);
  expect(preloads.every((p) => CHUNK.test(p)), link).toBe(true);
  expect(preloads.some((p) => p.startsWith('/pkg/split___sort_route_view_')), link).toBe(true);
  // the studio is not split: nothing to name
  expect((await request.get(INSTANCES.local)).headers()['link']).toBeUndefined();

  // Chromium takes them: each chunk fetched once (a preload it could not use would be fetched
  // again), and the page hydrates from them.
  const fetched = [];
  page.on('request', (req) => fetched.push(new URL(req.url()).pathname));
  await page.goto(sort);
  await waitUntilLive(page);
  await expect(page.getByRole('heading', { name: 'Handwritten or typed?', exact: true })).toBeVisible();
  for (const chunk of preloads) {
    expect(fetched.filter((p) => p === chunk).length, `${chunk} in ${fetched}`).toBe(1);
  }
});

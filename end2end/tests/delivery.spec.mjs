// How the studio's files reach the browser (README, "Delivery: first load"): the bundle (wasm,
// js, css) under content-hashed names, precompressed (brotli when accepted, else gzip), cached
// for a year as immutable; the page itself revalidated; no cookie on a static file. Headers
// only, never timings (scripts/bench_first_load.sh measures those).
import { test, expect } from './fixtures.mjs';
import { INSTANCES, gotoStudio } from './helpers.mjs';

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

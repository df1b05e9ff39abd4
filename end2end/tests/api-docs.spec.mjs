// The interactive API page (/api/docs): Swagger UI served by Precis itself. It must work with
// no network beyond this machine (no CDN) and under the Content-Security-Policy the app sends.
import { test, expect } from './fixtures.mjs';
import { INSTANCES } from './helpers.mjs';

const BASE = INSTANCES.local;

// The policy Precis sends (the nonce is per response; this page has no inline script to use it).
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'nonce-e2e0nonce'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Requests that tried to leave 127.0.0.1, CSP violations and page errors, per test. */
let outside;
let problems;

test.beforeEach(async ({ page }) => {
  outside = [];
  problems = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') {
      outside.push(url.href);
      return route.abort('internetdisconnected');
    }
    if (url.pathname !== '/api/docs') return route.continue();
    // the API page under the app's policy, whatever this build's server sends
    const response = await route.fetch();
    return route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': CSP },
    });
  });
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
});

test.afterEach(async () => {
  expect(outside, 'requests beyond 127.0.0.1').toEqual([]);
  expect(problems, 'CSP violations and script errors').toEqual([]);
});

/** An operation's row: its method and path, as Swagger UI lists them. */
function operation(page, method, path) {
  return page
    .getByRole('button', { name: new RegExp(`^${method}\\s*${path.replaceAll('/', '\\/')}(\\s|$)`) })
    .first();
}

test('the page lists every operation, from this server only', async ({ page }) => {
  await page.goto(`${BASE}api/docs`);
  await expect(page).toHaveTitle('Precis API');
  await expect(page.getByRole('heading', { name: /Precis API/ })).toBeVisible();
  for (const [method, path] of [
    ['POST', '/api/v1/summaries'],
    ['POST', '/api/v1/summaries/stream'],
    ['GET', '/api/v1/models'],
    ['GET', '/healthz'],
    ['GET', '/readyz'],
  ]) {
    await expect(operation(page, method, path), `${method} ${path}`).toBeVisible();
  }
  // the authentication it explains, and the API key scheme to try requests with
  await expect(page.getByText('Authorization: Bearer prc_…').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
});

test('Try it out on GET /api/v1/models shows a 200 with the catalog', async ({ page }) => {
  await page.goto(`${BASE}api/docs`);
  const models = operation(page, 'GET', '/api/v1/models');
  await models.click();
  await page.getByRole('button', { name: 'Try it out' }).click();
  await page.getByRole('button', { name: 'Execute' }).click();

  const live = page.getByRole('table').filter({ hasText: 'Response body' });
  await expect(live.getByRole('cell', { name: '200', exact: true })).toBeVisible();
  await expect(live).toContainText('"default_model": "local/textrank"');
  await expect(page.getByText(`${BASE}api/v1/models`).first()).toBeVisible(); // Request URL
});

test('the studio header links to the API page', async ({ page }) => {
  await page.goto(BASE);
  await page.getByRole('link', { name: 'API', exact: true }).click();
  await expect(page).toHaveURL(`${BASE}api/docs`);
  await expect(operation(page, 'GET', '/api/v1/models')).toBeVisible();
});

test('a dark theme is applied before Swagger UI loads: no light flash', async ({ page, context }) => {
  await context.addCookies([{ name: 'precis_prefs', value: 'theme=dark', domain: '127.0.0.1', path: '/' }]);
  // Swagger UI's bundle held back: what the visitor sees while it downloads
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/api-docs/swagger-ui-bundle.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${BASE}api/docs`, { waitUntil: 'commit' });
  await expect(page.locator('html')).toHaveClass(/dark-mode/);
  release();
  await expect(page.getByRole('heading', { name: /Precis API/ })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/dark-mode/);
});

// The page runs under Precis's Content-Security-Policy: the WASM bundle hydrates with no
// violation reported, and the policy forbids what it should (framing, foreign scripts).
import { test, expect } from './fixtures.mjs';
import { INSTANCES, gotoStudio } from './helpers.mjs';

test('the hydrated page runs under the CSP without a single violation', async ({ page }) => {
  const violations = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const response = await page.goto(INSTANCES.hf);
  const csp = response.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'nonce-");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  // gotoStudio waits until typing updates the live counter: the WASM app is running.
  await gotoStudio(page, 'hf');
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(violations).toEqual([]);
});

test('an inline script without the nonce is blocked', async ({ page }) => {
  await gotoStudio(page, 'hf');
  const ran = await page.evaluate(async () => {
    window.__injected = false;
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 100));
    return window.__injected;
  });
  expect(ran).toBe(false);
});

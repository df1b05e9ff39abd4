// The `test` every spec uses: Playwright's, plus a watch on the page's own errors. A panic in
// the WASM bundle (a hydration mismatch, a disposed signal) leaves a page that looks right and
// ignores every click; this makes such a test fail on the panic itself, with its message, rather
// than later on a button that does nothing.
import { test as base, expect } from '@playwright/test';

export { expect };

export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    const crashes = [];
    page.on('pageerror', (error) => crashes.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('panicked at')) {
        crashes.push(message.text().split('\n\nStack:')[0]);
      }
    });
    await use(page);
    if (crashes.length > 0) {
      testInfo.annotations.push({ type: 'page errors', description: crashes.join('\n') });
    }
    expect(crashes, 'the page panicked or threw').toEqual([]);
  },
});

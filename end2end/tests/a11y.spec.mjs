// Accessibility: axe-core (the WCAG 2.0 / 2.1, A and AA rules) on every page Precis serves, in
// the light and in the dark theme, and on the states a page changes into (a history with a
// summary in it, a new API key shown once, Swagger UI with an operation tried out). Any
// violation fails the test, listed one line per element: rule, impact, the element's selector
// and what is wrong with it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect } from './fixtures.mjs';
import { INSTANCES, gotoStudio, summarize, historyPanel, waitUntilLive, uniqueTag, COUNCIL_TEXT } from './helpers.mjs';
import { MEMBERS_URL, signUp, uniqueEmail } from './account-helpers.mjs';
import { addPasted, ask, documentsPanel, filesInput, gotoAsk, HOLIDAY_QUESTION, UNANSWERED_QUESTION } from './ask-helpers.mjs';
import { NOT_AN_IMAGE, TYPED, classify, gotoSort, resultCard } from './sort-helpers.mjs';

const require = createRequire(import.meta.url);
// Evaluated in the page rather than added as a <script>: the app's Content-Security-Policy
// (script-src 'self' + nonce) refuses an inline script, but not what the test runner evaluates.
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page as it is now and fails on any violation. `what` names the page and state
 * in the failure message.
 */
async function expectAccessible(page, what) {
  // a theme's colours or a panel's entrance must not be caught half-way
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) =>
      window.axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((results) =>
          results.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({
              target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' '),
              summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
            })),
          })),
        ),
    WCAG_TAGS,
  );
  // one line per element: "rule (impact) selector — what is wrong"
  const lines = violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target} — ${n.summary}`),
  );
  expect(lines, `axe (${WCAG_TAGS.join(', ')}) on ${what}: ${lines.length} violation(s)`).toEqual([]);
}

const url = (instance, path) => new URL(path, instance === 'members' ? MEMBERS_URL : INSTANCES[instance]).href;

/** Opens `path` on `instance` and waits until the page is hydrated (`<html data-hydrated>`). */
async function gotoLive(page, instance, path) {
  await page.goto(url(instance, path));
  await page.waitForLoadState('networkidle');
  await waitUntilLive(page);
}

/** An operation's row on the API page, as Swagger UI lists it. */
const operation = (page, method, path) =>
  page.getByRole('button', { name: new RegExp(`^${method}\\s*${path.replaceAll('/', '\\/')}(\\s|$)`) }).first();

for (const theme of ['light', 'dark']) {
  test.describe(`${theme} theme`, () => {
    // The theme chosen in the page's picker (its cookie, read by the server and by the API page)
    // and the system's, alike: either way of asking for it gets the same colours.
    test.use({ colorScheme: theme });
    test.beforeEach(async ({ context }) => {
      await context.addCookies([
        { name: 'precis_prefs', value: `theme=${theme}`, domain: '127.0.0.1', path: '/' },
      ]);
    });

    /** The page is in the theme under test (the server wrote it from the cookie). */
    const expectTheme = (page) => expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    test(`studio, empty history (${theme})`, async ({ page }) => {
      await gotoStudio(page, 'hf');
      await expectTheme(page);
      await expect(historyPanel(page)).toContainText(/no summaries yet/i);
      await expectAccessible(page, `the studio with an empty history, ${theme}`);
      // a problem told under the form
      await page.getByRole('button', { name: 'Summarize', exact: true }).click();
      await expect(page.getByRole('alert').filter({ hasText: /some text to summarize/ }).first()).toBeVisible();
      await expectAccessible(page, `the studio with an empty text refused, ${theme}`);
    });

    test(`studio, after a summary (${theme})`, async ({ page }) => {
      await gotoStudio(page, 'hf');
      await summarize(page, `${COUNCIL_TEXT} Tag ${uniqueTag()}.`);
      const history = historyPanel(page);
      await expect(history.getByRole('listitem')).toHaveCount(1);
      await expectAccessible(page, `the studio with a summary and one history entry, ${theme}`);
      // "Clear all" asks first
      await history.getByRole('button', { name: 'Clear all', exact: true }).click();
      await expect(history.getByRole('group')).toBeVisible();
      await expectAccessible(page, `the history asking to confirm Clear all, ${theme}`);
      await history.getByRole('button', { name: 'Keep', exact: true }).click();
      // a search that finds nothing
      await history.getByRole('searchbox', { name: 'Search history', exact: true }).fill('nothing like this');
      await expect(history).toContainText('No summaries match');
      await expectAccessible(page, `the history with a search that matches nothing, ${theme}`);
    });

    test(`studio that asks to sign in (members only) (${theme})`, async ({ page }) => {
      await gotoLive(page, 'members', '/');
      await expectTheme(page);
      await expect(page.getByRole('heading', { name: 'Sign in to summarize', exact: true })).toBeVisible();
      await expectAccessible(page, `the members-only studio, signed out, ${theme}`);
    });

    for (const [path, heading] of [
      ['/sign-in', 'Sign in'],
      ['/sign-up', 'Create an account'],
    ]) {
      test(`${path} (${theme})`, async ({ page }) => {
        await gotoLive(page, 'hf', path);
        await expectTheme(page);
        await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
        await expectAccessible(page, `${path}, ${theme}`);
      });
    }

    test(`sign-in with a wrong password (${theme})`, async ({ page }) => {
      await gotoLive(page, 'hf', '/sign-in');
      await page.getByRole('textbox', { name: 'Email', exact: true }).fill(uniqueEmail('nobody'));
      await page.getByLabel('Password', { exact: true }).fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('alert').filter({ hasText: /./ }).first()).toBeVisible();
      await expectAccessible(page, `/sign-in with its error shown, ${theme}`);
    });

    test(`account pages: account, API keys, settings (${theme})`, async ({ page }) => {
      test.setTimeout(60_000);
      await signUp(page, 'hf');
      for (const [path, heading] of [
        ['/account', 'Your account'],
        ['/account/keys', 'API keys'],
        ['/settings', 'Studio defaults'],
      ]) {
        await gotoLive(page, 'hf', path);
        await expectTheme(page);
        await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
        await expectAccessible(page, `${path}, signed in, ${theme}`);
      }
      // a new key: its secret shown once, and the list of keys
      await gotoLive(page, 'hf', '/account/keys');
      await page.getByRole('textbox', { name: 'Key name', exact: true }).fill('a11y check');
      await page.getByRole('button', { name: 'Create key', exact: true }).click();
      await expect(page.getByRole('textbox', { name: 'New API key', exact: true })).toBeVisible();
      await expect(page.getByRole('table')).toContainText('a11y check');
      await expectAccessible(page, `/account/keys with a new key, ${theme}`);
    });

    test(`/ask: empty, then with documents, an answer and an opened citation (${theme})`, async ({ page }) => {
      test.setTimeout(90_000);
      await gotoAsk(page, 'local');
      await expectTheme(page);
      await expect(page.getByRole('heading', { name: 'Ask your documents', exact: true })).toBeVisible();
      await expectAccessible(page, `/ask with no documents, ${theme}`);
      // a refused file and a pasted text, indexed
      await filesInput(page).setInputFiles({
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
      });
      await expect(documentsPanel(page).getByRole('alert')).toBeVisible();
      await addPasted(page);
      // a blank question refused
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Type a question first.' })).toBeVisible();
      await expectAccessible(page, `/ask with a document, a refused file and a refused question, ${theme}`);
      // an answer, its citation opened; then the notice of a question it does not answer
      const turn = await ask(page, HOLIDAY_QUESTION);
      await turn.getByRole('button', { name: /^Source \[1\]/ }).first().click();
      await expect(turn.locator('mark').first()).toBeVisible();
      await ask(page, UNANSWERED_QUESTION);
      await expectAccessible(page, `/ask with an answer, an opened passage and the "not in your documents" notice, ${theme}`);
    });

    test(`/sort: the models, then a verdict with its picture and a refused file (${theme})`, async ({ page }) => {
      test.setTimeout(60_000);
      await gotoSort(page);
      await expectTheme(page);
      await expect(page.getByRole('heading', { name: 'Handwritten or typed?', exact: true })).toBeVisible();
      // the plots are loaded lazily: bring them in before axe looks
      for (const img of await page.getByRole('figure').getByRole('img').all()) await img.scrollIntoViewIfNeeded();
      await expectAccessible(page, `/sort with the models compared, ${theme}`);
      await classify(page, [TYPED, NOT_AN_IMAGE]);
      await expect(resultCard(page, TYPED.name).getByRole('figure')).toBeVisible();
      await expect(resultCard(page, NOT_AN_IMAGE.name).getByRole('alert')).not.toHaveText('');
      await expectAccessible(page, `/sort with a verdict, its picture and a refused file, ${theme}`);
    });

    test(`404 page (${theme})`, async ({ page }) => {
      const response = await page.goto(url('hf', '/no-such-page'));
      expect(response.status()).toBe(404);
      await expect(page.getByRole('alert')).toContainText('Go back to the studio');
      // rendered with the request's context like every page: its nonce lets it hydrate, and
      // the person's theme is read
      await page.waitForLoadState('networkidle');
      await waitUntilLive(page);
      await expectTheme(page);
      await expectAccessible(page, `the 404 page, ${theme}`);
    });

    test(`API page, /api/docs (${theme})`, async ({ page }) => {
      await page.goto(url('local', '/api/docs'));
      const models = operation(page, 'GET', '/api/v1/models');
      await expect(models).toBeVisible();
      await expectAccessible(page, `/api/docs, ${theme}`);

      // an operation open and tried: responses, the live answer, the curl command
      await models.click();
      await page.getByRole('button', { name: 'Try it out' }).click();
      await page.getByRole('button', { name: 'Execute' }).click();
      const live = page.getByRole('table').filter({ hasText: 'Response body' });
      await expect(live.getByRole('cell', { name: '200', exact: true })).toBeVisible();
      await expectAccessible(page, `/api/docs with GET /api/v1/models tried out, ${theme}`);
    });

    test(`API page, operations with parameters and a body, and the Authorize dialog (${theme})`, async ({
      page,
    }) => {
      await page.goto(url('local', '/api/docs'));
      // a request body (and its JSON answer), query parameters with a list of choices, and the
      // section headers of POST, GET and PUT with their Cancel button
      for (const [method, path] of [
        ['POST', '/api/v1/summaries'],
        ['GET', '/api/v1/summaries/export'],
        ['PUT', '/api/v1/settings'],
      ]) {
        const op = operation(page, method, path);
        await op.click();
        await expect(op).toHaveAttribute('aria-expanded', 'true');
      }
      // each "Try it out" becomes "Cancel" once clicked
      for (let opened = 1; opened <= 3; opened++) {
        await page.getByRole('button', { name: 'Try it out' }).first().click();
        await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(opened);
      }
      await page.getByRole('button', { name: 'Execute' }).first().click(); // POST /api/v1/summaries
      await expect(page.getByRole('table').filter({ hasText: 'Response body' }).first()).toContainText('"summary"');
      await expectAccessible(page, `/api/docs with three operations tried out, ${theme}`);

      await page.getByRole('button', { name: 'Authorize' }).first().click();
      await expect(page.getByRole('heading', { name: 'Available authorizations' })).toBeVisible();
      await expectAccessible(page, `/api/docs with the Authorize dialog open, ${theme}`);
    });
  });
}

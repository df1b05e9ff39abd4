// A server for accounts only (PRECIS_ALLOW_ANONYMOUS=false, the "members" instance): signed
// out, the studio says to sign in instead of offering the composer; signed in, it summarizes.
import { test, expect } from './fixtures.mjs';
import { submit, textInput, historyPanel, finishedTurns, chooseModelByLabel, COUNCIL_TEXT } from './helpers.mjs';
import { MEMBERS_URL, gotoForm, submitSignUp, signOut, uniqueEmail } from './account-helpers.mjs';

const signInToSummarize = (page) => page.getByRole('heading', { name: 'Sign in to summarize', exact: true });

test('signed out, the studio asks to sign in; signed in, it summarizes', async ({ page, request }) => {
  test.setTimeout(60_000);
  await page.goto(MEMBERS_URL);
  await expect(signInToSummarize(page)).toBeVisible();
  await expect(textInput(page)).toHaveCount(0);
  await expect(historyPanel(page)).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Create an account', exact: true })).toBeVisible();

  // the server agrees: no summaries without an account
  const refused = await request.post(new URL('/api/v1/summaries', MEMBERS_URL).href, {
    data: { text: COUNCIL_TEXT, model: 'local/textrank' },
  });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe('sign_in_required');

  await gotoForm(page, 'members', '/sign-up');
  await submitSignUp(page, uniqueEmail('member'));
  await expect(signInToSummarize(page)).toHaveCount(0);
  await expect(textInput(page)).toBeVisible();
  await chooseModelByLabel(page, 'Local · TextRank extract');
  await submit(page, COUNCIL_TEXT);
  await expect(finishedTurns(page)).toHaveCount(1, { timeout: 30_000 });
  await expect(historyPanel(page).getByRole('button', { name: /^The city council met/ })).toHaveCount(1);

  await signOut(page);
  await expect(signInToSummarize(page)).toBeVisible();
  await expect(textInput(page)).toHaveCount(0);
});

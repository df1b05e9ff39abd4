// Accounts in the browser: sign up, sign in, sign out (here and everywhere), change password.
// History belongs to the account: it follows the person across sign-out and sign-in.  Summaries
// use the local TextRank extract on the "local" instance (no HuggingFace, no weights needed).
import { test, expect } from './fixtures.mjs';
import {
  gotoStudio,
  reloadStudio,
  submit,
  chooseModelByLabel,
  conversation,
  finishedTurns,
  historyPanel,
  textInput,
  alertWith,
  COUNCIL_TEXT,
} from './helpers.mjs';
import {
  PASSWORD,
  uniqueEmail,
  accountNav,
  navLink,
  emailField,
  passwordField,
  gotoForm,
  signUp,
  signIn,
  signOut,
  submitSignIn,
  submitSignUp,
  expectSignedIn,
  expectSignedOut,
  studioUrl,
} from './account-helpers.mjs';

const TEXTRANK = 'Local · TextRank extract';
/** The history entry of COUNCIL_TEXT: its title is the text's first words. */
const councilEntry = (page) => historyPanel(page).getByRole('button', { name: /^The city council met/ });

test('the history follows the account: sign up, summarize, sign out, sign in again', async ({ page }) => {
  test.setTimeout(60_000);
  const email = await signUp(page, 'local', uniqueEmail('history'));

  // a summary made while signed in
  await chooseModelByLabel(page, TEXTRANK);
  await submit(page, COUNCIL_TEXT);
  await expect(finishedTurns(page)).toHaveCount(1, { timeout: 30_000 });
  await expect(councilEntry(page)).toHaveCount(1);

  // signed out: an anonymous visitor with an empty history, the conversation gone too
  await signOut(page);
  await expect(historyPanel(page)).toContainText(/no summaries/i);
  await expect(councilEntry(page)).toHaveCount(0);
  await expect(conversation(page)).not.toContainText('city council');
  await reloadStudio(page);
  await expectSignedOut(page);
  await expect(councilEntry(page)).toHaveCount(0);

  // signed in again: the summary is back, and stays after a reload
  await signIn(page, email);
  await expect(councilEntry(page)).toHaveCount(1);
  await reloadStudio(page);
  await expectSignedIn(page, email);
  await expect(councilEntry(page)).toHaveCount(1);

  // someone signed in who opens the sign-in page is sent to the studio
  await page.goto(new URL('/sign-in', studioUrl('local')).href);
  await expect(page).toHaveURL(studioUrl('local'));
  await expect(accountNav(page)).toContainText(email);
});

test('a wrong password is refused in an alert that marks the fields; the right one signs in', async ({ page }) => {
  const email = await signUp(page, 'local', uniqueEmail('wrong'));
  await signOut(page);

  await navLink(page, 'Sign in').click();
  await passwordField(page).fill('not the password at all');
  // sent with Enter from the Email box: focus then moves to the password, to type it again
  await emailField(page).fill(email);
  await emailField(page).press('Enter');

  const alert = alertWith(page, /email or the password is wrong/i);
  await expect(alert).toBeVisible();
  const password = passwordField(page);
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/email or the password is wrong/i);
  await expect(password, 'focus is on the password, to type it again').toBeFocused();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(accountNav(page)).not.toContainText(email);

  // typing again clears the mark; the right password signs in
  await password.fill(PASSWORD);
  await expect(password).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByRole('alert').filter({ hasText: /password is wrong/i })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectSignedIn(page, email);
});

test('sign-up checks the email and password rules as they are typed, before sending', async ({ page }) => {
  await gotoForm(page, 'local', '/sign-up');
  const email = emailField(page);
  const password = passwordField(page);
  const create = page.getByRole('button', { name: 'Create account', exact: true });

  // the rules are shown before anything is typed
  await expect(password).toHaveAccessibleDescription(/at least 10 characters/i);

  await email.fill('someone@');
  await email.blur();
  await expect(alertWith(page, /doesn't look like an email/i)).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');

  // a short password: refused in the page, the form is not sent, focus goes to the first problem
  const sent = [];
  page.on('request', (r) => r.url().includes('/api/ui/sign-up') && sent.push(r));
  await password.fill('short');
  await create.click();
  await expect(alertWith(page, /at least 10 characters \(this one has 5\)/i)).toBeVisible();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await page.waitForTimeout(300);
  expect(sent, 'nothing is sent while a rule is broken').toHaveLength(0);

  // fixed as typed: the problems go away, and the account is made
  const address = uniqueEmail('rules');
  await email.fill(address);
  await expect(email).toHaveAttribute('aria-invalid', 'false');
  await password.fill(PASSWORD);
  await expect(password).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByRole('alert').filter({ hasText: /at least 10|look like an email/i })).toHaveCount(0);
  await create.click();
  await expectSignedIn(page, address);

  // the same email again is refused by the server, on the Email field
  await signOut(page);
  await navLink(page, 'Sign up').click();
  await emailField(page).fill(address);
  await passwordField(page).fill(PASSWORD);
  await create.click();
  await expect(alertWith(page, /already exists/i)).toBeVisible();
  await expect(emailField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(emailField(page)).toHaveAccessibleDescription(/already exists/i);
});

test('change the password, then sign in with the new one (not the old)', async ({ page }) => {
  const email = await signUp(page, 'local', uniqueEmail('password'));
  const newPassword = 'a brand new passphrase';

  await navLink(page, 'Account').click();
  await expect(page.getByRole('heading', { name: 'Your account', exact: true })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(email);

  // a wrong current password is refused on that field
  await passwordField(page, 'Current password').fill('not my password');
  await passwordField(page, 'New password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password', exact: true }).click();
  await expect(alertWith(page, /current password is not right/i)).toBeVisible();
  await expect(passwordField(page, 'Current password')).toHaveAttribute('aria-invalid', 'true');
  await expect(passwordField(page, 'Current password')).toBeFocused();

  await passwordField(page, 'Current password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Change password', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /password is changed/i })).toBeVisible();
  await expect(passwordField(page, 'New password'), 'the new password is not left in the page').toHaveValue('');
  // this browser stays signed in
  await expect(accountNav(page)).toContainText(email);

  await signOut(page);
  await navLink(page, 'Sign in').click();
  await emailField(page).fill(email);
  await passwordField(page).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(alertWith(page, /email or the password is wrong/i)).toBeVisible();
  await submitSignIn(page, email, newPassword);
});

test('"Sign out everywhere" signs out another browser too', async ({ browser }) => {
  const here = await browser.newContext();
  const there = await browser.newContext();
  try {
    const pageHere = await here.newPage();
    const pageThere = await there.newPage();
    const email = await signUp(pageHere, 'local', uniqueEmail('everywhere'));

    await gotoStudio(pageThere, 'local');
    await signIn(pageThere, email);

    await navLink(pageHere, 'Account').click();
    const everywhere = pageHere.getByRole('button', { name: 'Sign out everywhere', exact: true });
    await expect(everywhere).toHaveAccessibleDescription(/every browser and device/i);
    await everywhere.click();
    await expectSignedOut(pageHere);

    // the other browser finds itself signed out at its next request
    await reloadStudio(pageThere);
    await expectSignedOut(pageThere);
    await expect(accountNav(pageThere)).not.toContainText(email);
    await pageThere.goto(new URL('/account', studioUrl('local')).href);
    await expect(pageThere.getByRole('heading', { name: /sign in to see your account/i })).toBeVisible();
  } finally {
    await here.close();
    await there.close();
  }
});

test('signing up keeps what the visitor summarized before', async ({ page }) => {
  test.setTimeout(60_000);
  await gotoStudio(page, 'local');
  await chooseModelByLabel(page, TEXTRANK);
  await submit(page, COUNCIL_TEXT);
  await expect(finishedTurns(page)).toHaveCount(1, { timeout: 30_000 });
  await expect(councilEntry(page)).toHaveCount(1);

  await navLink(page, 'Sign up').click();
  await submitSignUp(page, uniqueEmail('keeps'));
  await expect(councilEntry(page)).toHaveCount(1);
  await expect(textInput(page)).toBeVisible();
});

test('signing in works with the keyboard alone', async ({ page }) => {
  const email = await signUp(page, 'local', uniqueEmail('keyboard'));
  await signOut(page);

  /** Presses Tab until `locator` has focus (at most 40 times). */
  async function tabTo(locator, name) {
    for (let i = 0; i < 40; i++) {
      if (await locator.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${name}`);
  }
  await page.locator('body').focus();
  await tabTo(navLink(page, 'Sign in'), 'the Sign in link');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await tabTo(emailField(page), 'the Email box');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(passwordField(page)).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expectSignedIn(page, email);
});

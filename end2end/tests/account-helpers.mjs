// Helpers for the account tests: the top bar's account navigation, the sign-up / sign-in / sign-out
// flows as a person does them (through the links and forms, found by role and label).
import { expect } from '@playwright/test';
import { INSTANCES, gotoStudio, waitUntilLive } from './helpers.mjs';

/** A password that meets the rules (10+ characters, not the email, not one repeated character). */
export const PASSWORD = 'correct horse battery';

/** An email no other test (or run) uses. */
export function uniqueEmail(what = 'person') {
  return `${what}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`;
}

/** The top bar's navigation: who is signed in, and the account's links. */
export const accountNav = (page) => page.getByRole('navigation', { name: 'Account', exact: true });
export const navLink = (page, name) => accountNav(page).getByRole('link', { name, exact: true });

export const emailField = (page) => page.getByRole('textbox', { name: 'Email', exact: true });
/** Password inputs have no ARIA role: found by their label. */
export const passwordField = (page, label = 'Password') => page.getByLabel(label, { exact: true });

/** The instance with anonymous use turned off (PRECIS_ALLOW_ANONYMOUS=false): accounts only. */
export const MEMBERS_URL = 'http://127.0.0.1:3103/';

/** The studio's address on `instance` ('hf', 'local', 'limited' or 'members'). */
export const studioUrl = (instance) => (instance === 'members' ? MEMBERS_URL : INSTANCES[instance]);

/**
 * Opens `path` of `instance` and waits until the page is live (hydrated): an account form shows
 * a live problem for a malformed email only once its WASM bundle runs.
 */
export async function gotoForm(page, instance, path) {
  await page.goto(new URL(path, studioUrl(instance)).href);
  await page.waitForLoadState('networkidle');
  const email = emailField(page);
  await expect(async () => {
    await email.fill('not-an-email');
    await email.blur();
    await expect(email).toHaveAttribute('aria-invalid', 'true', { timeout: 1_000 });
  }, 'the form checks the email as it is typed (the page is hydrated)').toPass({ timeout: 20_000 });
  await email.fill('');
}

/** Fills the sign-up form (the page must be open) and creates the account; ends in the studio. */
export async function submitSignUp(page, email, password = PASSWORD) {
  await emailField(page).fill(email);
  await passwordField(page).fill(password);
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await expectSignedIn(page, email);
}

/** Fills the sign-in form (the page must be open) and signs in; ends in the studio. */
export async function submitSignIn(page, email, password = PASSWORD) {
  await emailField(page).fill(email);
  await passwordField(page).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectSignedIn(page, email);
}

/** Opens the studio of `instance`, creates an account through the top bar's "Sign up". */
export async function signUp(page, instance, email = uniqueEmail(), password = PASSWORD) {
  await gotoStudio(page, instance);
  await navLink(page, 'Sign up').click();
  await expect(page.getByRole('heading', { name: 'Create an account', exact: true })).toBeVisible();
  await submitSignUp(page, email, password);
  return email;
}

/** Signs in through the top bar's "Sign in" link (the page must show the top bar). */
export async function signIn(page, email, password = PASSWORD) {
  await navLink(page, 'Sign in').click();
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await submitSignIn(page, email, password);
}

/** Signs out with the top bar's button; ends in the studio, signed out. */
export async function signOut(page) {
  await accountNav(page).getByRole('button', { name: 'Sign out', exact: true }).click();
  await expectSignedOut(page);
}

/**
 * The studio is open and the top bar names `email`, and the page (loaded in full by signing in)
 * is live.
 */
export async function expectSignedIn(page, email) {
  await expect(page).toHaveURL(/\/$/);
  await expect(accountNav(page)).toContainText(email);
  await expect(navLink(page, 'Sign in')).toHaveCount(0);
  // checked last: the page signed in from had the mark too
  await waitUntilLive(page);
}

/** The studio is open and the top bar offers to sign in, and the page is live. */
export async function expectSignedOut(page) {
  await expect(page).toHaveURL(/\/$/);
  await expect(navLink(page, 'Sign in')).toBeVisible();
  await expect(accountNav(page).getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
  // checked last: the page signed out from had the mark too
  await waitUntilLive(page);
}

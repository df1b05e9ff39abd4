// API keys: made in the browser, the secret shown once (with Copy), listed without it, usable
// by a script as "Authorization: Bearer <key>", and refused once revoked.
import { test, expect } from './fixtures.mjs';
import { alertWith, clipboardText } from './helpers.mjs';
import { signUp, navLink, studioUrl } from './account-helpers.mjs';

const keyName = (page) => page.getByRole('textbox', { name: 'Key name', exact: true });
const secretBox = (page) => page.getByRole('textbox', { name: 'New API key', exact: true });
const keyTable = (page) => page.getByRole('table');
const keyRow = (page, name) => keyTable(page).getByRole('row').filter({ hasText: name });

test('a key is shown once, listed without its secret, works as a Bearer token, and stops when revoked', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const email = await signUp(page, 'hf');
  const accountUrl = new URL('/api/v1/account', studioUrl('hf')).href;

  await navLink(page, 'API keys').click();
  await expect(page.getByRole('heading', { name: 'API keys', exact: true })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(/no keys yet/i);

  // a name is needed
  await page.getByRole('button', { name: 'Create key', exact: true }).click();
  await expect(alertWith(page, /give the key a name/i)).toBeVisible();
  await expect(keyName(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(keyName(page)).toBeFocused();

  // created: the secret, once, in a read-only box with a warning and Copy
  await keyName(page).fill('nightly report script');
  await page.getByRole('button', { name: 'Create key', exact: true }).click();
  const secret = secretBox(page);
  await expect(secret).toBeVisible();
  await expect(secret).toHaveAttribute('readonly', '');
  await expect(secret).toBeFocused();
  await expect(secret).toHaveAccessibleDescription(/only time Precis shows it/i);
  const value = await secret.inputValue();
  expect(value).toMatch(/^prc_\S{20,}$/);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /copied/i })).toBeVisible();
  expect(await clipboardText(page)).toBe(value);

  // the list: name, the key's first characters, when; never the secret itself
  const row = keyRow(page, 'nightly report script');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(value.slice(0, 8));
  await expect(row).toContainText(/never/i);
  await expect(keyTable(page)).not.toContainText(value);

  // a script with the key is that account
  const asScript = await request.get(accountUrl, { headers: { Authorization: `Bearer ${value}` } });
  expect(asScript.status()).toBe(200);
  expect((await asScript.json()).email).toBe(email);

  // after a reload the secret is gone for good; the key is listed, now used
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your keys', exact: true })).toBeVisible();
  await expect(secretBox(page)).toHaveCount(0);
  expect(await page.content()).not.toContain(value);
  await expect(keyRow(page, 'nightly report script')).toHaveCount(1);
  await expect(keyRow(page, 'nightly report script')).not.toContainText(/never/i);

  // revoking asks first; "Keep" keeps it
  const revoke = page.getByRole('button', { name: 'Revoke “nightly report script”', exact: true });
  await expect(async () => {
    await revoke.click();
    await expect(page.getByRole('group', { name: /confirm revoking/i })).toBeVisible({ timeout: 1_000 });
  }, 'Revoke asks for confirmation (once the page is hydrated)').toPass({ timeout: 20_000 });
  const keep = page.getByRole('button', { name: 'Keep', exact: true });
  await expect(keep).toBeFocused();
  await keep.click();
  await expect(revoke).toBeFocused();
  expect((await request.get(accountUrl, { headers: { Authorization: `Bearer ${value}` } })).status()).toBe(200);

  await revoke.click();
  await page.getByRole('button', { name: 'Yes, revoke', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /revoked/i })).toBeVisible();
  await expect(keyRow(page, 'nightly report script')).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText(/no keys yet/i);

  const refused = await request.get(accountUrl, { headers: { Authorization: `Bearer ${value}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe('invalid_api_key');
});

test('the keys page asks a signed-out visitor to sign in', async ({ page }) => {
  await page.goto(new URL('/account/keys', studioUrl('hf')).href);
  await expect(page.getByRole('heading', { name: /sign in to see your api keys/i })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Key name', exact: true })).toHaveCount(0);
});

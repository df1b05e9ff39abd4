// Settings: the model and parameters the studio starts with, saved per person.
import { test, expect } from './fixtures.mjs';
import {
  gotoStudio,
  reloadStudio,
  modelSelect,
  slider,
  sliderValue,
  button,
  alertWith,
  chooseModelByLabel,
  DEFAULT_HF_MODEL,
} from './helpers.mjs';
import { signUp, signIn, signOut, navLink } from './account-helpers.mjs';

const TEXTRANK = 'Local · TextRank extract';
const save = (page) => page.getByRole('button', { name: 'Save settings', exact: true });

test('saved defaults are what the studio starts with, for that account', async ({ page }) => {
  const email = await signUp(page, 'hf');
  await expect(modelSelect(page)).toHaveValue(DEFAULT_HF_MODEL);

  await navLink(page, 'Settings').click();
  await expect(page.getByRole('heading', { name: 'Studio defaults', exact: true })).toBeVisible();
  const model = await chooseModelByLabel(page, TEXTRANK);
  await slider(page, 'Max length').fill('222');
  await expect(sliderValue(page, 'Max length')).toHaveText(/\b222\b/);
  await save(page).click();
  await expect(page.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();

  // a fresh load of the studio starts from them
  await gotoStudio(page, 'hf');
  await expect(modelSelect(page)).toHaveValue(model);
  await expect(slider(page, 'Max length')).toHaveValue('222');
  await expect(sliderValue(page, 'Max length')).toHaveText(/\b222\b/);
  // Reset brings back the person's defaults, not the built-in ones
  await slider(page, 'Max length').fill('100');
  await button(page, 'Reset').click();
  await expect(slider(page, 'Max length')).toHaveValue('222');

  // they are the account's: signed out, the built-in defaults; signed in again, the saved ones
  await signOut(page);
  await expect(modelSelect(page)).toHaveValue(DEFAULT_HF_MODEL);
  await expect(slider(page, 'Max length')).toHaveValue('150');
  await signIn(page, email);
  await expect(modelSelect(page)).toHaveValue(model);
  await reloadStudio(page);
  await expect(slider(page, 'Max length')).toHaveValue('222');

  // the settings page shows what was saved
  await navLink(page, 'Settings').click();
  await expect(modelSelect(page)).toHaveValue(model);
  await expect(slider(page, 'Max length')).toHaveValue('222');
});

test('defaults that break a rule are not saved', async ({ page }) => {
  await signUp(page, 'hf');
  await navLink(page, 'Settings').click();
  await slider(page, 'Max length').fill('20');
  await slider(page, 'Min length').fill('90');
  await save(page).click();
  await expect(alertWith(page, /greater than Max length/i)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /saved/i })).toHaveCount(0);

  await gotoStudio(page, 'hf');
  await expect(slider(page, 'Min length')).toHaveValue('40');
  await expect(slider(page, 'Max length')).toHaveValue('150');
});

// The page is server-rendered and then hydrated by the WASM bundle: these tests only pass once
// the browser half is live (the server-rendered HTML alone cannot update what it shows).
import { test, expect } from './fixtures.mjs';
import {
  gotoStudio,
  textInput,
  counter,
  slider,
  sliderGroup,
  sliderValue,
  button,
  modelSelect,
  chooseModel,
  DEFAULT_HF_MODEL,
  LOCAL_MODEL,
} from './helpers.mjs';

test.beforeEach(async ({ page }) => {
  await gotoStudio(page, 'hf');
});

test('the page has the Precis title and heading', async ({ page }) => {
  await expect(page).toHaveTitle(/Precis/);
  await expect(page.getByRole('heading', { level: 1, name: 'Precis', exact: true })).toBeVisible();
  await expect(modelSelect(page)).toHaveValue(DEFAULT_HF_MODEL);
});

test('moving a slider updates its displayed value', async ({ page }) => {
  await expect(sliderValue(page, 'Max length')).toHaveText(/\b150\b/);
  await slider(page, 'Max length').fill('200');
  await expect(slider(page, 'Max length')).toHaveValue('200');
  await expect(sliderValue(page, 'Max length')).toHaveText(/\b200\b/);
});

test('the word, character and token counter follows the typing', async ({ page }) => {
  const input = textInput(page);
  await input.fill('The quick brown fox'); // 4 words, 19 characters
  await expect(counter(page)).toHaveText(/\b4 words · 19 characters · ~\d+ tokens\b/);
  // key by key, as a person types: the counter is live, not updated on blur
  await input.press('End');
  await input.pressSequentially(' jumps over');
  await expect(input).toBeFocused();
  await expect(counter(page)).toHaveText(/\b6 words · 30 characters · ~\d+ tokens\b/);
  await input.fill('One two');
  await expect(counter(page)).toHaveText(/\b2 words · 7 characters · ~\d+ tokens\b/);
});

test('length presets set the sliders and Reset restores the defaults', async ({ page }) => {
  const short = button(page, 'Short');
  const medium = button(page, 'Medium');
  const long = button(page, 'Long');
  await expect(medium).toHaveAttribute('aria-pressed', 'true');
  await expect(short).toHaveAttribute('aria-pressed', 'false');
  await expect(button(page, 'Balanced')).toHaveAttribute('aria-pressed', 'true');

  await short.click();
  await expect(short).toHaveAttribute('aria-pressed', 'true');
  await expect(medium).toHaveAttribute('aria-pressed', 'false');
  await expect(sliderValue(page, 'Max length')).toHaveText(/\b60\b/);
  await expect(sliderValue(page, 'Min length')).toHaveText(/\b10\b/);
  await expect(slider(page, 'Max length')).toHaveValue('60');
  await expect(slider(page, 'Min length')).toHaveValue('10');

  await long.click();
  await expect(long).toHaveAttribute('aria-pressed', 'true');
  await expect(short).toHaveAttribute('aria-pressed', 'false');
  await expect(sliderValue(page, 'Max length')).toHaveText(/\b300\b/);
  await expect(sliderValue(page, 'Min length')).toHaveText(/\b120\b/);

  await button(page, 'Reset').click();
  await expect(sliderValue(page, 'Max length')).toHaveText(/\b150\b/);
  await expect(sliderValue(page, 'Min length')).toHaveText(/\b40\b/);
  await expect(slider(page, 'Max length')).toHaveValue('150');
  await expect(medium).toHaveAttribute('aria-pressed', 'true');
  await expect(long).toHaveAttribute('aria-pressed', 'false');
});

test('the local model disables the sliders it does not honour, with a reason', async ({ page }) => {
  const temperature = slider(page, 'Temperature');
  await expect(temperature).toBeEnabled();
  const groupTextBefore = (await sliderGroup(page, 'Temperature').innerText()).trim();

  await chooseModel(page, LOCAL_MODEL);
  for (const name of ['Temperature', 'Top-k', 'Top-p', 'Repetition penalty', 'Max time']) {
    await expect(slider(page, name), `${name} with the local model`).toBeDisabled();
  }
  for (const name of ['Min length', 'Max length']) {
    await expect(slider(page, name), `${name} with the local model`).toBeEnabled();
  }
  // the group now also says why: a line of text that was not there before
  await expect
    .poll(async () => (await sliderGroup(page, 'Temperature').innerText()).trim().length, {
      message: 'the Temperature group shows a reason for being disabled',
    })
    .toBeGreaterThan(groupTextBefore.length + 10);

  await chooseModel(page, DEFAULT_HF_MODEL);
  await expect(temperature).toBeEnabled();
});

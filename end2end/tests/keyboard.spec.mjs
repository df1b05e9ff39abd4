// Everything needed to summarize can be reached and worked with the keyboard alone.
import { test, expect } from './fixtures.mjs';
import {
  gotoStudio,
  textInput,
  modelSelect,
  slider,
  sliderValue,
  summarizeButton,
  button,
  SLIDERS,
} from './helpers.mjs';

test.beforeEach(async ({ page }) => {
  await gotoStudio(page, 'hf');
});

test('Tab reaches the text area, the model picker, the sliders and Summarize', async ({ page }) => {
  const targets = new Map([
    ['text area', textInput(page)],
    ['Model select', modelSelect(page)],
    ['Summarize button', summarizeButton(page)],
  ]);
  for (const name of SLIDERS) {
    // disabled sliders are rightly skipped by Tab; Min and Max length are always enabled
    if (name === 'Min length' || name === 'Max length' || (await slider(page, name).isEnabled())) {
      targets.set(`${name} slider`, slider(page, name));
    }
  }
  for (const [name, locator] of targets) await expect(locator, name).toBeVisible();

  const reached = new Set();
  for (let presses = 0; presses < 150 && reached.size < targets.size; presses++) {
    await page.keyboard.press('Tab');
    for (const [name, locator] of targets) {
      if (!reached.has(name) && (await locator.evaluate((el) => el === document.activeElement))) {
        reached.add(name);
      }
    }
  }
  expect([...targets.keys()].filter((name) => !reached.has(name)), 'not reachable with Tab').toEqual([]);
});

test('Enter and Space work a focused preset button', async ({ page }) => {
  await expect(sliderValue(page, 'Max length')).toHaveText(/\b150\b/);

  await button(page, 'Short').focus();
  await expect(button(page, 'Short')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(sliderValue(page, 'Max length')).toHaveText(/\b60\b/);
  await expect(button(page, 'Short')).toHaveAttribute('aria-pressed', 'true');

  await button(page, 'Long').focus();
  await page.keyboard.press('Space');
  await expect(sliderValue(page, 'Max length')).toHaveText(/\b300\b/);
  await expect(button(page, 'Long')).toHaveAttribute('aria-pressed', 'true');
});

test('arrow keys move a focused slider', async ({ page }) => {
  const max = slider(page, 'Max length');
  await max.focus();
  const before = Number(await max.inputValue());
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await max.inputValue())).toBeGreaterThan(before);
  const after = await max.inputValue();
  await expect(sliderValue(page, 'Max length')).toHaveText(new RegExp(`\\b${after}\\b`));
});

// The page's language (English, French, Portuguese) and theme (system, light, dark): chosen in
// the top bar, applied at once without a reload, kept across reloads (the server renders the
// saved choice), and taken from the browser's Accept-Language until someone chooses.
import { test, expect } from './fixtures.mjs';
import { gotoStudio, INSTANCES } from './helpers.mjs';

const URL = INSTANCES.hf;

/** What each language calls the things these tests look for. */
const WORDS = {
  en: { language: 'Language', theme: 'Theme', text: 'Text to summarize', summarize: 'Summarize', maxLength: 'Max length', settings: 'Settings', title: 'Precis — Summarize', words: 'words' },
  fr: { language: 'Langue', theme: 'Thème', text: 'Texte à résumer', summarize: 'Résumer', maxLength: 'Longueur maximale', settings: 'Réglages', title: 'Precis — Résumer', words: 'mots' },
  pt: { language: 'Idioma', theme: 'Tema', text: 'Texto a resumir', summarize: 'Resumir', maxLength: 'Tamanho máximo', settings: 'Ajustes', title: 'Precis — Resumir', words: 'palavras' },
};

const html = (page) => page.locator('html');
const languagePicker = (page, lang) => page.getByRole('combobox', { name: WORDS[lang].language, exact: true });
const themePicker = (page, lang) => page.getByRole('combobox', { name: WORDS[lang].theme, exact: true });

/**
 * Waits until the page, in `lang`, is hydrated: the word counter follows the text area (typing
 * before the WASM bundle runs is not seen, hence the retry).
 */
async function waitForLivePage(page, lang) {
  await page.waitForLoadState('networkidle');
  const input = page.getByRole('textbox', { name: WORDS[lang].text, exact: true });
  await expect(async () => {
    await input.fill('hydration probe');
    await expect(page.getByText(new RegExp(`\\b2 ${WORDS[lang].words}\\b`))).toBeVisible({ timeout: 1_000 });
  }, `the ${lang} page is hydrated`).toPass({ timeout: 20_000 });
  await input.fill('');
}

/** Everything these tests expect of a page in `lang`. */
async function expectPageIn(page, lang) {
  const w = WORDS[lang];
  await expect(html(page)).toHaveAttribute('lang', lang);
  await expect(page.getByRole('button', { name: w.summarize, exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: w.text, exact: true })).toBeVisible();
  await expect(page.getByRole('slider', { name: w.maxLength, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: w.settings, exact: true })).toBeVisible();
  await expect(languagePicker(page, lang)).toHaveValue(lang);
  await expect(page).toHaveTitle(w.title);
  for (const other of Object.keys(WORDS).filter((l) => l !== lang)) {
    await expect(page.getByRole('button', { name: WORDS[other].summarize, exact: true })).toHaveCount(0);
  }
}

/** Reloads and returns the HTML the server sent (before any script ran). */
async function reload(page) {
  const response = await page.reload();
  return response.text();
}

test('choosing Français translates the page at once, and it stays French after a reload', async ({ page }) => {
  await gotoStudio(page, 'hf');
  await expectPageIn(page, 'en');

  await languagePicker(page, 'en').selectOption({ label: 'Français' });
  await expectPageIn(page, 'fr');
  // numbers are French too: thousands grouped by a narrow no-break space
  await page.getByRole('textbox', { name: 'Texte à résumer', exact: true }).fill('mot '.repeat(1234));
  await expect(page.getByText('1\u202f234 mots · 4\u202f936 caractères', { exact: false })).toBeVisible();

  const served = await reload(page);
  expect(served, 'the server renders the saved language').toMatch(/<html[^>]* lang="fr"/);
  expect(served).toContain('>Résumer<');
  await waitForLivePage(page, 'fr');
  await expectPageIn(page, 'fr');
});

test('Português works the same way, and English comes back', async ({ page }) => {
  await gotoStudio(page, 'hf');
  await languagePicker(page, 'en').selectOption({ label: 'Português' });
  await expectPageIn(page, 'pt');
  await page.getByRole('textbox', { name: 'Texto a resumir', exact: true }).fill('um dois três');
  await expect(page.getByText('3 palavras · 12 caracteres', { exact: false })).toBeVisible();

  expect(await reload(page)).toMatch(/<html[^>]* lang="pt"/);
  await waitForLivePage(page, 'pt');
  await expectPageIn(page, 'pt');

  await languagePicker(page, 'pt').selectOption({ label: 'English' });
  await expectPageIn(page, 'en');
  expect(await reload(page)).toMatch(/<html[^>]* lang="en"/);
  await waitForLivePage(page, 'en');
  await expectPageIn(page, 'en');
});

test('a browser that asks for French gets French on its first visit', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  try {
    const response = await page.goto(URL);
    expect(await response.request().headerValue('accept-language')).toMatch(/^fr/);
    // already French in the HTML the server sent: no English flash before hydration
    expect(await response.text()).toMatch(/<html[^>]* lang="fr"/);
    await waitForLivePage(page, 'fr');
    await expectPageIn(page, 'fr');

    // a choice made on the page wins over the browser's language
    await languagePicker(page, 'fr').selectOption({ label: 'English' });
    await expectPageIn(page, 'en');
    expect(await reload(page)).toMatch(/<html[^>]* lang="en"/);
  } finally {
    await context.close();
  }
});

const DARK_BACKGROUND = 'rgb(20, 20, 19)';
const LIGHT_BACKGROUND = 'rgb(246, 246, 243)';
const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the Dark theme applies at once and survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await gotoStudio(page, 'hf');
  await expect(html(page)).toHaveAttribute('data-theme', 'system');
  expect(await background(page)).toBe(LIGHT_BACKGROUND);

  await themePicker(page, 'en').selectOption({ label: 'Dark' });
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => background(page)).toBe(DARK_BACKGROUND);

  const served = await reload(page);
  expect(served, 'the server renders the saved theme').toMatch(/<html[^>]* data-theme="dark"/);
  expect(served).toMatch(/<meta name="color-scheme" content="dark">/);
  await waitForLivePage(page, 'en');
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect(themePicker(page, 'en')).toHaveValue('dark');
  expect(await background(page)).toBe(DARK_BACKGROUND);
});

test('System follows the operating system, Light overrides a dark one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoStudio(page, 'hf');
  await expect(themePicker(page, 'en')).toHaveValue('system');
  expect(await background(page)).toBe(DARK_BACKGROUND);

  await themePicker(page, 'en').selectOption({ label: 'Light' });
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => background(page)).toBe(LIGHT_BACKGROUND);
});

test('the language picker is reached and worked with the keyboard', async ({ page }) => {
  await gotoStudio(page, 'hf');
  const picker = languagePicker(page, 'en');
  // from the top bar (the hydration check leaves the focus in the text area, further down)
  await page.getByRole('heading', { level: 1, name: 'Precis', exact: true }).click();
  let reached = false;
  for (let presses = 0; presses < 20 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await picker.evaluate((el) => el === document.activeElement);
  }
  expect(reached, 'Tab reaches the Language picker').toBe(true);
  // options are English, Français, Português: one down is French
  await page.keyboard.press('ArrowDown');
  await expect(html(page)).toHaveAttribute('lang', 'fr');
  await expect(languagePicker(page, 'fr')).toBeFocused();
  await expectPageIn(page, 'fr');
});

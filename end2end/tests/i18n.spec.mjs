// The page's language (English, French, Portuguese) and theme (system, light, dark): chosen in
// the top bar, applied at once without a reload, kept across reloads (the server renders the
// saved choice) and on the pages links open, and taken from the browser's Accept-Language until
// someone chooses. Every part of the page is found by its translated role and name: the studio,
// the history panel, the account pages and the API keys.
import { test, expect } from './fixtures.mjs';
import { gotoStudio, INSTANCES, historyPanel, mockSummary, uniqueTag, waitUntilLive } from './helpers.mjs';
import { PASSWORD, uniqueEmail } from './account-helpers.mjs';

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

// ---- accounts, API keys and the history panel ------------------------------------------------

/**
 * `text` as an exact pattern in which each space also matches a no-break space: French puts a
 * narrow no-break space inside « guillemets » and before « ? ; ! », a no-break one before « : ».
 */
const spaced = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s');
const words = (text) => new RegExp(`^${spaced(text)}$`);
/** The same, found anywhere in a longer text. */
const within = (text) => new RegExp(spaced(text));

const role = (scope, kind, name) => scope.getByRole(kind, { name: words(name) });

test('in French, the history panel, the account pages and the API keys are found by their French names', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await gotoStudio(page, 'hf');
  await languagePicker(page, 'en').selectOption({ label: 'Français' });
  await expectPageIn(page, 'fr');

  // the top bar: the account navigation, signed out
  const nav = role(page, 'navigation', 'Compte');
  await expect(role(nav, 'link', 'Réglages')).toBeVisible();
  await expect(role(nav, 'link', 'Se connecter')).toBeVisible();
  await expect(role(nav, 'link', 'S’inscrire')).toBeVisible();
  await expect(role(page, 'link', 'API')).toBeVisible();

  // the history panel: empty, then one summary
  const history = page.getByRole('complementary', { name: 'Historique', exact: true });
  await expect(role(history, 'heading', 'Historique')).toBeVisible();
  await expect(history).toContainText('Aucun résumé pour l’instant. Ils apparaîtront ici.');
  const filters = role(history, 'search', 'Rechercher et filtrer l’historique');
  const search = role(filters, 'searchbox', 'Rechercher dans l’historique');
  await expect(search).toHaveAttribute('placeholder', 'Des mots d’un texte ou de son résumé');
  const model = role(filters, 'combobox', 'Modèle utilisé');
  await expect(role(model, 'option', 'Tous les modèles')).toHaveCount(1);
  const from = history.getByLabel('Du', { exact: true });
  const to = history.getByLabel('Au', { exact: true });
  await expect(role(filters, 'link', 'Exporter en JSON')).toBeVisible();
  await expect(role(filters, 'link', 'Exporter en Markdown')).toBeVisible();

  const word = `Martinet${uniqueTag()}`;
  const text = `${word} nests under the old bridge were counted in May. There were more than last year.`;
  await page.getByRole('textbox', { name: 'Texte à résumer', exact: true }).fill(text);
  await role(page, 'button', 'Résumer').click();
  await expect(page.getByRole('log', { name: 'Conversation', exact: true })).toContainText(mockSummary(text), {
    timeout: 15_000,
  });
  await expect(history.getByRole('status')).toHaveText('1 résumé');
  await expect(history.getByRole('list', { name: 'Résumés', exact: true }).getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('button', { name: new RegExp(`^Supprimer\\s«\\s?${word}`) })).toHaveCount(1);

  // filters: a search that finds nothing, then dates in the wrong order (checked by the page)
  await search.fill(`Rien${word}`);
  await expect(history.getByRole('status')).toHaveText(words(`Aucun résumé ne correspond à « Rien${word} ».`));
  await role(history, 'button', 'Effacer les filtres').click();
  await expect(history.getByRole('status')).toHaveText('1 résumé');
  await to.fill('2026-11-01');
  await from.fill('2026-12-01');
  await expect(history.getByRole('alert')).toHaveText(
    words(
      'La date de début (2026-12-01) est postérieure à la date de fin (2026-11-01) : choisissez une date de ' +
        'début antérieure ou égale à la date de fin.',
    ),
  );
  await from.fill('');
  await to.fill('');
  await expect(history.getByRole('status')).toHaveText('1 résumé');

  // Clear all asks first, in French; "Garder" keeps everything
  await role(history, 'button', 'Tout effacer').click();
  const confirm = role(history, 'group', 'Confirmer l’effacement de l’historique');
  await expect(confirm).toContainText(within('Supprimer tous les résumés ?'));
  await expect(role(confirm, 'button', 'Oui, tout effacer')).toBeVisible();
  await role(confirm, 'button', 'Garder').click();
  await expect(history.getByRole('status')).toHaveText('1 résumé');

  // the sign-in page, opened by a link (no reload): still French, as chosen on the studio; its
  // title, heading, fields and the live check of the email
  await role(nav, 'link', 'Se connecter').click();
  await expect(role(page, 'heading', 'Se connecter')).toBeVisible();
  await expect(page).toHaveTitle('Se connecter — Precis');
  await expect(role(page, 'link', 'Aller au contenu principal')).toHaveCount(1);
  const email = role(page, 'textbox', 'Adresse e-mail');
  await email.fill('pas-un-email');
  await email.blur();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(
    words('Cela ne ressemble pas à une adresse e-mail : elle devrait avoir la forme nom@example.org.'),
  );
  await expect(page.getByLabel('Mot de passe', { exact: true })).toBeVisible();
  await expect(role(page.getByRole('main'), 'button', 'Se connecter')).toBeVisible();

  // the sign-up page: the password rules, a too short password told in French, then an account
  await role(page.getByRole('main'), 'link', 'Créer un compte').click();
  await expect(role(page, 'heading', 'Créer un compte')).toBeVisible();
  const address = uniqueEmail('francais');
  await role(page, 'textbox', 'Adresse e-mail').fill(address);
  const password = page.getByLabel('Mot de passe', { exact: true });
  await expect(password).toHaveAccessibleDescription(within('Au moins 10 caractères, pas votre adresse e-mail'));
  await password.fill('court');
  await password.blur();
  await expect(password).toHaveAccessibleDescription(
    within('Choisissez un mot de passe d’au moins 10 caractères (celui-ci en compte 5).'),
  );
  await password.fill(PASSWORD);
  await role(page, 'button', 'Créer le compte').click();
  // signed up: the studio, loaded in full, still in French
  await expect(page).toHaveURL(/\/$/);
  await expect(nav).toContainText(address);
  await waitUntilLive(page);
  await expectPageIn(page, 'fr');
  await expect(role(nav, 'button', 'Se déconnecter')).toBeVisible();

  // the account page
  await role(nav, 'link', 'Compte').click();
  await expect(role(page, 'heading', 'Votre compte')).toBeVisible();
  await expect(page).toHaveTitle('Votre compte — Precis');
  await expect(page.getByRole('main')).toContainText(within(`Compte connecté : ${address}`));
  await expect(role(page, 'heading', 'Changer de mot de passe')).toBeVisible();
  await expect(page.getByLabel('Mot de passe actuel', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Nouveau mot de passe', { exact: true })).toBeVisible();
  await expect(role(page, 'button', 'Changer de mot de passe')).toBeVisible();
  await expect(role(page, 'button', 'Se déconnecter partout')).toBeVisible();

  // the API keys page: the key name's rule, a new key, the list, revoking
  await role(nav, 'link', 'Clés d’API').click();
  await expect(role(page, 'heading', 'Clés d’API')).toBeVisible();
  await expect(page).toHaveTitle('Clés d’API — Precis');
  await expect(page.getByRole('main')).toContainText('Aucune clé pour l’instant.');
  const keyName = role(page, 'textbox', 'Nom de la clé');
  await role(page, 'button', 'Créer la clé').click();
  await expect(keyName).toHaveAttribute('aria-invalid', 'true');
  await expect(keyName).toHaveAccessibleDescription(within('Donnez un nom à la clé'));
  await keyName.fill('script du soir');
  await role(page, 'button', 'Créer la clé').click();
  await expect(role(page, 'textbox', 'Nouvelle clé d’API')).toBeVisible();
  await expect(role(page, 'heading', 'Votre nouvelle clé « script du soir »')).toBeVisible();
  await expect(role(page, 'button', 'Copier')).toBeVisible();
  const table = page.getByRole('table', { name: 'Vos clés d’API, les plus récentes d’abord', exact: true });
  for (const column of ['Nom', 'Clé', 'Créée le', 'Dernière utilisation']) {
    await expect(role(table, 'columnheader', column)).toHaveCount(1);
  }
  await expect(table.getByRole('row').filter({ hasText: 'script du soir' })).toContainText('jamais');
  await role(table, 'button', 'Révoquer « script du soir »').click();
  const question = role(page, 'group', 'Confirmer la révocation de « script du soir »');
  await expect(question).toContainText(within('Les scripts qui l’utilisent cessent aussitôt de fonctionner.'));
  await expect(role(question, 'button', 'Garder')).toBeFocused();
  await role(question, 'button', 'Oui, révoquer').click();
  await expect(page.getByRole('status').filter({ hasText: within('Clé « script du soir » révoquée') })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);

  // Português, chosen on this page: every text changes in place, the last status too
  await languagePicker(page, 'fr').selectOption({ label: 'Português' });
  await expect(html(page)).toHaveAttribute('lang', 'pt');
  await expect(role(page, 'heading', 'Chaves de API')).toBeVisible();
  await expect(role(page, 'heading', 'As suas chaves')).toBeVisible();
  await expect(role(page, 'textbox', 'Nome da chave')).toBeVisible();
  await expect(role(page, 'button', 'Criar chave')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Chave “script du soir” revogada' })).toBeVisible();
  await expect(role(page, 'navigation', 'Conta')).toContainText(address);
  await expect(page).toHaveTitle('Chaves de API — Precis');
});

test('in Portuguese, the sign-in page, its checks and the history filters are Portuguese', async ({ page }) => {
  await gotoStudio(page, 'hf');
  await languagePicker(page, 'en').selectOption({ label: 'Português' });
  await expectPageIn(page, 'pt');

  // the history's search, with too many words: told by the page, in Portuguese
  const history = page.getByRole('complementary', { name: 'Histórico', exact: true });
  await expect(history).toContainText('Ainda não há resumos. Vão aparecer aqui.');
  await expect(role(history, 'combobox', 'Modelo usado')).toBeVisible();
  await expect(role(history, 'link', 'Exportar em JSON')).toBeVisible();
  await expect(history.getByLabel('Até', { exact: true })).toBeVisible();
  const search = role(history, 'searchbox', 'Pesquisar no histórico');
  await search.fill(Array.from({ length: 17 }, (_, i) => `palavra${i}`).join(' '));
  await expect(history.getByRole('alert')).toContainText('A pesquisa tem 17 palavras; use no máximo 16');
  await search.fill('');
  await expect(history).toContainText('Ainda não há resumos.');

  // the sign-in page
  const nav = role(page, 'navigation', 'Conta');
  await role(nav, 'link', 'Entrar').click();
  await expect(role(page, 'heading', 'Entrar')).toBeVisible();
  await expect(page).toHaveTitle('Entrar — Precis');
  const email = role(page, 'textbox', 'E-mail');
  await email.fill('sem-arroba');
  await email.blur();
  await expect(email).toHaveAccessibleDescription(
    'Isto não parece um endereço de e-mail: deve ter a forma nome@example.org.',
  );
  // an empty password is refused before asking the server
  await role(page.getByRole('main'), 'button', 'Entrar').click();
  const password = page.getByLabel('Senha', { exact: true });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription('Escreva a sua senha.');
  await expect(role(page.getByRole('main'), 'link', 'Criar uma conta')).toBeVisible();
  await expect(role(nav, 'link', 'Criar conta')).toBeVisible();
});

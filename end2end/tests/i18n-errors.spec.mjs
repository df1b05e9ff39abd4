// A French or Portuguese page reads every sentence in its language, the server's too: a
// HuggingFace failure, the model descriptions. The error code stays the same; only the words
// change with the person's language (here the browser's, `Accept-Language`).
import { test, expect } from './fixtures.mjs';
import { INSTANCES, waitUntilLive, uniqueTag } from './helpers.mjs';

/** What each language calls the controls these tests use. */
const WORDS = {
  fr: {
    model: 'Modèle',
    other: 'Autre modèle HuggingFace…',
    modelId: 'Identifiant du modèle HuggingFace',
    text: 'Texte à résumer',
    summarize: 'Résumer',
    language: 'Langue',
  },
  pt: {
    model: 'Modelo',
    other: 'Outro modelo do HuggingFace…',
    modelId: 'ID do modelo no HuggingFace',
    text: 'Texto a resumir',
    summarize: 'Resumir',
    language: 'Idioma',
  },
};

/** A page of the "hf" instance in a browser whose language is `locale`. */
async function studioIn(browser, locale) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto(INSTANCES.hf);
  await waitUntilLive(page);
  return { context, page };
}

async function summarizeWith(page, lang, model) {
  const w = WORDS[lang];
  await page.getByRole('combobox', { name: w.model, exact: true }).selectOption({ label: w.other });
  const id = page.getByRole('textbox', { name: w.modelId, exact: true });
  await id.fill(model);
  await page
    .getByRole('textbox', { name: w.text, exact: true })
    .fill(`Precis ${uniqueTag()} reads every sentence in the person's language. Even the errors.`);
  await page.getByRole('button', { name: w.summarize, exact: true }).click();
}

test('a French page tells a HuggingFace failure in French', async ({ browser }) => {
  const { context, page } = await studioIn(browser, 'fr-FR');
  try {
    await summarizeWith(page, 'fr', 'e2e/no-credits');
    const alert = page.getByRole('alert').filter({ hasText: /crédits HuggingFace/ });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Les crédits HuggingFace de ce serveur sont épuisés');
    await expect(page.getByRole('alert').filter({ hasText: /credits are used up/ })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('a Portuguese page tells a HuggingFace failure in Portuguese', async ({ browser }) => {
  const { context, page } = await studioIn(browser, 'pt-BR');
  try {
    await summarizeWith(page, 'pt', 'e2e/server-error');
    const alert = page.getByRole('alert').filter({ hasText: /HuggingFace teve um problema/ });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('e2e/server-error');
    await expect(page.getByRole('alert').filter({ hasText: /had a problem/ })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('model descriptions follow the page when its language changes', async ({ browser }) => {
  const { context, page } = await studioIn(browser, 'fr-FR');
  try {
    // the default model, described by the server in French
    const hint = page.locator('#model-help');
    await expect(hint).toContainText('entraîné sur les actualités CNN/DailyMail');
    await page.getByRole('combobox', { name: WORDS.fr.language, exact: true }).selectOption({ label: 'Português' });
    await expect(hint).toContainText('treinado com notícias da CNN/DailyMail');
  } finally {
    await context.close();
  }
});

// The Ask page (/ask): documents added by pasting a text or picking files (each file on its own:
// a refused one never stops the others), their indexing followed to "N passages", questions
// answered with citations that open the passage they cite (the question's words marked), the
// "not in your documents" notice with the closest passages, errors next to the question box,
// Cancel, removing a document, the top bar's Summarize · Ask, and the page in French.
//
// Runs on the "local" instance: the embedded engine's MiniLM indexes the documents, and the
// extractive writer (quotes, no language model) answers the same way every time.
import { test, expect } from './fixtures.mjs';
import { INSTANCES, gotoStudio, waitUntilLive } from './helpers.mjs';
import {
  HANDBOOK,
  HANDBOOK_TITLE,
  HOLIDAY_QUESTION,
  UNANSWERED_QUESTION,
  addPasted,
  answerModel,
  answers,
  ask,
  askButton,
  askUrl,
  documentRow,
  documentsPanel,
  filesInput,
  gotoAsk,
  questionBox,
} from './ask-helpers.mjs';

/** A 1×1 PNG: a file Precis does not read. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const MINUTES = [
  'Minutes of the board meeting',
  '',
  'The board approved the new library opening hours: nine to six on weekdays.',
  'The treasurer reported that the roof repairs came in under budget.',
].join('\n');

/** A long text (well over the 64 passages indexed within the request): indexed in the background. */
function longText(paragraphs = 420, title = 'Survey of the districts') {
  const topics = ['harbour', 'orchard', 'lighthouse', 'granary', 'observatory', 'vineyard', 'foundry', 'archive'];
  const out = [title];
  for (let i = 0; i < paragraphs; i++) {
    const topic = topics[i % topics.length];
    out.push(
      `Section ${i + 1}. The ${topic} of district ${i} was surveyed in year ${1800 + i}. ` +
        `Inspectors counted ${i * 7 + 3} workers, ${i * 3 + 1} carts and ${i + 11} lamps near the ${topic}. ` +
        `Their report on the ${topic} of district ${i} recommends repairs to the eastern wall, ` +
        `a new well, and weekly visits by the district's physician, number ${i % 13}.`,
    );
  }
  return out.join('\n\n');
}

/** Holds every `method` request to `path` for `ms` before sending it on. */
async function delay(page, path, method, ms) {
  await page.route(`**${path}`, async (route) => {
    if (route.request().method() === method) await new Promise((done) => setTimeout(done, ms));
    // the page may have aborted it meanwhile (Cancel): nothing left to send
    await route.continue().catch(() => {});
  });
}

test('a pasted text is added, indexed, and its row says how many passages it has', async ({ page }) => {
  await gotoAsk(page);
  const row = await addPasted(page);
  await expect(row.getByRole('button', { name: `Remove “${HANDBOOK_TITLE}”`, exact: true })).toBeVisible();
  await expect(row.getByRole('progressbar')).toHaveCount(0);
  // the form is empty again, for the next text
  await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('');
  // the list is the server's: it is there after a reload
  await page.reload();
  await waitUntilLive(page);
  await expect(documentRow(page, HANDBOOK_TITLE)).toContainText(/\d+ passages?/);
});

test('adding the same text again says it is there already, in one row', async ({ page }) => {
  await gotoAsk(page);
  await addPasted(page);
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(HANDBOOK_TITLE);
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill(HANDBOOK);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(documentRow(page, HANDBOOK_TITLE)).toContainText('Already in your documents.');
  await expect(documentRow(page, HANDBOOK_TITLE)).toHaveCount(1);
});

test('a pasted text with nothing in it is refused in the form, before anything is sent', async ({ page }) => {
  await gotoAsk(page);
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill('   \n  ');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This document has no text to read.' })).toBeVisible();
  await expect(documentsPanel(page).getByRole('listitem')).toHaveCount(0);
});

test('a .txt file picked shows its progress bar while it is read, then its passages', async ({ page }) => {
  await gotoAsk(page);
  // held a moment, so that the row can be seen while the file is on its way
  await delay(page, '/api/v1/documents', 'POST', 1_500);
  await filesInput(page).setInputFiles({ name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from(MINUTES) });
  const row = documentRow(page, /minutes/i);
  const bar = row.getByRole('progressbar');
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAccessibleName(/^Indexing “.*minutes.*”$/i);
  await expect(row).toContainText(/\d+ passages?/, { timeout: 60_000 });
  await expect(bar).toHaveCount(0);
  await expect(row.getByRole('alert')).toHaveCount(0);
});

test('files dropped on the documents panel are added, each in its row', async ({ page }) => {
  await gotoAsk(page);
  const files = await page.evaluateHandle(
    ([minutes]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([minutes], 'dropped-minutes.txt', { type: 'text/plain' }));
      transfer.items.add(new File(['Budget notes\n\nThe budget for the roof is 12,000 euros.'], 'dropped-budget.txt', { type: 'text/plain' }));
      return transfer;
    },
    [MINUTES],
  );
  const panel = documentsPanel(page);
  await panel.dispatchEvent('dragover', { dataTransfer: files });
  await panel.dispatchEvent('drop', { dataTransfer: files });
  await expect(documentRow(page, /dropped-minutes|Minutes/)).toContainText(/\d+ passages?/, { timeout: 60_000 });
  await expect(documentRow(page, /dropped-budget|Budget/)).toContainText(/\d+ passages?/, { timeout: 60_000 });
  await expect(panel.getByRole('listitem')).toHaveCount(2);
});

test('long files are indexed in the background: "Indexing… N of M passages", then ready', async ({ page }) => {
  test.setTimeout(240_000);
  await gotoAsk(page);
  // three at once: the page follows two by their event streams and asks about the third (a
  // browser opens few connections to one server; uploads and questions must not wait)
  const sides = ['north', 'south', 'east'];
  await filesInput(page).setInputFiles(
    sides.map((side) => ({
      name: `survey-${side}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(longText(280, `Survey ${side}`)),
    })),
  );
  // named after the file, or after its first line
  const rowOf = (side) => documentRow(page, new RegExp(`survey.${side}`, 'i'));
  for (const side of sides) {
    const row = rowOf(side);
    await expect(row).toContainText(/Indexing… [\d,]+ of [\d,]+ passages|[\d,]+ passages · /, { timeout: 60_000 });
  }
  const first = rowOf(sides[0]);
  await expect(first).toContainText(/Indexing… [\d,]+ of [\d,]+ passages/);
  await expect(first.getByRole('progressbar')).toBeVisible();
  for (const side of sides) {
    const row = rowOf(side);
    await expect(row).toContainText(/[\d,]+ passages · [\d,]+ characters/, { timeout: 200_000 });
    await expect(row.getByRole('progressbar')).toHaveCount(0);
  }
});

test('a long pasted text frees the form at once, while its row follows the indexing', async ({ page }) => {
  test.setTimeout(180_000);
  await gotoAsk(page);
  const text = page.getByRole('textbox', { name: 'Text', exact: true });
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('District survey');
  await text.fill(longText());
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const row = documentRow(page, 'District survey');
  await expect(row).toContainText(/Indexing… [\d,]+ of [\d,]+ passages/, { timeout: 60_000 });
  // taken: the form is empty and ready for the next text while this one is indexed
  await expect(text).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Add', exact: true })).toBeEnabled();
  await expect(row).toContainText(/[\d,]+ passages · [\d,]+ characters/, { timeout: 150_000 });
});

test('a bad file gets its own alert while a good one picked with it is added', async ({ page }) => {
  await gotoAsk(page);
  await filesInput(page).setInputFiles([
    { name: 'photo.png', mimeType: 'image/png', buffer: PNG },
    { name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from(MINUTES) },
  ]);
  const bad = documentRow(page, 'photo.png');
  await expect(bad.getByRole('alert')).toContainText('Precis cannot read this file');
  const good = documentRow(page, /minutes/i);
  await expect(good).toContainText(/\d+ passages?/, { timeout: 60_000 });
  await expect(good.getByRole('alert')).toHaveCount(0);
  // the refused file's row can be dismissed
  await bad.getByRole('button', { name: 'Remove “photo.png”', exact: true }).click();
  await expect(documentRow(page, 'photo.png')).toHaveCount(0);
});

test('the answer cites its passages; a citation opens the passage with the question’s words marked', async ({
  page,
}) => {
  await gotoAsk(page);
  await addPasted(page);
  const turn = await ask(page, HOLIDAY_QUESTION);
  // the box is free for the next question
  await expect(questionBox(page)).toHaveValue('');
  const citation = turn.getByRole('button', { name: new RegExp(`^Source \\[1\\]: ${HANDBOOK_TITLE}$`) }).first();
  await expect(citation).toBeVisible();
  await expect(citation).toHaveText('[1]');
  await expect(citation).toHaveAttribute('aria-expanded', 'false');

  // below the answer, the passages found, the cited ones marked
  const passages = turn.getByRole('region', { name: 'Passages found', exact: true });
  await expect(passages.getByRole('listitem').first()).toContainText('cited');

  await citation.click();
  await expect(citation).toHaveAttribute('aria-expanded', 'true');
  const opener = passages.getByRole('button', { name: `[1] ${HANDBOOK_TITLE}`, exact: true });
  await expect(opener).toHaveAttribute('aria-expanded', 'true');
  await expect(opener).toBeFocused();
  const passage = passages.getByRole('listitem').first();
  await expect(passage).toContainText(/passage \d+ · characters [\d,]+–[\d,]+/);
  await expect(passage).toContainText('25 days of paid holiday');
  // <mark> (role "mark"): the question's words, not its common ones
  const marks = passage.locator('mark');
  await expect(marks.first()).toBeVisible();
  const marked = (await marks.allTextContents()).map((m) => m.toLowerCase());
  expect(marked).toContain('holiday');
  expect(marked).not.toContain('how');

  // the passage closes and opens again from its own button
  await opener.click();
  await expect(opener).toHaveAttribute('aria-expanded', 'false');
  await expect(passage.locator('mark').first()).toBeHidden();
});

test('a question the documents do not answer gets the notice, and the closest passages', async ({ page }) => {
  await gotoAsk(page);
  await addPasted(page);
  const turn = await ask(page, UNANSWERED_QUESTION);
  await expect(turn).toContainText('Your documents do not seem to answer this question.');
  // a notice, not an error
  await expect(turn.getByRole('alert')).toHaveCount(0);
  const closest = turn.getByRole('region', { name: 'Closest passages', exact: true });
  await expect(closest.getByRole('listitem').first()).toBeVisible();
  await expect(turn.getByRole('button', { name: /^Source \[/ })).toHaveCount(0);
});

test('Enter asks, Shift+Enter starts a new line; asking with no documents is refused next to the box', async ({
  page,
}) => {
  await gotoAsk(page);
  const box = questionBox(page);
  await box.fill('First line');
  await box.press('Shift+Enter');
  await box.pressSequentially('second line');
  await expect(box).toHaveValue('First line\nsecond line');
  await expect(answers(page).getByRole('article')).toHaveCount(0);

  await box.fill(HOLIDAY_QUESTION);
  await box.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'You have no documents yet.' })).toBeVisible();
  // the question stays, to be asked again once a document is there
  await expect(box).toHaveValue(HOLIDAY_QUESTION);

  // a blank question is refused by the page itself
  await box.fill('  ');
  await askButton(page).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Type a question first.' })).toBeVisible();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await box.fill('W');
  await expect(box).toHaveAttribute('aria-invalid', 'false');
});

test('"going too fast" is shown next to the box, and Ask waits as long as the server asks', async ({ page }) => {
  await gotoAsk(page);
  await page.route('**/api/v1/questions/stream', (route) =>
    route.fulfill({
      status: 429,
      contentType: 'application/json',
      headers: { 'retry-after': '3' },
      body: JSON.stringify({
        error: { code: 'rate_limited', message: 'You are going fast. Try again in 3 s.', retry_after: 3 },
      }),
    }),
  );
  await questionBox(page).fill(HOLIDAY_QUESTION);
  await askButton(page).click();
  await expect(page.getByRole('alert').filter({ hasText: 'You are going fast.' })).toBeVisible();
  await expect(askButton(page)).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: /You can ask again in [1-3] s\./ })).toBeVisible();
  await expect(askButton(page)).toBeEnabled({ timeout: 6_000 });
});

test('Cancel stops the question being answered and gives it back to the box', async ({ page }) => {
  await gotoAsk(page);
  await addPasted(page);
  await delay(page, '/api/v1/questions/stream', 'POST', 5_000);
  await questionBox(page).fill(HOLIDAY_QUESTION);
  await askButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Searching your documents…' })).toBeVisible();
  await expect(askButton(page)).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled.' })).toBeVisible();
  await expect(questionBox(page)).toHaveValue(HOLIDAY_QUESTION);
  await expect(askButton(page)).toBeEnabled();
  await page.waitForTimeout(5_500);
  await expect(answers(page).getByRole('article')).toHaveCount(0);
});

test('removing a document takes it out of the list for good', async ({ page }) => {
  await gotoAsk(page);
  const row = await addPasted(page);
  await row.getByRole('button', { name: `Remove “${HANDBOOK_TITLE}”`, exact: true }).click();
  await expect(documentRow(page, HANDBOOK_TITLE)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `“${HANDBOOK_TITLE}” removed.` })).toBeVisible();
  // its row (and the focused button) went: the focus is on the panel's heading
  await expect(page.getByRole('heading', { name: 'Your documents', exact: true })).toBeFocused();
  await page.reload();
  await waitUntilLive(page);
  await expect(documentsPanel(page)).toContainText('No documents yet');
});

test('the top bar links Summarize and Ask, marking the page shown', async ({ page }) => {
  await gotoStudio(page, 'local');
  const nav = page.getByRole('navigation', { name: 'Sections', exact: true });
  await expect(nav.getByRole('link', { name: 'Summarize', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Ask', exact: true })).not.toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Ask', exact: true }).click();
  await expect(page).toHaveURL(askUrl('local'));
  await expect(page.getByRole('heading', { level: 2, name: 'Ask your documents', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Ask', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Summarize', exact: true })).not.toHaveAttribute('aria-current', 'page');
  await expect(documentsPanel(page)).toContainText('No documents yet');
  await expect(page).toHaveTitle('Ask your documents — Precis');
  // and back
  await nav.getByRole('link', { name: 'Summarize', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Text to summarize', exact: true })).toBeVisible();
});

test('the page is served whole before any script runs: panels, labels, empty answers', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(askUrl('local'));
  await expect(page.getByRole('heading', { level: 2, name: 'Ask your documents', exact: true })).toBeVisible();
  await expect(documentsPanel(page)).toBeVisible();
  await expect(page.getByLabel('Add files', { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeVisible();
  await expect(questionBox(page)).toBeVisible();
  await expect(answerModel(page)).toBeVisible();
  await expect(answers(page)).toContainText('Ask anything your documents might answer.');
  await context.close();
});

test('in French: the labels, the server’s sentences and the numbers are French', async ({ page, context }) => {
  await context.addCookies([
    { name: 'precis_prefs', value: 'lang=fr&theme=system', domain: '127.0.0.1', path: '/' },
  ]);
  await page.goto(askUrl('local'));
  await page.waitForLoadState('networkidle');
  await waitUntilLive(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page).toHaveTitle('Interrogez vos documents — Precis');
  await expect(page.getByRole('heading', { level: 2, name: 'Interrogez vos documents', exact: true })).toBeVisible();
  const panel = documentsPanel(page, 'Vos documents');
  await expect(panel).toContainText('Aucun document pour l’instant.');
  const nav = page.getByRole('navigation', { name: 'Rubriques', exact: true });
  await expect(nav.getByRole('link', { name: 'Demander', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Résumer', exact: true })).toBeVisible();
  await expect(filesInput(page, 'Ajouter des fichiers')).toBeVisible();
  await expect(questionBox(page, 'Votre question')).toBeVisible();
  await expect(answerModel(page, 'Réponse rédigée par')).toBeVisible();
  await expect(askButton(page, 'Demander')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Titre', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Texte', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajouter', exact: true })).toBeVisible();
  // the server answers in French too
  await filesInput(page, 'Ajouter des fichiers').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
  await expect(documentRow(page, 'photo.png', 'Vos documents').getByRole('alert')).toContainText(
    'Precis ne sait pas lire ce fichier',
  );
  await page.getByRole('textbox', { name: 'Titre', exact: true }).fill('Manuel');
  await page.getByRole('textbox', { name: 'Texte', exact: true }).fill(HANDBOOK);
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(documentRow(page, 'Manuel', 'Vos documents')).toContainText(/\d+ passages? · \d+ caractères/, { timeout: 60_000 });
  await expect(
    documentRow(page, 'Manuel', 'Vos documents').getByRole('button', { name: 'Retirer « Manuel »', exact: true }),
  ).toBeVisible();
});

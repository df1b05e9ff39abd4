// The History panel: past summaries, newest first, kept across reloads; reopen, delete, clear;
// search and filters; export.
import fs from 'node:fs';
import { test, expect } from './fixtures.mjs';
import {
  chooseModel,
  gotoStudio,
  reloadStudio,
  summarize,
  textInput,
  conversation,
  historyPanel,
  mockSummary,
  uniqueTag,
} from './helpers.mjs';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// an entry's main button starts with the title (the text's first words)
const entryIn = (history, word) => history.getByRole('button', { name: new RegExp(`^\\W*${escape(word)}`) });
const DISTILBART = 'sshleifer/distilbart-cnn-12-6';

test('history keeps summaries across reloads; reopen, delete and clear all', async ({ page }) => {
  await gotoStudio(page, 'hf');
  const history = historyPanel(page);
  await expect(history.getByRole('heading', { name: 'History', exact: true })).toBeVisible();

  // Distinct first words, so each entry's title (the text's first words) is unique.
  const wordA = `Kestrel${uniqueTag()}`;
  const wordB = `Heron${uniqueTag()}`;
  const textA = `${wordA} nests were counted along the northern cliffs this spring. The count rose for a third year.`;
  const textB = `${wordB} colonies moved inland after the winter storms. Volunteers tracked them by boat.`;
  await summarize(page, textA);
  await summarize(page, textB);

  // an entry's main button starts with the title; its Delete button is named "Delete “title…”"
  const entry = (word) => history.getByRole('button', { name: new RegExp(`^\\W*${escape(word)}`) });
  const deleteButton = (word) => history.getByRole('button', { name: new RegExp(`^Delete\\b.*${escape(word)}`) });

  await reloadStudio(page);
  await expect(entry(wordA)).toHaveCount(1);
  await expect(entry(wordB)).toHaveCount(1);
  // newest first: B comes before A
  const bBeforeA = await entry(wordB).evaluate(
    (b, a) => Boolean(b.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING),
    await entry(wordA).elementHandle(),
  );
  expect(bBeforeA, 'the newer entry is listed first').toBe(true);

  // reopening the older entry restores its text and its summary
  await entry(wordA).click();
  await expect(textInput(page)).toHaveValue(textA);
  await expect(conversation(page)).toContainText(mockSummary(textA));

  // delete A: gone now and after a reload; B stays
  await expect(deleteButton(wordA)).toHaveCount(1);
  await deleteButton(wordA).click();
  await expect(entry(wordA)).toHaveCount(0);
  await expect(entry(wordB)).toHaveCount(1);
  await reloadStudio(page);
  await expect(entry(wordB)).toHaveCount(1);
  await expect(entry(wordA)).toHaveCount(0);

  // Clear all asks first; "Yes, clear all" empties the list, for good
  await history.getByRole('button', { name: 'Clear all', exact: true }).click();
  const yes = page.getByRole('button', { name: 'Yes, clear all', exact: true });
  await expect(yes).toBeVisible();
  await expect(entry(wordB)).toHaveCount(1); // nothing cleared before confirming
  await yes.click();
  await expect(history).toContainText(/no summaries/i);
  await expect(entry(wordB)).toHaveCount(0);
  await reloadStudio(page);
  await expect(history).toContainText(/no summaries/i);
  await expect(entry(wordB)).toHaveCount(0);
});

test('search narrows the list as you type, filters by model, and export downloads what matches', async ({ page }) => {
  await gotoStudio(page, 'hf');
  const history = historyPanel(page);
  const tag = uniqueTag();
  const wordA = `Osprey${tag}`;
  const wordB = `Bittern${tag}`;
  const textA = `${wordA} pairs nested on the old radio mast. Rangers counted four chicks in June.`;
  const textB = `${wordB} calls were heard in the reed beds at dawn. Nobody saw the bird itself.`;
  await summarize(page, textA);
  await chooseModel(page, DISTILBART);
  await summarize(page, textB);
  const entry = (word) => entryIn(history, word);
  await expect(entry(wordA)).toHaveCount(1);
  await expect(entry(wordB)).toHaveCount(1);

  const search = history.getByRole('searchbox', { name: 'Search history', exact: true });
  const status = history.getByRole('status');
  // case does not matter, and the list follows the typing (no button to press)
  await search.fill(wordA.toLowerCase());
  await expect(entry(wordB)).toHaveCount(0);
  await expect(entry(wordA)).toHaveCount(1);
  await expect(status).toHaveText('1 matching summary');
  // the start of a word is enough
  await search.fill(`${wordB.slice(0, -2)}`);
  await expect(entry(wordA)).toHaveCount(0);
  await expect(entry(wordB)).toHaveCount(1);
  // nothing matched: said so, as opposed to "no summaries yet", and the filters can be cleared
  await search.fill(`Nothing${tag}`);
  await expect(history).toContainText(`No summaries match “Nothing${tag}”.`);
  await expect(status).toHaveText(`No summaries match “Nothing${tag}”.`);
  await expect(history).not.toContainText(/no summaries yet/i);
  await history.getByRole('button', { name: 'Clear filters', exact: true }).click();
  await expect(search).toHaveValue('');
  await expect(search, 'the keyboard goes back to the search box').toBeFocused();
  await expect(entry(wordA)).toHaveCount(1);
  await expect(entry(wordB)).toHaveCount(1);

  // the model filter lists the models used
  const model = history.getByRole('combobox', { name: 'Model used', exact: true });
  await expect(model.getByRole('option', { name: DISTILBART, exact: true })).toHaveCount(1);
  await model.selectOption(DISTILBART);
  await expect(entry(wordA)).toHaveCount(0);
  await expect(entry(wordB)).toHaveCount(1);
  await model.selectOption('');
  await expect(entry(wordA)).toHaveCount(1);

  // dates: a range that excludes today empties the list; the From/To order is checked
  const from = history.getByLabel('From', { exact: true });
  const to = history.getByLabel('To', { exact: true });
  await to.fill('2001-01-31');
  await expect(entry(wordA)).toHaveCount(0);
  await expect(history).toContainText('No summaries match these filters.');
  await from.fill('2001-02-01');
  await expect(history.getByRole('alert')).toContainText('after the To date');
  await from.fill('');
  await to.fill('');
  await expect(entry(wordA)).toHaveCount(1);

  // export what the search matches: Markdown, then JSON
  await search.fill(wordA);
  await expect(entry(wordB)).toHaveCount(0);
  const markdownLink = history.getByRole('link', { name: 'Export Markdown', exact: true });
  const [markdown] = await Promise.all([page.waitForEvent('download'), markdownLink.click()]);
  expect(markdown.suggestedFilename()).toMatch(/^precis-history-\d{4}-\d{2}-\d{2}\.md$/);
  const doc = fs.readFileSync(await markdown.path(), 'utf8');
  expect(doc).toContain('# Precis history');
  expect(doc).toContain(mockSummary(textA));
  expect(doc).not.toContain(wordB);

  const jsonLink = history.getByRole('link', { name: 'Export JSON', exact: true });
  const [json] = await Promise.all([page.waitForEvent('download'), jsonLink.click()]);
  expect(json.suggestedFilename()).toMatch(/^precis-history-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  expect(exported.summaries.map((s) => s.text)).toEqual([textA]);
});

test('Load more appends the next page of a long history', async ({ page, request }) => {
  await gotoStudio(page, 'hf');
  const history = historyPanel(page);
  // 55 summaries through the API, as this browser (its cookie): more than one page of 50
  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  expect(cookie, 'the page set the identity cookie').toContain('precis_uid=');
  const tag = uniqueTag();
  for (let i = 0; i < 55; i += 1) {
    const res = await request.post('http://127.0.0.1:3100/api/v1/summaries', {
      headers: { cookie },
      data: { text: `Entry${tag} number ${i} about the tide tables. High water came early.` },
    });
    expect(res.status()).toBe(201);
  }
  await reloadStudio(page);
  const items = history.getByRole('list', { name: 'Summaries', exact: true }).getByRole('listitem');
  await expect(items).toHaveCount(50);
  await expect(history.getByRole('status')).toHaveText('50 summaries, more below');
  await history.getByRole('button', { name: 'Load more', exact: true }).click();
  await expect(items).toHaveCount(55);
  await expect(history.getByRole('status')).toHaveText('55 summaries');
  await expect(history.getByRole('button', { name: 'Load more', exact: true })).toHaveCount(0);
  // the oldest comes last, once
  await expect(items.last()).toContainText(`Entry${tag} number 0 about`);
  await expect(history.getByRole('button', { name: new RegExp(`^\\W*Entry${tag} number 0 about`) })).toHaveCount(1);
});

// The History panel: past summaries, newest first, kept across reloads; reopen, delete, clear.
import { test, expect } from '@playwright/test';
import {
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

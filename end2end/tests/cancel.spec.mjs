// Cancel stops a running request: the mock's e2e/slow model answers only after 8 s.  (Cancel
// while a local model is writing: streaming.spec.mjs.)
import { test, expect } from './fixtures.mjs';
import {
  gotoStudio,
  submit,
  chooseCustomModel,
  conversation,
  draftTurn,
  finishedTurns,
  summarizeButton,
  cancelButton,
  statusWith,
  mockSummary,
  uniqueTag,
} from './helpers.mjs';

const SLOW_REPLY_MS = 8_000;

test('Cancel stops a slow request and the page is ready again', async ({ page }) => {
  await gotoStudio(page, 'hf');
  await chooseCustomModel(page, 'e2e/slow');
  const text = `Patience ${uniqueTag()} has limits. Some models take their time.`;
  const submittedAt = Date.now();
  await submit(page, text);

  await expect(statusWith(page, /summarizing/i)).toBeVisible();
  // the summary's place in the conversation, busy until it is written
  await expect(draftTurn(page)).toBeVisible();
  await expect(draftTurn(page)).toHaveAttribute('aria-busy', 'true');
  await expect(cancelButton(page)).toBeVisible();
  await cancelButton(page).click();

  await expect(statusWith(page, /cancelled/i)).toBeVisible();
  await expect(summarizeButton(page)).toBeEnabled();
  await expect(statusWith(page, /summarizing/i)).toHaveCount(0);
  await expect(draftTurn(page)).toHaveCount(0);

  // The late answer must never show up: wait until the mock would have replied, and a bit more.
  // (A fixed wait is the only way to see that something does not happen.)
  const remaining = SLOW_REPLY_MS + 1_500 - (Date.now() - submittedAt);
  if (remaining > 0) await page.waitForTimeout(remaining);
  await expect(conversation(page)).not.toContainText(mockSummary(text));
  await expect(finishedTurns(page)).toHaveCount(0);
  await expect(statusWith(page, /summarizing/i)).toHaveCount(0);
});

// Precis's own per-user rate limit.  The "limited" instance (port 3102) allows a burst of 2
// summaries, then 1 a minute: the third quick request is refused with a friendly message.
import { test, expect } from './fixtures.mjs';
import {
  gotoStudio,
  summarize,
  submit,
  conversation,
  alertWith,
  summarizeButton,
  mockRequests,
  mockSummary,
  uniqueTag,
  expectNoRawBodyInAlerts,
} from './helpers.mjs';

test('a third quick summary is refused: "going fast", "try again in"', async ({ page }) => {
  await gotoStudio(page, 'limited');
  await summarize(page, `First ${uniqueTag()} request goes through. It is within the burst.`);
  await summarize(page, `Second ${uniqueTag()} request goes through. It is the last of the burst.`);

  const tag = uniqueTag();
  const third = `Third ${tag} request is one too many. It should wait a minute.`;
  await submit(page, third);
  const alert = alertWith(page, /going fast/i);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/try again in/i);
  await expectNoRawBodyInAlerts(page);
  await expect(summarizeButton(page)).toBeEnabled();
  await expect(conversation(page)).not.toContainText(mockSummary(third));
  // refused by Precis itself: HuggingFace never saw it
  expect((await mockRequests()).filter((r) => r.inputs?.includes(tag))).toHaveLength(0);
});

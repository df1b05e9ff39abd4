// What a person sees when something goes wrong: a plain sentence in a role=alert element,
// never a raw response body.  The mock answers each e2e/* model id with one kind of failure.
import { test, expect } from './fixtures.mjs';
import {
  gotoStudio,
  submit,
  chooseCustomModel,
  conversation,
  slider,
  checkbox,
  summarizeButton,
  alertWith,
  statusWith,
  mockRequests,
  mockSummary,
  uniqueTag,
  expectNoRawBodyInAlerts,
  textInput,
} from './helpers.mjs';

const text = () => `Errors ${uniqueTag()} should read like sentences. Nobody wants to see a stack trace.`;

test.beforeEach(async ({ page }) => {
  await gotoStudio(page, 'hf');
});

test('an empty text asks for some text and calls nobody', async ({ page }) => {
  const before = (await mockRequests()).length;
  await summarizeButton(page).click();
  await expect(alertWith(page, /paste or type some text/i)).toBeVisible();
  await expectNoRawBodyInAlerts(page);
  expect((await mockRequests()).length, 'requests sent to HuggingFace').toBe(before);
});

test('Min length above Max length is flagged and not sent', async ({ page }) => {
  const min = slider(page, 'Min length');
  await expect(min).not.toHaveAttribute('aria-invalid', 'true');
  await slider(page, 'Max length').fill('20');
  await min.fill('100');
  await expect(min).toHaveAttribute('aria-invalid', 'true');
  const alert = alertWith(page, /min length/i);
  await expect(alert).toBeVisible();

  const before = (await mockRequests()).length;
  const t = text();
  await submit(page, t);
  await expect(alert).toBeVisible();
  await expect(summarizeButton(page)).toBeEnabled();
  await expect(conversation(page)).not.toContainText(mockSummary(t));
  expect((await mockRequests()).length, 'requests sent to HuggingFace').toBe(before);

  // fixing the values clears the error
  await slider(page, 'Max length').fill('200');
  await expect(min).not.toHaveAttribute('aria-invalid', 'true');
  await expect(alert).toHaveCount(0);
});

// model id -> what the alert must say
const FAILURES = [
  { model: 'e2e/unauthorized', status: 401, expect: [/token/i, /operator/i] },
  { model: 'e2e/no-credits', status: 402, expect: [/credits/i] },
  { model: 'e2e/missing', status: 404, expect: [/not found|no longer available|retired/i] },
  { model: 'e2e/retired', status: 410, expect: [/not found|no longer available|retired/i] },
  { model: 'e2e/rate-limited', status: 429, expect: [/rate limit|too many|busy/i] },
  { model: 'e2e/server-error', status: 500, expect: [/HuggingFace.*(error|problem)/i] },
  { model: 'e2e/not-json', status: 'HTML instead of JSON', expect: [/unexpected|could not be read|invalid response/i] },
  { model: 'e2e/bad-request', status: 400, expect: [/\w+ \w+ \w+/] },
];

for (const failure of FAILURES) {
  test(`HuggingFace ${failure.status} (${failure.model}) is explained`, async ({ page }) => {
    await chooseCustomModel(page, failure.model);
    const t = text();
    await submit(page, t);
    const alert = alertWith(page, failure.expect[0]);
    await expect(alert).toBeVisible();
    for (const phrase of failure.expect.slice(1)) await expect(alert).toContainText(phrase);
    await expectNoRawBodyInAlerts(page);
    await expect(page.getByRole('alert').filter({ hasText: /Bad gateway|Internal Server Error/ })).toHaveCount(0);
    // the request did reach the mock, with the custom model id
    const sent = (await mockRequests()).filter((r) => r.inputs?.includes(t.split(' ')[1]));
    expect(sent.map((r) => r.model)).toContain(failure.model);
    // and the page is ready for another try
    await expect(summarizeButton(page)).toBeEnabled();
    await expect(conversation(page)).not.toContainText('Mock summary');
  });
}

test('a model that is loading shows a warm-up countdown, then the summary', async ({ page }) => {
  await checkbox(page, 'Wait for model').uncheck();
  await chooseCustomModel(page, 'e2e/loading');
  const t = text();
  await submit(page, t);
  const warming = statusWith(page, /warming up/i);
  await expect(warming).toBeVisible();
  await expect(warming).toContainText(/about \d+\s*s\b/i);
  await expect(conversation(page)).toContainText(mockSummary(t), { timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: /\w/ })).toHaveCount(0);
  // first try without waiting (503), then once more asking HuggingFace to wait for the model
  const sent = (await mockRequests()).filter((r) => r.inputs === t || r.inputs?.includes(t.split(' ')[1]));
  expect(sent.map((r) => r.waitForModel)).toEqual([false, true]);
});

test('a text over the size limit is refused in the page with both sizes', async ({ page }) => {
  await gotoStudio(page, 'hf');
  const text = 'a'.repeat(100_001);
  await textInput(page).fill(text);
  // the counter warns before submitting
  await expect(page.getByText(/over the limit of 100,000/)).toBeVisible();
  await page.getByRole('button', { name: 'Summarize', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: /limit is 100,000/ });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('100,001');
  await expect(textInput(page)).toHaveAttribute('aria-invalid', 'true');
});

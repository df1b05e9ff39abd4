// Summaries that stream: the local language model's words appear as they are written, Cancel
// stops it mid-sentence, a long text is summarized in parts with the progress shown, and the
// semantic extract works.  The local models run on the "local" instance (a debug build: keep
// the summaries short), the parts on the "hf" instance with the mock's e2e/steady model.
import { test, expect } from './fixtures.mjs';
import {
  gotoStudio,
  submit,
  chooseModelByLabel,
  chooseCustomModel,
  conversation,
  draftTurn,
  draftOutput,
  finishedTurns,
  summarizeButton,
  cancelButton,
  button,
  statusWith,
  mockRequests,
  clipboardText,
  uniqueTag,
  chooseModel,
  modelSelect,
  checkbox,
  alertWith,
  LOCAL_MODEL,
  COUNCIL_TEXT,
  expectExtractOf,
} from './helpers.mjs';

const SMOLLM = 'Local · SmolLM2-135M';
const SEMANTIC = 'Local · semantic extract';

const PARAGRAPH = (tag) =>
  `The village of Ashcombe ${tag} opened a repair café in its old school hall last spring. ` +
  'Every Saturday, volunteers fix broken lamps, bicycles, clothes and radios for free. ' +
  'In its first year the café mended more than eight hundred objects that would have been thrown away. ' +
  'The organisers now want to train young people so that the skills are not lost.';

/** A long text (over 3,000 words) of varied sentences, starting with `tag`. */
function longText(tag) {
  const who = [
    'The river authority',
    'A team of volunteers',
    'The regional council',
    'Local farmers',
    'The weather service',
    'Engineers from the university',
    'The harbour master',
    'Teachers at the secondary school',
    'The county museum',
    'A group of anglers',
    'The fire brigade',
  ];
  const did = ['reported on', 'measured', 'discussed', 'announced', 'reviewed', 'questioned', 'published', 'planned'];
  const what = [
    'new flood defences along the lower valley',
    'the rainfall of the past month',
    'a plan for cleaner water in the estuary',
    'the cost of repairing the old mill',
    'changes to the ferry timetable',
    'a survey of nesting birds on the marshes',
    'the state of the stone bridge',
    'ideas for a riverside park with a playground',
    'the salmon counted at the weir',
  ];
  const out = [`This report ${tag} covers a year of work on the river.`];
  for (let i = 0; i < 320; i++) {
    out.push(`${who[i % who.length]} ${did[(i * 3) % did.length]} ${what[(i * 5) % what.length]} in week ${i + 1}.`);
  }
  return out.join(' ');
}

/**
 * Watches the draft until it is gone, polling every few milliseconds; returns each distinct
 * text it showed while the Cancel button was on screen (that is, while the summary was still
 * being written).
 */
async function watchDraft(page, { until, timeout }) {
  const seen = [];
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const out = await draftOutput(page);
    if (out && (await cancelButton(page).isVisible()) && out !== seen[seen.length - 1]) seen.push(out);
    if (await until()) break;
    await page.waitForTimeout(40);
  }
  return seen;
}

test.describe('the local language model', () => {
  test.beforeEach(async ({ page }) => {
    await gotoStudio(page, 'local');
  });

  test('its words appear in a draft as they are written, then the finished summary', async ({ page }) => {
    test.setTimeout(150_000);
    const id = await chooseModelByLabel(page, SMOLLM);
    await button(page, 'Short').click(); // Max length 60: quick on a debug build
    const text = PARAGRAPH(uniqueTag());
    await submit(page, text);
    await expect(draftTurn(page)).toBeVisible();
    await expect(draftTurn(page)).toHaveAttribute('aria-busy', 'true');

    const log = conversation(page);
    const seen = await watchDraft(page, {
      until: async () => (await finishedTurns(page).count()) > 0,
      timeout: 120_000,
    });
    await expect(finishedTurns(page)).toHaveCount(1);
    // Streaming: the draft showed text before the end, and that text grew.
    expect(seen.length, `draft texts seen while writing: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(2);
    expect(seen[seen.length - 1].length).toBeGreaterThan(seen[0].length);
    // The finished turn replaced the draft.
    await expect(draftTurn(page)).toHaveCount(0);
    await expect(log).toContainText(id);
    await expect(summarizeButton(page)).toBeEnabled();
    await expect(cancelButton(page)).toHaveCount(0);
  });

  test('Cancel mid-stream stops it: no finished turn, and Summarize works again', async ({ page }) => {
    test.setTimeout(180_000);
    await chooseModelByLabel(page, SMOLLM);
    await button(page, 'Long').click(); // long enough to still be writing when Cancel is pressed
    await submit(page, PARAGRAPH(uniqueTag()));

    // wait until the first words are there, then cancel
    await expect
      .poll(() => draftOutput(page), { message: 'the draft shows the first words', timeout: 90_000, intervals: [100] })
      .not.toBe('');
    await cancelButton(page).click();

    await expect(statusWith(page, /cancelled/i)).toBeVisible();
    await expect(draftTurn(page)).toHaveCount(0);
    await expect(finishedTurns(page)).toHaveCount(0);
    await expect(summarizeButton(page)).toBeEnabled();
    await expect(cancelButton(page)).toHaveCount(0);
    // nothing arrives late (a fixed wait is the only way to see that something does not happen)
    await page.waitForTimeout(2_000);
    await expect(finishedTurns(page)).toHaveCount(0);
    await expect(draftTurn(page)).toHaveCount(0);

    // the page, and the engine, are ready for the next summary
    await button(page, 'Short').click();
    await summarizeButton(page).click();
    await expect(finishedTurns(page)).toHaveCount(1, { timeout: 120_000 });
    await expect(statusWith(page, /cancelled/i)).toHaveCount(0);
  });
});

test.describe('random wording', () => {
  const sampleBox = (page) => checkbox(page, 'Sample wording (random)');
  const seedBox = (page) => page.getByRole('spinbutton', { name: 'Seed', exact: true });
  const streamRequest = (page) => page.waitForRequest((r) => r.url().includes('/api/v1/summaries/stream'));

  test('is offered only for models that sample, and sent with its seed', async ({ page }) => {
    test.setTimeout(60_000);
    await gotoStudio(page, 'local');
    await chooseModel(page, LOCAL_MODEL);
    await expect(sampleBox(page)).toBeDisabled();
    await expect(seedBox(page)).toBeDisabled();
    await expect(page.getByRole('group', { name: 'Wording options', exact: true })).toContainText(/does not sample/i);

    const id = await chooseModelByLabel(page, SMOLLM);
    await expect(sampleBox(page)).toBeEnabled();
    await expect(seedBox(page)).toBeEnabled();
    await expect(page.getByRole('group', { name: 'Wording options', exact: true })).not.toContainText(/does not sample/i);
    await sampleBox(page).check();
    await seedBox(page).fill('-3');
    await expect(alertWith(page, /seed must be/i)).toBeVisible();
    await expect(seedBox(page)).toHaveAttribute('aria-invalid', 'true');
    await seedBox(page).fill('42');
    await expect(seedBox(page)).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByRole('alert').filter({ hasText: /seed must be/i })).toHaveCount(0);

    // what the page sends (then cancelled: only the request matters here)
    await button(page, 'Short').click();
    let sent = streamRequest(page);
    await submit(page, PARAGRAPH(uniqueTag()));
    let body = (await sent).postDataJSON();
    expect(body.model).toBe(id);
    expect(body.parameters).toMatchObject({ do_sample: true, seed: 42, max_length: 60 });
    await cancelButton(page).click();
    await expect(statusWith(page, /cancelled/i)).toBeVisible();

    // a model that does not sample gets neither
    await chooseModel(page, LOCAL_MODEL);
    sent = streamRequest(page);
    await submit(page, COUNCIL_TEXT);
    body = (await sent).postDataJSON();
    expect(body.parameters).not.toHaveProperty('do_sample');
    expect(body.parameters).not.toHaveProperty('seed');
    await expect(finishedTurns(page)).toHaveCount(1, { timeout: 30_000 });
  });
});

test('a model that cannot run on this server is listed, disabled, with the reason', async ({ page }) => {
  // The "limited" instance has an empty models folder.
  await gotoStudio(page, 'limited');
  const option = modelSelect(page).getByRole('option', { name: new RegExp(`^${SMOLLM}\\b`) });
  await expect(option).toHaveCount(1);
  await expect(option).toBeDisabled();
  await expect(option).toHaveText(/unavailable/i);
  // never chosen by default
  await expect(modelSelect(page)).not.toHaveValue(await option.getAttribute('value'));
  // the reason, with what the operator runs to fix it
  await expect(page.getByRole('complementary', { name: 'Settings' })).toContainText(/scripts\/models\.sh/);
});

test('the semantic extract summarizes with sentences of the text', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoStudio(page, 'local');
  const id = await chooseModelByLabel(page, SEMANTIC);
  await submit(page, COUNCIL_TEXT);

  const log = conversation(page);
  await expect(finishedTurns(page)).toHaveCount(1, { timeout: 30_000 });
  await expect(log).toContainText(id);
  await finishedTurns(page).click();
  await expect(statusWith(page, /copied/i)).toBeVisible();
  await expect.poll(() => clipboardText(page), { message: 'clipboard holds the summary' }).not.toBe('');
  const summary = await clipboardText(page);
  expectExtractOf(summary, COUNCIL_TEXT);
});

test('a text longer than the model reads is summarized in parts, with the progress shown', async ({ page }) => {
  test.setTimeout(90_000);
  await gotoStudio(page, 'hf');
  await chooseCustomModel(page, 'e2e/steady'); // the mock answers each part after 0.7 s
  const tag = uniqueTag();
  const text = longText(tag);
  expect(text.split(/\s+/).length).toBeGreaterThan(3_000);
  const before = (await mockRequests()).length;

  await submit(page, text);
  // warned before: the text will be summarized in parts and combined
  await expect(page.getByText(/summarized in about \d+ parts/i)).toBeVisible();

  const progress = statusWith(page, /part \d+ of \d+/i);
  await expect(progress).toBeVisible({ timeout: 20_000 });
  const [, of] = (await progress.innerText()).match(/part \d+ of (\d+)/i);
  expect(Number(of)).toBeGreaterThanOrEqual(2);
  await expect(draftTurn(page)).toBeVisible();

  await expect(finishedTurns(page)).toHaveCount(1, { timeout: 60_000 });
  const log = conversation(page);
  await expect(log).toContainText(/summarized in \d+ parts/i);
  const parts = Number((await log.innerText()).match(/summarized in (\d+) parts/i)[1]);
  expect(parts).toBe(Number(of));
  await expect(log).toContainText('Mock summary');
  await expect(draftTurn(page)).toHaveCount(0);
  await expect(statusWith(page, /part \d+ of \d+/i)).toHaveCount(0);

  // each part went to the model (then, usually, the combination of their summaries)
  const sent = (await mockRequests()).slice(before).filter((r) => r.model === 'e2e/steady');
  expect(sent.length).toBeGreaterThanOrEqual(parts);
});

// Summaries end to end: HuggingFace (the mock) on the "hf" instance, the embedded local engine
// on the "local" instance.
import fs from 'node:fs/promises';
import { test, expect } from './fixtures.mjs';
import {
  gotoStudio,
  submit,
  summarize,
  conversation,
  modelSelect,
  summarizeButton,
  statusWith,
  mockSummary,
  mockRequests,
  sentences,
  clipboardText,
  uniqueTag,
  DEFAULT_HF_MODEL,
  LOCAL_MODEL,
  COUNCIL_TEXT,
  expectExtractOf,
} from './helpers.mjs';

const THREE_SENTENCES = (tag) =>
  `The harbour town of Wellmere ${tag} opened its new library on Monday. ` +
  'Hundreds of residents queued before dawn to see the reading rooms. ' +
  'The mayor said the building would stay open late every weekday.';

test.describe('with HuggingFace (mock)', () => {
  test.beforeEach(async ({ page }) => {
    await gotoStudio(page, 'hf');
  });

  test('summarizes a text with the default model', async ({ page }) => {
    const tag = uniqueTag();
    const text = THREE_SENTENCES(tag);
    const before = (await mockRequests()).length;

    await submit(page, text);
    const log = conversation(page);
    const expected = mockSummary(text);
    expect(expected).toBe(`Mock summary: The harbour town of Wellmere ${tag} opened its new library on Monday.`);
    await expect(log).toContainText(expected);
    await expect(log).toContainText(DEFAULT_HF_MODEL);
    // how much shorter: "compression" or "N% of the original length"
    await expect(log).toContainText(/compression|\d+\s*% of the original/i);
    // the person's own text is kept, folded, with its word count
    const words = text.split(/\s+/).length;
    expect(words).toBe(34);
    await expect(log.getByText(`Your text (${words} words)`, { exact: true })).toBeVisible();
    await expect(summarizeButton(page)).toBeEnabled();

    // what reached HuggingFace: the text, with the default model and parameters
    const sent = (await mockRequests()).slice(before).filter((r) => r.inputs?.includes(tag));
    expect(sent).toHaveLength(1);
    expect(sent[0].model).toBe(DEFAULT_HF_MODEL);
    expect(sent[0].authorized).toBe(true);
    expect(sent[0].parameters).toMatchObject({ max_length: 150, min_length: 40 });
  });

  test('Control+Enter in the text area submits', async ({ page }) => {
    const text = `Keyboard ${uniqueTag()} users can submit without the mouse. They press Control and Enter.`;
    await submit(page, text, { via: 'keyboard' });
    await expect(conversation(page)).toContainText(mockSummary(text));
  });

  test('a second summary adds a turn and keeps the first', async ({ page }) => {
    const first = `First ${uniqueTag()} text is about rivers. Rivers flow to the sea.`;
    const second = `Second ${uniqueTag()} text is about mountains. Mountains are tall.`;
    await summarize(page, first);
    await summarize(page, second);
    const log = conversation(page);
    await expect(log).toContainText(mockSummary(first));
    await expect(log).toContainText(mockSummary(second));
    await expect(log.getByRole('button', { name: 'Copy', exact: true })).toHaveCount(2);
  });

  test('Copy puts the summary on the clipboard and downloads hold it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const text = `Copying ${uniqueTag()} a summary should be one click. Nobody likes selecting text.`;
    const expected = await summarize(page, text);
    const log = conversation(page);

    await log.getByRole('button', { name: 'Copy', exact: true }).last().click();
    await expect(statusWith(page, /copied/i)).toBeVisible();
    // the clipboard is written asynchronously: poll
    await expect.poll(() => clipboardText(page), { message: 'clipboard holds the summary' }).toBe(expected);

    for (const ext of ['txt', 'md']) {
      const downloaded = page.waitForEvent('download');
      await log.getByRole('button', { name: `Download .${ext}`, exact: true }).last().click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`));
      const content = await fs.readFile(await download.path(), 'utf8');
      expect(content).toContain(expected);
    }
  });
});

test.describe('with the local engine', () => {
  test('summarizes with the local model: an extract of the input sentences', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await gotoStudio(page, 'local');
    await expect(modelSelect(page)).toHaveValue(LOCAL_MODEL);

    await submit(page, COUNCIL_TEXT);
    const log = conversation(page);
    const copy = log.getByRole('button', { name: 'Copy', exact: true }).last();
    await expect(copy).toBeVisible({ timeout: 15_000 });
    await expect(log).toContainText(LOCAL_MODEL);

    // The summary, as Copy gives it: non-empty, shorter than the input, made of its sentences.
    await copy.click();
    await expect(statusWith(page, /copied/i)).toBeVisible();
    await expect.poll(() => clipboardText(page), { message: 'clipboard holds the summary' }).not.toBe('');
    const summary = await clipboardText(page);
    const picked = expectExtractOf(summary, COUNCIL_TEXT);
    expect(picked.length).toBeLessThan(sentences(COUNCIL_TEXT).length);
    await expect(log).toContainText(picked[0]);
    expect(summary).not.toContain('Mock summary');
  });
});

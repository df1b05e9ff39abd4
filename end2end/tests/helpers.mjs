// Shared helpers for Precis's browser tests.  Elements are found only by role, label and text,
// as a person (or a screen reader) would find them; never by CSS class or id.
import { expect } from '@playwright/test';
import { firstSentence, mockSummary } from '../mock-hf.mjs';

export { firstSentence, mockSummary };

/** The Precis instances that playwright.config.mjs starts. */
export const INSTANCES = {
  /** token set, HuggingFace calls go to the mock */
  hf: 'http://127.0.0.1:3100/',
  /** no token: only the embedded local engine */
  local: 'http://127.0.0.1:3101/',
  /** token set, own rate limit of burst 2 and 1 per minute */
  limited: 'http://127.0.0.1:3102/',
  /** no token, an operator who may train Sort's models (playwright.config.mjs: SORT_OPERATOR) */
  sort: 'http://127.0.0.1:3104/',
};

export const MOCK_HF_URL = `http://127.0.0.1:${Number(process.env.MOCK_HF_PORT ?? 3919)}`;

export const DEFAULT_HF_MODEL = 'facebook/bart-large-cnn';
export const LOCAL_MODEL = 'local/textrank';
export const CUSTOM_MODEL = '__custom__';

/** The seven parameter sliders, by label. */
export const SLIDERS = [
  'Min length',
  'Max length',
  'Temperature',
  'Top-k',
  'Top-p',
  'Repetition penalty',
  'Max time',
];

/** Opens the studio page of `instance` ('hf', 'local' or 'limited') and waits until it is hydrated. */
export async function gotoStudio(page, instance = 'hf') {
  const url = INSTANCES[instance];
  if (!url) throw new Error(`unknown instance ${instance}`);
  await page.goto(url);
  await waitForHydration(page);
}

/** Reloads the page and waits until it is hydrated again. */
export async function reloadStudio(page) {
  await page.reload();
  await waitForHydration(page);
}

/**
 * Waits until a page loaded in full (signing in, up or out loads the studio again) runs its
 * WASM bundle: the app marks `<html data-hydrated>` once hydrated. Before that, a click or a key
 * reaches only the server-rendered HTML.
 */
export async function waitUntilLive(page) {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
}

async function waitForHydration(page) {
  // The WASM bundle is fetched and started after the HTML: once the network is quiet, it runs.
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1, name: 'Precis', exact: true })).toBeVisible();
  // Compiling a large (debug) bundle can outlast the quiet network: make sure the page answers
  // typing (the live word counter) before a test acts on it.  Input typed before hydration is
  // not seen by the app, hence the retry.
  const input = textInput(page);
  await expect(async () => {
    await input.fill('hydration probe');
    await expect(page.getByText(/\b2 words\b/)).toBeVisible({ timeout: 1_000 });
  }, 'the page is hydrated (the word counter follows the text area)').toPass({ timeout: 20_000 });
  await input.fill('');
}

// ---- locators --------------------------------------------------------------------------------

export const textInput = (page) => page.getByRole('textbox', { name: 'Text to summarize', exact: true });
export const modelSelect = (page) => page.getByRole('combobox', { name: 'Model', exact: true });
export const customModelInput = (page) =>
  page.getByRole('textbox', { name: 'HuggingFace model ID', exact: true });
export const summarizeButton = (page) => page.getByRole('button', { name: 'Summarize', exact: true });
export const cancelButton = (page) => page.getByRole('button', { name: 'Cancel', exact: true });
export const button = (page, name) => page.getByRole('button', { name, exact: true });
export const checkbox = (page, name) => page.getByRole('checkbox', { name, exact: true });

/** The range input labelled `name`, e.g. 'Max length'. */
export const slider = (page, name) => page.getByRole('slider', { name, exact: true });
/** The group around a slider: its label, the slider, its value and (when disabled) the reason. */
export const sliderGroup = (page, name) => page.getByRole('group', { name, exact: true });
/** The displayed value of a slider (an <output> inside its group). */
export const sliderValue = (page, name) => sliderGroup(page, name).locator('output');

/** The live word/character/token counter under the text area. */
export const counter = (page) => page.getByText(/\d+ words? · \d+ characters? · ~\d+ tokens?/);

export const conversation = (page) => page.getByRole('log', { name: 'Conversation', exact: true });
/** The draft turn of a summary being streamed (aria-busy while its text grows). */
export const draftTurn = (page) =>
  conversation(page).getByRole('article', { name: 'Summary in progress', exact: true });
/** Finished turns each have a Copy button: their count is the number of finished summaries. */
export const finishedTurns = (page) => conversation(page).getByRole('button', { name: 'Copy', exact: true });
export const historyPanel = (page) => page.getByRole('complementary', { name: 'History', exact: true });

/**
 * The first role=alert element whose text matches `text`.  Alerts may also exist empty, waiting
 * for news, and one problem may be told twice (under the form and beside its slider).
 */
export const alertWith = (page, text) => page.getByRole('alert').filter({ hasText: text }).first();
/** A role=status element whose text matches `text`. */
export const statusWith = (page, text) => page.getByRole('status').filter({ hasText: text });

// ---- actions ---------------------------------------------------------------------------------

/** Picks a model from the Model select by its option value (the model id). */
export async function chooseModel(page, value) {
  await modelSelect(page).selectOption({ value });
  await expect(modelSelect(page)).toHaveValue(value);
}

/**
 * Picks a model by its label in the picker, e.g. 'Local · SmolLM2-135M' (a marker such as
 * " (experimental)" may follow it).  Returns the model id (the option's value).
 */
export async function chooseModelByLabel(page, label) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const option = modelSelect(page).getByRole('option', { name: new RegExp(`^${escaped}( \\(.*\\))?$`) });
  await expect(option, `the picker lists ${label}`).toHaveCount(1);
  await expect(option, `${label} can be chosen`).toBeEnabled();
  const value = await option.getAttribute('value');
  await chooseModel(page, value);
  return value;
}

/** Picks "Other HuggingFace model…" and types `id` as the model id. */
export async function chooseCustomModel(page, id) {
  await chooseModel(page, CUSTOM_MODEL);
  const input = customModelInput(page);
  await expect(input).toBeVisible();
  await input.fill(id);
  await expect(input).toHaveValue(id);
}

/**
 * Puts `text` in the text area and submits it, with the Summarize button (default) or with
 * Control+Enter in the text area (`{ via: 'keyboard' }`).  Does not wait for the result.
 */
export async function submit(page, text, { via = 'button' } = {}) {
  const input = textInput(page);
  await input.fill(text);
  await expect(input).toHaveValue(text);
  if (via === 'keyboard') {
    await input.focus();
    await page.keyboard.press('Control+Enter');
  } else {
    await summarizeButton(page).click();
  }
}

/**
 * Submits `text` to a model served by the mock and waits until its summary is in the
 * Conversation log.  Returns the expected summary text.
 */
export async function summarize(page, text, options = {}) {
  await submit(page, text, options);
  const expected = mockSummary(text);
  await expect(conversation(page)).toContainText(expected, { timeout: options.timeout ?? 15_000 });
  return expected;
}

/** Every inference request the mock has received so far (model, inputs, parameters, options…). */
export async function mockRequests() {
  const res = await fetch(`${MOCK_HF_URL}/__requests`);
  if (!res.ok) throw new Error(`mock HF answered ${res.status} to /__requests`);
  return res.json();
}

/**
 * The text written so far in the draft turn ('' when there is none or nothing is written yet):
 * the draft reads "Your text (N words)", then the summary so far, then "model · what it does".
 */
export async function draftOutput(page) {
  const draft = draftTurn(page);
  if ((await draft.count()) === 0) return '';
  const text = await draft.innerText({ timeout: 1_000 }).catch(() => ''); // it may just have gone
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.slice(1, -1).join(' ').trim();
}

/** A short random tag, to keep texts (and their history titles) unique across tests and runs. */
export function uniqueTag() {
  return Math.random().toString(36).slice(2, 8);
}

/** The clipboard's text, trimmed (needs the clipboard-read permission). */
export async function clipboardText(page) {
  return (await page.evaluate(() => navigator.clipboard.readText())).trim();
}

/** Splits text into sentences (at . ! ? followed by white space), trimmed, empty ones dropped. */
export function sentences(text) {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Asserts that none of the visible alerts shows a raw response body (HTML or JSON). */
export async function expectNoRawBodyInAlerts(page) {
  for (const text of await page.getByRole('alert').allInnerTexts()) {
    expect(text, 'an alert shows a raw response body').not.toMatch(/<html|<body|[{}]|"error"/i);
  }
}

// Fifteen plain sentences (no abbreviations or decimals, so sentence splitting is unambiguous).
export const COUNCIL_TEXT = [
  'The city council met on Tuesday evening to discuss the new transport plan.',
  'The plan would add three bus routes connecting the northern suburbs to the centre.',
  'Several residents spoke in favour of more frequent buses during the morning rush.',
  'Shop owners on the high street worried that roadworks would keep customers away.',
  'The transport officer explained that the work would be done in short phases.',
  'Each phase would close only one side of the street at a time.',
  'Cyclists asked for protected lanes along the busiest part of the main road.',
  'The council agreed to study a cycle lane as part of the second phase.',
  'A local school asked for a safer crossing near its main entrance.',
  'Parents said that children currently cross between parked cars.',
  'The council promised a new crossing before the start of the next school year.',
  'The cost of the whole plan was estimated at four million pounds.',
  'Most of the money would come from a national fund for public transport.',
  'A final vote on the transport plan is expected next month.',
  'Residents can send written comments to the council until the end of the week.',
].join(' ');

/**
 * Checks that `summary` is an extract of `text`: shorter, and made of its sentences (one too
 * long for the budget may be cut at a word boundary and end in "…"). Returns those sentences.
 */
export function expectExtractOf(summary, text) {
  expect(summary.length).toBeLessThan(text.length);
  const picked = sentences(summary);
  expect(picked.length).toBeGreaterThan(0);
  for (const s of picked) {
    const verbatim = s.endsWith('…') ? s.slice(0, -1).trimEnd() : s;
    expect(verbatim.length).toBeGreaterThan(0);
    expect(text, `extract sentence "${s}" comes from the input`).toContain(verbatim);
  }
  return picked;
}

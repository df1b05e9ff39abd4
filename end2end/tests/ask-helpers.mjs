// Helpers for the Ask page (/ask): its panels, the documents' rows, adding a pasted text and
// asking a question, found by role and label as a person finds them.
import { expect } from '@playwright/test';
import { INSTANCES, waitUntilLive } from './helpers.mjs';

/** A short handbook: the questions below find their answers in it. */
export const HANDBOOK_TITLE = 'Staff handbook';
export const HANDBOOK = [
  'Holidays. Everyone at Northwind gets 25 days of paid holiday a year, plus public holidays.',
  'Holiday requests go to your manager at least two weeks ahead.',
  '',
  'Expenses. Train tickets are reimbursed in second class. Keep the receipts for six months.',
  '',
  'Remote work. You may work from home up to three days a week, with your team’s agreement.',
].join('\n');
export const HOLIDAY_QUESTION = 'How many days of paid holiday do we get?';
/** Nothing in the handbook answers it, and it shares none of its words. */
export const UNANSWERED_QUESTION = 'Which volcano erupted on Mars in 1850?';

/** The extractive writer's id: quotes, no language model, the same answer every time. */
export const EXTRACTIVE = 'extractive';

export const askUrl = (instance = 'local') => new URL('/ask', INSTANCES[instance]).href;

/** The documents panel (a region named by its heading). */
export const documentsPanel = (page, name = 'Your documents') => page.getByRole('region', { name, exact: true });
/** The row of the document (or file) whose title or name matches `title`. */
export const documentRow = (page, title, panel = 'Your documents') =>
  documentsPanel(page, panel).getByRole('listitem').filter({ hasText: title });
export const filesInput = (page, name = 'Add files') => page.getByLabel(name, { exact: true });
export const questionBox = (page, name = 'Your question') => page.getByRole('textbox', { name, exact: true });
export const askButton = (page, name = 'Ask') => page.getByRole('button', { name, exact: true });
export const answerModel = (page, name = 'Answer written by') => page.getByRole('combobox', { name, exact: true });
/** The answers (a log, a polite live region). */
export const answers = (page, name = 'Answers') => page.getByRole('log', { name, exact: true });

/**
 * Opens /ask on `instance` and waits until it runs in the browser and has loaded the documents
 * (`empty`: the person has none yet, so the empty state shows).
 */
export async function gotoAsk(page, instance = 'local', { empty = true } = {}) {
  await page.goto(askUrl(instance));
  await page.waitForLoadState('networkidle');
  await waitUntilLive(page);
  if (empty) {
    await expect(documentsPanel(page)).toContainText('No documents yet', { timeout: 20_000 });
  }
}

/** Pastes `text` with `title` and waits until it is indexed ("N passages"). Returns its row. */
export async function addPasted(page, title = HANDBOOK_TITLE, text = HANDBOOK) {
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill(text);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const row = documentRow(page, title);
  await expect(row).toContainText(/\d+ passages? · [\d,]+ characters?/, { timeout: 60_000 });
  return row;
}

/**
 * Asks `question` with the quotes (Enter in the box) and waits for the finished answer (its
 * "who wrote it · seconds" line). Returns the answer's article.
 */
export async function ask(page, question = HOLIDAY_QUESTION) {
  await answerModel(page).selectOption({ value: EXTRACTIVE });
  await questionBox(page).fill(question);
  await questionBox(page).press('Enter');
  const turn = answers(page).getByRole('article').filter({ hasText: question });
  await expect(turn.getByText(/ · [\d.]+ s$/)).toBeVisible({ timeout: 60_000 });
  return turn;
}

// Helpers for the Sort page (/sort): its parts, a file's result card, the pictures it is tested
// with, found by role and label as a person finds them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { INSTANCES, waitUntilLive } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../fixtures/sort');

/** The account PRECIS_OPERATORS names on the "sort" instance (playwright.config.mjs). */
export const SORT_OPERATOR = 'sort-operator@example.org';

/** A picture to send: its name, type and bytes (fixtures/sort/README.md says where each is from). */
const picture = (name) => ({ name, mimeType: 'image/png', buffer: fs.readFileSync(path.join(fixtures, name)) });
/** A photo of handwritten formulas on paper (a real one, from scikit-image). */
export const HANDWRITTEN = picture('handwritten-formulas.png');
/** A photographed printed page (scikit-image). */
export const TYPED = picture('typed-page.png');
/** A white page: no writing on it. */
export const BLANK = picture('blank-page.png');
/** A 1-bit TIFF as scanners write them: the browser cannot show it. */
export const TIFF = { ...picture('scan-g4.tif'), mimeType: 'image/tiff' };
/** A text file: not an image. */
export const NOT_AN_IMAGE = { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Meeting notes.\n') };

/**
 * Whether the Sort data (fonts and real scans, `scripts/sort_data.sh`) is where the server looks
 * for it: PRECIS_SORT_DATA_DIR, else ${PRECIS_CACHE_DIR:-~/.cache/precis}/sort-data.
 */
export function sortDataInstalled() {
  const dir =
    process.env.PRECIS_SORT_DATA_DIR ??
    path.join(process.env.PRECIS_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'precis'), 'sort-data');
  return fs.existsSync(path.join(dir, 'index.tsv'));
}

export const sortUrl = (instance = 'sort') => new URL('/sort', INSTANCES[instance]).href;

/** The page's parts: regions named by their headings. */
export const classifyPanel = (page, name = 'Classify pages') => page.getByRole('region', { name, exact: true });
export const modelsPanel = (page, name = 'Models') => page.getByRole('region', { name, exact: true });
export const trainPanel = (page, name = 'Train again') => page.getByRole('region', { name, exact: true });
export const filesInput = (page, name = 'Choose files') => page.getByLabel(name, { exact: true });
export const modelPicker = (page, name = 'Verdict given by') => page.getByRole('combobox', { name, exact: true });
/** The results: a list named by its heading, one card (list item) per file. */
export const results = (page, name = 'Results') => page.getByRole('list', { name, exact: true });
export const resultCard = (page, fileName, name = 'Results') =>
  results(page, name).getByRole('listitem').filter({ has: page.getByRole('heading', { name: fileName, exact: true }) });

/** "Handwritten, 97%" (or its French form, "Manuscrit, 97 %"). */
export const VERDICT = /^(Handwritten|Typed), \d{2,3}%$/;
export const VERDICT_FR = /^(Manuscrit|Dactylographié), \d{2,3}\u202f%$/;

/**
 * Opens /sort on `instance` and waits until it runs in the browser and has loaded the models
 * (the comparison's first table is there).
 */
export async function gotoSort(page, instance = 'sort', { costs = 'What each model costs' } = {}) {
  await page.goto(sortUrl(instance));
  await page.waitForLoadState('networkidle');
  await waitUntilLive(page);
  await expect(page.getByRole('table', { name: costs, exact: true })).toBeVisible({ timeout: 20_000 });
}

/** Picks `files` in the file picker and waits until each has its verdict or its alert. */
export async function classify(page, files, { name = 'Results' } = {}) {
  await filesInput(page).setInputFiles(files);
  for (const file of files) {
    const card = resultCard(page, file.name, name);
    await expect(card.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  }
}

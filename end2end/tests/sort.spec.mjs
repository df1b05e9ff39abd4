// The Sort page (/sort): files classified as handwritten or typed, each in its own card (the
// verdict with its percentage, what each model says, the picture with the tiles the verdict
// came from; a refused file gets the server's sentence as an alert while the others proceed),
// the models compared (tables with 95% intervals, the report's plots as figures), training
// (an operator starts a job, follows its progress bar, cancels it; another tab is refused while
// it runs; anyone else is told why they cannot), the top bar's link by keyboard, and French.
//
// Runs on the "sort" instance (playwright.config.mjs): PRECIS_OPERATORS names SORT_OPERATOR.
import { test, expect } from './fixtures.mjs';
import { INSTANCES, gotoStudio, waitUntilLive } from './helpers.mjs';
import { PASSWORD, signUp } from './account-helpers.mjs';
import {
  BLANK,
  HANDWRITTEN,
  NOT_AN_IMAGE,
  SORT_OPERATOR,
  TIFF,
  TYPED,
  VERDICT,
  VERDICT_FR,
  classify,
  classifyPanel,
  filesInput,
  gotoSort,
  modelPicker,
  modelsPanel,
  resultCard,
  sortDataInstalled,
  sortUrl,
  trainPanel,
} from './sort-helpers.mjs';

const MODELS = ['hog-svm', 'texture-logistic', 'cnn'];

test('each picture gets its verdict, what each model says, and its tiles over the picture', async ({ page }) => {
  await gotoSort(page);
  await expect(classifyPanel(page).getByRole('heading', { name: 'Results', exact: true })).toBeVisible();
  await expect(classifyPanel(page)).toContainText('Nothing classified yet.');
  // held a moment, so that the cards can be seen while the files are on their way
  await page.route('**/api/v1/classifier/predict', async (route) => {
    await new Promise((done) => setTimeout(done, 800));
    await route.continue().catch(() => {});
  });
  await filesInput(page).setInputFiles([HANDWRITTEN, TYPED]);
  const hand = resultCard(page, HANDWRITTEN.name);
  await expect(hand.getByRole('progressbar', { name: `Classifying “${HANDWRITTEN.name}”` })).toBeVisible();
  for (const file of [HANDWRITTEN, TYPED]) {
    const card = resultCard(page, file.name);
    const verdict = card.getByRole('status');
    await expect(verdict).toHaveText(VERDICT, { timeout: 30_000 });
    await expect(card.getByRole('progressbar')).toHaveCount(0);
    await expect(card.getByRole('alert')).toHaveCount(0); // its alert slot is empty
    // one row per model, the one giving the verdict marked
    const table = card.getByRole('table', { name: 'What each model says', exact: true });
    await expect(table.getByRole('row')).toHaveCount(1 + MODELS.length);
    for (const model of MODELS) {
      await expect(table.getByRole('row').filter({ hasText: model })).toHaveText(
        new RegExp(`${model}.*(Handwritten|Typed)\\s*\\d{2,3}%`),
      );
    }
    const answering = table.getByRole('row').filter({ hasText: 'gives the verdict' });
    await expect(answering).toHaveCount(1);
    // the document's verdict is the answering model's
    const label = (await verdict.textContent()).split(',')[0];
    await expect(answering).toContainText(label);
    await expect(card).toContainText(/^.*Verdict of (hog-svm|texture-logistic|cnn)\./s);
    // the picture, its tiles drawn over it, and the same told in words
    const figure = card.getByRole('figure');
    const picture = figure.getByRole('img', { name: `“${file.name}”, with the squares the verdict came from`, exact: true });
    await expect(picture).toBeVisible();
    await expect.poll(() => picture.evaluate((img) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await figure.locator('svg rect').count()).toBeGreaterThan(0);
    await expect(figure).toContainText(/The verdict came from \d+ squares? of writing: \d+ handwritten-looking, \d+ typed-looking\./);
    await expect(figure).toContainText('looks handwritten');
    await expect(figure).toContainText('looks typed');
  }
  // the overlay is drawn in the page's pixels, over the whole picture
  const box = await resultCard(page, TYPED.name).getByRole('figure').locator('svg').boundingBox();
  const img = await resultCard(page, TYPED.name).getByRole('figure').getByRole('img').boundingBox();
  expect(Math.abs(box.width - img.width)).toBeLessThan(2);
  expect(Math.abs(box.height - img.height)).toBeLessThan(2);
  await expect(classifyPanel(page)).not.toContainText('Nothing classified yet.');
});

test('a file that is not an image and a blank page each get their sentence; the others proceed', async ({ page }) => {
  await gotoSort(page);
  await classify(page, [NOT_AN_IMAGE, BLANK, TYPED]);
  await expect(resultCard(page, NOT_AN_IMAGE.name).getByRole('alert')).toHaveText(
    /This file is not an image Precis reads\. Send a PNG, JPEG or TIFF image, or a PDF of scanned pages\./,
  );
  await expect(resultCard(page, BLANK.name).getByRole('alert')).toHaveText(/No writing was found on this page/);
  for (const refused of [NOT_AN_IMAGE, BLANK]) {
    await expect(resultCard(page, refused.name).getByRole('table')).toHaveCount(0);
  }
  await expect(resultCard(page, TYPED.name).getByRole('status')).toHaveText(VERDICT);
  await expect(resultCard(page, TYPED.name).getByRole('alert')).toHaveCount(0);
});

test('pictures dropped on the Classify panel are judged, each in its card', async ({ page }) => {
  await gotoSort(page);
  const files = await page.evaluateHandle(
    ([hand, typed]) => {
      const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes(hand)], 'dropped-handwriting.png', { type: 'image/png' }));
      transfer.items.add(new File([bytes(typed)], 'dropped-typed.png', { type: 'image/png' }));
      return transfer;
    },
    [HANDWRITTEN.buffer.toString('base64'), TYPED.buffer.toString('base64')],
  );
  const panel = classifyPanel(page);
  await panel.dispatchEvent('dragover', { dataTransfer: files });
  await panel.dispatchEvent('drop', { dataTransfer: files });
  for (const name of ['dropped-handwriting.png', 'dropped-typed.png']) {
    const card = resultCard(page, name);
    await expect(card.getByRole('status')).toHaveText(VERDICT, { timeout: 30_000 });
    await expect(card.getByRole('figure').getByRole('img')).toBeVisible();
  }
});

test('a TIFF, which the browser cannot show, gets its verdict page by page', async ({ page }) => {
  await gotoSort(page);
  await classify(page, [TIFF]);
  const card = resultCard(page, TIFF.name);
  await expect(card.getByRole('status')).toHaveText(VERDICT);
  await expect(card).toContainText('The browser cannot show this file: the verdict is given page by page.');
  await expect(card.getByRole('list')).toHaveText(/^Page 1: (Handwritten|Typed), \d{2,3}%$/);
  await expect(card.getByRole('figure')).toHaveCount(0);
  await expect(card.getByRole('table', { name: 'What each model says', exact: true }).getByRole('row')).toHaveCount(
    1 + MODELS.length,
  );
});

test('the model picker lists the models; another model gives the verdict when chosen', async ({ page }) => {
  await gotoSort(page);
  const picker = modelPicker(page);
  await expect(picker.getByRole('option')).toHaveCount(1 + MODELS.length);
  await expect(picker).toHaveValue('');
  await expect(picker.getByRole('option').first()).toHaveText(/^The default model \((hog-svm|texture-logistic|cnn)\)$/);
  await picker.selectOption('hog-svm');
  await classify(page, [TYPED]);
  const card = resultCard(page, TYPED.name);
  await expect(card).toContainText('Verdict of hog-svm.');
  await expect(
    card.getByRole('table').getByRole('row').filter({ hasText: 'gives the verdict' }),
  ).toContainText('hog-svm');
});

test('the Models view compares the models: costs, metrics with intervals per set, and the plots', async ({ page }) => {
  await gotoSort(page);
  const panel = modelsPanel(page);
  await expect(panel).toContainText(/Default model: (hog-svm|texture-logistic|cnn)\./);
  const costs = panel.getByRole('table', { name: 'What each model costs', exact: true });
  await expect(costs.getByRole('row')).toHaveCount(1 + MODELS.length);
  await expect(costs.getByRole('row').filter({ hasText: 'Default' })).toHaveCount(2); // header + the default
  await expect(costs).toContainText(/\d+ KB/);
  await expect(costs).toContainText(/[\d.]+ ms/);
  for (const set of ['Unseen fonts', 'Real scans']) {
    const table = panel.getByRole('table', { name: new RegExp(`^${set}: [\\d,]+ pages`) });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'ROC AUC', exact: true })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(1 + MODELS.length);
    // a value and its interval: "0.932 [0.845–0.996]"
    await expect(table).toContainText(/\d\.\d{3} \[\d\.\d{3}–\d\.\d{3}\]/);
    const section = panel.getByRole('region', { name: set, exact: true });
    const figures = section.getByRole('figure');
    await expect(figures).toHaveCount(3);
    await expect(section.getByRole('figure', { name: `ROC curves, ${set.toLowerCase()}` })).toBeVisible();
    for (const [caption, alt] of [
      ['ROC curves', /^ROC curves of the models on the .* set\. Area under the curve: .*(cnn|hog-svm) \d\.\d{3}/],
      ['Confusion matrices', /^Confusion matrices of the models on the .* set\. \S+: \d+ of \d+ handwritten pages/],
      ['Reliability diagram', /^Reliability diagram of the models on the .* set\. Calibration error: /],
    ]) {
      const figure = section.getByRole('figure', { name: `${caption}, ${set.toLowerCase()}`, exact: true });
      const img = figure.getByRole('img');
      await img.scrollIntoViewIfNeeded();
      await expect(img).toHaveAccessibleName(alt);
      // the server's SVG, loaded
      await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
    }
  }
  const report = panel.getByRole('link', { name: 'The whole report (Markdown)', exact: true });
  const answer = await page.request.get(new URL(await report.getAttribute('href'), INSTANCES.sort).href);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toContain('text/markdown');
});

test('the top bar links Summarize, Ask and Sort, reached and followed by keyboard', async ({ page }) => {
  await gotoStudio(page, 'sort');
  const nav = page.getByRole('navigation', { name: 'Sections', exact: true });
  const sortLink = nav.getByRole('link', { name: 'Sort', exact: true });
  await expect(sortLink).not.toHaveAttribute('aria-current', 'page');
  // Tab from the top of the page until the link has the focus, then Enter
  await page.locator('body').focus();
  for (let i = 0; i < 20 && !(await sortLink.evaluate((a) => a === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(sortLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(sortUrl());
  await expect(page.getByRole('heading', { level: 2, name: 'Handwritten or typed?', exact: true })).toBeVisible();
  await expect(page).toHaveTitle('Handwritten or typed? — Precis');
  await expect(sortLink).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Summarize', exact: true })).not.toHaveAttribute('aria-current', 'page');
  // the file picker is a real input, reached by keyboard
  await filesInput(page).focus();
  await expect(filesInput(page)).toBeFocused();
});

test('the page is served whole before any script runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(sortUrl());
  await expect(page.getByRole('heading', { level: 2, name: 'Handwritten or typed?', exact: true })).toBeVisible();
  await expect(filesInput(page)).toBeVisible();
  await expect(modelPicker(page)).toBeVisible();
  await expect(modelsPanel(page)).toContainText('Loading the models…');
  await expect(trainPanel(page).getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await context.close();
});

test('in French: the labels, the verdicts and the server’s sentences are French', async ({ page, context }) => {
  await context.addCookies([{ name: 'precis_prefs', value: 'lang=fr&theme=system', domain: '127.0.0.1', path: '/' }]);
  await gotoSort(page, 'sort', { costs: 'Ce que coûte chaque modèle' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 2, name: 'Manuscrit ou dactylographié\u202f?', exact: true })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Rubriques', exact: true });
  await expect(nav.getByRole('link', { name: 'Trier', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(classifyPanel(page, 'Classer des pages')).toContainText('Rien n’a encore été classé.');
  await expect(modelPicker(page, 'Verdict donné par')).toBeVisible();
  await filesInput(page, 'Choisir des fichiers').setInputFiles([NOT_AN_IMAGE, TYPED]);
  const card = (file) => resultCard(page, file.name, 'Résultats');
  await expect(card(NOT_AN_IMAGE).getByRole('alert')).toContainText('Ce fichier n’est pas une image que Precis sait lire.');
  await expect(card(TYPED).getByRole('status')).toHaveText(VERDICT_FR, { timeout: 30_000 });
  await expect(card(TYPED).getByRole('table', { name: 'L’avis de chaque modèle', exact: true })).toBeVisible();
  // numbers written the French way: "0,932 [0,845–0,996]"
  const models = modelsPanel(page, 'Modèles');
  await expect(models.getByRole('table', { name: /^Polices inédites\s: / })).toContainText(/\d,\d{3} \[\d,\d{3}–\d,\d{3}\]/);
  await expect(trainPanel(page, 'Entraîner de nouveau')).toContainText('Seuls les administrateurs de ce Precis');
  // the plots are drawn in French too (the request carries the page's language)
  const roc = models.getByRole('figure', { name: 'Courbes ROC, polices inédites', exact: true }).getByRole('img');
  const svg = await page.request.get(new URL(await roc.getAttribute('src'), INSTANCES.sort).href);
  expect(await svg.text()).toContain('Courbes ROC — polices inédites');
});

test('someone who is not an operator sees why they cannot train', async ({ page }) => {
  // a visitor, then an account that PRECIS_OPERATORS does not list
  for (const who of ['visitor', 'account']) {
    if (who === 'account') await signUp(page, 'sort');
    await gotoSort(page);
    const panel = trainPanel(page);
    const train = panel.getByRole('button', { name: 'Train', exact: true });
    await expect(panel).toContainText(
      'Only the operators of this Precis may train the models: the accounts listed in PRECIS_OPERATORS.',
    );
    await expect(train).toBeDisabled();
    await expect(train).toHaveAccessibleDescription(/Only the operators of this Precis/);
    await expect(panel.getByRole('progressbar')).toHaveCount(0);
  }
});

test('an operator starts a training job, follows its progress (after a reload too) and cancels it', async ({ page, context }) => {
  test.setTimeout(120_000);
  await signUp(page, 'sort', SORT_OPERATOR, PASSWORD);
  // a second tab, open before the job starts: its Train button is still on
  const other = await context.newPage();
  await gotoSort(other);
  await gotoSort(page);
  const panel = trainPanel(page);
  await expect(panel).not.toContainText('Only the operators');
  await panel.getByRole('radio', { name: /^Quick/ }).check();
  const train = panel.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toBeEnabled();
  const [started] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/classifier/train') && r.request().method() === 'POST'),
    train.click(),
  ]);
  if (!sortDataInstalled()) {
    // Deliberate: without the Sort data (scripts/sort_data.sh) the server refuses to train and
    // says why; that refusal is what this machine can check.
    test.info().annotations.push({ type: 'sort data missing', description: 'only the refusal was checked' });
    await expect(panel.getByRole('alert')).toContainText('The Sort data (fonts and real scans) is not installed');
    return;
  }
  expect(started.status()).toBe(202);
  const job = await started.json();
  const bar = panel.getByRole('progressbar', { name: 'Training progress', exact: true });
  try {
    await expect(bar).toBeVisible();
    await expect(panel.getByRole('status')).toContainText(/^\d{1,3}% · /);
    await expect(train).toBeDisabled();
    // the other tab cannot start a second job while this one runs: it is told so, and follows it
    await trainPanel(other).getByRole('button', { name: 'Train', exact: true }).click();
    await expect(trainPanel(other).getByRole('alert')).toContainText('A training job is already running.');
    await expect(trainPanel(other).getByRole('progressbar', { name: 'Training progress', exact: true })).toBeVisible();
    await other.close();
    // after a reload the page finds the job and follows it again
    await page.reload();
    await waitUntilLive(page);
    await expect(bar).toBeVisible({ timeout: 20_000 });
    await expect(train).toBeDisabled();
    await panel.getByRole('button', { name: 'Cancel training', exact: true }).click();
    await expect(panel.getByRole('status')).toHaveText('Training cancelled: the models in use are unchanged.', {
      timeout: 60_000,
    });
    await expect(bar).toHaveCount(0);
    await expect(train).toBeEnabled();
    await expect(panel.getByRole('alert')).toHaveCount(0);
  } finally {
    // never leave a job running (it would hold the CPU for the tests after this one)
    await page.request
      .delete(new URL(`/api/v1/classifier/jobs/${job.id}`, INSTANCES.sort).href)
      .catch(() => {});
  }
});

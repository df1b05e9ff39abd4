import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3555';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
  await page.goto(base + '/ask');
  await page.waitForLoadState('networkidle');
  await page.waitForSelector('html[data-hydrated="true"]');
  if (scheme === 'light') {
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Staff handbook');
    await page.getByRole('textbox', { name: 'Text', exact: true }).fill('Holidays. Every employee has 25 days of paid holiday a year, taken in agreement with their manager.\n\nExpenses. Travel expenses are refunded within 30 days when the receipt is attached to the claim.\n\nRemote work. Staff may work from home two days a week.');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.waitForTimeout(4000);
    await page.getByRole('textbox', { name: /question/i }).fill('How many days of holiday do I get?');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(5000);
    const cite = page.getByRole('button', { name: /^Source \[1\]/ }).first();
    try { await cite.click({ timeout: 2000 }); await page.waitForTimeout(800); } catch (e) { console.log('no citation button', e.message.split('\n')[0]); }
  }
  await page.screenshot({ path: `/tmp/ask-${scheme}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/ask-${scheme}-mobile.png`, fullPage: true });
}
await browser.close();

// First-load measurement (scripts/bench_first_load.sh runs it against a Precis it starts):
// Chromium with DevTools network throttling (CDP Network.emulateNetworkConditions) opens the
// studio in a fresh profile (first visit: empty cache), then again in the same profile (repeat
// visit), and reports, per visit, the bytes on the wire (DevTools' "transferred": headers and
// bodies as received, compressed) and the time from navigation start until the studio is
// interactive (`<html data-hydrated>`, set by the app once hydrated: src/ui/mod.rs).
//
//   node first-load.mjs URL [--runs N] [--latency MS] [--down KBPS] [--up KBPS] [--cpu RATE] [--json FILE]
//
// Defaults: a "Slow 4G"-like profile (Lighthouse's mobile one): 150 ms round trip added to each
// request, 1,600 Kbit/s down, 750 Kbit/s up; CPU not throttled (--cpu 4 slows it 4x). The
// figures printed are the medians over the runs (each run a new browser profile).
import { chromium } from '@playwright/test';
import { chromiumLaunch } from './chromium.mjs';
import fs from 'node:fs';

const args = process.argv.slice(2);
const url = args[0]?.startsWith('http') ? args[0] : undefined;
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
if (!url) {
  console.error('usage: node first-load.mjs URL [--runs N] [--latency MS] [--down KBPS] [--up KBPS] [--cpu RATE] [--json FILE]');
  process.exit(2);
}
const runs = Number(option('runs', 5));
const profile = {
  latency: Number(option('latency', 150)),
  downKbps: Number(option('down', 1600)),
  upKbps: Number(option('up', 750)),
  cpu: Number(option('cpu', 1)),
};
const jsonOut = option('json', '');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One visit of `page`: bytes per request and the time until hydrated. */
async function visit(page, cdp) {
  const requests = new Map();
  const onResponse = ({ requestId, response }) => {
    if (!response.url.startsWith('http')) return; // data: URLs (the page's inline icons)
    requests.set(requestId, {
      path: new URL(response.url).pathname,
      encoding: Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? '',
      cached: Boolean(response.fromDiskCache || response.fromServiceWorker || response.fromPrefetchCache),
      wire: 0,
    });
  };
  const onCached = ({ requestId }) => {
    const r = requests.get(requestId);
    if (r) r.cached = true;
  };
  const onFinished = ({ requestId, encodedDataLength }) => {
    const r = requests.get(requestId);
    if (r) r.wire = encodedDataLength;
  };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.requestServedFromCache', onCached);
  cdp.on('Network.loadingFinished', onFinished);
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 120_000 });
  // Let whatever the page still fetches (the history, a stream) finish and be counted.
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  const timing = await page.evaluate(() => ({
    hydrated: window.__hydratedAt,
    domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
    responseEnd: performance.getEntriesByType('navigation')[0]?.responseEnd,
  }));
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.requestServedFromCache', onCached);
  cdp.off('Network.loadingFinished', onFinished);
  const list = [...requests.values()];
  return {
    hydratedMs: timing.hydrated,
    htmlMs: timing.responseEnd,
    domContentLoadedMs: timing.domContentLoaded,
    wireBytes: list.reduce((s, r) => s + r.wire, 0),
    requests: list,
  };
}

const browser = await chromium.launch(chromiumLaunch);

const results = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The moment the app marks the page hydrated, since navigation start.
    await page.addInitScript(() => {
      // On the document (its <html> may not exist yet when this runs).
      new MutationObserver((_, observer) => {
        if (document.documentElement?.hasAttribute('data-hydrated')) {
          window.__hydratedAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: (profile.downKbps * 1000) / 8,
      uploadThroughput: (profile.upKbps * 1000) / 8,
      connectionType: 'cellular4g',
    });
    if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    const first = await visit(page, cdp);
    const repeat = await visit(page, cdp);
    results.push({ first, repeat });
    console.error(
      `run ${run + 1}/${runs}: first ${Math.round(first.hydratedMs)} ms, ${first.wireBytes} B; ` +
        `repeat ${Math.round(repeat.hydratedMs)} ms, ${repeat.wireBytes} B`,
    );
    await context.close();
  }
} finally {
  await browser.close();
}

const summary = (key) => ({
  hydratedMs: Math.round(median(results.map((r) => r[key].hydratedMs))),
  htmlMs: Math.round(median(results.map((r) => r[key].htmlMs))),
  wireBytes: Math.round(median(results.map((r) => r[key].wireBytes))),
  minHydratedMs: Math.round(Math.min(...results.map((r) => r[key].hydratedMs))),
  maxHydratedMs: Math.round(Math.max(...results.map((r) => r[key].hydratedMs))),
});
const report = {
  url,
  profile,
  runs,
  first: summary('first'),
  repeat: summary('repeat'),
  // the last run's requests, for the detail
  lastRun: results.at(-1),
};
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(report, null, 2));
const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
console.log(
  `profile: ${profile.latency} ms latency, ${profile.downKbps} Kbit/s down, ${profile.upKbps} Kbit/s up, CPU ${profile.cpu}x; median of ${runs} runs`,
);
console.log('visit   | on the wire | HTML received | hydrated (min-max)');
for (const key of ['first', 'repeat']) {
  const s = report[key];
  console.log(
    `${key.padEnd(7)} | ${kb(s.wireBytes).padStart(11)} | ${`${s.htmlMs} ms`.padStart(13)} | ${s.hydratedMs} ms (${s.minHydratedMs}-${s.maxHydratedMs})`,
  );
}
console.log('last first visit, per request:');
for (const r of report.lastRun.first.requests) {
  console.log(`  ${r.path.padEnd(48)} ${String(r.wire).padStart(9)} B ${r.encoding}${r.cached ? ' (cache)' : ''}`);
}

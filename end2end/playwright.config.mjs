// Browser end-to-end tests for Precis.  See README.md in this folder.
//
// Playwright starts, before any test and stops after the last:
//   - the mock HuggingFace API (mock-hf.mjs)             127.0.0.1:3919  ($MOCK_HF_PORT)
//   - "hf"      Precis with a token, pointed at the mock  127.0.0.1:3100
//   - "local"   Precis without a token (local engine)     127.0.0.1:3101
//   - "limited" Precis with a token and a tiny own rate limit (burst 2, 1/min)  127.0.0.1:3102
//   - "members" Precis without a token, for accounts only (PRECIS_ALLOW_ANONYMOUS=false)  127.0.0.1:3103
//   - "sort"    Precis without a token, one operator (PRECIS_OPERATORS): the Sort page  127.0.0.1:3104
// Each Precis instance gets a fresh, empty data directory, and the repo's models/ folder (the
// embedded engine's weights, fetched by scripts/models.sh; $PRECIS_MODELS_DIR overrides it) —
// except "limited", whose models folder is empty: its picker shows models that cannot run.
import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './chromium.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

// The server binary; a relative PRECIS_BIN is taken relative to this folder (end2end/).
const precisBin = path.resolve(here, process.env.PRECIS_BIN ?? '../target/debug/precis');
const mockPort = Number(process.env.MOCK_HF_PORT ?? 3919);
// The local engine's models; a relative PRECIS_MODELS_DIR is taken relative to the repo root.
const modelsDir = path.resolve(repoRoot, process.env.PRECIS_MODELS_DIR ?? 'models');
const mockUrl = `http://127.0.0.1:${mockPort}`;

// Playwright loads this file in its main process and again in each worker; only the main
// process starts the servers, so only it needs (and creates) the data directories.
const isWorker = process.env.TEST_WORKER_INDEX !== undefined;
const freshDataDir = (name) =>
  isWorker ? '' : fs.mkdtempSync(path.join(os.tmpdir(), `precis-e2e-${name}-`));

// The servers inherit this process's environment (Playwright merges `env` into it): a token or
// a base URL set there must not reach them, and the "local" instance must have no token at
// all.  So the command unsets every such variable that `env` below does not set itself.
const HF_VARS = ['HF_TOKEN', 'HF_BASE_URL', 'HF_API_TOKEN', 'HUGGINGFACE_TOKEN', 'HUGGING_FACE_HUB_TOKEN'];
const shellQuote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
const precisCommand = (keep) =>
  ['env', ...HF_VARS.filter((v) => !keep.includes(v)).map((v) => `-u ${v}`), shellQuote(precisBin)].join(' ');

// The account allowed to train Sort's models on the "sort" instance (the Sort spec signs it up).
// (tests/sort-helpers.mjs names it too.)
const SORT_OPERATOR = 'sort-operator@example.org';

function precis(name, port, { token, burst = 1000, perMinute = 6000, models = modelsDir, anonymous = true, env = {} }) {
  return {
    name: `precis-${name}`,
    command: precisCommand(token ? ['HF_TOKEN', 'HF_BASE_URL'] : []),
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM first so the server can close its database cleanly, SIGKILL after 5 s
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: 'target/site',
      PRECIS_DATA_DIR: freshDataDir(name),
      PRECIS_MODELS_DIR: models,
      RUST_LOG: 'info',
      PRECIS_RATE_LIMIT_BURST: String(burst),
      PRECIS_RATE_LIMIT_PER_MINUTE: String(perMinute),
      PRECIS_ALLOW_ANONYMOUS: String(anonymous),
      ...(token ? { HF_TOKEN: 'e2e-token', HF_BASE_URL: mockUrl } : {}),
      ...env,
    },
  };
}

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 900 },
        launchOptions: chromiumLaunch,
      },
    },
  ],
  webServer: [
    {
      name: 'mock-hf',
      command: 'node mock-hf.mjs',
      cwd: here,
      url: `${mockUrl}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
      env: { MOCK_HF_PORT: String(mockPort) },
    },
    precis('hf', 3100, { token: true }),
    precis('local', 3101, { token: false }),
    precis('limited', 3102, { token: true, burst: 2, perMinute: 1, models: freshDataDir('no-models') }),
    // TextRank needs no weights: an empty models folder keeps its start-up quick
    precis('members', 3103, { token: false, anonymous: false, models: freshDataDir('members-models') }),
    // Sort: the classifier's models are built in; its data (for training) is where
    // scripts/sort_data.sh put it (PRECIS_SORT_DATA_DIR, else ${PRECIS_CACHE_DIR:-~/.cache/precis}/sort-data)
    precis('sort', 3104, {
      token: false,
      models: freshDataDir('sort-models'),
      env: {
        PRECIS_OPERATORS: SORT_OPERATOR,
        PRECIS_CLASSIFIER_RATE_LIMIT_BURST: '1000',
        PRECIS_CLASSIFIER_RATE_LIMIT_PER_MINUTE: '6000',
      },
    }),
  ],
});

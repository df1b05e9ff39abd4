// How every browser here is launched: Debian's Chromium (never a downloaded one) with the flags
// this machine needs (../shared/toolchain.md). Used by playwright.config.mjs and first-load.mjs.
export const chromiumLaunch = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

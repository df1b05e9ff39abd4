// The API page's theme, set in <head> before the first paint (a static file, like init.js, so
// that it runs under Precis's Content-Security-Policy): no light flash for a dark-theme visitor
// while Swagger UI's bundle loads.
'use strict';

// The theme: the one chosen in the app (its precis_prefs cookie, e.g. "lang=fr&theme=dark"),
// else the system's. Swagger UI has a dark palette of its own under <html class="dark-mode">;
// precis.css mends its colours where they lack contrast.
(() => {
  const cookie = document.cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith('precis_prefs='));
  const chosen = cookie && new URLSearchParams(cookie.slice('precis_prefs='.length)).get('theme');
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const dark = chosen === 'dark' || (chosen !== 'light' && system.matches);
    document.documentElement.classList.toggle('dark-mode', dark);
  };
  apply();
  system.addEventListener('change', apply);
})();

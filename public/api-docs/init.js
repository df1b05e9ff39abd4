// Starts Swagger UI on Precis's interactive API page (/api/docs).
// A static file rather than an inline <script>, so that the page runs under Precis's
// Content-Security-Policy (script-src 'self'). Every asset comes from this server.
'use strict';

// The theme: the one chosen in the app (its precis_prefs cookie, e.g. "lang=fr&theme=dark"),
// else the system's. Swagger UI has a dark palette of its own under <html class="dark-mode">;
// precis.css mends its colours where they lack contrast. Set now, before the first paint.
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

// An operation's summary is a button (it opens the operation); with deep linking on, Swagger UI
// puts the operation's link inside it: a link in a button, which a keyboard or screen reader
// cannot reach on its own (axe: nested-interactive). The path stays plain text in the button;
// deep linking itself (the address follows the open operation, and reopens it) is unchanged.
// eslint-disable-next-line no-unused-vars
const PlainSummaryPath = (system) => ({
  wrapComponents: {
    OperationSummaryPath: (Original) => (props) =>
      system.React.createElement(Original, {
        ...props,
        operationProps: props.operationProps.set('isDeepLinkingEnabled', false),
      }),
  },
});

window.addEventListener('load', () => {
  // eslint-disable-next-line no-undef
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    // no request to validator.swagger.io (the default): the page works offline
    validatorUrl: null,
    deepLinking: true,
    displayOperationId: false,
    defaultModelsExpandDepth: 0,
    // requests carry the precis_uid cookie, like the page's own
    withCredentials: true,
    layout: 'BaseLayout',
    // eslint-disable-next-line no-undef
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [PlainSummaryPath],
  });
});

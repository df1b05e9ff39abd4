// Starts Swagger UI on Precis's interactive API page (/api/docs).
// A static file rather than an inline <script>, so that the page runs under Precis's
// Content-Security-Policy (script-src 'self'). Every asset comes from this server.
'use strict';

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

// What a wrapped component cannot reach, mended in the page as Swagger UI draws it:
// - a response's example picker (a <select>), the request body (a <textarea>) and a parameter's
//   list of choices (a <select>) have no label;
// - a code block (an example, a response, the curl command) scrolls when long, and a scrolling
//   box must be reachable by keyboard to be scrolled without a mouse
//   (axe: scrollable-region-focusable).
function mend(root) {
  for (const select of root.querySelectorAll('select.examples-select-element:not([aria-label])')) {
    select.setAttribute('aria-label', 'Examples');
  }
  for (const body of root.querySelectorAll('textarea.body-param__text:not([aria-label])')) {
    body.setAttribute('aria-label', 'Request body');
  }
  // a parameter's value (a text box, or a list for a choice), named after the parameter
  for (const row of root.querySelectorAll('tr[data-param-name]')) {
    const fields = row.querySelectorAll(
      '.parameters-col_description :is(select, textarea, input:not([type="checkbox"])):not([aria-label])',
    );
    for (const field of fields) field.setAttribute('aria-label', row.dataset.paramName);
  }
  for (const code of root.querySelectorAll('.highlight-code > pre:not([tabindex]), pre.curl:not([tabindex])')) {
    code.setAttribute('tabindex', '0');
  }
  // the modal's close button is an icon; its Authorize and Logout buttons have a name that is
  // not their text (a speech-input user says what they see): the text is the name
  for (const close of root.querySelectorAll('button.close-modal:not([aria-label])')) {
    close.setAttribute('aria-label', 'Close');
  }
  for (const button of root.querySelectorAll('.auth-btn-wrapper button[aria-label]')) {
    button.removeAttribute('aria-label');
  }
}

window.addEventListener('load', () => {
  const root = document.getElementById('swagger-ui');
  new MutationObserver(() => mend(root)).observe(root, { childList: true, subtree: true });

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

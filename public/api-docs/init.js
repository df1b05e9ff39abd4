// Starts Swagger UI on Precis's interactive API page (/api/docs).
// A static file rather than an inline <script>, so that the page runs under Precis's
// Content-Security-Policy (script-src 'self'). Every asset comes from this server.
'use strict';

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
  });
});

// Starts Swagger UI on the benchmark's OpenAPI description with the one operation
// already expanded and in "try it out" mode, so its request body editor appears without
// a click. Only the bundle's core preset is used (no top bar, no online validator): the
// leanest honest set-up, which makes the peer as fast as Swagger UI gets.
window.ui = SwaggerUIBundle({
  url: 'openapi.json',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  docExpansion: 'full',
  tryItOutEnabled: true,
  validatorUrl: null,
  deepLinking: false,
});

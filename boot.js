// Starts the app. Trunk writes the hashed file names of the wasm-bindgen glue and the wasm
// module into this script's tag (see pattern_script in Trunk.toml); loading them from a file
// rather than an inline script lets the page forbid inline scripts. An address that names
// another operation than the page's own (`?op=…`, see index.html's data-operation) starts the
// plain page of that operation instead, a wasm of its own; `?op=` alone is the list of every
// operation, on that page too.
const op = new URLSearchParams(location.search).get('op');
if (op !== null && op !== document.documentElement.dataset.operation) {
  // Its glue and its wasm are fetched side by side (Trunk's operation-page_loader.js would
  // import the glue, which would only then fetch the wasm).
  const wasm = fetch(new URL('operation-page_bg.wasm', document.baseURI));
  const glue = await import(new URL('operation-page.js', document.baseURI).href);
  await glue.default({ module_or_path: wasm });
} else {
  const tag = document.querySelector('script[data-js][data-wasm]');
  const glue = await import(new URL(tag.dataset.js, document.baseURI).href);
  await glue.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
}

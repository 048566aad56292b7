// Starts the app. Trunk writes the hashed file names of the wasm-bindgen glue and the wasm
// module into this script's tag (see pattern_script in Trunk.toml); loading them from a file
// rather than an inline script lets the page forbid inline scripts.
const tag = document.querySelector('script[data-js][data-wasm]');
const glue = await import(new URL(tag.dataset.js, document.baseURI).href);
await glue.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });

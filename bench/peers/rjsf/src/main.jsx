// The second peer of the benchmark: the form a developer would reach for first, a
// react-jsonschema-form (RJSF 5) rendering of the same ten members from a JSON Schema, with
// live validation (ajv 8) and the --cli-input-json document shown as it is typed. Built by
// bench/run.sh with esbuild (bundled, minified, production React).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import schema from './schema.json';

const uiSchema = {
  'ui:submitButtonOptions': { norender: true },
  description: { 'ui:widget': 'textarea' },
};

function App() {
  const [formData, setFormData] = useState({});
  return (
    <main>
      <Form
        schema={schema}
        uiSchema={uiSchema}
        validator={validator}
        formData={formData}
        onChange={(e) => setFormData(e.formData)}
        liveValidate
        showErrorList="top"
        noHtml5Validate
      />
      <section aria-labelledby="json-title">
        <h2 id="json-title">--cli-input-json</h2>
        <pre id="out-json">{JSON.stringify(formData, null, 2)}</pre>
      </section>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);

// The plain page of every other operation (`?op=…`, src/ui/operation_page.rs) in each browser
// engine (harness.mjs): a nested document imported into put-app-replication-configuration
// fills the form and every output shows it; the address is the share link; a pasted command
// opens its operation's page, from a plain page or from the main page; problems inside a JSON
// value are shown at their path; the list of operations opens another one; the main page stays
// the main page.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { test, chromiumOnly, startServer, launch, openPage, ready, out, later } from './harness.mjs';

const SEED = later();

let server;
let url;
let origin;
let browser;

before(async () => {
  ({ server, url, origin } = await startServer());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a page, runs `body(page)`, then checks the page stayed clean. */
async function withPage(query, body) {
  const { context, page, problems } = await openPage(browser, origin);
  try {
    await page.goto(url + query);
    await body(page);
    assert.deepEqual(problems.console, [], 'console errors');
    assert.deepEqual(problems.foreign, [], 'requests to another origin');
  } finally {
    await context.close();
  }
}

/** Waits for the operation page's outputs. */
function opReady(page) {
  return page.waitForSelector('#out-http-body', { state: 'attached' });
}

const DOCUMENT = `appId: app-0123456789abcdef0
serverGroupReplicationConfigurations:
- serverGroupId: g-1
  serverReplicationConfigurations:
  - serverReplicationParameters:
      frequency: 12
      seedTime: '${SEED.iso}'
      runOnce: true
    server:
      serverId: "it's \\"quoted\\""
      vmServer: {}
- serverReplicationConfigurations: []
`;

const BODY =
  '{"appId": "app-0123456789abcdef0", "serverGroupReplicationConfigurations": [{"serverGroupId": "g-1", ' +
  '"serverReplicationConfigurations": [{"server": {"serverId": "it\'s \\"quoted\\"", "vmServer": {}}, ' +
  `"serverReplicationParameters": {"seedTime": ${SEED.epoch}, "frequency": 12, "runOnce": true}}]}, ` +
  '{"serverReplicationConfigurations": []}]}';

/** Every output of the page holds the document's values. */
async function outputsShowTheDocument(page) {
  await page.waitForFunction((body) => document.getElementById('out-http-body').textContent === body, BODY);
  assert.equal(await out(page, 'http-body'), BODY);
  const http = await out(page, 'http');
  assert.match(http, /^POST \/ HTTP\/1\.1\n/);
  assert.match(http, /\nX-Amz-Target: AWSServerMigrationService_V2016_10_24\.PutAppReplicationConfiguration\n/);
  assert.ok(http.endsWith(`\n\n${BODY}`));
  const json = JSON.parse(await out(page, 'json'));
  assert.equal(json.serverGroupReplicationConfigurations[0].serverReplicationConfigurations[0].serverReplicationParameters.seedTime, SEED.iso);
  assert.deepEqual(Object.keys(json.serverGroupReplicationConfigurations[0].serverReplicationConfigurations[0]), ['server', 'serverReplicationParameters']);
  const yaml = await out(page, 'yaml');
  assert.ok(yaml.includes(`      seedTime: '${SEED.iso}'\n`), yaml);
  assert.ok(yaml.startsWith('appId: app-0123456789abcdef0\nserverGroupReplicationConfigurations:\n- serverGroupId: g-1\n'), yaml);
  const cli = await out(page, 'cli');
  assert.ok(cli.startsWith('aws sms put-app-replication-configuration \\\n    --app-id app-0123456789abcdef0 \\\n    --server-group-replication-configurations \'[{"serverGroupId": "g-1", '), cli);
  assert.match(await out(page, 'skeleton-input'), /"seedTime": "1970-01-01T00:00:00"/);
}

test('a nested document imported on the page of put-app-replication-configuration fills every output', async () => {
  await withPage('?op=put-app-replication-configuration', async (page) => {
    await opReady(page);
    assert.equal(await page.title(), 'SMS Job Builder — aws sms put-app-replication-configuration');
    await page.click('details.import > summary');
    await page.fill('#import-text', DOCUMENT);
    await page.click('#import-run');
    await page.waitForFunction(() => document.getElementById('f-app-id').value !== '');
    assert.equal(await page.inputValue('#f-app-id'), 'app-0123456789abcdef0');
    // The nested value is shown as fields, and as JSON on demand.
    assert.equal(
      await page.inputValue('#f-server-group-replication-configurations--0-server-replication-configurations--0-server-server-id'),
      'it\'s "quoted"',
    );
    await page.click('#json-server-group-replication-configurations');
    const nested = JSON.parse(await page.inputValue('#f-server-group-replication-configurations'));
    assert.equal(nested[0].serverReplicationConfigurations[0].server.serverId, 'it\'s "quoted"');
    await outputsShowTheDocument(page);
    assert.deepEqual(await page.$$eval('.diagnostics li', (items) => items.map((li) => li.textContent)), []);

    // The address is the share link: a fresh page opened from it shows the same.
    await page.waitForFunction(() => location.search.includes('server-group-replication-configurations='));
    const link = page.url();
    assert.match(link, /\?op=put-app-replication-configuration&app-id=app-0123456789abcdef0&server-group-replication-configurations=\[/);
    await page.goto(link);
    await opReady(page);
    await outputsShowTheDocument(page);

    // A second import asks before replacing a filled form.
    await page.click('details.import > summary');
    await page.fill('#import-text', '{"appId": "app-other"}');
    await page.click('#import-run');
    await page.waitForSelector('#import-replace');
    await page.click('#import-cancel');
    assert.equal(await page.inputValue('#f-app-id'), 'app-0123456789abcdef0');
  });
});

test('a pasted command opens its operation with its values; a shorthand error is reported at its place', async () => {
  await withPage('?op=get-servers', async (page) => {
    await opReady(page);
    await page.click('details.import > summary');
    await page.fill(
      '#import-text',
      `$ aws sms create-app --name web \\\n    --server-groups '[{"serverGroupId": "sg-1", "serverList": [{"serverId": "s-1"}]}]' \\\n    --tags '{"key": "team", "value": "web"}'`,
    );
    await page.click('#import-run');
    await page.waitForFunction(() => document.title.endsWith('aws sms create-app'));
    await opReady(page);
    assert.equal(await page.inputValue('#f-name'), 'web');
    assert.equal(
      await out(page, 'http-body'),
      '{"name": "web", "serverGroups": [{"serverGroupId": "sg-1", "serverList": [{"serverId": "s-1"}]}], "tags": [{"key": "team", "value": "web"}]}',
    );
    await page.click('details.import > summary');
    await page.fill('#import-text', 'aws sms create-app --name other --tags key=k,value=a}b');
    await page.click('#import-run');
    await page.waitForSelector('#import-problems li');
    assert.match(await page.textContent('#import-problems'), /character 14\).*`--tags`, element 1: a `\}` inside a value ends the structure; quote the value/);
    // The form is kept until the user says otherwise.
    assert.equal(await page.inputValue('#f-name'), 'web');
    await page.click('#import-cancel');
    assert.equal(await page.inputValue('#f-name'), 'web');
  });
});

test('a command of another operation pasted on the main page opens that operation\'s page', async () => {
  await withPage('?server-id=s-keep', async (page) => {
    await ready(page);
    await page.click('details.import > summary');
    await page.fill(
      '#import-text',
      `aws sms put-app-replication-configuration --app-id app-1 --server-group-replication-configurations '[{"serverGroupId": "g"}]'`,
    );
    await page.click('#import-run');
    await page.waitForSelector('#import-open');
    assert.match(await page.textContent('details.import'), /call of put-app-replication-configuration, which has a page of its own/);
    // Nothing of it went into this page's form.
    assert.equal(await page.inputValue('.job-form [name="server-id"]'), 's-keep');
    await page.click('#import-open');
    await page.waitForFunction(() => document.title.endsWith('aws sms put-app-replication-configuration'));
    await opReady(page);
    assert.equal(await out(page, 'http-body'), '{"appId": "app-1", "serverGroupReplicationConfigurations": [{"serverGroupId": "g"}]}');
  });
});

test('a create-app command in shorthand pasted into a fresh page fills its operation and nested form; the commands can be written in shorthand', async () => {
  await withPage('', async (page) => {
    await ready(page);
    await page.click('details.import > summary');
    await page.fill(
      '#import-text',
      `$ aws sms create-app --name web \\\n    --server-groups 'serverGroupId=sg-1,name=web tier,serverList=[{serverId=s-1},{serverId=s-2}]' serverGroupId=sg-2,serverList=[{serverId=s-3,vmServer={vmName=db}}] \\\n    --tags key=env,value=prod 'key=team,value=web\\,ops'`,
    );
    await page.click('#import-run');
    await page.waitForSelector('#import-open');
    await page.click('#import-open');
    await page.waitForFunction(() => document.title.endsWith('aws sms create-app'));
    await opReady(page);
    // The nested form holds what was pasted, element by element.
    assert.equal(await page.inputValue('#f-server-groups--0-name'), 'web tier');
    assert.equal(await page.inputValue('#f-server-groups--0-server-list--1-server-id'), 's-2');
    assert.equal(await page.inputValue('#f-server-groups--1-server-list--0-vm-server-vm-name'), 'db');
    assert.equal(await page.inputValue('#f-tags--1-value'), 'web,ops');
    const body =
      '{"name": "web", "serverGroups": [{"serverGroupId": "sg-1", "name": "web tier", "serverList": [{"serverId": "s-1"}, {"serverId": "s-2"}]}, ' +
      '{"serverGroupId": "sg-2", "serverList": [{"serverId": "s-3", "vmServer": {"vmName": "db"}}]}], ' +
      '"tags": [{"key": "env", "value": "prod"}, {"key": "team", "value": "web,ops"}]}';
    assert.equal(await out(page, 'http-body'), body);
    assert.match(await out(page, 'cli'), /--server-groups '\[\{"serverGroupId": "sg-1"/);
    // The same call, its commands in shorthand; the request does not change.
    await page.click('#notation-shorthand');
    await page.waitForFunction(() => document.getElementById('out-cli').textContent.includes('serverGroupId=sg-2'));
    const bash = await out(page, 'cli');
    assert.equal(
      bash,
      "aws sms create-app \\\n    --name web \\\n" +
        "    --server-groups 'serverGroupId=sg-1,name=web tier,serverList=[{serverId=s-1},{serverId=s-2}]' 'serverGroupId=sg-2,serverList=[{serverId=s-3,vmServer={vmName=db}}]' \\\n" +
        "    --tags key=env,value=prod 'key=team,value=\"web,ops\"'\n",
    );
    assert.equal(await out(page, 'http-body'), body);
    // The choice is in the share link, and remembered for the next operation opened.
    await page.waitForFunction(() => location.search.includes('cli.notation=shorthand'));
    await page.goto(`${url}?op=update-app&app-id=app-1&tags=${encodeURIComponent('[{"key": "k", "value": ""}]')}`);
    await opReady(page);
    assert.equal(await page.isChecked('#notation-shorthand'), true);
    assert.match(await out(page, 'cli'), /--tags 'key=k,value=""'/);
    // A member shorthand cannot carry stays JSON, and the page says why.
    await page.click('#json-tags');
    await page.fill('#f-tags', '[]');
    await page.waitForSelector('#notation-notes li');
    assert.match(await page.textContent('#notation-notes'), /--tags stays JSON: /);
    assert.match(await out(page, 'cli'), /--tags '\[\]'/);
  });
});

test('a nested member starts from its skeleton, and the form clears', async () => {
  await withPage('?op=create-app', async (page) => {
    await opReady(page);
    assert.ok(await page.isVisible('#skeleton-tags'));
    await page.click('#skeleton-tags');
    await page.waitForFunction(() => document.getElementById('out-http-body').textContent.includes('"tags"'));
    await page.click('#json-tags');
    assert.deepEqual(JSON.parse(await page.inputValue('#f-tags')), [{ key: '', value: '' }]);
    assert.equal(await out(page, 'http-body'), '{"tags": [{"key": "", "value": ""}]}');
    assert.ok(!(await page.isVisible('#skeleton-tags')), 'the button goes once the box holds a value');
    await page.click('#clear-form');
    await page.waitForFunction(() => document.getElementById('out-http-body').textContent === '{}');
    assert.equal(await page.inputValue('#f-tags'), '');
  });
});

test('an untouched required member is asked for calmly, and turns red once touched', async () => {
  await withPage('?op=start-on-demand-replication-run', async (page) => {
    await opReady(page);
    const id = '#f-replication-job-id';
    assert.equal(await page.getAttribute(id, 'aria-invalid'), 'false');
    assert.equal(await page.locator('#diag-replication-job-id li').count(), 0);
    // The outputs still say the call is incomplete.
    assert.ok(await page.isVisible('.op-outputs .incomplete'));
    // Leaving the field empty touches it.
    await page.focus(id);
    await page.focus('#f-description');
    await page.waitForSelector('#diag-replication-job-id li');
    assert.match(await page.textContent('#diag-replication-job-id li'), /^Error: /);
    assert.equal(await page.getAttribute(id, 'aria-invalid'), 'true');
  });
});

test('structures and lists are edited as fields: add, fill, duplicate, reorder, remove; absent and [] differ; fields and JSON switch both ways', async () => {
  await withPage('?op=create-app&name=web', async (page) => {
    await opReady(page);
    const body = (text) =>
      page.waitForFunction((t) => document.getElementById('out-http-body').textContent === t, text);
    await body('{"name": "web"}');
    // Absent, then the empty list: two different requests.
    await page.click('#add-server-groups');
    await body('{"name": "web", "serverGroups": []}');
    assert.match(await page.textContent('[data-flag="server-groups"]'), /The empty list: \[\] is sent\./);
    // Two server groups with two servers each.
    await page.click('#f-server-groups-add');
    await page.click('#f-server-groups-add');
    await body('{"name": "web", "serverGroups": [{}, {}]}');
    assert.match(await page.textContent('.status'), /Added Server group 2\./);
    for (const g of [0, 1]) {
      await page.fill(`#f-server-groups--${g}-name`, `group-${g + 1}`);
      await page.click(`#f-server-groups--${g}-server-list-add`);
      for (const s of [0, 1]) {
        await page.click(`#f-server-groups--${g}-server-list-add`);
        await page.fill(`#f-server-groups--${g}-server-list--${s}-server-id`, `s-${g}${s}`);
      }
    }
    const full =
      '{"name": "web", "serverGroups": [' +
      '{"name": "group-1", "serverList": [{"serverId": "s-00"}, {"serverId": "s-01"}]}, ' +
      '{"name": "group-2", "serverList": [{"serverId": "s-10"}, {"serverId": "s-11"}]}]}';
    await body(full);
    // A reload brings the nested form back: the address holds it.
    await page.waitForFunction(() => location.search.includes('s-11'));
    await page.evaluate(() => {
      window.beforeReload = true;
      setTimeout(() => location.reload(), 0);
    });
    await page.waitForFunction(
      () => window.beforeReload === undefined && document.getElementById('f-server-groups--1-server-list--1-server-id')?.value === 's-11',
    );
    await body(full);
    // The heading of a nested group says where it is.
    assert.match(await page.textContent('details.element details.element > summary'), /^Server group 1 › Server 1$/);
    // A boolean inside is a choice, typed as a boolean.
    await page.selectOption('#f-server-groups--1-server-list--1-replication-job-terminated', 'true');
    await body(full.replace('{"serverId": "s-11"}', '{"serverId": "s-11", "replicationJobTerminated": true}'));
    // Move the second group up, duplicate a server, remove the first group.
    await page.click('#f-server-groups--1-up');
    await page.waitForFunction(() => document.getElementById('f-server-groups--0-name').value === 'group-2');
    await page.click('#f-server-groups--1-server-list--0-duplicate');
    await page.click('#f-server-groups--0-remove');
    await body(
      '{"name": "web", "serverGroups": [{"name": "group-1", "serverList": [{"serverId": "s-00"}, {"serverId": "s-00"}, {"serverId": "s-01"}]}]}',
    );
    // A wrong value inside is shown at its control.
    await page.fill('#f-server-groups--0-server-list--0-server-id', '');
    await page.click('#json-server-groups');
    const json = await page.inputValue('#f-server-groups');
    assert.deepEqual(JSON.parse(json), [{ name: 'group-1', serverList: [{}, { serverId: 's-00' }, { serverId: 's-01' }] }]);
    // Back to the fields: nothing lost; an edit in JSON shows in the fields.
    await page.fill('#f-server-groups', '[{"name": "renamed", "serverList": []}]');
    await page.click('#fields-server-groups');
    assert.equal(await page.inputValue('#f-server-groups--0-name'), 'renamed');
    await body('{"name": "web", "serverGroups": [{"name": "renamed", "serverList": []}]}');
    // Leaving the member out makes it absent again.
    await page.click('#remove-server-groups');
    await body('{"name": "web"}');
    assert.ok(await page.isVisible('#add-server-groups'));
  });
});

test('the summary lists every problem, and its link moves the focus to the nested control', async () => {
  await withPage('?op=start-on-demand-replication-run', async (page) => {
    await opReady(page);
    assert.equal((await page.textContent('#error-summary h2')).trim(), '1 value still needed: replicationJobId');
    assert.equal(await page.getAttribute('#error-summary', 'class'), 'summary');
  });
  const groups = encodeURIComponent('[{"name": "g", "serverList": [{"serverId": "s-1"}, {"serverId": 5}]}]');
  await withPage(`?op=create-app&server-groups=${groups}`, async (page) => {
    await opReady(page);
    await page.waitForSelector('#error-summary li');
    assert.equal(
      await page.textContent('#error-summary li'),
      'serverGroups[0].serverList[1].serverId: Expected a string, found a number.',
    );
    assert.equal(await page.getAttribute('#error-summary', 'class'), 'summary summary-errors');
    // Fold the groups around the problem: the outer one says it holds a problem.
    await page.click('#f-server-groups--0-server-list--1-group > summary');
    await page.click('#f-server-groups--0-group > summary');
    assert.equal(await page.evaluate(() => document.getElementById('f-server-groups--0-group').open), false);
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.querySelector('#f-server-groups--0-group > summary'), '::after').content),
      '" (has a problem)"',
    );
    // The summary's link opens every folded group around the control and moves the focus there.
    await page.click('#error-summary li a');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-server-groups--0-server-list--1-server-id');
    assert.deepEqual(
      await page.evaluate(() => ['f-server-groups--0-group', 'f-server-groups--0-server-list--1-group'].map((id) => document.getElementById(id).open)),
      [true, true],
    );
    // The problem is also at the control itself.
    assert.equal(await page.getAttribute('#f-server-groups--0-server-list--1-server-id', 'aria-invalid'), 'true');
    // In the JSON box, the same link goes to the box.
    await page.click('#json-server-groups');
    await page.click('#error-summary li a');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-server-groups');
  });
});

test('a problem inside a JSON value is shown at its path, and fixing it clears it', async () => {
  await withPage('?op=create-app&name=web', async (page) => {
    await opReady(page);
    await page.click('#json-server-groups');
    await page.fill('#f-server-groups', '[{"serverList": [{"replicationJobTerminated": "yes"}]}]');
    await page.waitForSelector('#diag-server-groups li');
    assert.equal(
      await page.textContent('#diag-server-groups li'),
      'Error: (serverGroups[0].serverList[0].replicationJobTerminated) Expected true or false, found a string.',
    );
    assert.equal(await page.getAttribute('#f-server-groups', 'aria-invalid'), 'true');
    assert.ok(await page.isVisible('.op-outputs .incomplete'));
    await page.fill('#f-server-groups', '[{"serverList": [{"replicationJobTerminated": false}]}]');
    await page.waitForFunction(() => document.querySelector('#diag-server-groups li') === null);
    assert.equal(
      await out(page, 'http-body'),
      '{"name": "web", "serverGroups": [{"serverList": [{"replicationJobTerminated": false}]}]}',
    );
    await page.click('#json-tags');
    await page.fill('#f-tags', '[{"key": "k",\n "value": }]');
    await page.waitForSelector('#diag-tags li');
    assert.match(await page.textContent('#diag-tags li'), /^Error: \(line 2, column 11\) This is not JSON/);
  });
});

test('the operation picker finds an operation by part of its name or what it does, and opens it', async () => {
  await withPage('?op=delete-server-catalog', async (page) => {
    await opReady(page);
    assert.equal(await out(page, 'http-body'), '{}');
    assert.match(await page.textContent('.op-form'), /This operation takes no values/);
    // Collapsed to one line while an operation is shown; the shown one is marked.
    assert.match(await page.textContent('.op-picker summary'), /Operation: delete-server-catalog/);
    const open = () => page.evaluate(() => document.querySelector('.op-picker details').open);
    assert.equal(await open(), false);
    await page.click('.op-picker summary');
    assert.equal(await open(), true);
    assert.equal(await page.getAttribute('#op-list a[aria-current="page"]', 'href'), '?op=delete-server-catalog');
    assert.equal(await page.textContent('#op-count'), '35 operations.');
    await page.locator('#op-filter').pressSequentially('list ap');
    await page.waitForFunction(() => document.getElementById('op-count').textContent.startsWith('1 operation'));
    const shown = await page.$$eval('#op-list li:not([hidden]) code', (codes) => codes.map((c) => c.textContent));
    assert.deepEqual(shown, ['list-apps']);
    // Enter opens the first match.
    await page.locator('#op-filter').press('Enter');
    await page.waitForFunction(() => document.title.endsWith('aws sms list-apps'));
    await opReady(page);
    await page.click('#json-app-ids');
    await page.fill('#f-app-ids', '["app-1", "app-2"]');
    await page.waitForFunction(() => document.getElementById('out-cli').textContent.includes('--app-ids app-1 app-2'));
    assert.match(await page.textContent('.op-form'), /turns that off/);
  });
  // From the main page: its link opens the list; words of what an operation does find it.
  await withPage('', async (page) => {
    await ready(page);
    await page.click('#op-change');
    await page.waitForSelector('#op-filter');
    assert.ok(
      await page.evaluate(() => document.querySelector('.op-picker details').open),
      'the list is open when no operation is chosen',
    );
    await page.locator('#op-filter').pressSequentially('Lambda');
    await page.waitForFunction(() => document.getElementById('op-count').textContent.startsWith('1 operation'));
    await page.click('#op-list li:not([hidden]) a');
    await page.waitForFunction(() => document.title.endsWith('aws sms put-app-validation-configuration'));
    await opReady(page);
    // The main page's own operation is a link back to the main page.
    await page.click('.op-picker summary');
    await page.click('#op-list a[href="?"]');
    await ready(page);
    assert.equal(await page.inputValue('.job-form [name="server-id"]'), '');
  });
  await withPage('?op=create-replication-job&server-id=s-1', async (page) => {
    await ready(page);
    assert.equal(await page.inputValue('.job-form [name="server-id"]'), 's-1');
    // The link's `op` names the page's own operation: no "unknown key" about it.
    assert.ok(await page.isVisible('#restored'));
    assert.equal(await page.$$eval('#link-problems li', (l) => l.length), 0);
  });
  // A link to an operation the service lacks says so and opens the default.
  await withPage('?op=launch-rocket', async (page) => {
    // The page of another operation passes the link on to the main page.
    await page.waitForFunction(() => location.search.startsWith('?unknown-op='));
    await ready(page);
    await page.waitForSelector('#link-problems li');
    assert.equal(
      await page.textContent('#link-problems li'),
      'Warning: The link names "launch-rocket", which is not an operation of aws sms; here is create-replication-job instead.',
    );
  });
});

test('each operation keeps its own draft: switching back restores it', async () => {
  await withPage('?op=get-app', async (page) => {
    await opReady(page);
    await page.fill('#f-app-id', 'app-0123456789abcdef0');
    await page.waitForFunction(() => location.search.includes('app-id=app-0123456789abcdef0'));
    // Another operation, through the picker: its own (empty) form.
    await page.evaluate(() => { window.sameDocument = true; });
    await page.click('.op-picker summary');
    await page.click('#op-list a[href="?op=list-apps"]');
    await page.waitForFunction(() => document.title.endsWith('aws sms list-apps'));
    await opReady(page);
    assert.ok(await page.isVisible('#add-app-ids'), 'not given');
    await page.fill('#f-max-results', '5');
    await page.waitForFunction(() => location.search.includes('max-results=5'));
    // Back to the first: its draft is restored, and the page says so.
    await page.click('.op-picker summary');
    await page.click('#op-list a[href="?op=get-app"]');
    await page.waitForFunction(() => document.title.endsWith('aws sms get-app'));
    await opReady(page);
    assert.equal(await page.inputValue('#f-app-id'), 'app-0123456789abcdef0');
    assert.match(await page.textContent('.status'), /Restored your draft/);
    assert.equal(await out(page, 'http-body'), '{"appId": "app-0123456789abcdef0"}');
    // The switches happened in place; back and forward move between the operations the same way.
    assert.equal(await page.evaluate(() => window.sameDocument === true), true, 'no page load');
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => document.title.endsWith('aws sms list-apps'));
    await page.waitForFunction(() => document.getElementById('f-max-results')?.value === '5');
    await page.evaluate(() => history.forward());
    await page.waitForFunction(() => document.title.endsWith('aws sms get-app'));
    await page.waitForFunction(() => document.getElementById('f-app-id')?.value === 'app-0123456789abcdef0');
    // Clearing the form forgets the draft.
    await page.click('#clear-form');
    await page.waitForFunction(() => document.getElementById('out-http-body').textContent === '{}');
    await page.goto(`${url}?op=get-app`);
    await opReady(page);
    assert.equal(await page.inputValue('#f-app-id'), '');
    // The other operation's draft is still there.
    await page.goto(`${url}?op=list-apps`);
    await opReady(page);
    assert.equal(await page.inputValue('#f-max-results'), '5');
  });
});

for (const colorScheme of ['light', 'dark']) {
  test(`the plain page has no horizontal overflow at 375 px (${colorScheme})`, async () => {
    const nested = encodeURIComponent(
      '[{"serverGroupId":"sg-1","serverLaunchConfigurations":[{"server":{"serverId":"s-1"},' +
        `"userData":{"s3Location":{"bucket":"bkt","key":"${'k'.repeat(200)}"}}}]}]`,
    );
    const { context, page, problems } = await openPage(browser, origin, { viewport: { width: 375, height: 800 }, colorScheme });
    try {
      await page.goto(`${url}?op=put-app-launch-configuration&app-id=app-${'x'.repeat(120)}&server-group-launch-configurations=${nested}`);
      await opReady(page);
      await page.click('details.import > summary');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow} px too wide`);
      assert.deepEqual(problems.console, [], 'console errors');
    } finally {
      await context.close();
    }
  });
}

test('the plain page copies its share link', chromiumOnly('clipboard permissions'), async () => {
  const { context, page, problems } = await openPage(browser, origin, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await page.goto(`${url}?op=get-app`);
    await opReady(page);
    await page.fill('#f-app-id', 'app-0123456789abcdef0');
    await page.click('#copy-link');
    await page.waitForFunction(() => document.querySelector('.status').textContent.includes('share link'));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, `${url}?op=get-app&app-id=app-0123456789abcdef0`);
    assert.deepEqual(problems.console, [], 'console errors');
  } finally {
    await context.close();
  }
});

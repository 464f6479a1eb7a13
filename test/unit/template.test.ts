import assert from 'node:assert/strict';
import { builtInTemplates } from '../../src/core/builtInTemplates';
import { JwtError } from '../../src/core/errors';
import {
  checkTemplateInput,
  expandTemplate,
  inputDefault,
  readTemplates,
  type TemplateInput,
  type TokenTemplate,
} from '../../src/core/template';
import type { JwtErrorCode } from '../../src/core/types';

const now = new Date('2026-01-01T00:00:00Z');
const NOW = now.getTime() / 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function template(payload: Record<string, unknown>, inputs: TemplateInput[] = [], header = {}): TokenTemplate {
  return { id: 't', name: 't', kind: 'jwt', algs: [], header, payload, inputs };
}

function assertRefused(fn: () => unknown, code: JwtErrorCode, message: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof JwtError, String(e));
    assert.equal(e.code, code, e.message);
    assert.match(e.message, message);
    return true;
  });
}

describe('token templates', () => {
  describe('expandTemplate', () => {
    it('fills in times relative to now, as numbers when a placeholder is the whole value', () => {
      const { payload } = expandTemplate(
        template({
          iat: '${now}',
          exp: '${now+1h}',
          nbf: '${now - 5m}',
          later: '${now+3600}',
          week: '${now+1w}',
          note: 'issued at ${now}',
        }),
        { now },
      );
      assert.deepEqual(payload, {
        iat: NOW,
        exp: NOW + 3600,
        nbf: NOW - 300,
        later: NOW + 3600,
        week: NOW + 604800,
        note: `issued at ${NOW}`,
      });
    });

    it('makes a new random UUID for each ${uuid}', () => {
      const { payload } = expandTemplate(template({ jti: '${uuid}', other: 'id-${uuid}' }), { now });
      assert.match(String(payload.jti), UUID);
      assert.match(String(payload.other).slice(3), UUID);
      assert.notEqual(payload.jti, String(payload.other).slice(3));
      const fixed = expandTemplate(template({ jti: '${uuid}' }), { uuid: () => 'fixed' });
      assert.equal(fixed.payload.jti, 'fixed');
    });

    it('fills in inputs: text, numbers, optional ones left empty removing their claim, in header and nested values', () => {
      const inputs: TemplateInput[] = [
        { id: 'client_id' },
        { id: 'age', type: 'number' },
        { id: 'nonce', optional: true },
        { id: 'kid' },
      ];
      const expanded = expandTemplate(
        template(
          {
            iss: '${input:client_id}',
            sub: 'client:${input:client_id}',
            age: '${input:age}',
            nonce: '${input:nonce}',
            list: ['${input:nonce}', '${input:client_id}', 1, true, null],
            nested: { deeper: { n: '${input:nonce}', keep: 'x${input:nonce}y' } },
          },
          inputs,
          { typ: 'JWT', kid: '${input:kid}' },
        ),
        { values: { client_id: 'my-app', age: '42', nonce: '', kid: 'k1' }, now },
      );
      assert.deepEqual(expanded, {
        header: { typ: 'JWT', kid: 'k1' },
        payload: {
          iss: 'my-app',
          sub: 'client:my-app',
          age: 42,
          list: ['my-app', 1, true, null],
          nested: { deeper: { keep: 'xy' } },
        },
      });
    });

    it('reads environment variables where the host has them, and says so where it has not', () => {
      const t = template({ sub: '${env:USER}', aud: 'api-${env:STAGE}' });
      const env = (name: string) => ({ USER: 'ada', STAGE: 'dev' })[name];
      assert.deepEqual(expandTemplate(t, { env }).payload, { sub: 'ada', aud: 'api-dev' });
      assertRefused(
        () => expandTemplate(t, {}),
        'template-placeholder',
        /\$\{env:USER\} in payload\.sub cannot be filled in: environment variables are not available here/,
      );
      assertRefused(
        () => expandTemplate(t, { env: () => undefined }),
        'template-placeholder',
        /\$\{env:USER\} in payload\.sub: the environment variable USER is not set/,
      );
    });

    it('says which placeholder is wrong and where', () => {
      const input = [{ id: 'a' }];
      assertRefused(
        () => expandTemplate(template({ x: { y: ['${time}'] } })),
        'template-placeholder',
        /Unknown placeholder \$\{time\} in payload\.x\.y\[0\]: use \$\{now\}/,
      );
      assertRefused(
        () => expandTemplate(template({ exp: '${now+soon}' })),
        'template-placeholder',
        /\$\{now\+soon\} in payload\.exp: "soon" is not a duration/,
      );
      assertRefused(
        () => expandTemplate(template({ sub: '${input:b}' }, input)),
        'template-placeholder',
        /the template has no input "b"/,
      );
      assertRefused(
        () => expandTemplate(template({ sub: '${input:a}' }, input), { values: {} }),
        'template-placeholder',
        /\$\{input:a\} in payload\.sub: no value was given for it/,
      );
      assertRefused(
        () => expandTemplate(template({ n: '${input:n}' }, [{ id: 'n', type: 'number' }]), { values: { n: 'many' } }),
        'template-input',
        /The input "n": Enter a number/,
      );
    });
  });

  describe('checkTemplateInput', () => {
    it('checks answers as the input box shows them', () => {
      assert.match(checkTemplateInput({ id: 'a' }, '  ') ?? '', /required/);
      assert.equal(checkTemplateInput({ id: 'a', optional: true }, ''), undefined);
      assert.equal(checkTemplateInput({ id: 'n', type: 'number' }, '-1.5e3'), undefined);
      assert.match(checkTemplateInput({ id: 'n', type: 'number' }, '1,5') ?? '', /Enter a number/);
      assert.equal(checkTemplateInput({ id: 'u', type: 'url' }, 'http://localhost:8080/realms/dev'), undefined);
      for (const bad of ['auth.example.com', 'https://exa mple.com', '/token'])
        assert.match(checkTemplateInput({ id: 'u', type: 'url' }, bad) ?? '', /absolute URL/, bad);
      const pattern = { id: 'p', pattern: '[a-z]+' };
      assert.equal(checkTemplateInput(pattern, 'abc'), undefined);
      assert.match(checkTemplateInput(pattern, 'abc1') ?? '', /matches \[a-z\]\+/, 'the whole answer must match');
    });
  });

  describe('inputDefault', () => {
    it('fills in placeholders of a default; "" when there is none', () => {
      assert.match(inputDefault({ id: 'n', default: '${uuid}' }), UUID);
      assert.equal(inputDefault({ id: 'n', default: 'at ${now+1m}' }, { now }), `at ${NOW + 60}`);
      assert.equal(inputDefault({ id: 'n' }), '');
    });
  });

  describe('readTemplates', () => {
    it('reads a file with comments and trailing commas, with defaults for what is left out', () => {
      const { templates, problems } = readTemplates(
        `{
          // Ours
          "templates": [
            {
              "name": "Staging access token",
              "description": "orders API",
              "alg": ["ES256", "RS256"],
              "header": { "typ": "at+jwt" },
              "payload": { "sub": "\${input:sub}", "exp": "\${now+15m}", },
              "inputs": [{ "id": "sub", "default": 42, "type": "string", "pattern": "\\\\d+" }],
            },
            { "name": "Flask", "kind": "flask", "payload": { "user_id": 1 } },
          ],
        }`,
        '.vscode/jwt-templates.json',
      );
      assert.deepEqual(problems, []);
      assert.deepEqual(templates, [
        {
          id: 'Staging access token',
          name: 'Staging access token',
          description: 'orders API',
          kind: 'jwt',
          algs: ['ES256', 'RS256'],
          header: { typ: 'at+jwt' },
          payload: { sub: '${input:sub}', exp: '${now+15m}' },
          inputs: [{ id: 'sub', default: '42', type: 'string', pattern: '\\d+' }],
          source: '.vscode/jwt-templates.json',
        },
        {
          id: 'Flask',
          name: 'Flask',
          kind: 'flask',
          algs: [],
          header: {},
          payload: { user_id: 1 },
          inputs: [],
          source: '.vscode/jwt-templates.json',
        },
      ]);
    });

    it('leaves out each template with a mistake, saying which and why, and keeps the rest', () => {
      const bad: Array<[unknown, RegExp]> = [
        [{ payload: {} }, /^Template 1: "name" is missing/],
        [
          { name: 'k', kind: 'saml', payload: {} },
          /^Template 2 \("k"\): "kind" is "jwt" \(the default\) or "flask", not "saml"/,
        ],
        [{ name: 'p', payload: [] }, /"payload" must be an object of claims, not an array/],
        [{ name: 'h', header: { alg: 'none' }, payload: {} }, /put the algorithm in the template's "alg"/],
        [{ name: 'f', kind: 'flask', alg: 'HS256', payload: {} }, /a Flask session has no "header" or "alg"/],
        [{ name: 'a', alg: 'none', payload: {} }, /"alg" is one of HS256, /],
        [{ name: 'i', payload: {}, inputs: [{ id: 'x' }, { id: 'x' }] }, /two inputs have the id "x"/],
        [
          { name: 'r', payload: {}, inputs: [{ id: 'x', pattern: '(' }] },
          /inputs\[0\]: "pattern" is not a valid regular expression/,
        ],
        [
          { name: 'u', payload: { sub: '${input:who}' } },
          /\$\{input:who\} in payload\.sub: the template has no input "who"/,
        ],
        [{ name: 'z', payload: { sub: '${whoami}' } }, /Unknown placeholder \$\{whoami\} in payload\.sub/],
        [
          { name: 'd', payload: {}, inputs: [{ id: 'a' }, { id: 'b', default: '${input:a}' }] },
          /a default cannot use another input/,
        ],
        ['text', /^Template 12: a template is an object, not a string/],
      ];
      const { templates, problems } = readTemplates(
        JSON.stringify({ templates: [...bad.map(([t]) => t), { name: 'good', payload: { sub: 'x' } }] }),
      );
      assert.deepEqual(
        templates.map((t) => t.name),
        ['good'],
      );
      assert.equal(problems.length, bad.length, problems.join('\n'));
      for (const [i, [, message]] of bad.entries()) assert.match(problems[i]!, message);
    });

    it('says what is wrong with a file that is not a templates file', () => {
      assert.match(readTemplates('{ "templates": [ }').problems[0]!, /The file is not JSON: .* at line 1, column 18/);
      assert.match(readTemplates('{ "template": [] }').problems[0]!, /needs a "templates" array/);
      assert.match(readTemplates('[]').problems[0]!, /needs a "templates" array/);
    });
  });

  describe('built-in templates', () => {
    const values = (t: TokenTemplate) =>
      Object.fromEntries(t.inputs.map((input) => [input.id, inputDefault(input, { now })]));
    const byId = (id: string) => builtInTemplates().find((t) => t.id === id)!;

    it('are valid templates a file could hold', () => {
      const { templates, problems } = readTemplates(
        JSON.stringify({
          templates: builtInTemplates().map(({ id: _, algs, ...t }) => ({
            ...t,
            alg: algs.length ? algs : undefined,
            header: t.kind === 'flask' ? undefined : t.header,
          })),
        }),
      );
      assert.deepEqual(problems, []);
      assert.equal(templates.length, 4);
    });

    it('an OpenID Connect ID token: iss, sub, aud, exp in an hour, iat, auth_time, no nonce unless given', () => {
      const t = byId('oidc-id-token');
      assert.equal(t.algs[0], 'RS256');
      const { header, payload } = expandTemplate(t, { values: values(t), now });
      assert.deepEqual(header, {});
      assert.deepEqual(payload, {
        iss: 'https://auth.example.com',
        sub: 'user-1234',
        aud: 'my-client',
        exp: NOW + 3600,
        iat: NOW,
        auth_time: NOW,
      });
      assert.equal(expandTemplate(t, { values: { ...values(t), nonce: 'n-0S6' }, now }).payload.nonce, 'n-0S6');
    });

    it('an RFC 9068 access token: typ at+jwt and its required claims', () => {
      const t = byId('access-token');
      const { header, payload } = expandTemplate(t, { values: values(t), now });
      assert.deepEqual(header, { typ: 'at+jwt' });
      assert.deepEqual(Object.keys(payload), ['iss', 'sub', 'aud', 'exp', 'iat', 'jti', 'client_id', 'scope']);
      assert.equal(payload.exp, NOW + 3600);
      assert.match(String(payload.jti), UUID);
      assert.equal(payload.scope, 'read write');
    });

    it('an RFC 7523 client assertion: iss = sub = client_id, aud the token endpoint, jti, exp in 5 minutes, asymmetric algorithms only', () => {
      const t = byId('client-assertion');
      assert.ok(t.algs.every((alg) => !alg.startsWith('HS')));
      const { payload } = expandTemplate(t, { values: { ...values(t), client_id: 'svc-7' }, now });
      assert.equal(payload.iss, 'svc-7');
      assert.equal(payload.sub, 'svc-7');
      assert.equal(payload.aud, 'https://auth.example.com/oauth2/token');
      assert.match(String(payload.jti), UUID);
      assert.equal(Number(payload.exp) - Number(payload.iat), 300);
    });

    it('a Flask session', () => {
      const t = byId('flask-session');
      assert.equal(t.kind, 'flask');
      assert.deepEqual(expandTemplate(t, { values: { user_id: '7' } }).payload, { _user_id: '7', _fresh: true });
    });
  });
});

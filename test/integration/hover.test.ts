// The hover provider in the real extension host: content over tokens in several languages, and
// silence over dotted things that are not tokens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ALG_NONE, EXPIRED, INJECTION, JWE, NOT_YET_VALID, SERVICE, VALID } from '../harness/sample-tokens';
import { base64url, eventually, hoverText, openText, useExtension } from './util';

/** Hover text over the middle of `token` placed in `content` (which must contain it once). */
async function hoverOver(content: string, token: string, language: string): Promise<string> {
  const editor = await openText(content, language);
  const offset = content.indexOf(token);
  assert.ok(offset >= 0, 'token not in content');
  const position = editor.document.positionAt(offset + Math.floor(token.length / 2));
  // Generous: the first hover in a language waits for that language's own extensions to start.
  return eventually(
    () => hoverText(editor.document.uri, position),
    (t) => t.includes('JSON Web Token'),
    40000,
  );
}

/** The JWT hover's Markdown itself (not its text) over `token` in a Python string. */
async function hoverMarkdown(token: string): Promise<vscode.MarkdownString> {
  const editor = await openText(`t = "${token}"\n`, 'python');
  const hovers = await eventually(
    async () =>
      (await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        editor.document.positionAt(10),
      )) ?? [],
    (h) => h.length > 0,
  );
  const markdown = hovers
    .flatMap((h) => h.contents)
    .find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && c.value.includes('JSON Web Token'));
  assert.ok(markdown, 'no JWT hover');
  return markdown;
}

describe('hover', () => {
  useExtension();

  const contexts: Array<[string, string, (t: string) => string]> = [
    ['json', 'json', (t) => `{\n  "access_token": "${t}",\n  "token_type": "Bearer"\n}\n`],
    [
      'javascript',
      'javascript',
      (t) => `const token = \`${t}\`;\nfetch(url, { headers: { Authorization: 'Bearer ' + token } });\n`,
    ],
    [
      'python',
      'python',
      (t) => `import jwt\ntoken = b'${t}'\nprint(jwt.decode(token, options={"verify_signature": False}))\n`,
    ],
    [
      'an HTTP request',
      'plaintext',
      (t) => `GET https://api.example.com/orders HTTP/1.1\r\nAuthorization: Bearer ${t}\r\n\r\n`,
    ],
    ['a .env file', 'properties', (t) => `API_URL=https://api.example.com\nAPI_TOKEN=${t}\n`],
    [
      'a log line',
      'log',
      (t) => `2026-11-25T10:00:00Z INFO request GET /callback#access_token=${t}&token_type=Bearer done\n`,
    ],
    ['markdown', 'markdown', (t) => `# Tokens\n\nUse \`${t}\` for the demo.\n`],
  ];
  for (const [name, language, wrap] of contexts) {
    it(`shows claims, dates and status over a token in ${name}`, async () => {
      const text = await hoverOver(wrap(VALID), VALID, language);
      assert.match(text, /HS256/);
      assert.match(text, /Ada Lovelace/);
      assert.match(text, /"sub": "user-1234"/);
      assert.match(text, /2099-01-01 00:00:00 UTC/, 'exp as a UTC date');
      // Not "Valid": the hover has not checked the signature unless a saved key verified it.
      assert.match(
        text,
        /Not expired \(expires in \d+ years\) · signature not checked|Signature verified · expires in \d+ years/,
      );
      assert.match(text, /command:jwt\.decode\?/, 'a link to open the panel');
      assert.match(text, /command:jwt\.copyDecoded\?/, 'a link to copy the decoded JSON');
    });
  }

  it('says when a token expired, with a relative phrase', async () => {
    const text = await hoverOver(`token: ${EXPIRED}\n`, EXPIRED, 'yaml');
    assert.match(text, /Expired \d+ (years?|months?) ago/);
    assert.match(text, /2024-01-02 00:00:00 UTC/);
  });

  it('says when a token is not yet valid', async () => {
    const text = await hoverOver(`${NOT_YET_VALID}\n`, NOT_YET_VALID, 'plaintext');
    assert.match(text, /Not yet valid/);
  });

  it('flags unsigned tokens and warns about alg none', async () => {
    const text = await hoverOver(`x = "${ALG_NONE}"\n`, ALG_NONE, 'python');
    assert.match(text, /Unsigned \(alg none\)/);
    assert.match(text, /Nobody Signed This/);
  });

  it('shows the header of an encrypted token', async () => {
    const text = await hoverOver(`jwe=${JWE}\n`, JWE, 'plaintext');
    assert.match(text, /Encrypted/);
    assert.match(text, /A256GCM/);
  });

  it('shows kid and claims of a service token', async () => {
    const text = await hoverOver(`TOKEN=${SERVICE}\n`, SERVICE, 'plaintext');
    assert.match(text, /kid sample-hs256/);
    assert.match(text, /read:orders write:orders/);
  });

  it('renders attacker-controlled claims as inert text', async () => {
    const markdown = await hoverMarkdown(INJECTION);
    assert.notEqual(markdown.supportHtml, true, 'HTML must not be rendered');
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['jwt.decode', 'jwt.copyDecoded'] });
    // The payload sits in a fence that nothing inside it can close; outside fences nothing of it remains.
    assert.match(markdown.value, /<img src=x onerror=alert\(1\)>/, 'the claim is shown, as code');
    const outsideFences = markdown.value.replace(/(`{3,})json\n[\s\S]*?\n\1\n/g, '');
    assert.doesNotMatch(outsideFences, /<img|<script|javascript:|\*\*bold/);
  });

  it('shows URLs and addresses from the header as text, never as links', async () => {
    const header = {
      alg: 'HS256',
      kid: 'https://evil.example/keys/1',
      typ: 'www.evil.example',
      cty: 'admin@evil.example',
      jku: 'https://evil.example/jwks.json',
    };
    const token = `${base64url(JSON.stringify(header))}.${base64url('{"sub":"x"}')}.c2ln`;
    const markdown = await hoverMarkdown(token);
    // Code spans and fences are never linked; outside them, nothing a renderer would make a link of.
    const outsideCode = markdown.value
      .replace(/(`{3,})\w*\n[\s\S]*?\n\1\n/g, '')
      .replace(/(`+) [^`]*? \1/g, '')
      .replace(/\[[^\]]*\]\(command:jwt\.[^)]*\)/g, '');
    assert.ok(markdown.value.includes('https://evil.example/keys/1'), 'the kid is shown');
    assert.doesNotMatch(outsideCode, /:\/\/|www\.|@evil/, `linkable text outside code: ${outsideCode}`);
  });

  it('gives no hover over dotted things that are not tokens', async () => {
    const decoys = [
      'www.example.com',
      'this.props.value',
      'v10.20.30-beta.1',
      'com.google.android.gms',
      'user.name@mail.example.org',
      'eyJmb28iOjF9.eyJiYXIiOjJ9.c2lnbmF0dXJl',
    ];
    const editor = await openText(`${decoys.join('\n')}\n`, 'plaintext');
    for (let line = 0; line < decoys.length; line++) {
      const text = await hoverText(editor.document.uri, new vscode.Position(line, 5));
      assert.doesNotMatch(text, /JSON Web Token/, `hover over ${decoys[line]}`);
    }
  });

  it('can be limited to some languages by a setting', async () => {
    const config = vscode.workspace.getConfiguration('jwt.hover');
    await config.update('languages', ['json'], vscode.ConfigurationTarget.Global);
    try {
      const editor = await openText(`${VALID}\n`, 'plaintext');
      const text = await hoverText(editor.document.uri, new vscode.Position(0, 20));
      assert.doesNotMatch(text, /JSON Web Token/);
      const inJson = await hoverOver(`["${VALID}"]`, VALID, 'json');
      assert.match(inJson, /Ada Lovelace/);
    } finally {
      await config.update('languages', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

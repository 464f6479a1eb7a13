// SD-JWT (RFC 9901) in the editor, on the RFC's own examples: the hover over any piece of a
// presentation shows its claims with the disclosures applied, what is disclosed and what stays hidden,
// and its key-binding JWT; the panel gets the disclosures resolved; JWT: Verify Signature checks the
// issuer's signature with the issuer's key and the key-binding JWT with the holder key in cnf; Problems
// reports a disclosure the issuer never signed; Copy Decoded JSON carries the claims.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostToPanel } from '../../src/protocol';
import { ISSUED, ISSUER_KEY, PRESENTATION, PRESENTATION_CLAIMS } from '../fixtures/rfc9901';
import { SERVICE } from '../harness/sample-tokens';
import { api, manageOk, uniqueName, verify } from './signing-helpers';
import { base64url, eventually, hoverText, openText, useExtension } from './util';

const issuerOf = (token: string) => token.slice(0, token.indexOf('~'));
const ISSUER_JWK = JSON.stringify(ISSUER_KEY);
/** The presentation without its "US" disclosure: the key-binding JWT was made over four, so sd_hash no longer matches. */
const TAMPERED = PRESENTATION.replace(`~${PRESENTATION.split('~')[4]}~`, '~');
/** A disclosure the issuer signed no digest of, added to the issued SD-JWT. */
const SMUGGLED = `${ISSUED}${base64url(JSON.stringify(['salt-salt-salt', 'admin', true]))}~`;

describe('SD-JWT', () => {
  useExtension();

  it('hovers over any piece of a presentation: the claims disclosed, what stays hidden, the key-binding JWT', async () => {
    // Beside a plain JWT and a JWS followed by a ~ in another sense.
    const text = `service=${SERVICE}\nvp=${PRESENTATION}\npath=${issuerOf(ISSUED)}~/tmp/token\n`;
    const editor = await openText(text, 'properties');
    const line = editor.document.lineAt(1).text;
    const disclosure = line.indexOf('~') + 10;
    const keyBinding = line.lastIndexOf('~') + 10;
    for (const character of [6, disclosure, keyBinding]) {
      const hover = await eventually(
        () => hoverText(editor.document.uri, new vscode.Position(1, character)),
        (t) => t.includes('Disclosed'),
      );
      assert.match(hover, /\*\*JSON Web Token\*\* · SD-JWT · alg ES256 · typ example\+sd-jwt/, `at ${character}`);
      assert.match(hover, /Disclosed \(4\): family_name, address, given_name, nationalities\[0\] · hidden: 6 digests/);
      assert.match(hover, /"given_name": "John"/);
      assert.match(hover, /"street_address": "123 Main St"/);
      assert.doesNotMatch(hover, /"_sd"/, 'the digests are not the claims');
      assert.match(
        hover,
        /Key-binding JWT: kb\+jwt · aud ` ?https:\/\/verifier\.example\.org ?` · nonce 1234567890 · iat /,
      );
      assert.doesNotMatch(hover, /typ is "example\+sd-jwt", not JWT/);
      assert.match(hover, /sd_hash matches/);
    }
    const plain = await hoverText(editor.document.uri, new vscode.Position(0, 12));
    assert.match(plain, /\*\*JSON Web Token\*\* · JWS/);
    // `<jws>~/tmp/token` is a JWS and a path: no SD-JWT.
    const path = await hoverText(editor.document.uri, new vscode.Position(2, 10));
    assert.match(path, /\*\*JSON Web Token\*\* · JWS · alg ES256/);
    assert.doesNotMatch(path, /Disclosed/);
  });

  it('hovers with the pinned key: the issuer signature and the key binding, each with its verdict', async () => {
    const name = uniqueName('sd-issuer');
    await manageOk({ action: 'add', name, secret: ISSUER_JWK });
    try {
      await manageOk({ action: 'pin', name });
      const editor = await openText(`vp=${PRESENTATION}\nbad=${TAMPERED}\n`);
      const good = await eventually(
        () => hoverText(editor.document.uri, new vscode.Position(0, 20)),
        (t) => t.includes('Key binding'),
      );
      assert.match(good, new RegExp(`Signature valid \\(ES256, key "${name}"\\)`));
      assert.match(good, /Key binding valid \(ES256, the holder key in cnf\)/);
      const bad = await eventually(
        () => hoverText(editor.document.uri, new vscode.Position(1, 20)),
        (t) => t.includes('Key binding'),
      );
      assert.match(bad, /Signature valid/);
      assert.match(bad, /Key binding invalid \(ES256\): The key-binding JWT's sd_hash does not match/);
    } finally {
      await manageOk({ action: 'unpin' });
      await manageOk({ action: 'remove', name });
    }
  });

  it('sends the panel the disclosures resolved, about the shown SD-JWT, and its pieces to colour', async () => {
    await vscode.commands.executeCommand('jwt.decode', PRESENTATION);
    const test = await api();
    const replies = await eventually(
      () => test.panelMessage({ type: 'ready' }),
      (r) => r.some((m) => m.type === 'disclosures'),
    );
    const show = replies.find((m): m is Extract<HostToPanel, { type: 'show' }> => m.type === 'show');
    assert.deepEqual(
      show?.inspection.parts.map((p) => p.name),
      ['header', 'payload', 'signature', 'disclosure', 'disclosure', 'disclosure', 'disclosure', 'key-binding'],
    );
    const message = replies.find((m): m is Extract<HostToPanel, { type: 'disclosures' }> => m.type === 'disclosures');
    assert.equal(message?.about, PRESENTATION);
    const sdJwt = message.sdJwt!;
    assert.deepEqual(sdJwt.claims, PRESENTATION_CLAIMS);
    assert.deepEqual(
      sdJwt.disclosures.map((d) => [d.path, d.matched]),
      [
        ['family_name', true],
        ['address', true],
        ['given_name', true],
        ['nationalities[0]', true],
      ],
    );
    assert.equal(sdJwt.undisclosed.length, 6);
    assert.equal(sdJwt.keyBinding?.sdHashMatches, true);
    assert.deepEqual(sdJwt.warnings, []);

    // The panel's Verify section: the issuer's key, pasted; the key binding comes with the verdict.
    const [verified] = await test.panelMessage({
      type: 'verify',
      key: { kind: 'text', text: ISSUER_JWK },
      expected: {},
    });
    assert.ok(verified?.type === 'verified', JSON.stringify(verified));
    assert.equal(verified.outcome.verdict, 'valid');
    assert.equal(verified.outcome.keyBinding?.valid, true);
  });

  it('JWT: Verify Signature checks the issuer with its key and the key-binding JWT with the cnf key', async () => {
    const outcome = await verify({ token: PRESENTATION, secret: ISSUER_JWK });
    assert.equal(outcome.verdict, 'valid');
    assert.deepEqual(
      {
        valid: outcome.keyBinding?.valid,
        typ: outcome.keyBinding?.typ,
        aud: outcome.keyBinding?.aud,
        nonce: outcome.keyBinding?.nonce,
        iat: outcome.keyBinding?.iat?.seconds,
      },
      { valid: true, typ: 'kb+jwt', aud: 'https://verifier.example.org', nonce: '1234567890', iat: 1748537243 },
    );
    const tampered = await verify({ token: TAMPERED, secret: ISSUER_JWK });
    assert.equal(tampered.verdict, 'valid', "the issuer's signature is still good");
    assert.equal(tampered.keyBinding?.valid, false);
    assert.match(tampered.keyBinding!.error!, /sd_hash does not match/);
    const wrongKey = await verify({ token: PRESENTATION, secret: JSON.stringify({ ...ISSUER_KEY, x: ISSUER_KEY.y }) });
    assert.notEqual(wrongKey.verdict, 'valid');
    assert.equal(wrongKey.keyBinding, undefined, 'no key binding is checked without a valid issuer signature');
  });

  it('reports a disclosure the issuer never signed in Problems, and the SD-JWT as a whole', async () => {
    const editor = await openText(`issued=${ISSUED}\nsmuggled=${SMUGGLED}\n`, 'properties');
    const problems = await eventually(
      () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'JWT'),
      (d) => d.some((p) => p.code === 'sd-disclosures'),
      15000,
    );
    const smuggled = problems.find((p) => p.code === 'sd-disclosures')!;
    assert.equal(smuggled.range.start.line, 1);
    assert.equal(editor.document.getText(smuggled.range), SMUGGLED, 'the problem covers the whole SD-JWT');
    assert.equal(smuggled.severity, vscode.DiagnosticSeverity.Error);
    assert.match(smuggled.message, /Disclosure 11 \("admin"\) is not applied: The issuer signed no digest of it/);
    // The issued SD-JWT's disclosures all match; that it has no key binding is a note, not a problem.
    assert.deepEqual(
      problems.filter((p) => p.range.start.line === 0 && String(p.code).startsWith('sd-')),
      [],
    );
  });

  it('Copy Decoded JSON copies the issuer JWT and the claims with the disclosures applied', async () => {
    await vscode.commands.executeCommand('jwt.copyDecoded', PRESENTATION);
    const copied = JSON.parse(await vscode.env.clipboard.readText());
    assert.equal(copied.header.typ, 'example+sd-jwt');
    assert.equal(copied.payload._sd.length, 8);
    assert.deepEqual(copied.claims, PRESENTATION_CLAIMS);
    assert.deepEqual(copied.disclosures[1], {
      name: 'address',
      value: { street_address: '123 Main St', locality: 'Anytown', region: 'Anystate', country: 'US' },
      digest: 'XzFrzwscM6Gn6CJDc6vVK8BkMnfG8vOSKfpPIZdAfdE',
      matched: true,
      path: 'address',
    });
  });
});

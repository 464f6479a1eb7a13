// The RS256→HS256 key-confusion forgery: an attacker signs an HS256 token with the bytes of the
// server's PUBLIC key as the HMAC secret. Whatever wrapping the public key is pasted in, verifyToken
// must recognise it as a key and refuse, and signPayload must refuse to make such a token.
import assert from 'node:assert/strict';
import { CompactSign, base64url, type JWK } from 'jose';
import { classifyKeyText } from '../../src/core/keyText';
import { readKeyFacts } from '../../src/core/keyFacts';
import { signPayload } from '../../src/core/sign';
import { verifyToken } from '../../src/core/verify';
import { assertRejectsJwtError, hasOpenssl, keysFor, makeCertificate, openssl } from './helpers';

const PAYLOAD = { sub: 'admin', admin: true };

/** An HS256 (or other HS*) token whose HMAC key is exactly the UTF-8 bytes of `secret`, made with jose. */
function forge(secret: string | Uint8Array, alg = 'HS256'): Promise<string> {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  return new CompactSign(new TextEncoder().encode(JSON.stringify(PAYLOAD)))
    .setProtectedHeader({ alg, typ: 'JWT' })
    .sign(key);
}

const bodyOf = (pem: string): string => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
const bytesOf = (b64: string): Uint8Array =>
  base64url.decode(b64.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/** OpenSSH wire format: length-prefixed strings. */
function wire(...parts: Uint8Array[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts)
    out.push(
      (part.length >>> 24) & 255,
      (part.length >>> 16) & 255,
      (part.length >>> 8) & 255,
      part.length & 255,
      ...part,
    );
  return new Uint8Array(out);
}
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const mpint = (b64url: string): Uint8Array => {
  const bytes = base64url.decode(b64url);
  return bytes[0]! & 0x80 ? new Uint8Array([0, ...bytes]) : bytes;
};
function sshLine(jwk: JWK, comment = ''): string {
  let data: Uint8Array;
  let type: string;
  if (jwk.kty === 'RSA') [type, data] = ['ssh-rsa', wire(text('ssh-rsa'), mpint(jwk.e!), mpint(jwk.n!))];
  else if (jwk.kty === 'OKP') [type, data] = ['ssh-ed25519', wire(text('ssh-ed25519'), base64url.decode(jwk.x!))];
  else {
    const curve = { 'P-256': 'nistp256', 'P-384': 'nistp384', 'P-521': 'nistp521' }[jwk.crv!]!;
    type = `ecdsa-sha2-${curve}`;
    data = wire(text(type), text(curve), new Uint8Array([4, ...base64url.decode(jwk.x!), ...base64url.decode(jwk.y!)]));
  }
  return `${type} ${b64(data)}${comment ? ` ${comment}` : ''}`;
}

async function assertConfusion(key: string | object, label: string, alg = 'HS256'): Promise<void> {
  const token = await forge(typeof key === 'string' ? key : JSON.stringify(key), alg);
  for (const keyType of [undefined, 'secret'] as const) {
    const result = await verifyToken(token, key, { keyType });
    assert.equal(result.valid, false, `${label} (keyType ${keyType}) verified a forged ${alg} token`);
    assert.equal(result.code, 'key-confusion', `${label}: ${result.error}`);
    assert.match(result.error ?? '', /key-confusion/);
    assert.match(result.error ?? '', new RegExp(alg));
  }
  await assertRejectsJwtError(() => signPayload(PAYLOAD, { alg, key }), 'key-confusion');
}

describe('key confusion (public-key material as an HMAC secret)', function () {
  this.timeout(30000);

  let spki: string;
  let rsaJwk: JWK;
  let pkcs1Der: Uint8Array;

  before(async () => {
    const keys = await keysFor('RS256');
    spki = keys.spki;
    rsaJwk = keys.publicJwk;
    // The SPKI's BIT STRING holds the PKCS#1 RSAPublicKey: the last element, after its 0x00 unused-bits byte.
    const der = bytesOf(bodyOf(spki));
    // 2048-bit: SEQUENCE header (4), AlgorithmIdentifier (15), BIT STRING header (4) and its 0x00.
    pkcs1Der = der.slice(24);
    assert.equal(pkcs1Der[0], 0x30);
  });

  const pemOf = (label: string, der: Uint8Array): string =>
    `-----BEGIN ${label}-----\n${b64(der).replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;

  it('refuses every wrapping of a PEM public key', async () => {
    const lines = spki.trim().split('\n');
    const forms: Record<string, string> = {
      'PEM as is': spki,
      'PEM indented': lines.map((line) => `    ${line}`).join('\n'),
      'PEM with CRLF': lines.join('\r\n'),
      'PEM with literal \\n escapes': lines.join('\\n'),
      'PEM with double-escaped \\\\n': lines.join('\\\\n'),
      'PEM in a YAML block scalar': `jwt:\n  publicKey: |\n${lines.map((line) => `    ${line}`).join('\n')}\n  issuer: me\n`,
      'PEM in a .env line': `PUBLIC_KEY="${lines.join('\\n')}"`,
      'PEM in a JSON document': JSON.stringify({ publicKey: spki }),
      'PEM on one line': lines.join(''),
      'PEM with text around it': `Here is our key:\n${spki}\nThanks!`,
      'base64 of the PEM (a Kubernetes secret)': btoa(spki),
      'PEM URL-encoded': encodeURIComponent(spki),
      'PEM form-encoded': new URLSearchParams({ key: spki }).toString().slice(4),
      'PEM labelled EC PUBLIC KEY': spki.replace(/PUBLIC KEY/g, 'EC PUBLIC KEY'),
      'PEM in JSON with escaped slashes (PHP)': JSON.stringify({ key: spki }).replace(/\//g, '\\/'),
      'bare base64 with escaped slashes': JSON.stringify(bodyOf(spki)).replace(/\//g, '\\/'),
      'PEM with a lowercase armour line': spki.replace('-----BEGIN PUBLIC KEY-----', '-----begin public key-----'),
      'PEM with four-dash armour': spki.replace(/-----/g, '----'),
      'PEM as JS concatenation': lines.map((line) => `"${line}\\n"`).join(' +\n  '),
    };
    for (const [label, key] of Object.entries(forms)) await assertConfusion(key, label);
  });

  it('refuses bare base64, base64url, hex and raw DER of an SPKI', async () => {
    const body = bodyOf(spki);
    const der = bytesOf(body);
    const forms: Record<string, string> = {
      'bare base64': body,
      'base64 with line breaks': body.replace(/.{64}/g, '$&\n'),
      'base64 with spaces and CRLF': body.replace(/.{50}/g, '$& \r\n  '),
      base64url: body.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
      'quoted base64': `"${body}"`,
      'base64 after a variable name': `JWT_PUBLIC_KEY=${body}`,
      'hex DER': [...der].map((b) => b.toString(16).padStart(2, '0')).join(''),
      'raw DER as Latin-1 text': String.fromCharCode(...der),
    };
    for (const [label, key] of Object.entries(forms)) await assertConfusion(key, label);
    // And as bytes: the DER itself, or the PEM file read as bytes.
    assert.equal((await verifyToken(await forge(der), der)).code, 'key-confusion');
    const file = new TextEncoder().encode(spki);
    assert.equal((await verifyToken(await forge(file), file)).code, 'key-confusion');
    await assertRejectsJwtError(() => signPayload(PAYLOAD, { alg: 'HS256', key: file }), 'key-confusion');
  });

  it('refuses PKCS#1 RSA public keys (PEM and bare) and verifies RS256 with them', async () => {
    const pem = pemOf('RSA PUBLIC KEY', pkcs1Der);
    await assertConfusion(pem, 'PKCS#1 PEM');
    await assertConfusion(b64(pkcs1Der), 'bare PKCS#1');
    const token = await signPayload(PAYLOAD, { alg: 'RS256', key: (await keysFor('RS256')).privateJwk });
    assert.deepEqual(await verifyToken(token, pem), { valid: true, alg: 'RS256' });
    assert.deepEqual(
      await verifyToken(token, pemOf('PUBLIC KEY', pkcs1Der)),
      { valid: true, alg: 'RS256' },
      'PKCS#1 under the SPKI label',
    );
    assert.deepEqual(await verifyToken(token, b64(pkcs1Der)), { valid: true, alg: 'RS256' });
  });

  it('refuses certificates, as PEM and as the bare body', async function () {
    if (!hasOpenssl()) this.skip();
    const { cert } = makeCertificate('rsa:2048');
    await assertConfusion(cert, 'certificate PEM');
    await assertConfusion(bodyOf(cert), 'bare certificate body');
    await assertConfusion(bodyOf(cert).replace(/.{64}/g, '$&\n'), 'certificate body with line breaks');
    assert.equal(classifyKeyText(bodyOf(cert)).kind, 'certificate');
    assert.equal(classifyKeyText(cert).description, 'an X.509 certificate of an RSA key (PEM)');
    assert.equal(classifyKeyText(makeCertificate('ec', '-pkeyopt', 'ec_paramgen_curve:P-256').cert).algorithm, 'EC');
  });

  it('refuses OpenSSH public keys and verifies with the ones jose can import', async () => {
    for (const alg of ['RS256', 'ES256', 'ES384', 'ES512', 'EdDSA']) {
      const keys = await keysFor(alg);
      const line = sshLine(keys.publicJwk, 'me@host');
      await assertConfusion(line, `${alg} ssh line`);
      await assertConfusion(line.split(' ').slice(0, 2).join(' '), `${alg} ssh line without comment`);
      await assertConfusion(line.split(' ')[1]!, `${alg} bare ssh wire base64`);
      const token = await signPayload(PAYLOAD, { alg, key: keys.privateJwk });
      assert.deepEqual(await verifyToken(token, line), { valid: true, alg }, `${alg} with ${line.slice(0, 20)}`);
    }
    assert.equal(
      classifyKeyText(
        `ssh-dss ${b64(wire(text('ssh-dss'), new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([3]), new Uint8Array([4])))}`,
      ).kind,
      'ssh-public-key',
    );
  });

  it('refuses JWK and JWKS text however it is wrapped', async () => {
    const ec = (await keysFor('ES256')).publicJwk;
    const ed = (await keysFor('EdDSA')).publicJwk;
    const jwks = { keys: [rsaJwk, ec] };
    const forms: Record<string, string | object> = {
      'RSA JWK JSON': JSON.stringify(rsaJwk),
      'EC JWK JSON': JSON.stringify(ec),
      'OKP JWK JSON': JSON.stringify(ed, null, 2),
      'JWKS JSON': JSON.stringify(jwks),
      'JWK as an escaped JSON string': JSON.stringify(JSON.stringify(rsaJwk)),
      'JWKS as an escaped JSON string': JSON.stringify(JSON.stringify(jwks)),
      'JWK in surrounding text': `const key = ${JSON.stringify(rsaJwk)};`,
      'JWK as a single-quoted JS literal': `'${JSON.stringify(rsaJwk)}'`,
      'JWK as a JS object literal': `{ kty: 'RSA', n: '${rsaJwk.n}', e: 'AQAB' }`,
      'JWKS inside a discovery-like document': JSON.stringify({ issuer: 'x', jwks: jwks }),
      'JWK members without kty': JSON.stringify({ n: rsaJwk.n, e: rsaJwk.e }),
      'JWK in YAML': `kty: RSA\nn: ${rsaJwk.n}\ne: AQAB\n`,
      'x5c certificate chain without kty': JSON.stringify({ x5c: [bodyOf(spki)] }),
      'RSA JWK object': rsaJwk,
      'JWKS object': jwks,
    };
    for (const [label, key] of Object.entries(forms)) await assertConfusion(key, label);
  });

  it("refuses openssl's text dump of a key", async function () {
    if (!hasOpenssl()) this.skip();
    const { 'dump.txt': dump } = openssl(
      [
        ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'key.pem'],
        ['pkey', '-in', 'key.pem', '-pubout', '-text', '-noout', '-out', 'dump.txt'],
      ],
      ['dump.txt'],
    );
    await assertConfusion(dump!, 'openssl -text dump');
  });

  it(".NET's RSAKeyValue XML and base64 in XML are keys too; the XML key verifies RS256", async () => {
    const std = (b64url: string) => b64(base64url.decode(b64url));
    const xml = `<RSAKeyValue>\n  <Modulus>${std(rsaJwk.n!)}</Modulus>\n  <Exponent>${std(rsaJwk.e!)}</Exponent>\n</RSAKeyValue>`;
    await assertConfusion(xml, 'RSAKeyValue XML');
    await assertConfusion(`<PublicKey>${bodyOf(spki)}</PublicKey>`, 'base64 SPKI in an XML element');
    assert.equal(classifyKeyText(`<PublicKey>${bodyOf(spki)}</PublicKey>`).certain, true);
    const token = await signPayload(PAYLOAD, { alg: 'RS256', key: (await keysFor('RS256')).privateJwk });
    assert.deepEqual(await verifyToken(token, xml), { valid: true, alg: 'RS256' });
  });

  it('refuses HS384 and HS512 too, and private keys as HMAC secrets', async () => {
    await assertConfusion(spki, 'PEM for HS384', 'HS384');
    await assertConfusion(spki, 'PEM for HS512', 'HS512');
    await assertConfusion((await keysFor('ES256')).pkcs8, 'PKCS#8 PEM');
    await assertConfusion(bodyOf((await keysFor('ES256')).pkcs8), 'bare PKCS#8');
  });

  it('keeps real shared secrets working', async () => {
    const random = crypto.getRandomValues(new Uint8Array(32));
    const secrets = [
      'secret',
      'correct horse battery staple',
      [...random].map((b) => b.toString(16).padStart(2, '0')).join(''),
      b64(random),
      b64(crypto.getRandomValues(new Uint8Array(64))),
      base64url.encode(crypto.getRandomValues(new Uint8Array(48))),
      crypto.randomUUID(),
      'MIIsecret-that-starts-like-a-key-but-is-not-one',
      '{"not":"a key"}',
      'ssh-rsa is my favourite secret',
    ];
    for (const secret of secrets) {
      const token = await signPayload(PAYLOAD, { alg: 'HS256', key: secret });
      assert.deepEqual(await verifyToken(token, secret), { valid: true, alg: 'HS256' }, secret);
      assert.equal(classifyKeyText(secret).kind, 'secret', secret);
    }
    // Many random base64 secrets: none parses as a key structure.
    for (let i = 0; i < 300; i++)
      assert.equal(classifyKeyText(b64(crypto.getRandomValues(new Uint8Array(16 + (i % 80))))).keyMaterial, false);
  });

  it("lets the caller say 'secret' for text that only contains key-like base64, never for a key", async () => {
    const text = `my passphrase ${bodyOf(spki)} with words around`;
    assert.equal(classifyKeyText(text).keyMaterial, true);
    assert.equal(classifyKeyText(text).certain, false);
    const token = await forge(text);
    assert.equal((await verifyToken(token, text)).code, 'key-confusion');
    assert.deepEqual(await verifyToken(token, text, { keyType: 'secret' }), { valid: true, alg: 'HS256' });
    // "public" for a plain secret: refused, never an HMAC key.
    assert.equal((await verifyToken(await forge('secret'), 'secret', { keyType: 'public' })).code, 'key-confusion');
  });

  it('classifies key texts for the host', async () => {
    assert.deepEqual(
      [
        spki,
        bodyOf(spki),
        sshLine(rsaJwk),
        JSON.stringify(rsaJwk),
        JSON.stringify({ keys: [rsaJwk] }),
        (await keysFor('ES256')).pkcs8,
        'hunter2',
      ].map((t) => classifyKeyText(t).kind),
      ['public-key', 'public-key', 'ssh-public-key', 'jwk', 'jwks', 'private-key', 'secret'],
    );
    assert.equal(classifyKeyText(JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' })).keyMaterial, false);
    assert.equal(classifyKeyText(spki).description, 'an RSA public key (PEM)');
    assert.equal(classifyKeyText(bodyOf((await keysFor('ES256')).spki)).description, 'an EC public key (base64 DER)');
    assert.equal(classifyKeyText((await keysFor('EdDSA')).spki).algorithm, 'Ed25519');
    assert.equal(classifyKeyText((await keysFor('ES384')).pkcs8).description, 'an EC private key (PEM)');
    assert.equal(classifyKeyText(b64(pkcs1Der)).description, 'an RSA public key (PKCS#1, base64 DER)');
  });

  it('describes saved public-key material by its real type, never as a shared secret', async () => {
    for (const key of [
      bodyOf(spki),
      spki.trim().split('\n').join('\\n'),
      sshLine(rsaJwk),
      JSON.stringify(JSON.stringify(rsaJwk)),
      b64(pkcs1Der),
    ]) {
      const facts = await readKeyFacts(key);
      assert.equal(facts.type, 'RSA', key.slice(0, 30));
      assert.equal(facts.description, 'an RSA public key');
    }
  });

  it('reads PEM and base64 keys with openssl-made PKCS#1 keys', async function () {
    if (!hasOpenssl()) this.skip();
    const { 'pub.pem': pub } = openssl(
      [
        ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'key.pem'],
        ['rsa', '-in', 'key.pem', '-RSAPublicKey_out', '-out', 'pub.pem'],
      ],
      ['pub.pem'],
    );
    assert.match(pub!, /BEGIN RSA PUBLIC KEY/);
    await assertConfusion(pub!, 'openssl PKCS#1');
    assert.equal((await readKeyFacts(pub!)).type, 'RSA');
  });
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { SignJWT, base64url, exportJWK, generateKeyPair } from 'jose';
import { decodeSdJwt, decodeToken, inspectToken, splitToken, verifyToken } from '../../src/core';
import {
  COMPLEX_STRUCTURED,
  COMPLEX_STRUCTURED_CLAIMS,
  ISSUED,
  ISSUER_KEY,
  PRESENTATION,
  PRESENTATION_CLAIMS,
  RECURSIVE,
  SIMPLE_STRUCTURED,
  SIMPLE_STRUCTURED_CLAIMS,
} from '../fixtures/rfc9901';
import { assertRejectsJwtError } from './helpers';

const b64 = (value: unknown): string => base64url.encode(JSON.stringify(value));
const disclosure = (...parts: unknown[]): string => b64(parts);
const digest = (text: string, alg = 'sha256'): string => createHash(alg).update(text).digest('base64url');
/** An SD-JWT whose issuer-signed JWT carries `payload`; the signature is made up (decodeSdJwt checks none). */
const sdJwt = (payload: object, disclosures: string[], keyBinding = ''): string =>
  `${b64({ alg: 'ES256', typ: 'dc+sd-jwt' })}.${b64(payload)}.c2ln~${disclosures.map((d) => `${d}~`).join('')}${keyBinding}`;

const GIVEN = disclosure('2GLC42sKQveCfGfryNRN9w', 'given_name', 'John');

describe('decodeSdJwt: the RFC 9901 examples', () => {
  it('section 5.1: resolves all ten disclosures of the issued SD-JWT, properties and array elements', async () => {
    const decoded = await decodeSdJwt(ISSUED);
    assert.equal(decoded.hashAlg, 'sha-256');
    assert.equal(decoded.disclosures.length, 10);
    assert.ok(decoded.disclosures.every((d) => d.matched && !d.problem));
    assert.deepEqual(
      decoded.disclosures.map((d) => d.path),
      [
        'given_name',
        'family_name',
        'email',
        'phone_number',
        'phone_number_verified',
        'address',
        'birthdate',
        'updated_at',
        'nationalities[0]',
        'nationalities[1]',
      ],
    );
    // The digests the RFC lists for them.
    assert.equal(decoded.disclosures[0]!.digest, 'jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4');
    assert.equal(decoded.disclosures[9]!.digest, '7Cf6JkPudry3lcbwHgeZ8khAv1U1OSlerP0VkBJrWZ0');
    assert.deepEqual(decoded.disclosures[8], {
      encoded: 'WyJsa2x4RjVqTVlsR1RQVW92TU5JdkNBIiwgIlVTIl0',
      digest: 'pFndjkZ_VCzmyTa6UjlZo3dh-ko8aIKQc9DlGzhaVYo',
      salt: 'lklxF5jMYlGTPUovMNIvCA',
      value: 'US',
      matched: true,
      path: 'nationalities[0]',
    });
    assert.deepEqual(decoded.claims, {
      ...PRESENTATION_CLAIMS,
      email: 'johndoe@example.com',
      phone_number: '+1-202-555-0101',
      phone_number_verified: true,
      birthdate: '1940-01-01',
      updated_at: 1570000000,
      nationalities: ['US', 'DE'],
    });
    assert.deepEqual(decoded.undisclosed, []);
    assert.equal(decoded.keyBinding, undefined);
    assert.deepEqual(decoded.warnings, []);
    // The payload as signed keeps its digests.
    assert.equal((decoded.payload._sd as string[]).length, 8);
  });

  it("section 5.2: the presentation with key binding gives the RFC's Processed SD-JWT Payload and a matching sd_hash", async () => {
    const decoded = await decodeSdJwt(PRESENTATION);
    assert.deepEqual(decoded.claims, PRESENTATION_CLAIMS);
    assert.deepEqual(
      decoded.disclosures.map((d) => [d.name ?? null, d.matched]),
      [
        ['family_name', true],
        ['address', true],
        ['given_name', true],
        [null, true],
      ],
    );
    // Six claims and one array element stay hidden, as digests.
    assert.equal(decoded.undisclosed.filter((d) => d.kind === 'property').length, 5);
    assert.deepEqual(
      decoded.undisclosed.filter((d) => d.kind === 'element'),
      [{ path: 'nationalities[1]', digest: '7Cf6JkPudry3lcbwHgeZ8khAv1U1OSlerP0VkBJrWZ0', kind: 'element' }],
    );
    assert.deepEqual(decoded.keyBinding?.header, { alg: 'ES256', typ: 'kb+jwt' });
    assert.deepEqual(decoded.keyBinding?.payload, {
      nonce: '1234567890',
      aud: 'https://verifier.example.org',
      iat: 1748537243,
      sd_hash: 'G3I8z-cFMATAK2ep8MXWk-vnjI3X6-aahYeU9Tvzz3E',
    });
    assert.equal(decoded.keyBinding?.sdHash, 'G3I8z-cFMATAK2ep8MXWk-vnjI3X6-aahYeU9Tvzz3E');
    assert.equal(decoded.keyBinding?.sdHashMatches, true);
    assert.equal(decoded.keyBinding?.times.iat?.seconds, 1748537243);
    assert.deepEqual(decoded.warnings, []);
  });

  it('appendix A.1: the simple structured SD-JWT, with decoy digests that stay hidden', async () => {
    const decoded = await decodeSdJwt(SIMPLE_STRUCTURED);
    assert.deepEqual(decoded.claims, SIMPLE_STRUCTURED_CLAIMS);
    assert.deepEqual(
      decoded.disclosures.map((d) => d.path),
      ['address.region', 'address.country'],
    );
    assert.equal(decoded.undisclosed.filter((d) => d.path === '').length, 8);
    assert.equal(decoded.undisclosed.filter((d) => d.path === 'address').length, 6);
    assert.deepEqual(decoded.warnings, []);
  });

  it('appendix A.2: the complex structured SD-JWT, with a recursive disclosure inside an array element', async () => {
    const decoded = await decodeSdJwt(COMPLEX_STRUCTURED);
    assert.deepEqual(decoded.claims, COMPLEX_STRUCTURED_CLAIMS);
    assert.deepEqual(
      decoded.disclosures.map((d) => d.path),
      [
        'verified_claims.verification.time',
        'verified_claims.verification.evidence[0]',
        'verified_claims.verification.evidence[0].method',
        'verified_claims.claims.given_name',
        'verified_claims.claims.family_name',
        'verified_claims.claims.address',
      ],
    );
    assert.deepEqual(decoded.warnings, []);
  });

  it('section 6.3: recursive disclosures, address disclosing the digests of its own members', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const jws = await new SignJWT(RECURSIVE.payload).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    const all = await decodeSdJwt(`${jws}~${RECURSIVE.disclosures.join('~')}~`);
    assert.deepEqual(all.claims, RECURSIVE.claims);
    assert.deepEqual(all.disclosures.at(-1)!.path, 'address');
    // Only address and its region: the other members stay hidden inside the disclosed address.
    const [, , region, , address] = RECURSIVE.disclosures;
    const some = await decodeSdJwt(`${jws}~${address}~${region}~`);
    assert.deepEqual(some.claims.address, { region: 'Sachsen-Anhalt' });
    assert.deepEqual(
      some.undisclosed.map((d) => d.path),
      ['address', 'address', 'address'],
    );
    // A member without the address that holds its digest connects to nothing the issuer signed.
    const orphan = await decodeSdJwt(`${jws}~${region}~`);
    assert.equal(orphan.disclosures[0]!.matched, false);
    assert.deepEqual(Object.keys(orphan.claims), ['iss', 'iat', 'exp', 'sub']);
  });

  it('section 4.2.1: the digest is over the disclosure as sent, whatever its JSON spelling', async () => {
    // The RFC's "Möbius" disclosure and its digest.
    const mobius = 'WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0';
    const decoded = await decodeSdJwt(sdJwt({ _sd: ['X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0'] }, [mobius]));
    assert.deepEqual(decoded.claims, { family_name: 'Möbius' });
    // The same claim spelt without spaces has another digest: the issuer did not sign that one.
    const other = 'WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsImZhbWlseV9uYW1lIiwiTcO2Yml1cyJd';
    const respelt = await decodeSdJwt(sdJwt({ _sd: ['X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0'] }, [other]));
    assert.equal(respelt.disclosures[0]!.matched, false);
    assert.deepEqual(respelt.claims, {});
  });
});

describe('decodeSdJwt: what a verifier must reject, shown and not applied', () => {
  it('marks a disclosure whose digest the issuer never signed as unmatched, and leaves it out', async () => {
    const extra = disclosure('salt-salt-salt', 'admin', true);
    const decoded = await decodeSdJwt(sdJwt({ _sd: [digest(GIVEN)], sub: 'a' }, [GIVEN, extra]));
    assert.deepEqual(decoded.claims, { sub: 'a', given_name: 'John' });
    assert.equal(decoded.disclosures[1]!.matched, false);
    assert.equal(decoded.disclosures[1]!.name, 'admin');
    assert.match(decoded.disclosures[1]!.problem!, /issuer signed no digest/);
    assert.equal(decoded.warnings.length, 1);
    assert.equal(
      decoded.warnings[0],
      'Disclosure 2 ("admin") is not applied: The issuer signed no digest of it; a verifier must reject the SD-JWT',
    );
  });

  it('applies a digest that appears twice only once, and says so', async () => {
    const twice = { _sd: [digest(GIVEN)], nested: { _sd: [digest(GIVEN)] }, list: [{ '...': digest(GIVEN) }] };
    const decoded = await decodeSdJwt(sdJwt(twice, [GIVEN]));
    assert.equal(JSON.stringify(decoded.claims).match(/John/g)?.length, 1);
    assert.equal(decoded.warnings.length, 2);
    assert.ok(decoded.warnings.every((w) => w.includes('appears more than once')));
  });

  it('takes a disclosure sent twice once', async () => {
    const decoded = await decodeSdJwt(sdJwt({ _sd: [digest(GIVEN)] }, [GIVEN, GIVEN]));
    assert.deepEqual(decoded.claims, { given_name: 'John' });
    assert.equal(decoded.disclosures[1]!.matched, false);
    assert.match(decoded.disclosures[1]!.problem!, /sent twice/);
  });

  it('refuses claim names RFC 9901 reserves (_sd, ...) and names already there', async () => {
    const sd = disclosure('s1', '_sd', ['x']);
    const dots = disclosure('s2', '...', 'x');
    const sub = disclosure('s3', 'sub', 'someone-else');
    const decoded = await decodeSdJwt(
      sdJwt({ sub: 'me', _sd: [digest(sd), digest(dots), digest(sub)] }, [sd, dots, sub]),
    );
    assert.deepEqual(decoded.claims, { sub: 'me' });
    assert.deepEqual(
      decoded.disclosures.map((d) => d.matched),
      [false, false, false],
    );
    assert.match(decoded.disclosures[0]!.problem!, /reserves/);
    assert.match(decoded.disclosures[1]!.problem!, /reserves/);
    assert.match(decoded.disclosures[2]!.problem!, /already has a claim "sub"/);
    assert.equal(decoded.warnings.length, 3);
  });

  it('refuses a claim disclosure where an array element belongs, and the other way round', async () => {
    const element = disclosure('s1', 'FR');
    const claim = disclosure('s2', 'name', 'x');
    const decoded = await decodeSdJwt(
      sdJwt({ _sd: [digest(element)], list: [{ '...': digest(claim) }] }, [element, claim]),
    );
    assert.deepEqual(decoded.claims, { list: [] });
    assert.match(decoded.disclosures[0]!.problem!, /array element/);
    assert.match(decoded.disclosures[1]!.problem!, /stands for the array element list\[0\]/);
  });

  it('says what is wrong with a malformed disclosure: not base64url, not JSON, not an array of 2 or 3', async () => {
    const cases: [string, RegExp][] = [
      ['not*base64', /not base64url/],
      [base64url.encode('["s", "n", oops]'), /not JSON/],
      [b64({ salt: 's' }), /JSON array of 2 elements .* but it is an object/],
      [b64(['s']), /but it is an array of 1/],
      [b64(['s', 'n', 1, 2]), /but it is an array of 4/],
      [b64([1, 'n', 1]), /salt .* must be a string/],
      [b64(['s', 1, 1]), /claim name .* must be a string/],
      [base64url.encode(`[${'['.repeat(200)}${']'.repeat(200)}]`), /more than 100 levels/],
    ];
    for (const [text, problem] of cases) {
      const decoded = await decodeSdJwt(sdJwt({ _sd: [digest(text)] }, [text]));
      assert.equal(decoded.disclosures[0]!.matched, false, text);
      assert.match(decoded.disclosures[0]!.problem!, problem);
      assert.deepEqual(decoded.claims, {});
    }
  });

  it('keeps a disclosed "__proto__" an ordinary claim', async () => {
    const proto = disclosure('s', '__proto__', { polluted: true });
    const decoded = await decodeSdJwt(sdJwt({ _sd: [digest(proto)] }, [proto]));
    assert.ok(Object.hasOwn(decoded.claims, '__proto__'));
    assert.equal(Object.getPrototypeOf(decoded.claims), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(decoded.disclosures[0]!.path, '__proto__');
  });
});

describe('decodeSdJwt: hash algorithms', () => {
  for (const [name, node] of [
    ['sha-384', 'sha384'],
    ['sha-512', 'sha512'],
  ]) {
    it(`resolves digests made with ${name}`, async () => {
      const decoded = await decodeSdJwt(sdJwt({ _sd_alg: name, _sd: [digest(GIVEN, node)] }, [GIVEN]));
      assert.equal(decoded.hashAlg, name);
      assert.deepEqual(decoded.claims, { given_name: 'John' });
      assert.equal(decoded.disclosures[0]!.digest, digest(GIVEN, node));
    });
  }

  it('refuses other hash algorithms with a clear message, and matches nothing', async () => {
    for (const alg of ['sha3-256', 'md5', 'SHA-256']) {
      const decoded = await decodeSdJwt(sdJwt({ _sd_alg: alg, _sd: [digest(GIVEN)] }, [GIVEN]));
      assert.equal(decoded.hashAlg, alg);
      assert.deepEqual(decoded.claims, {});
      assert.equal(decoded.disclosures[0]!.digest, '');
      assert.match(decoded.warnings[0]!, new RegExp(`_sd_alg "${alg}", which this tool cannot compute`));
    }
    const number = await decodeSdJwt(sdJwt({ _sd_alg: 256, _sd: [digest(GIVEN)] }, [GIVEN]));
    assert.match(number.warnings[0]!, /_sd_alg must be a string/);
  });
});

describe('decodeSdJwt: key binding', () => {
  const [issuerPart, FAMILY_RFC, , , US_RFC] = PRESENTATION.split('~') as [string, string, string, string, string];
  const kbPart = PRESENTATION.slice(PRESENTATION.lastIndexOf('~') + 1);

  it('finds a wrong sd_hash: the key-binding JWT made for other disclosures', async () => {
    // The RFC's key-binding JWT with one disclosure fewer than it was made for.
    const fewer = PRESENTATION.replace(`~${US_RFC}~`, '~');
    assert.notEqual(fewer, PRESENTATION);
    const decoded = await decodeSdJwt(fewer);
    assert.equal(decoded.keyBinding?.sdHashMatches, false);
    assert.match(decoded.warnings.at(-1)!, /sd_hash does not match/);
  });

  it('has no keyBinding without a key-binding JWT, and no warning for that', async () => {
    const decoded = await decodeSdJwt(`${issuerPart}~${FAMILY_RFC}~`);
    assert.equal(decoded.keyBinding, undefined);
    assert.deepEqual(decoded.warnings, []);
    assert.deepEqual(decoded.claims.family_name, 'Doe');
  });

  it('takes a presentation with key binding and no disclosures', async () => {
    const decoded = await decodeSdJwt(`${issuerPart}~${kbPart}`);
    assert.equal(decoded.disclosures.length, 0);
    assert.equal(decoded.keyBinding?.sdHashMatches, false); // it was made over four disclosures
    assert.equal(decoded.keyBinding?.sdHash, digest(`${issuerPart}~`));
  });

  it('lists what the key-binding JWT lacks: typ kb+jwt, iat, aud, nonce, sd_hash', async () => {
    const kb = `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64({ aud: ['a', 'b'] })}.c2ln`;
    const decoded = await decodeSdJwt(`${issuerPart}~${FAMILY_RFC}~${kb}`);
    assert.deepEqual(decoded.keyBinding?.warnings, [
      'The key-binding JWT\'s typ is "JWT"; RFC 9901 requires "kb+jwt"',
      'The key-binding JWT lacks iat, nonce, sd_hash, which RFC 9901 requires',
      "The key-binding JWT's aud must be a single string, but it is an array",
    ]);
  });

  it('says when the key-binding JWT does not decode, or the issuer names no holder key', async () => {
    const broken = await decodeSdJwt(`${issuerPart}~${FAMILY_RFC}~${b64({ alg: 'ES256' })}.%%%.sig`);
    assert.match(broken.keyBinding!.warnings[0]!, /does not decode/);
    const kb = `${b64({ alg: 'ES256', typ: 'kb+jwt' })}.${b64({ iat: 1, aud: 'a', nonce: 'n', sd_hash: 'x' })}.c2ln`;
    const noCnf = await decodeSdJwt(sdJwt({ _sd: [digest(GIVEN)] }, [GIVEN], kb));
    assert.match(noCnf.warnings.at(-1)!, /names no holder key \(cnf\)/);
  });
});

describe('decodeSdJwt: input it refuses, and hostile input', () => {
  it('refuses a token without ~, and an issuer JWT that is not a JWS', async () => {
    await assertRejectsJwtError(() => decodeSdJwt(issuerOf(PRESENTATION)), 'not-sd-jwt', /not an SD-JWT/);
    await assertRejectsJwtError(() => decodeSdJwt('a.b.c.d.e~x~'), 'segments', /issuer-signed JWT, a JWS of 3/);
    await assertRejectsJwtError(
      () => decodeSdJwt(`${b64({ alg: 'ES256' })}.${b64([1])}.c2ln~x~`),
      'payload-not-object',
      /no JSON object/,
    );
  });

  it('refuses more than 1000 disclosures, before decoding any', async () => {
    const many = `${issuerOf(PRESENTATION)}~${'WzFd~'.repeat(1001)}`;
    await assertRejectsJwtError(() => decodeSdJwt(many), 'too-large', /more than 1000 disclosures/);
    assert.equal(inspectToken(many).error?.code, 'too-large');
  });

  it('resolves disclosures nested in disclosures only down to 100 levels', async () => {
    // Each disclosure's value holds the digest of the next: a chain 150 deep.
    let inner = disclosure('s', 'leaf', 'end');
    const chain = [inner];
    for (let i = 0; i < 150; i++) {
      inner = disclosure(`s${i}`, `level${i}`, { _sd: [digest(inner)] });
      chain.push(inner);
    }
    const decoded = await decodeSdJwt(sdJwt({ _sd: [digest(inner)] }, chain));
    let depth = 0;
    for (let value: unknown = decoded.claims; value && typeof value === 'object'; depth++)
      value = Object.values(value as object)[0];
    assert.ok(depth <= 101, `${depth} levels`);
    assert.ok(decoded.disclosures.filter((d) => d.matched).length >= 99);
    assert.ok(decoded.disclosures.some((d) => /deeper than 100 levels/.test(d.problem ?? '')));
    JSON.stringify(decoded);
    structuredClone(decoded);
  });

  it('quotes at most a few dozen characters of the token in a sentence', async () => {
    const long = 'n'.repeat(10_000);
    const named = disclosure('s', long, 1);
    const payload = { _sd_alg: 'x'.repeat(10_000), [long]: { _sd: ['d'.repeat(10_000), 'd'.repeat(10_000)] } };
    const decoded = await decodeSdJwt(sdJwt(payload, [named]));
    assert.ok(decoded.warnings.length >= 3);
    for (const warning of decoded.warnings) assert.ok(warning.length < 400, warning.slice(0, 100));
  });

  it('never grows the claims beyond the token: each disclosure goes in once', async () => {
    const big = disclosure('s', 'blob', 'x'.repeat(10_000));
    const payload = { _sd: [digest(big)], a: { _sd: [digest(big)] }, b: [{ '...': digest(big) }] };
    const decoded = await decodeSdJwt(sdJwt(payload, [big]));
    assert.ok(JSON.stringify(decoded.claims).length < 10_100);
  });
});

describe('splitToken, decodeToken and inspectToken on an SD-JWT', () => {
  it("split it into the issuer JWT's segments, the disclosures and the key-binding JWT, with offsets", () => {
    const split = splitToken(`  ${PRESENTATION}`);
    assert.equal(split.kind, 'jws');
    assert.deepEqual(
      split.segments.map((s) => s.name),
      ['header', 'payload', 'signature'],
    );
    assert.equal(split.sdJwt?.disclosures.length, 4);
    const kb = split.sdJwt!.keyBinding;
    assert.equal(`  ${PRESENTATION}`.slice(kb.start, kb.end), kb.text);
    assert.equal(kb.text.split('.').length, 3);
    assert.equal(splitToken(ISSUED).sdJwt?.keyBinding.text, '');
  });

  it('decodeToken decodes the issuer-signed JWT: its header, payload as signed, and times', () => {
    const decoded = decodeToken(PRESENTATION, { now: new Date('2025-01-01T00:00:00Z') });
    assert.equal(decoded.kind, 'jws');
    assert.equal(decoded.header.typ, 'example+sd-jwt');
    assert.equal((decoded.payload as Record<string, unknown>).iss, 'https://issuer.example.com');
    assert.equal(decoded.status, 'valid');
  });

  it('inspectToken colours each disclosure and the key-binding JWT', () => {
    const parts = inspectToken(PRESENTATION).parts.map((p) => p.name);
    assert.deepEqual(parts, [
      'header',
      'payload',
      'signature',
      'disclosure',
      'disclosure',
      'disclosure',
      'disclosure',
      'key-binding',
    ]);
    assert.deepEqual(inspectToken(SIMPLE_STRUCTURED).parts.at(-1), { name: 'key-binding', text: '' });
  });
});

describe('verifyToken on an SD-JWT', () => {
  it('verifies the RFC presentation: the issuer with its key, the key-binding JWT with the cnf key', async () => {
    const result = await verifyToken(PRESENTATION, ISSUER_KEY);
    assert.deepEqual(result, {
      valid: true,
      alg: 'ES256',
      keyBinding: {
        valid: true,
        alg: 'ES256',
        typ: 'kb+jwt',
        iat: decodeToken(PRESENTATION.slice(PRESENTATION.lastIndexOf('~') + 1)).times.iat,
        aud: 'https://verifier.example.org',
        nonce: '1234567890',
        sdHashMatches: true,
      },
    });
  });

  it('verifies an SD-JWT without key binding by its issuer signature alone', async () => {
    assert.deepEqual(await verifyToken(ISSUED, JSON.stringify(ISSUER_KEY)), { valid: true, alg: 'ES256' });
    assert.deepEqual(await verifyToken(SIMPLE_STRUCTURED, { keys: [ISSUER_KEY] }), { valid: true, alg: 'ES256' });
  });

  it('checks no key-binding JWT when the issuer signature fails', async () => {
    const { publicKey } = await generateKeyPair('ES256');
    const result = await verifyToken(PRESENTATION, await exportJWK(publicKey));
    assert.equal(result.valid, false);
    assert.equal(result.code, 'signature-invalid');
    assert.equal(result.keyBinding, undefined);
  });

  it('fails the key binding of a presentation whose disclosures were changed: sd_hash', async () => {
    const [, , , , us] = PRESENTATION.split('~');
    const result = await verifyToken(PRESENTATION.replace(`~${us}~`, '~'), ISSUER_KEY);
    assert.equal(result.valid, true);
    assert.equal(result.keyBinding?.valid, false);
    assert.equal(result.keyBinding?.sdHashMatches, false);
    assert.match(result.keyBinding!.error!, /sd_hash does not match/);
  });

  describe('with keys of its own', () => {
    let issuerKeys: CryptoKeyPair;
    let holderKeys: CryptoKeyPair;
    const sdHash = (sdJwtPart: string) => digest(sdJwtPart);
    const issue = async (payload: object, disclosures: string[]) =>
      `${await new SignJWT(payload as Record<string, unknown>).setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt' }).sign(issuerKeys.privateKey)}~${disclosures.map((d) => `${d}~`).join('')}`;
    const bind = (
      sdJwtPart: string,
      key: CryptoKey,
      header: object = { alg: 'ES256', typ: 'kb+jwt' },
      claims: object = {},
    ) =>
      new SignJWT({
        iat: 1748537243,
        aud: 'https://verifier.example',
        nonce: 'n-1',
        sd_hash: sdHash(sdJwtPart),
        ...claims,
      })
        .setProtectedHeader(header as { alg: string })
        .sign(key);

    before(async () => {
      issuerKeys = await generateKeyPair('ES256');
      holderKeys = await generateKeyPair('ES256', { extractable: true });
    });

    it('accepts a key-binding JWT signed by the holder key in cnf', async () => {
      const part = await issue({ cnf: { jwk: await exportJWK(holderKeys.publicKey) }, _sd: [digest(GIVEN)] }, [GIVEN]);
      const result = await verifyToken(
        `${part}${await bind(part, holderKeys.privateKey)}`,
        await exportJWK(issuerKeys.publicKey),
      );
      assert.equal(result.keyBinding?.valid, true, result.keyBinding?.error);
      assert.equal(result.keyBinding?.nonce, 'n-1');
    });

    it('refuses one signed by another key, one with the wrong typ, one without a nonce', async () => {
      const part = await issue({ cnf: { jwk: await exportJWK(holderKeys.publicKey) } }, [GIVEN]);
      const issuerJwk = await exportJWK(issuerKeys.publicKey);
      const { privateKey: stranger } = await generateKeyPair('ES256');
      const cases: [string, RegExp][] = [
        [await bind(part, stranger), /does not match the holder key/],
        [
          await bind(part, holderKeys.privateKey, { alg: 'ES256', typ: 'JWT' }),
          /typ is "JWT"; RFC 9901 requires "kb\+jwt"/,
        ],
        [await bind(part, holderKeys.privateKey, undefined, { nonce: undefined }), /lacks nonce/],
      ];
      for (const [kb, error] of cases) {
        const result = await verifyToken(`${part}${kb}`, issuerJwk);
        assert.equal(result.valid, true);
        assert.equal(result.keyBinding?.valid, false);
        assert.match(result.keyBinding!.error!, error);
      }
    });

    it('refuses a key-binding JWT when the issuer names no holder key, or one that does not fit its alg', async () => {
      const issuerJwk = await exportJWK(issuerKeys.publicKey);
      const noCnf = await issue({}, [GIVEN]);
      const result = await verifyToken(`${noCnf}${await bind(noCnf, holderKeys.privateKey)}`, issuerJwk);
      assert.match(result.keyBinding!.error!, /no holder key \(cnf.jwk\)/);
      const { publicKey: ed } = await generateKeyPair('EdDSA');
      const wrongKey = await issue({ cnf: { jwk: await exportJWK(ed) } }, [GIVEN]);
      const mismatch = await verifyToken(`${wrongKey}${await bind(wrongKey, holderKeys.privateKey)}`, issuerJwk);
      assert.match(mismatch.keyBinding!.error!, /The holder key \(cnf.jwk\) is an OKP key|Ed25519/);
    });
  });
});

function issuerOf(token: string): string {
  return token.slice(0, token.indexOf('~'));
}

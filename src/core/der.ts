/**
 * A minimal DER reader: enough to tell whether bytes are a key structure (SPKI, PKCS#1, X.509,
 * PKCS#8, SEC1) by parsing them, not by guessing from their first characters. Every length must
 * fit inside its parent and every structure must end exactly where its parent does, so random
 * bytes (a base64 shared secret) essentially never pass. Not part of the public API.
 */

/** One DER element: its tag byte and where its content lies in the input. */
export interface DerNode {
  tag: number;
  start: number;
  end: number;
}

/** The key structures this module recognises. */
export type DerKeyShape = 'spki' | 'pkcs1-public' | 'certificate' | 'pkcs8' | 'pkcs1-private' | 'sec1';

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OCTET_STRING = 0x04;
const NULL = 0x05;
const OID = 0x06;
/** Deeper than any key structure nests; a bound on the work done for hostile input. */
const MAX_CHILDREN = 64;

/** The element at `offset`, or undefined when its header or length does not fit in `[offset, limit)`. */
function readNode(der: Uint8Array, offset: number, limit: number): DerNode | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = der[offset]!;
  if ((tag & 0x1f) === 0x1f) return undefined; // high tag numbers appear in no key structure
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const size = length & 0x7f;
    if (size < 1 || size > 4 || start + size > limit) return undefined;
    length = 0;
    for (let i = 0; i < size; i++) length = length * 256 + der[start + i]!;
    start += size;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : undefined;
}

/** The children of a constructed element, or undefined unless they tile its content exactly. */
function children(der: Uint8Array, node: DerNode): DerNode[] | undefined {
  const found: DerNode[] = [];
  for (let offset = node.start; offset < node.end; ) {
    if (found.length === MAX_CHILDREN) return undefined;
    const child = readNode(der, offset, node.end);
    if (!child) return undefined;
    found.push(child);
    offset = child.end;
  }
  return found;
}

/** The single element that spans all of `der`, or undefined. */
export function readDer(der: Uint8Array): DerNode | undefined {
  const node = readNode(der, 0, der.length);
  return node && node.end === der.length ? node : undefined;
}

/** A SEQUENCE's children when `node` is one and they parse, else undefined. */
function sequence(der: Uint8Array, node: DerNode | undefined): DerNode[] | undefined {
  return node?.tag === SEQUENCE ? children(der, node) : undefined;
}

/** AlgorithmIdentifier: SEQUENCE { OID, optional parameters }. */
function isAlgorithm(der: Uint8Array, node: DerNode | undefined): boolean {
  const parts = sequence(der, node);
  return !!parts && parts.length >= 1 && parts.length <= 2 && parts[0]!.tag === OID && parts[0]!.end > parts[0]!.start;
}

const isInteger = (node: DerNode | undefined): boolean => node?.tag === INTEGER && node.end > node.start;

/** A BIT STRING with a valid unused-bits byte. */
function isBitString(der: Uint8Array, node: DerNode | undefined): boolean {
  return node?.tag === BIT_STRING && node.end > node.start && der[node.start]! < 8;
}

/** The small INTEGER's value (for versions), or undefined. */
function smallInteger(der: Uint8Array, node: DerNode | undefined): number | undefined {
  return node?.tag === INTEGER && node.end - node.start === 1 ? der[node.start] : undefined;
}

/**
 * Which key structure `der` is, parsed:
 * - SPKI: SEQUENCE { AlgorithmIdentifier, BIT STRING }
 * - PKCS#1 RSAPublicKey: SEQUENCE { INTEGER n, INTEGER e }
 * - X.509 Certificate: SEQUENCE { SEQUENCE tbsCertificate, AlgorithmIdentifier, BIT STRING }
 * - PKCS#8: SEQUENCE { INTEGER 0|1, AlgorithmIdentifier, OCTET STRING, … }
 * - PKCS#1 RSAPrivateKey: SEQUENCE { INTEGER 0|1, eight or more INTEGERs }
 * - SEC1 ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING, [0] and [1] optional }
 */
export function derKeyShape(der: Uint8Array): DerKeyShape | undefined {
  const parts = sequence(der, readDer(der));
  if (!parts) return undefined;
  const [a, b, c] = parts;
  if (parts.length === 2 && isAlgorithm(der, a) && isBitString(der, b)) return 'spki';
  if (parts.length === 2 && isInteger(a) && isInteger(b) && der[a!.start]! < 0x80 && a!.end - a!.start >= 8)
    return 'pkcs1-public';
  if (parts.length === 3 && sequence(der, a)?.length && isAlgorithm(der, b) && isBitString(der, c))
    return 'certificate';
  const version = smallInteger(der, a);
  if (parts.length >= 3 && (version === 0 || version === 1) && isAlgorithm(der, b) && c?.tag === OCTET_STRING)
    return 'pkcs8';
  if (parts.length >= 9 && (version === 0 || version === 1) && parts.every(isInteger)) return 'pkcs1-private';
  if (
    parts.length >= 2 &&
    parts.length <= 4 &&
    version === 1 &&
    b?.tag === OCTET_STRING &&
    parts.slice(2).every((p) => p.tag === 0xa0 || p.tag === 0xa1)
  )
    return 'sec1';
  return undefined;
}

/** Key algorithm OIDs (DER content, hex) and how messages name them. */
const ALGORITHMS: Readonly<Record<string, string>> = {
  '2a864886f70d010101': 'RSA',
  '2a864886f70d01010a': 'RSA-PSS',
  '2a8648ce3d0201': 'EC',
  '2b6570': 'Ed25519',
  '2b6571': 'Ed448',
  '2b656e': 'X25519',
  '2b656f': 'X448',
};

function algorithmOf(der: Uint8Array, node: DerNode | undefined): string | undefined {
  const oid = sequence(der, node)?.[0];
  if (oid?.tag !== OID) return undefined;
  const hex = [...der.subarray(oid.start, oid.end)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return ALGORITHMS[hex];
}

/**
 * The key algorithm of a structure {@link derKeyShape} recognised ("RSA", "EC", "Ed25519"…), read
 * from its AlgorithmIdentifier (for a certificate, its subjectPublicKeyInfo's), or undefined.
 */
export function derKeyAlgorithm(der: Uint8Array, shape: DerKeyShape): string | undefined {
  const parts = sequence(der, readDer(der));
  if (!parts) return undefined;
  switch (shape) {
    case 'pkcs1-public':
    case 'pkcs1-private':
      return 'RSA';
    case 'sec1':
      return 'EC';
    case 'spki':
      return algorithmOf(der, parts[0]);
    case 'pkcs8':
      return algorithmOf(der, parts[1]);
    case 'certificate': {
      // tbsCertificate: [0] version (optional), serial, signature, issuer, validity, subject, subjectPublicKeyInfo.
      const tbs = sequence(der, parts[0]);
      const spki = tbs?.[(tbs[0]?.tag === 0xa0 ? 1 : 0) + 5];
      return algorithmOf(der, sequence(der, spki)?.[0]);
    }
  }
}

/** A DER header for `tag` around `length` bytes of content. */
function header(tag: number, length: number): number[] {
  if (length < 0x80) return [tag, length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return [tag, 0x80 | bytes.length, ...bytes];
}

/** rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, as an AlgorithmIdentifier. */
const RSA_ALGORITHM = [SEQUENCE, 13, OID, 9, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, NULL, 0];

/**
 * A PKCS#1 RSAPublicKey wrapped as the SPKI that holds it, which is what jose imports: the same
 * key, only labelled with its algorithm.
 */
export function pkcs1ToSpki(pkcs1: Uint8Array): Uint8Array {
  const bitString = [...header(BIT_STRING, pkcs1.length + 1), 0];
  const body = RSA_ALGORITHM.length + bitString.length + pkcs1.length;
  return new Uint8Array([...header(SEQUENCE, body), ...RSA_ALGORITHM, ...bitString, ...pkcs1]);
}

/** Standard base64 of bytes (btoa exists in Node, browsers and workers alike). */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

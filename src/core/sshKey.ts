/**
 * OpenSSH public keys ("ssh-rsa AAAA… comment", RFC 4253 section 6.6 wire format): parsed, and
 * turned into the JWK jose can import where there is one (RSA, Ed25519, EC P-256/384/521). Not part
 * of the public API.
 */
import type { JWK } from 'jose';

/** An OpenSSH public key: its type name and, when jose can use it, its JWK. */
export interface SshPublicKey {
  type: string;
  jwk?: JWK;
}

const CURVES: Readonly<Record<string, { crv: string; size: number }>> = {
  nistp256: { crv: 'P-256', size: 32 },
  nistp384: { crv: 'P-384', size: 48 },
  nistp521: { crv: 'P-521', size: 66 },
};

/** Key types OpenSSH writes; the wire data must name the same type. */
export const SSH_KEY_TYPES =
  /^(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)$/;

/** Reads the length-prefixed strings of the wire format; undefined when one overruns the data. */
function wireStrings(wire: Uint8Array, max: number): Uint8Array[] | undefined {
  const out: Uint8Array[] = [];
  let offset = 0;
  while (offset < wire.length) {
    if (out.length === max || offset + 4 > wire.length) return undefined;
    const length =
      ((wire[offset]! << 24) >>> 0) + (wire[offset + 1]! << 16) + (wire[offset + 2]! << 8) + wire[offset + 3]!;
    offset += 4;
    if (offset + length > wire.length) return undefined;
    out.push(wire.subarray(offset, offset + length));
    offset += length;
  }
  return out;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An mpint without its sign byte, as a JWK member wants it. */
function unsigned(mpint: Uint8Array): Uint8Array {
  let start = 0;
  while (start < mpint.length - 1 && mpint[start] === 0) start++;
  return mpint.subarray(start);
}

/**
 * The public key in OpenSSH wire format, or undefined when the bytes are not one: the first string
 * must be a known key type and the fields after it must fit that type exactly.
 * @example readSshWire(wireOf('ssh-ed25519 AAAAC3Nza…'))?.jwk // { kty: 'OKP', crv: 'Ed25519', x: '…' }
 */
export function readSshWire(wire: Uint8Array): SshPublicKey | undefined {
  const fields = wireStrings(wire, 8);
  if (!fields || fields.length < 2) return undefined;
  let type: string;
  try {
    type = new TextDecoder('utf-8', { fatal: true }).decode(fields[0]);
  } catch {
    return undefined;
  }
  if (!SSH_KEY_TYPES.test(type)) return undefined;
  if (type === 'ssh-rsa') {
    if (fields.length !== 3) return undefined;
    const [, e, n] = fields as [Uint8Array, Uint8Array, Uint8Array];
    return { type, jwk: { kty: 'RSA', n: base64url(unsigned(n)), e: base64url(unsigned(e)) } };
  }
  if (type === 'ssh-ed25519') {
    if (fields.length !== 2 || fields[1]!.length !== 32) return undefined;
    return { type, jwk: { kty: 'OKP', crv: 'Ed25519', x: base64url(fields[1]!) } };
  }
  const ecdsa = /^ecdsa-sha2-(nistp\d+)$/.exec(type);
  if (ecdsa) {
    const curve = CURVES[ecdsa[1]!]!;
    const [, name, point] = fields;
    if (
      fields.length !== 3 ||
      new TextDecoder().decode(name) !== ecdsa[1] ||
      point!.length !== 1 + 2 * curve.size ||
      point![0] !== 4
    )
      return undefined;
    return {
      type,
      jwk: {
        kty: 'EC',
        crv: curve.crv,
        x: base64url(point!.subarray(1, 1 + curve.size)),
        y: base64url(point!.subarray(1 + curve.size)),
      },
    };
  }
  return { type }; // DSA, Ed448 and security-key types: recognised, not usable for JWS
}

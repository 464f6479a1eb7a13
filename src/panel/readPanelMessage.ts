import type { ExpectedClaims } from '../core';
import type { KeyChoice, KeyPurpose, PanelToHost } from '../protocol';

/** Longest text a panel message may carry (a pasted JWKS or an edited payload); real ones are a few KB. */
const MAX_TEXT = 1024 * 1024;
const PURPOSES: readonly KeyPurpose[] = ['verify', 'sign', 'decrypt'];

type Fields = Record<string, unknown>;

/**
 * A message from the webview, checked field by field before the host acts on it; undefined when it is
 * not a well-formed PanelToHost. The webview renders attacker-controlled tokens: whatever it sends is
 * treated as input, never trusted for its shape.
 */
export function readPanelMessage(value: unknown): PanelToHost | undefined {
  if (!isFields(value) || typeof value.type !== 'string') return undefined;
  const m = value;
  switch (m.type) {
    case 'ready':
    case 'decode':
      return { type: m.type };
    case 'copy':
      return text(m.text) && text(m.label) ? { type: 'copy', text: m.text, label: m.label } : undefined;
    case 'saveKey':
      return text(m.text) ? { type: 'saveKey', text: m.text } : undefined;
  }
  if (!text(m.about)) return undefined;
  const about = m.about;
  switch (m.type) {
    case 'verify': {
      const key = keyChoice(m.key);
      const expected = expectedClaims(m.expected);
      return key && expected ? { type: 'verify', key, expected, about } : undefined;
    }
    case 'sign': {
      const key = keyChoice(m.key);
      return key && text(m.payload) && text(m.alg)
        ? { type: 'sign', payload: m.payload, alg: m.alg, key, about }
        : undefined;
    }
    case 'decrypt': {
      const key = keyChoice(m.key);
      return key ? { type: 'decrypt', key, about } : undefined;
    }
    case 'writeBack':
      return text(m.newToken) ? { type: 'writeBack', newToken: m.newToken, about } : undefined;
    case 'chooseKeyFile':
      return PURPOSES.includes(m.purpose as KeyPurpose)
        ? { type: 'chooseKeyFile', purpose: m.purpose as KeyPurpose, about }
        : undefined;
    default:
      return undefined;
  }
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TEXT;
}

function keyChoice(value: unknown): KeyChoice | undefined {
  if (!isFields(value)) return undefined;
  switch (value.kind) {
    case 'saved':
      return text(value.name) ? { kind: 'saved', name: value.name } : undefined;
    case 'text': {
      const { keyType } = value;
      if (!text(value.text) || (keyType !== undefined && keyType !== 'secret' && keyType !== 'public'))
        return undefined;
      return { kind: 'text', text: value.text, ...(keyType === undefined ? {} : { keyType }) };
    }
    case 'file':
      return text(value.path) ? { kind: 'file', path: value.path } : undefined;
    default:
      return undefined;
  }
}

function expectedClaims(value: unknown): ExpectedClaims | undefined {
  if (!isFields(value)) return undefined;
  const { issuer, audience, clockTolerance } = value;
  if (issuer !== undefined && !text(issuer)) return undefined;
  if (audience !== undefined && !text(audience)) return undefined;
  if (clockTolerance !== undefined && !(typeof clockTolerance === 'number' && Number.isFinite(clockTolerance)))
    return undefined;
  return {
    ...(issuer === undefined ? {} : { issuer }),
    ...(audience === undefined ? {} : { audience }),
    ...(clockTolerance === undefined ? {} : { clockTolerance }),
  };
}

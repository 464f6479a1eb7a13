/**
 * The one typed protocol between the extension host and the panel's browser code.
 * Both sides import it; every message is a member of one of these unions.
 * Key material travels only panel → host (pasted text, to be used once); nothing the host sends
 * ever holds any: saved keys appear as names and facts (type, thumbprint).
 */
import type {
  ClaimCheck,
  DecodedToken,
  ExpectedClaims,
  Finding,
  KeyFacts,
  KeyType,
  SdJwtDecoded,
  TokenInspection,
  VerifyResult,
} from './core';

/** The panel's webview type (contributes it to activation and to the serializer that revives it). */
export const PANEL_VIEW_TYPE = 'jwt.panel';

/**
 * Where the shown token came from: a command's argument, the editor's selection, the token under the
 * cursor, the clipboard, the input box, a link in a terminal's output, a debugger's variable or
 * expression, or a panel brought back after a window reload. Every switch over it is exhaustive, so a
 * new origin cannot go unworded.
 */
export type TokenOrigin =
  | 'argument'
  | 'selection'
  | 'cursor'
  | 'clipboard'
  | 'input'
  | 'terminal'
  | 'debugger'
  | 'restored';

/** What the panel remembers across hide/show and window reloads (webview state). */
export interface PanelState {
  token: string;
}

/** A saved key as the panel and menus see it: its name and facts, never its material. */
export interface SavedKey extends Omit<KeyFacts, 'material'> {
  name: string;
}

/** Where a key for signing or verifying comes from. */
export type KeyChoice =
  | { kind: 'saved'; name: string }
  /** A secret, PEM, certificate, JWK or JWKS typed or pasted in; used once, never stored or sent back. */
  | { kind: 'text'; text: string; keyType?: KeyType }
  /** A file's URI string, or a path: absolute or relative to the workspace folder. */
  | { kind: 'file'; path: string };

export type KeyPurpose = 'verify' | 'sign' | 'decrypt';

/** valid ✓, invalid (the signature does not match), or cannot verify (no usable key, unsigned token…). */
export type Verdict = 'valid' | 'invalid' | 'cannot-verify';

/** A signature check with the key's name and the expected-claims report. */
export interface VerifyOutcome extends VerifyResult {
  verdict: Verdict;
  /** How the key is named: `key "prod"`, `key file keys/public.pem`, `the entered key`. */
  keyLabel: string;
  claims: ClaimCheck[];
}

/** Whether "Write back" can replace the token where it came from, and if not, why. */
export type WriteBack = { enabled: true; where: string } | { enabled: false; reason: string };

/**
 * What a request or a reply is about: the token shown when the panel asked. A reply for a token no
 * longer shown is dropped on both sides, so a verdict or a re-signed token never lands on another one.
 */
interface About {
  about: string;
}

/** An action the panel asked for that failed; `message` says why in a sentence. */
type FailedAction = 'verify' | 'sign' | 'decrypt' | 'writeBack' | 'saveKey';

export type HostToPanel =
  /** Show a token and where it came from. */
  | {
      type: 'show';
      inspection: TokenInspection;
      source: TokenOrigin;
      keys: SavedKey[];
      pinned?: string;
      writeBack: WriteBack;
      lastAlg?: string;
    }
  | { type: 'keys'; keys: SavedKey[]; pinned?: string }
  | ({ type: 'verified'; outcome: VerifyOutcome } & About)
  | ({ type: 'signed'; token: string; warnings: string[] } & About)
  | ({ type: 'keyFile'; purpose: KeyPurpose; path: string; label: string } & About)
  /**
   * The shown JWE, decrypted: its plaintext read as claims (or text) under the protected header,
   * and, when the plaintext is itself a token, that token inspected as layer 2.
   */
  | ({ type: 'decrypted'; keyLabel: string; decoded: DecodedToken; inner?: TokenInspection } & About)
  /**
   * The shown token's offline security review: its findings (errors first) and the checks it passed,
   * by id and title.
   */
  | ({ type: 'audit'; findings: Finding[]; passed: { id: string; title: string }[] } & About)
  /**
   * The shown SD-JWT's disclosures resolved (core decodeSdJwt): which claims they disclose, which
   * stay hidden as digests, its key-binding JWT. For an SD-JWT only; `error` when they cannot be.
   */
  | ({ type: 'disclosures'; sdJwt?: SdJwtDecoded; error?: string } & About)
  /** An action could not be done; `message` says why in a sentence. About a token unless it was saving a key. */
  | { type: 'failed'; action: FailedAction; message: string; about?: string }
  | { type: 'notice'; message: string }
  /** There is no token to show: the panel was brought back after a reload without its saved state. */
  | { type: 'empty' };

export type PanelToHost =
  | { type: 'ready' }
  /** The empty panel's button: run JWT: Decode, which shows its token here. */
  | { type: 'decode' }
  /** Copy text to the clipboard through the host (webview clipboard access varies by platform). */
  | { type: 'copy'; text: string; label: string }
  | ({ type: 'verify'; key: KeyChoice; expected: ExpectedClaims } & About)
  | ({ type: 'sign'; payload: string; alg: string; key: KeyChoice } & About)
  | ({ type: 'decrypt'; key: KeyChoice } & About)
  /** Replace the token this is about, where it came from in the editor, with `newToken`. */
  | ({ type: 'writeBack'; newToken: string } & About)
  /** Save pasted key text under a name the host asks for. */
  | { type: 'saveKey'; text: string }
  | ({ type: 'chooseKeyFile'; purpose: KeyPurpose } & About);

/** A request as a section of the panel makes it: panel.ts adds what it is about, the token shown. */
export type PanelRequest = PanelToHost extends infer M ? (M extends About ? Omit<M, 'about'> : M) : never;

/** `request` as the panel sends it: about `shown` when it concerns the token (an explicit `about` stays). */
export function aboutToken(request: PanelRequest | PanelToHost, shown: string): PanelToHost {
  switch (request.type) {
    case 'ready':
    case 'decode':
    case 'copy':
    case 'saveKey':
      return request;
    case 'verify':
    case 'sign':
    case 'decrypt':
    case 'writeBack':
    case 'chooseKeyFile':
      return { about: shown, ...request };
  }
}

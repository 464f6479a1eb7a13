/**
 * The part of jose the core uses, reached only through loadJose (./jose.ts): never import it
 * statically. Named exports rather than `import('jose')`, whose namespace would keep all of jose in
 * the bundle (18 KB more minified, more to parse at start-up than the lazy start saves).
 */
export {
  base64url,
  calculateJwkThumbprint,
  compactDecrypt,
  CompactSign,
  compactVerify,
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  errors,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  importJWK,
  importPKCS8,
  importSPKI,
  importX509,
  UnsecuredJWT,
} from 'jose';

// The tokens in samples/ (fake: HS256 ones are signed with SAMPLE_SECRET; the ES256 one with a throwaway
// key whose public half is samples/keys/es256-public.pem), for tests that need one without reading a file.

export const SAMPLE_SECRET = 'sample-secret-do-not-use';

/** HS256; sub user-1234, name "Ada Lovelace", email ada@example.com, roles [admin, editor]; exp 2099-01-01. */
export const VALID =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJhdWQiOiJqd3QtdG9vbGtpdC1zYW1wbGVzIiwiaWF0IjoxNzA0MDY3MjAwLCJzdWIiOiJ1c2VyLTEyMzQiLCJuYW1lIjoiQWRhIExvdmVsYWNlIiwiZW1haWwiOiJhZGFAZXhhbXBsZS5jb20iLCJyb2xlcyI6WyJhZG1pbiIsImVkaXRvciJdLCJleHAiOjQwNzA5MDg4MDB9.k_M56C2FlV2cWU0QUyLV9iNYT6a8mr0_nWVysQ2kVII';
/** HS256; sub user-5678, name "Charles Babbage"; expired 2024-01-02. */
export const EXPIRED =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJhdWQiOiJqd3QtdG9vbGtpdC1zYW1wbGVzIiwiaWF0IjoxNzA0MDY3MjAwLCJzdWIiOiJ1c2VyLTU2NzgiLCJuYW1lIjoiQ2hhcmxlcyBCYWJiYWdlIiwiZXhwIjoxNzA0MTUzNjAwfQ.P7zTxnB38vt_tUTLpWZ1eWdP6hyZ4taXhfSVqNXoouA';
/** HS256 with kid sample-hs256; sub service-account-42, scope "read:orders write:orders", client_id sample-client; exp 2099. */
export const SERVICE =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6InNhbXBsZS1oczI1NiJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJhdWQiOiJqd3QtdG9vbGtpdC1zYW1wbGVzIiwiaWF0IjoxNzA0MDY3MjAwLCJzdWIiOiJzZXJ2aWNlLWFjY291bnQtNDIiLCJzY29wZSI6InJlYWQ6b3JkZXJzIHdyaXRlOm9yZGVycyIsImNsaWVudF9pZCI6InNhbXBsZS1jbGllbnQiLCJleHAiOjQwNzA5MDg4MDB9.wm_W2QVs3fO091sqOEhQ2xK8lNaOHMlLE1E4Aixkm0E';
/** HS256; sub user-future, name "Grace Hopper"; nbf 2098-01-01, exp 2099. */
export const NOT_YET_VALID =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJhdWQiOiJqd3QtdG9vbGtpdC1zYW1wbGVzIiwiaWF0IjoxNzA0MDY3MjAwLCJzdWIiOiJ1c2VyLWZ1dHVyZSIsIm5hbWUiOiJHcmFjZSBIb3BwZXIiLCJuYmYiOjQwMzkzNzI4MDAsImV4cCI6NDA3MDkwODgwMH0.E4oLyTvA1tK0X8A3tVF-lBCXbp2yAfp-AjQb8-RanVQ';
/** HS256; sub user-forever, name "Alan Turing"; no exp. */
export const NO_EXPIRY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJhdWQiOiJqd3QtdG9vbGtpdC1zYW1wbGVzIiwiaWF0IjoxNzA0MDY3MjAwLCJzdWIiOiJ1c2VyLWZvcmV2ZXIiLCJuYW1lIjoiQWxhbiBUdXJpbmcifQ.OjM3UWJwRzs9Jb-gIQWNM_rBronaoN6ObEKCGQVnrqk';
/** alg none (unsigned, ends with '.'); sub unsigned-user, name "Nobody Signed This", admin true; exp 2099. */
export const ALG_NONE =
  'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJhdWQiOiJqd3QtdG9vbGtpdC1zYW1wbGVzIiwiaWF0IjoxNzA0MDY3MjAwLCJzdWIiOiJ1bnNpZ25lZC11c2VyIiwibmFtZSI6Ik5vYm9keSBTaWduZWQgVGhpcyIsImFkbWluIjp0cnVlLCJleHAiOjQwNzA5MDg4MDB9.';
/**
 * HS256; sub user-injection; name `<img src=x onerror=alert(1)>`, note `<script>alert(1)</script>`,
 * link `[click](javascript:alert(1))`, bold `**bold**`; exp 2099.
 */
export const INJECTION =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJhdWQiOiJqd3QtdG9vbGtpdC1zYW1wbGVzIiwiaWF0IjoxNzA0MDY3MjAwLCJzdWIiOiJ1c2VyLWluamVjdGlvbiIsIm5hbWUiOiI8aW1nIHNyYz14IG9uZXJyb3I9YWxlcnQoMSk-Iiwibm90ZSI6IjxzY3JpcHQ-YWxlcnQoMSk8L3NjcmlwdD4iLCJsaW5rIjoiW2NsaWNrXShqYXZhc2NyaXB0OmFsZXJ0KDEpKSIsImJvbGQiOiIqKmJvbGQqKiIsImV4cCI6NDA3MDkwODgwMH0._s_y-YWMb8eihJlLKx03LCEx3oIrOQ2NvQ0YQUH8ELM';
/** ES256 with kid sample-es256; sub user-es256, name "Katherine Johnson"; exp 2099. Public key: samples/keys/. */
export const ES256 =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6InNhbXBsZS1lczI1NiJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJhdWQiOiJqd3QtdG9vbGtpdC1zYW1wbGVzIiwiaWF0IjoxNzA0MDY3MjAwLCJzdWIiOiJ1c2VyLWVzMjU2IiwibmFtZSI6IkthdGhlcmluZSBKb2huc29uIiwiZXhwIjo0MDcwOTA4ODAwfQ.QVarKSnFOX2YuKhAohE9MixhtfPTJfXLPakp2iqCvUR3nm6C8SCc-kTp4KjkPI8t4EqvYOTjW8uGNEnPS1F4Dw';
/** JWE, dir + A256GCM (key: 32 bytes of 0x07); its claims are not readable without the key. */
export const JWE =
  'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..osZxWXbF_i2U4wpA.DnxdhoreRXnRKshfdEEeix1V4DPI-pZhbIw7yi7rKA5SopvcBsHMYyR5fzR1_c8Gw7g8oS_8PCVHnV-fWJm2dxAQgN_wV5NtPeImEFbjE_l3RrWn1fpGDOh2tD1tMoReazs47ZDVzL6QmJDYWKcUMYPmnrI.5cgim7s47b4uQUMEavWq5g';

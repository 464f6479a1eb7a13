import { loadJose } from './jose';

/**
 * An unsecured token (`alg: none`) for demonstrations: the walkthrough's sample of what never to
 * trust. signPayload refuses alg none on purpose; this is the one way to make one.
 * @example await unsecuredToken({ sub: 'guest' }) // 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJndWVzdCJ9.'
 */
export async function unsecuredToken(claims: Record<string, unknown>): Promise<string> {
  const { UnsecuredJWT } = await loadJose();
  return new UnsecuredJWT(claims).encode();
}

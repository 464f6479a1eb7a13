import * as l10n from '@vscode/l10n';
import type { TemplateInput, TokenTemplate } from './template';

/** The asymmetric algorithms: what a private_key_jwt client assertion may use (RFC 7523, OIDC Core 9). */
const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

const issuer = (): TemplateInput => ({
  id: 'issuer',
  description: l10n.t('Issuer (iss): the authorization server’s URL'),
  default: 'https://auth.example.com',
  type: 'url',
});
const subject = (): TemplateInput => ({
  id: 'subject',
  description: l10n.t('Subject (sub): the user’s identifier at the issuer'),
  default: 'user-1234',
});
const clientId = (description: string): TemplateInput => ({ id: 'client_id', description, default: 'my-client' });

/**
 * The templates that come with the extension, in menu order, their texts in the language of the
 * moment. Times are relative to now and identifiers random, so each token made is fresh.
 */
export function builtInTemplates(): TokenTemplate[] {
  return [
    {
      id: 'oidc-id-token',
      name: l10n.t('OpenID Connect ID token'),
      description: l10n.t('iss, sub, aud, exp in 1 hour, iat, auth_time, nonce (OpenID Connect Core 1.0, section 2)'),
      kind: 'jwt',
      algs: ['RS256', ...ASYMMETRIC.slice(1), 'HS256', 'HS384', 'HS512'],
      header: {},
      payload: {
        iss: '${input:issuer}',
        sub: '${input:subject}',
        aud: '${input:client_id}',
        exp: '${now+1h}',
        iat: '${now}',
        auth_time: '${now}',
        nonce: '${input:nonce}',
      },
      inputs: [
        issuer(),
        subject(),
        clientId(l10n.t('Audience (aud): the client ID of the app the ID token is for')),
        {
          id: 'nonce',
          description: l10n.t('Nonce: the value from the authentication request (leave empty for none)'),
          optional: true,
        },
      ],
    },
    {
      id: 'access-token',
      name: l10n.t('OAuth 2.0 access token (RFC 9068)'),
      description: l10n.t('typ at+jwt; iss, sub, aud, exp in 1 hour, iat, jti, client_id, scope'),
      kind: 'jwt',
      algs: ['RS256', ...ASYMMETRIC.slice(1), 'HS256', 'HS384', 'HS512'],
      header: { typ: 'at+jwt' },
      payload: {
        iss: '${input:issuer}',
        sub: '${input:subject}',
        aud: '${input:audience}',
        exp: '${now+1h}',
        iat: '${now}',
        jti: '${uuid}',
        client_id: '${input:client_id}',
        scope: '${input:scope}',
      },
      inputs: [
        issuer(),
        subject(),
        {
          id: 'audience',
          description: l10n.t('Audience (aud): the resource server (API) the token is for'),
          default: 'https://api.example.com',
        },
        clientId(l10n.t('Client ID (client_id): the app the token was issued to')),
        {
          id: 'scope',
          description: l10n.t('Scope: space-separated scopes granted (leave empty for none)'),
          default: 'read write',
          optional: true,
        },
      ],
    },
    {
      id: 'client-assertion',
      name: l10n.t('Client assertion (private_key_jwt, RFC 7523)'),
      description: l10n.t('iss = sub = client_id, aud = the token endpoint, jti, exp in 5 minutes, iat'),
      kind: 'jwt',
      algs: ASYMMETRIC,
      header: {},
      payload: {
        iss: '${input:client_id}',
        sub: '${input:client_id}',
        aud: '${input:token_endpoint}',
        jti: '${uuid}',
        exp: '${now+5m}',
        iat: '${now}',
      },
      inputs: [
        clientId(l10n.t('Client ID: the client authenticating (both iss and sub)')),
        {
          id: 'token_endpoint',
          description: l10n.t('Audience (aud): the authorization server’s token endpoint URL'),
          default: 'https://auth.example.com/oauth2/token',
          type: 'url',
        },
      ],
    },
    {
      id: 'flask-session',
      name: l10n.t('Flask session cookie'),
      description: l10n.t('A Flask-Login session (_user_id, _fresh), signed with the app’s SECRET_KEY now'),
      kind: 'flask',
      algs: [],
      header: {},
      payload: { _user_id: '${input:user_id}', _fresh: true },
      inputs: [
        {
          id: 'user_id',
          description: l10n.t('The user’s id, as the app’s user loader reads it (_user_id)'),
          default: '1',
        },
      ],
    },
  ];
}

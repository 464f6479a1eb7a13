import * as vscode from 'vscode';
import { signPayload, unsecuredToken } from '../core';

/** Signs the demo tokens. A throwaway: the document says it, so users can verify with it. */
const DEMO_SECRET = 'walkthrough-demo-secret';

/**
 * "JWT: Open Sample Tokens" (the walkthrough's first step): an untitled Markdown document with demo
 * tokens made now (valid, expired, unsigned) and a JSON payload to sign, so no token is committed
 * and the times read sensibly whenever it is opened. Resolves to the document.
 */
export async function openSamplesCommand(): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({
    language: 'markdown',
    content: await samplesMarkdown(new Date()),
  });
  await vscode.window.showTextDocument(document);
  return document;
}

async function samplesMarkdown(now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const user = { sub: 'user-1234', name: 'Ada Lovelace', roles: ['admin'] };
  const sign = (payload: object) => signPayload(payload, { alg: 'HS256', key: DEMO_SECRET });
  const valid = await sign({ ...user, iss: 'https://auth.example.com', iat, exp: iat + 3600 });
  const expired = await sign({ ...user, iat: iat - 2 * 86400, exp: iat - 86400 });
  const unsigned = await unsecuredToken({ sub: 'guest', iat });
  return [
    `# ${vscode.l10n.t('JWT Toolkit sample tokens')}`,
    '',
    vscode.l10n.t('Hover a token to decode it, or put the cursor on one and run **JWT: Decode**.'),
    vscode.l10n.t(
      'The signed ones use HS256 with the throwaway secret `{0}`: try **JWT: Verify Signature** with it, and with a wrong one.',
      DEMO_SECRET,
    ),
    '',
    `## ${vscode.l10n.t('Valid for an hour')}`,
    '',
    valid,
    '',
    `## ${vscode.l10n.t('Expired yesterday')}`,
    '',
    expired,
    '',
    `## ${vscode.l10n.t('Unsigned (alg "none"): anyone can forge it')}`,
    '',
    unsigned,
    '',
    `## ${vscode.l10n.t('A payload to sign')}`,
    '',
    vscode.l10n.t('Select the JSON below and run **JWT: Sign JSON Selection**.'),
    '',
    '```json',
    JSON.stringify({ sub: 'user-5678', name: 'Grace Hopper', scope: 'read:reports' }, null, 2),
    '```',
    '',
  ].join('\n');
}

import * as vscode from 'vscode';
import {
  builtInTemplates,
  checkTemplateInput,
  expandTemplate,
  inputDefault,
  SIGNING_ALGORITHMS,
  signFlaskSession,
  type TokenTemplate,
} from '../core';
import { askForFlaskSecretKey, flaskSecretKeyFromArgs, type FlaskSecretKey } from '../keys/flaskSecretKey';
import { keyChoiceFromArgs } from '../keys/keyChoice';
import type { KeyConsent } from '../keys/keyConsent';
import type { KeyStore } from '../keys/keyStore';
import { pickSigningKey } from '../keys/pickKey';
import { signWithKey } from '../sign/signWithKey';
import { hostEnvironment, readUserTemplates, TEMPLATES_FILE, type UserTemplates } from './userTemplates';

export type TemplateOutput = 'editor' | 'clipboard';

/** Arguments that let callers (and tests) skip prompts; anything left out is asked for. */
export interface NewTokenArgs {
  /** A built-in template's id (oidc-id-token, access-token, client-assertion, flask-session) or a user template's name. */
  template?: string;
  /** Answers by input id. */
  values?: Record<string, string | number>;
  /** JWT templates: the algorithm (one the template allows). */
  alg?: string;
  /** A saved key's name (for a Flask session, a saved shared secret: the SECRET_KEY). */
  key?: string;
  /** Key text: a shared secret, a PKCS#8 PEM or a private JWK; for a Flask session, the SECRET_KEY. */
  secret?: string;
  /** JWT templates: a PEM or JWK file (a path, absolute or relative to the workspace folder, or a URI). */
  keyFile?: string;
  output?: TemplateOutput;
}

/** The token made and where it went, or why none was. Undefined when a prompt was cancelled. */
export type NewTokenOutcome =
  | { token: string; template: string; output: TemplateOutput; warnings: string[] }
  | { error: string };

export interface TemplateDeps {
  keys: KeyStore;
  consent: KeyConsent;
}

/**
 * "JWT: New Token from Template…": a template (built-in, or from the workspace's
 * .vscode/jwt-templates.json) → its inputs → algorithm and key (a Flask session: the SECRET_KEY) →
 * a signed token, times relative to now and a fresh jti, in a new editor or on the clipboard.
 */
export async function newTokenFromTemplateCommand(
  deps: TemplateDeps,
  rawArgs?: unknown,
): Promise<NewTokenOutcome | undefined> {
  const args: NewTokenArgs = rawArgs && typeof rawArgs === 'object' ? (rawArgs as NewTokenArgs) : {};
  const user = await readUserTemplates();
  reportProblems(user);
  const templates = [...builtInTemplates(), ...user.templates];
  let template: TokenTemplate | undefined;
  if (args.template !== undefined) {
    template = templates.find((t) => t.id === args.template || t.name === args.template);
    if (!template)
      return fail(
        vscode.l10n.t(
          'There is no template "{0}"; the templates are: {1}.',
          args.template,
          templates.map((t) => t.id).join(', '),
        ),
      );
  } else {
    template = await pickTemplate(templates, user);
    if (!template) return cancelled();
  }

  const algs = templateAlgs(template);
  if (template.kind === 'jwt' && args.alg !== undefined && !algs.includes(args.alg))
    return fail(
      vscode.l10n.t('The template "{0}" cannot be signed with {1}; use {2}.', template.name, args.alg, algs.join(', ')),
    );
  // User templates are read only in a trusted workspace, so their ${env:…} may be filled in.
  const env = template.source ? hostEnvironment() : undefined;
  const values = await askInputs(template, args.values ?? {}, env);
  if (!values) return cancelled();
  let expanded: ReturnType<typeof expandTemplate>;
  try {
    expanded = expandTemplate(template, { values, ...(env ? { env } : {}) });
  } catch (error) {
    return fail(vscode.l10n.t('Cannot fill in the template "{0}": {1}', template.name, message(error)));
  }

  let signed: { token: string; warnings: string[] };
  try {
    const made =
      template.kind === 'flask'
        ? await signFlask(deps, args, expanded.payload)
        : await signJwt(deps, args, template, expanded.header, expanded.payload);
    if (!made) return cancelled();
    signed = made;
  } catch (error) {
    return fail(message(error));
  }
  for (const warning of signed.warnings) void vscode.window.showWarningMessage(warning);

  const output = args.output ?? (await pickOutput(template));
  if (!output) return cancelled();
  if (output === 'clipboard') {
    await vscode.env.clipboard.writeText(signed.token);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Token copied to the clipboard'), 3000);
  } else {
    const document = await vscode.workspace.openTextDocument({ content: signed.token, language: 'plaintext' });
    await vscode.window.showTextDocument(document);
  }
  return { ...signed, template: template.id, output };
}

type TemplateItem = vscode.QuickPickItem & { template?: TokenTemplate; trust?: true };

async function pickTemplate(templates: TokenTemplate[], user: UserTemplates): Promise<TokenTemplate | undefined> {
  const row = (t: TokenTemplate): TemplateItem => ({
    label: t.kind === 'flask' ? `$(browser) ${t.name}` : `$(key) ${t.name}`,
    ...(t.description ? { detail: t.description } : {}),
    ...(t.source ? { description: t.source } : {}),
    template: t,
  });
  const builtIn = templates.filter((t) => !t.source);
  const own = templates.filter((t) => t.source);
  const items: TemplateItem[] = [
    { label: vscode.l10n.t('Built-in'), kind: vscode.QuickPickItemKind.Separator },
    ...builtIn.map(row),
    ...(own.length || user.untrusted.length
      ? [{ label: vscode.l10n.t('This workspace'), kind: vscode.QuickPickItemKind.Separator }]
      : []),
    ...own.map(row),
    ...user.untrusted.map(
      (file): TemplateItem => ({
        label: vscode.l10n.t(
          '$(workspace-untrusted) Templates in {0} are not read',
          vscode.workspace.asRelativePath(file),
        ),
        detail: vscode.l10n.t(
          'This workspace is not trusted: its templates could sign claims of its choosing with your keys, or copy environment variables into a token. Choose to manage workspace trust.',
        ),
        trust: true,
      }),
    ),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New Token from Template'),
    placeHolder: vscode.l10n.t('Choose a template (add your own in {0})', TEMPLATES_FILE),
    ignoreFocusOut: true,
    matchOnDetail: true,
  });
  if (picked?.trust) {
    await vscode.commands.executeCommand('workbench.trust.manage');
    return undefined;
  }
  return picked?.template;
}

/** Answers for every input the arguments left out, each asked in an input box; undefined when cancelled. */
async function askInputs(
  template: TokenTemplate,
  given: Readonly<Record<string, string | number>>,
  env: ((name: string) => string | undefined) | undefined,
): Promise<Record<string, string | number> | undefined> {
  const values: Record<string, string | number> = { ...given };
  const asked = template.inputs.filter((input) => values[input.id] === undefined);
  for (const [i, input] of asked.entries()) {
    let value: string;
    try {
      value = inputDefault(input, env ? { env } : {});
    } catch {
      value = ''; // a default that cannot be filled in here (an ${env:…} in the web): the user types one
    }
    const answer = await vscode.window.showInputBox({
      title: asked.length > 1 ? `${template.name} (${i + 1}/${asked.length})` : template.name,
      prompt: input.description ?? input.id,
      value,
      ...(input.optional ? { placeHolder: vscode.l10n.t('Optional: leave empty to leave the claim out') } : {}),
      ignoreFocusOut: true,
      validateInput: (text) => checkTemplateInput(input, text),
    });
    if (answer === undefined) return undefined;
    values[input.id] = answer;
  }
  return values;
}

async function signJwt(
  deps: TemplateDeps,
  args: NewTokenArgs,
  template: TokenTemplate,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): Promise<{ token: string; warnings: string[] } | undefined> {
  const algs = templateAlgs(template);
  const alg = args.alg ?? (algs.length === 1 ? algs[0] : await pickAlgorithm(template, algs));
  if (alg === undefined) return undefined;
  const key = (await keyChoiceFromArgs(args, deps.consent, 'sign')) ?? (await pickSigningKey(deps.keys, alg));
  if (key === undefined) return undefined;
  return signWithKey(deps.keys, payload, alg, key, header);
}

async function signFlask(
  deps: TemplateDeps,
  args: NewTokenArgs,
  session: Record<string, unknown>,
): Promise<{ token: string; warnings: string[] } | undefined> {
  const secretKey: FlaskSecretKey | undefined =
    args.secret ??
    (args.key !== undefined
      ? await flaskSecretKeyFromArgs(deps.keys, deps.consent, args.key, 'sign')
      : await askForFlaskSecretKey(deps.keys, {
          title: vscode.l10n.t('Sign with the Flask SECRET_KEY'),
          prompt: vscode.l10n.t('The app’s SECRET_KEY (hidden as you type; used to sign this cookie only)'),
        }));
  if (secretKey === undefined) return undefined;
  return { token: await signFlaskSession(session, secretKey), warnings: [] };
}

/** The algorithms a JWT template may be signed with, its default first. */
function templateAlgs(template: TokenTemplate): string[] {
  return template.algs.length ? template.algs : [...SIGNING_ALGORITHMS];
}

async function pickAlgorithm(template: TokenTemplate, algs: string[]): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    algs.map((alg, i) => ({
      label: alg,
      ...(i === 0 ? { description: vscode.l10n.t('the template’s default') } : {}),
    })),
    {
      title: vscode.l10n.t('{0}: algorithm', template.name),
      placeHolder: vscode.l10n.t('Choose the signing algorithm'),
      ignoreFocusOut: true,
    },
  );
  return picked?.label;
}

async function pickOutput(template: TokenTemplate): Promise<TemplateOutput | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('$(new-file) Open in a new editor'), output: 'editor' as const },
      { label: vscode.l10n.t('$(copy) Copy to the clipboard'), output: 'clipboard' as const },
    ],
    { title: vscode.l10n.t('{0}: where to put the token', template.name), ignoreFocusOut: true },
  );
  return picked?.output;
}

/** Says once per run what was wrong in the workspace's templates files, with a way to open each. */
function reportProblems(user: UserTemplates): void {
  for (const { file, messages } of user.problems) {
    const open = vscode.l10n.t('Open File');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          '{0}: {1} template(s) left out. {2}',
          vscode.workspace.asRelativePath(file),
          messages.length,
          messages.join(' '),
        ),
        open,
      )
      .then((answer) => (answer === open ? vscode.window.showTextDocument(file) : undefined));
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fail(text: string): NewTokenOutcome {
  void vscode.window.showErrorMessage(text);
  return { error: text };
}

function cancelled(): undefined {
  vscode.window.setStatusBarMessage(vscode.l10n.t('New token cancelled: nothing was made'), 3000);
  return undefined;
}

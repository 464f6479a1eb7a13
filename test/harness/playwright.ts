// playwright-core is not a dependency of the project: it lives in the code-server cache folder that
// install-code-server.sh fills (so `npm ci` stays light and no browser is ever downloaded), and is loaded
// from there at run time. These are the few of its types the harness and the e2e tests use; add to them
// as needed, copying the signatures from playwright-core/types/types.d.ts in that folder.
import { createRequire } from 'node:module';
import * as path from 'node:path';

export interface Locator {
  click(options?: { button?: 'left' | 'right' | 'middle'; clickCount?: number; position?: { x: number; y: number }; timeout?: number; force?: boolean }): Promise<void>;
  dblclick(options?: { position?: { x: number; y: number }; timeout?: number }): Promise<void>;
  hover(options?: { position?: { x: number; y: number }; timeout?: number; force?: boolean }): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  press(key: string, options?: { timeout?: number }): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
  focus(options?: { timeout?: number }): Promise<void>;
  count(): Promise<number>;
  first(): Locator;
  last(): Locator;
  nth(index: number): Locator;
  locator(selector: string, options?: { hasText?: string | RegExp; has?: Locator }): Locator;
  filter(options: { hasText?: string | RegExp; hasNotText?: string | RegExp; has?: Locator; visible?: boolean }): Locator;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  isVisible(): Promise<boolean>;
  textContent(options?: { timeout?: number }): Promise<string | null>;
  innerText(options?: { timeout?: number }): Promise<string>;
  innerHTML(options?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  boundingBox(options?: { timeout?: number }): Promise<{ x: number; y: number; width: number; height: number } | null>;
  screenshot(options?: { path?: string; timeout?: number }): Promise<Buffer>;
  evaluate<R, A = unknown>(fn: (element: Element, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  evaluateAll<R, A = unknown>(fn: (elements: Element[], arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

export interface Keyboard {
  press(key: string, options?: { delay?: number }): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
  insertText(text: string): Promise<void>;
  down(key: string): Promise<void>;
  up(key: string): Promise<void>;
}

export interface Mouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  click(x: number, y: number, options?: { button?: 'left' | 'right' | 'middle'; clickCount?: number }): Promise<void>;
  wheel(deltaX: number, deltaY: number): Promise<void>;
}

export interface Frame {
  url(): string;
  name(): string;
  isDetached(): boolean;
  parentFrame(): Frame | null;
  childFrames(): Frame[];
  content(): Promise<string>;
  locator(selector: string, options?: { hasText?: string | RegExp; has?: Locator }): Locator;
  evaluate<R, A = unknown>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitForSelector(selector: string, options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<unknown>;
}

export interface ConsoleMessage {
  type(): string;
  text(): string;
}

export interface Page {
  goto(url: string, options?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit' }): Promise<unknown>;
  reload(options?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit' }): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string | RegExp; has?: Locator }): Locator;
  getByRole(role: string, options?: { name?: string | RegExp; exact?: boolean }): Locator;
  getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
  keyboard: Keyboard;
  mouse: Mouse;
  frames(): Frame[];
  mainFrame(): Frame;
  screenshot(options?: { path?: string; fullPage?: boolean; timeout?: number }): Promise<Buffer>;
  evaluate<R, A = unknown>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  exposeFunction(name: string, callback: (...args: any[]) => unknown): Promise<void>;
  waitForTimeout(ms: number): Promise<void>;
  waitForSelector(selector: string, options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<unknown>;
  waitForEvent(event: 'domcontentloaded' | 'load', options?: { timeout?: number }): Promise<unknown>;
  on(event: 'console', listener: (message: ConsoleMessage) => void): Page;
  on(event: 'pageerror', listener: (error: Error) => void): Page;
  on(event: 'dialog', listener: (dialog: Dialog) => void): Page;
  on(event: 'close' | 'crash', listener: () => void): Page;
  setDefaultTimeout(ms: number): void;
  isClosed(): boolean;
  close(): Promise<void>;
}

export interface Dialog {
  type(): string;
  message(): string;
  dismiss(): Promise<void>;
  accept(text?: string): Promise<void>;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
  grantPermissions(permissions: string[], options?: { origin?: string }): Promise<void>;
  close(): Promise<void>;
}

export interface Browser {
  newContext(options?: { viewport?: { width: number; height: number }; deviceScaleFactor?: number; permissions?: string[] }): Promise<BrowserContext>;
  close(): Promise<void>;
  isConnected(): boolean;
  version(): string;
}

export interface BrowserType {
  launch(options: { executablePath?: string; headless?: boolean; args?: string[]; env?: Record<string, string | undefined>; timeout?: number }): Promise<Browser>;
}

export interface Playwright {
  chromium: BrowserType;
}

/** Loads playwright-core from the code-server cache folder (`install-code-server.sh` prints it). */
export function loadPlaywright(cacheDir: string): Playwright {
  const require = createRequire(path.join(cacheDir, 'cs', 'package.json'));
  return require('playwright-core') as Playwright;
}

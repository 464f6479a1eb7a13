/**
 * Every codicon the panel shows. The build cuts the icon font down to these glyphs (esbuild.mjs reads
 * this list), and icon() takes only these names, so a new icon is one entry here.
 */
const PANEL_ICONS = [
  'check',
  'circle-large-outline',
  'clock',
  'close',
  'copy',
  'edit',
  'error',
  'eye',
  'info',
  'key',
  'lock',
  'pass',
  'pass-filled',
  'replace',
  'shield',
  'unlock',
  'verified',
  'warning',
] as const;

export type PanelIcon = (typeof PANEL_ICONS)[number];

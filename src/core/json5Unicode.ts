/**
 * Stands in for json5's lib/unicode.js in the bundles (esbuild.mjs): the sets JSON5 reads unquoted
 * keys and whitespace with (ECMAScript 5.1 identifiers, Unicode space separators), as Unicode property
 * escapes instead of 16 KB of generated tables, twice over (extension and panel). test/unit/json5Unicode
 * checks they accept every character the tables do.
 */
// Space and no-break space are not in the table: json5 checks them before it asks.
export const Space_Separator = /(?![ \u00a0])\p{Zs}/u;
export const ID_Start = /[\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}]/u;
export const ID_Continue = /[\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]/u;

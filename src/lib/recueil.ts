/**
 * Recueil complet : les 26 fiches mises bout à bout sur une seule page.
 * Chaque fiche est rendue séparément puis réécrite ici (module pur, testé sans Astro) pour que
 * la page reste valide : identifiants uniques, niveaux de titres cohérents, liens internes sur la page.
 */

export interface ScopeOptions {
  /** Préfixe propre à la fiche (« c3 ») : « lessentiel » devient « c3-lessentiel ». */
  prefix: string;
  /** Décalage des titres : 2 fait d'un h2 de la fiche un h4 (borné à h6). */
  shift: number;
  /** Base du site sans barre finale (« » ou « /recueil »), pour reconnaître les liens vers les fiches. */
  base?: string;
}

/** Ancre d'une fiche sur la page du recueil complet. */
export const ficheAnchor = (code: string) => `fiche-${code.toLowerCase()}`;
/** Ancre d'un thème sur la page du recueil complet. */
export const themeAnchor = (letter: string) => `theme-${letter.toLowerCase()}`;

const ID_ATTRS = /^id$/i;
const IDREF_ATTRS = /^(?:aria-describedby|aria-labelledby|aria-controls|aria-owns|aria-details|aria-errormessage|for|headers|list)$/i;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Réécrit le HTML rendu d'une fiche pour l'insérer dans le recueil complet :
 * - préfixe chaque id (et chaque référence à un id : aria-*, for, href="#…") par celui de la fiche ;
 * - décale les niveaux de titres (h2 → h4…), y compris la classe « level-hN » de Starlight ;
 * - transforme les liens vers une fiche (« /fiches/c3/ », « /fiches/c3/#exemple ») en ancres de la page.
 * Seules les balises sont touchées : le texte n'est jamais modifié.
 */
export function scopeFicheHtml(html: string, { prefix, shift, base = '' }: ScopeOptions): string {
  const cleanBase = base.replace(/\/$/, '');
  const ficheLink = new RegExp(`^${escapeRegExp(cleanBase)}/fiches/([a-e]\\d+)/(?:#(.*))?$`, 'i');
  const scoped = (id: string) => `${prefix}-${id}`;
  const level = (n: string) => Math.min(6, Number(n) + shift);

  return html.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^>]*)?)>/g, (_tag, slash: string, name: string, attrs: string) => {
    let tagName = name;
    const heading = /^h([1-6])$/i.exec(name);
    if (heading?.[1]) tagName = `h${level(heading[1])}`;
    if (slash) return `</${tagName}>`;

    const rewritten = attrs.replace(/(\s)([^\s=/>]+)(\s*=\s*)"([^"]*)"/g, (whole, space: string, attr: string, eq: string, value: string) => {
      if (ID_ATTRS.test(attr)) return `${space}${attr}${eq}"${scoped(value)}"`;
      if (IDREF_ATTRS.test(attr)) {
        return `${space}${attr}${eq}"${value.split(/\s+/).filter(Boolean).map(scoped).join(' ')}"`;
      }
      if (attr.toLowerCase() === 'href') {
        if (value.startsWith('#') && value.length > 1) return `${space}${attr}${eq}"#${scoped(value.slice(1))}"`;
        const fiche = ficheLink.exec(value);
        if (fiche?.[1]) {
          const code = fiche[1].toLowerCase();
          const target = fiche[2] ? `${code}-${fiche[2]}` : ficheAnchor(code);
          return `${space}${attr}${eq}"#${target}"`;
        }
      }
      if (attr.toLowerCase() === 'class') {
        return `${space}${attr}${eq}"${value.replace(/\blevel-h([1-6])\b/g, (_m, n: string) => `level-h${level(n)}`)}"`;
      }
      return whole;
    });
    return `<${tagName}${rewritten}>`;
  });
}

/** Les ids d'un fragment HTML, dans l'ordre, pour contrôler les doublons. */
export function idsIn(html: string): string[] {
  return [...html.matchAll(/<[a-zA-Z][^>]*?\sid="([^"]*)"/g)].map((m) => m[1] ?? '');
}

/** Modules virtuels de Starlight importés par nos surcharges de composants (Starlight 0.42 ne publie pas leurs types). */
declare module 'virtual:starlight/pagefind-config' {
  /** Options `pagefind` de la configuration de Starlight, passées à l'interface de Pagefind. */
  export const pagefindUserConfig: Record<string, unknown>;
}

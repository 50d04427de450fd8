/** Texte d'explication venu de texts.ts : les liens « [texte](/chemin/) » deviennent des liens du site. */
import { useContext } from 'preact/hooks';
import { Wizard, siteHref } from './context';

export function Rich({ text }: { text: string }) {
  const { base } = useContext(Wizard);
  const parts = text.split(/\[([^\]]+)\]\(([^)\s]+)\)/);
  // split avec deux groupes : texte, libellé, chemin, texte, libellé, chemin…
  return (
    <>
      {parts.map((part, i) =>
        i % 3 === 0 ? part : i % 3 === 1 ? <a key={i} href={siteHref(base, parts[i + 1]!)}>{part}</a> : null,
      )}
    </>
  );
}

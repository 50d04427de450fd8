import { test } from 'vitest';
import { parseDraft } from '../../src/lib/redactions/load';
import { render } from '../../src/lib/redactions/render';
import { documentText } from '../../src/lib/redactions/document';
const src = `id: demo
title: "Demo draft here"
purpose: "Un texte de démonstration assez long."
placement: [ccap]
references: [ccp-l2112-2]
fiche: C4
variables:
  - name: montant
    type: amount-eur-ht
    label: Montant estimé
    required: true
  - name: publics
    type: multichoice
    label: Publics
    options:
      - { value: a, label: "Public A" }
      - { value: b, label: "Public B" }
  - name: lots
    type: lots
    label: Lots concernés
    fields:
      - { name: numero, type: text, label: Numéro du lot, required: true }
      - { name: heures, type: hours, label: Heures }
template: |
  # Titre : essai
  ## Objet
  Le montant est de {{montant}}{{#if publics}} avec publics{{/if}}.
  Suite du paragraphe.

  - {{publics}}
  | Lot | Heures |
  {{#each lots}}
  | {{numero}} | {{heures}} |
  {{/each}}
  ## Autre
  {{#if publics == "a"}}
  A choisi.
  {{else}}
  Pas A.
  {{/if}}
example:
  montant: 1000000
  publics: [a, b]
  lots: [{numero: "1"}, {numero: "2", heures: 400}]
`;
test('scratch', () => {
  const d = parseDraft(src, 'content/redactions/demo.yaml');
  const r = render(d, d.example);
  console.log(JSON.stringify(r, null, 1).slice(0, 3000));
  if (r.ok) console.log(documentText(r.document));
  console.log(JSON.stringify(render(d, { montant: -3, lots: [{ heures: 'abc' }] })));
  for (const bad of [src.replace('{{/each}}\n', ''), src.replace('{{montant}}', '{{montan}}'), src.replace('{{heures}} |', '{{heures}} |\n  {{/if}}'), src.replace('type: hours', 'type: hourz')]) {
    try { parseDraft(bad, 'content/redactions/demo.yaml'); console.log('NO ERROR'); } catch (e) { console.log((e as Error).message); }
  }
});

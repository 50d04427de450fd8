/**
 * Réponses d'assistant pour les tests : les trois parcours de l'issue, construits avec les fonctions du modèle
 * (comme le ferait l'interface), à partir du catalogue réel des rédactions types.
 */
import { wizardCatalog } from '../../src/lib/wizard/catalog-data';
import { addLot, newAnswers, setPath, type Answers } from '../../src/lib/wizard/model';

export const catalog = wizardCatalog();
export const TODAY = new Date(2026, 8, 1);

const set = (a: Answers, values: Record<string, unknown>) => Object.entries(values).reduce((acc, [p, v]) => setPath(acc, p, v), a);

export const FACILITATOR = {
  'facilitator.structure': 'Maison de l’emploi Val-Sud',
  'facilitator.name': 'Claire Martin',
  'facilitator.email': 'clause.sociale@exemple.fr',
  'facilitator.phone': '01 23 45 67 89',
};

/** (a) Travaux, 3 lots, condition d'exécution et critère d'attribution. */
export function worksJourney(): Answers {
  let a = newAnswers(catalog, { today: TODAY });
  a = addLot(addLot(a));
  return set(a, {
    'contract.subject': 'la construction du groupe scolaire des Tilleuls',
    'contract.buyerName': 'Commune de Val-Sud',
    'contract.reference': '2026-TRX-014',
    'contract.kind': 'travaux',
    'contract.buyer': 'collectivite',
    'contract.amount': '6 000 000',
    'contract.durationMonths': '24',
    'contract.launchDate': '2026-09-15',
    'lots.0.name': 'Gros œuvre',
    'lots.0.amount': '3 000 000',
    'lots.0.labourShare': '50',
    'lots.1.name': 'Peinture',
    'lots.1.amount': '2 000 000',
    'lots.1.labourShare': '70',
    'lots.2.name': 'Charpente métallique',
    'lots.2.amount': '1 000 000',
    'lots.2.labourShare': '20',
    'levers.criterion': true,
    'execution.articleNumber': '9',
    'execution.penaltyPerHour': '30',
    'execution.penaltyCap': '5',
    'criterion.support': 'les travaux de gros œuvre et de peinture',
    'criterion.number': '3',
    ...FACILITATOR,
  });
}

/** (b) Services, 2 lots, le lot 2 réservé aux SIAE. */
export function servicesJourney(): Answers {
  let a = newAnswers(catalog, { today: TODAY });
  a = addLot(a);
  return set(a, {
    'contract.subject': 'l’entretien des espaces verts communaux',
    'contract.buyerName': 'Commune de Val-Sud',
    'contract.kind': 'services',
    'contract.buyer': 'collectivite',
    'contract.amount': '400 000',
    'contract.durationMonths': '36',
    'contract.launchDate': '2026-10-01',
    'lots.0.name': 'Tonte et taille',
    'lots.0.amount': '250 000',
    'lots.0.labourShare': '80',
    'lots.1.name': 'Entretien des cimetières',
    'lots.1.amount': '150 000',
    'lots.1.labourShare': '80',
    'levers.reservation': true,
    'lots.1.reservation': 'siae',
    'execution.penaltyPerHour': '25',
    'execution.penaltyCap': '5',
    ...FACILITATOR,
  });
}

/** (c) Fournitures au-dessus du seuil, lancées après le 22 août 2026, sans condition sociale : note de dérogation. */
export function derogationJourney(): Answers {
  const a = newAnswers(catalog, { today: TODAY });
  return set(a, {
    'contract.subject': 'la fourniture de réactifs pour le traitement de l’eau',
    'contract.buyerName': 'Syndicat des eaux de Val-Sud',
    'contract.reference': '2026-FCS-031',
    'contract.kind': 'fournitures',
    'contract.buyer': 'collectivite',
    'contract.amount': '480 000',
    'contract.durationMonths': '48',
    'contract.launchDate': '2026-10-05',
    'lots.0.name': 'Réactifs',
    'lots.0.amount': '480 000',
    'lots.0.labourShare': '3',
    'levers.condition': false,
    'derogation.ground': 'absence-lien',
    'derogation.justification':
      'Le marché porte sur la seule livraison de produits standardisés, fabriqués en usine hors du territoire ; la part de main-d’œuvre attachée à son exécution est inférieure à 3 %.',
    'derogation.examined': ['facilitateur', 'main-oeuvre'],
    'derogation.signatory': 'Jean Dupuis, directeur général des services',
    'derogation.place': 'Val-Sud',
    'derogation.date': '2026-09-20',
  });
}

/** (b') Services non allotis : un seul « lot », qui est le marché entier ; facilitateur sans téléphone ni courriel, sans article. */
export function unallottedServicesJourney(): Answers {
  const a = newAnswers(catalog, { today: TODAY });
  return set(a, {
    'contract.subject': 'l’entretien des locaux de l’hôtel de ville',
    'contract.buyerName': 'Commune de Val-Sud',
    'contract.reference': '2026-SRV-031',
    'contract.allotted': false,
    'contract.kind': 'services',
    'contract.buyer': 'collectivite',
    'contract.amount': '640 000',
    'contract.durationMonths': '48',
    'contract.launchDate': '2026-10-01',
    'lots.0.name': '',
    'lots.0.amount': '640 000',
    'lots.0.labourShare': '80',
    'execution.modalities': ['embauche', 'mise-a-disposition'],
    'execution.penaltyPerHour': '25',
    'execution.penaltyCap': '5',
    'facilitator.structure': 'PLIE de Val-Sud',
    'facilitator.name': 'Paul Girard',
  });
}

/** (c') Services en deux lots : critère d'attribution et lot 2 réservé aux SIAE ; article du CCAP « 7.3 ». */
export function criterionReservedJourney(): Answers {
  // Consultation engagée avant le 22 août 2026 : la clause est facultative, le lot réservé n'en porte pas.
  return set(servicesJourney(), {
    'contract.launchDate': '2026-08-20',
    'contract.reference': '2026-EV-007',
    'levers.criterion': true,
    'criterion.support': 'la tonte, la taille et le ramassage des déchets verts',
    'criterion.number': '2',
    'execution.articleNumber': '7.3',
    'execution.anru': true,
  });
}

/**
 * (d) Fournitures au-dessus du seuil (500 000 € HT d'ordinateurs, lancées après le 22 août 2026) : pas de clause
 * d'heures, la condition liée à l'emploi (alternance ou achat inclusif, fiche C8) à la place ; pas de note d'exception.
 */
export function employmentJourney(): Answers {
  const a = newAnswers(catalog, { today: TODAY });
  return set(a, {
    'contract.subject': 'la fourniture et le déploiement d’ordinateurs pour les écoles',
    'contract.buyerName': 'Commune de Val-Sud',
    'contract.reference': '2026-FCS-044',
    'contract.allotted': false,
    'contract.kind': 'fournitures',
    'contract.buyer': 'collectivite',
    'contract.amount': '500 000',
    'contract.durationMonths': '36',
    'contract.launchDate': '2026-10-05',
    'lots.0.amount': '500 000',
    'lots.0.labourShare': '5',
    'levers.condition': false,
    'levers.employment': true,
    'employment.articleNumber': '11',
    'employment.functions': 'le déploiement des postes et l’assistance aux utilisateurs',
    'employment.inclusiveServices': 'le reconditionnement et la collecte du matériel remplacé',
    'employment.penalty': '3 000',
    'facilitator.structure': 'Maison de l’emploi Val-Sud',
  });
}

/**
 * Les textes d'explication de l'assistant (introductions d'étape, aides longues, présentation des leviers).
 * Ce sont des contenus éditoriaux : ils sont passés à l'îlot avec le catalogue des rédactions types, à la
 * construction, plutôt que d'alourdir son JavaScript. Les messages de validation restent dans steps.ts.
 * Un lien s'écrit comme en Markdown, sans la base du site : « [fiche C1](/fiches/c1/) ».
 */
export const WIZARD_TEXTS = {
  /** Libellés des choix (valeurs : model.ts). */
  options: {
    contractType: {
      marche: 'Un marché public (y compris un accord-cadre)',
      concession: 'Un contrat de concession',
    },
    framework: {
      non: 'Non, un marché à prix global ou unitaire ordinaire',
      'avec-maximum': 'Oui, un accord-cadre à bons de commande avec un maximum',
      'sans-maximum': 'Oui, un accord-cadre à bons de commande sans maximum',
    },
    frameworkPeriod: {
      duree: 'Pour toute la durée de l’accord-cadre, reconductions comprises',
      an: 'Par an',
    },
    kind: {
      travaux: 'Travaux',
      services: 'Services',
      fournitures: 'Fournitures',
      'prestations-intellectuelles': 'Prestations intellectuelles',
    },
    buyer: {
      etat: 'L’État (autorité publique centrale)',
      collectivite: 'Une collectivité territoriale ou un de ses établissements',
      'entite-adjudicatrice': 'Une entité adjudicatrice (réseaux d’eau, d’énergie, de transport, services postaux)',
      'autre-pouvoir-adjudicateur': 'Un bailleur social ou un autre pouvoir adjudicateur',
      prive: 'Un acheteur privé (maître d’ouvrage non soumis au code de la commande publique)',
    },
    reservation: {
      aucune: 'Pas de réservation',
      siae: 'Réservé aux SIAE (L2113-13)',
      'ea-esat': 'Réservé aux EA et ESAT (L2113-12)',
    },
    method: {
      standard: 'Méthode usuelle : montant × part de main-d’œuvre ÷ coût horaire × taux',
      proprete: 'Formule de la branche propreté (nettoyage, avec reprise du personnel)',
      anru: 'Minimum de la charte d’insertion de l’ANRU (opération de renouvellement urbain)',
    },
  },
  intro: {
    contrat:
      'Ces informations situent le marché : elles servent à savoir si la clause est obligatoire et à remplir l’en-tête des pièces. L’assistant prépare les pièces d’un marché public ; pour un contrat de concession, voir la [fiche C1](/fiches/c1/).',
    lots: 'Le volume d’heures se calcule lot par lot. Un marché qui n’est pas alloti se calcule comme un seul lot, avec son montant et sa part de main-d’œuvre.',
    leviers: 'Choisissez un ou plusieurs leviers. Ils se combinent, avec les limites expliquées ci-dessous.',
    calibrage:
      'Les valeurs proposées (coût horaire de 30 €, taux de 5 %, part de main-d’œuvre de 50 %) sont celles de l’exemple de la [fiche C3](/fiches/c3/) : ce sont des suggestions, à ajuster avec le facilitateur. Le détail du calcul figurera dans une note de calibrage jointe au document.',
    execution:
      'Ces réponses complètent l’article du cahier des clauses administratives particulières (CCAP) et la mention de l’avis. Les valeurs déjà remplies sont les valeurs usuelles des rédactions types : vérifiez-les.',
    emploi:
      'Ces réponses complètent l’article du CCAP consacré à la condition liée à l’emploi. Les valeurs déjà remplies sont celles de la rédaction type : à fixer avec le facilitateur, selon ce que les entreprises et les structures du territoire savent faire ([fiche C8](/fiches/c8/)).',
    critere:
      'Le critère note la qualité de l’action d’insertion proposée par chaque candidat. Il doit être lié à l’objet du marché : dans l’affaire du Département de l’Isère (Conseil d’État, 2013), il pesait 15 % de la note.',
    derogation:
      'L’article L2112-2-1 du code de la commande publique ne permet de déroger à l’obligation que dans les cas qu’il énumère ; leur liste exacte est à vérifier sur Légifrance au moment de la rédaction. Avant de renoncer, demandez l’avis du facilitateur et envisagez une clause limitée à certains lots ; aucune source consultée ne dit si un lot réservé suffit à remplir l’obligation ([fiche C1](/fiches/c1/)).',
    recapitulatif: 'Relisez vos réponses. Chaque groupe a un lien pour revenir à l’étape correspondante ; vos réponses sont gardées.',
  },
  /** Ce que les choix veulent dire pour les données publiées (récapitulatif, declarations.ts). */
  declarations: {
    title: 'Ce que vous déclarerez',
    intro: 'Vos choix se retrouvent dans les données que vous publiez après l’attribution et, au-dessus des seuils européens, dans l’avis européen. Voici les valeurs qui leur correspondent.',
    decp: {
      field: 'Données essentielles (DECP), champ « considerationsSociales »',
      none: 'Le marché ne comporte ni clause, ni critère, ni réservation : c’est la valeur à déclarer, et la note qui motive l’exception reste au dossier.',
      some: 'Une valeur par levier retenu, déclarée avec les autres données essentielles du marché après sa notification. Un lot réservé qui garde la clause d’heures se déclare avec les deux valeurs.',
    },
    framework: {
      field: 'Données essentielles (DECP), champs « techniques » et « modalitesExecution »',
      explanation: 'L’accord-cadre exécuté par bons de commande se déclare par sa technique d’achat et sa modalité d’exécution ; le montant déclaré est le montant maximum.',
    },
    eforms: {
      field: 'Avis européen (eForms) : BT-06-Lot « Strategic Procurement » et BT-775-Lot « Social Procurement »',
      values: ['soc-obj (à vérifier)', 'code de la liste social-objective (à choisir, à vérifier)'],
      explanation:
        'Au-dessus des seuils européens, l’avis publié au Journal officiel de l’Union européenne signale, lot par lot, l’objectif social poursuivi ; l’intitulé exact des codes est à vérifier dans la liste publiée par l’Office des publications avant de remplir l’avis.',
    },
  },
  /** Contrat de concession : l'assistant s'arrête (étape « Le marché »). */
  concession: {
    title: 'L’assistant ne prépare pas les contrats de concession',
    text: 'Ses pièces (avis, règlement de la consultation, CCAP, note de calibrage) sont celles d’un marché public. Une concession obéit à d’autres règles : la [fiche C1](/fiches/c1/) explique l’obligation qui la vise et ses exceptions.',
  },
  hint: {
    contractType: 'Marché public : l’acheteur paie un prix. Concession : le concessionnaire est rémunéré par l’exploitation du service ou de l’ouvrage, et en supporte le risque.',
    socialServices:
      'Services de l’avis annexé au code de la commande publique (services sociaux, de santé, d’insertion, de formation…), passés selon le régime allégé : leur seuil européen est propre, 750 000 € HT (valeur 2026-2027 à confirmer). Voir la [fiche C7](/fiches/c7/).',
    framework:
      'Un accord-cadre exécuté par bons de commande se compare au seuil par sa valeur maximale estimée sur toute sa durée (article R2121-8). Voir la [fiche C3](/fiches/c3/) pour le calibrage.',
    frameworkPeriod: 'Un maximum annuel est multiplié par la durée d’exécution indiquée plus bas.',
    lotsFramework:
      'Accord-cadre à bons de commande : indiquez pour chaque lot son maximum sur toute la durée, reconductions comprises (sans maximum : le total estimé des commandes). Les heures se calculent sur ce montant et seront dues au prorata des commandes passées.',
    amountFramework:
      'Le maximum de l’accord-cadre (sans maximum : le total estimé des commandes), tous lots compris. C’est cette valeur qui se compare aux seuils européens.',
    subject: 'Écrivez la suite de la phrase « Le marché a pour objet… », par exemple « la construction du groupe scolaire des Tilleuls » : elle est reprise telle quelle dans les pièces.',
    allotted: 'Sinon, le marché est traité comme un seul lot : les pièces parlent « du marché » et non de lots.',
    buyerName: 'Tel qu’il figurera dans les pièces, par exemple « Commune de Val-Sud ».',
    buyer: 'Il détermine le seuil européen applicable aux fournitures et services.',
    amount: 'En chiffres, par exemple 1 200 000. C’est la valeur estimée qui se compare aux seuils européens.',
    launchDate: 'Date prévue d’envoi de l’avis à la publication ou, sans avis, d’engagement de la consultation.',
    labourShare:
      'Part de main-d’œuvre : la part du prix qui rémunère le travail. Exemples de la fiche C3 : environ 50 % en maçonnerie, 70 % en peinture intérieure, 20 % en charpente métallique, 80 % dans le nettoyage. La valeur proposée, 50 %, est à ajuster avec le facilitateur.',
    conditionNo:
      'L’assistant vous aidera à rédiger la note qui en consigne les motifs, à verser au dossier de la procédure. Si c’est un volume d’heures qui convient mal (fournitures, prestations intellectuelles), l’étape suivante propose une condition liée à l’emploi, sans heures.',
    override: 'Par exemple pour reprendre le volume d’un marché précédent. Le motif figurera dans la note de calibrage.',
    employmentPenalty: 'Un montant forfaitaire fixé par l’acheteur, dû si l’engagement n’est pas tenu à la fin du marché ; il n’existe pas de barème officiel.',
    employmentFacilitator: 'Le titulaire lui indique la modalité retenue ; il l’aide à trouver les candidats à l’alternance ou les structures inclusives du territoire.',
    penalties: 'Il n’existe pas de barème officiel : le montant et le plafond sont à fixer par l’acheteur (voir la [fiche B5](/fiches/b5/)).',
    profile: 'Ces coordonnées seront mémorisées dans ce navigateur pour votre prochain brouillon.',
    commitmentForm: 'Le document Word contiendra la fiche, préremplie avec les lots et leurs heures.',
    subCriteria: 'Les sous-critères proposés sont ceux de la rédaction type ; leurs parts doivent faire 100 % de la note du critère.',
  },
  /** Messages de l'assistant lui-même (brouillon, outils, téléchargement). */
  ui: {
    invalidNew: 'Un nouveau brouillon a été ouvert. ',
    keptCopy: 'Une copie de l’original est gardée : ',
    closeBanner: 'Fermer ce message et effacer la copie',
    closeLinkBanner: 'Fermer ce message',
    /** Titres des bandeaux (`Banner` de session.ts). */
    bannerTitles: { invalid: 'Brouillon illisible', migrated: 'Brouillon converti', link: 'Lien de partage' },
    saveFailed: 'Vos réponses ne peuvent pas être enregistrées dans ce navigateur : exportez-les pour les garder.',
    saveLater: 'Vos réponses sont enregistrées dans ce navigateur au fil de la saisie.',
    downloadFailed:
      'Le document n’a pas pu être produit. Réessayez ; si le problème continue, exportez vos réponses et signalez-le à l’éditeur du site.',
    loading: 'Chargement de l’assistant… Les champs seront modifiables dans un instant.',
    resume: {
      title: 'Reprendre votre brouillon ?',
      intro: 'Un brouillon est enregistré dans ce navigateur :',
      draft: 'Brouillon enregistré',
      resume: 'Reprendre le brouillon',
      startNew: 'Commencer un nouveau brouillon',
      keep: 'Un nouveau brouillon prend sa place ; une copie est gardée dans ce navigateur et peut être rétablie.',
      export: 'Exporter ce brouillon (.json)',
    },
    replace: {
      importTitle: 'Remplacer le brouillon en cours par le fichier importé ?',
      importIntro: 'Le fichier importé remplacerait le brouillon en cours :',
      importIncoming: 'Brouillon importé',
      importConfirm: 'Remplacer le brouillon',
      calculatorTitle: 'Reprendre le calcul de la fiche C3 dans un nouveau brouillon ?',
      calculatorIntro: 'Un brouillon est déjà enregistré dans ce navigateur. Le calcul de la fiche C3 peut ouvrir un nouveau brouillon à sa place :',
      calculatorIncoming: 'Nouveau brouillon avec le calcul',
      calculatorConfirm: 'Ouvrir un nouveau brouillon avec le calcul',
      linkTitle: 'Remplacer le brouillon en cours par les réponses du lien ?',
      linkIntro: 'Le lien de partage que vous avez ouvert remplacerait le brouillon en cours :',
      linkIncoming: 'Réponses du lien',
      linkConfirm: 'Remplacer par les réponses du lien',
      current: 'Brouillon en cours',
      keep: 'Le brouillon en cours sera gardé dans ce navigateur : vous pourrez le télécharger ou le rétablir.',
      cancel: 'Annuler et garder mon brouillon',
    },
    /** Panneau « Partager un lien pré-rempli » (share.tsx, chargé à l'ouverture). */
    share: {
      open: 'Partager un lien pré-rempli',
      loadFailed: 'Le partage n’a pas pu être chargé : vérifiez la connexion, puis rouvrez le lien reçu ou rechargez la page. Votre brouillon n’a pas changé.',
      title: 'Partager un lien pré-rempli',
      intro:
        'Le lien emporte les réponses choisies ci-dessous, par exemple le volume d’heures calibré avec l’acheteur, pour que son service juridique complète les pièces. Qui l’ouvre les retrouve dans son propre navigateur ; s’il a déjà un brouillon, l’assistant lui demande d’abord s’il veut le remplacer.',
      legend: 'Réponses à inclure dans le lien',
      lotsNote: 'Le volume d’heures se calcule lot par lot et dépend du marché (montant, obligation, leviers) : le partager inclut le marché et les lots.',
      field: 'Lien à envoyer',
      copy: 'Copier le lien',
      copied: 'Le lien est copié : collez-le dans votre message.',
      copyFallback: 'La copie automatique n’est pas permise dans ce navigateur : le lien est sélectionné, copiez-le avec Ctrl+C (Cmd+C sur Mac).',
      privacy:
        'Les réponses sont écrites dans le lien lui-même, après le signe « # » : elles ne sont envoyées à aucun serveur, mais toute personne qui reçoit le lien peut les lire.',
    },
    replaced: {
      notice: 'Le brouillon précédent a été remplacé ; une copie est gardée.',
      download: 'Télécharger l’ancien brouillon',
      undo: 'Annuler : rétablir l’ancien brouillon',
      close: 'Fermer ce message',
    },
    /** Messages annoncés par la session (src/lib/wizard/session.ts). */
    messages: {
      importTooBig: 'Ce fichier est trop volumineux pour être un brouillon de l’assistant.',
      importEmpty: 'Le fichier est vide.',
      imported: 'Brouillon importé.',
      importCancelled: 'Import annulé : votre brouillon est inchangé.',
      calculatorCancelled: 'Le calcul de la fiche C3 n’a pas été repris : votre brouillon est inchangé.',
      restored: 'Le brouillon précédent est rétabli.',
      exported: 'Vos réponses sont exportées dans un fichier.',
      profileForgotten: 'Les coordonnées mémorisées sont oubliées.',
      preparing: 'Préparation du document…',
    },
  },
  levers: {
    condition: {
      label: 'Condition d’exécution : un volume d’heures d’insertion par lot',
      summary:
        'Le titulaire réserve un nombre minimal d’heures de travail à des personnes éloignées de l’emploi, en choisissant librement comment. C’est le levier le plus courant ; au-dessus des seuils européens, il permet de remplir l’obligation de condition d’exécution sociale.',
    },
    criterion: {
      label: 'Critère d’attribution relatif à l’insertion',
      summary:
        'Les offres sont aussi notées sur la qualité de l’action d’insertion proposée. Le critère doit être lié à l’objet du marché ; il complète la condition d’exécution sans la remplacer.',
    },
    reservation: {
      label: 'Lot ou marché réservé (SIAE, ou EA et ESAT)',
      summary:
        'Seules les structures d’insertion par l’activité économique, ou les entreprises adaptées et ESAT, peuvent répondre sur le lot réservé. Quand la clause n’est pas obligatoire, le lot réservé ne porte pas, en plus, de clause d’heures ; quand elle l’est, il la garde, car aucun texte consulté ne dit qu’une réservation remplit l’obligation (à vérifier).',
    },
    insertion: {
      label: 'Marché d’insertion et de qualification professionnelle',
      summary:
        'L’insertion devient l’objet même de l’achat, adossée à une activité support. C’est un achat d’une autre nature, que l’assistant ne rédige pas : une rédaction type dédiée existe.',
    },
    employment: {
      label: 'Condition d’exécution liée à l’emploi, sans volume d’heures (alternance ou achat inclusif)',
      summary:
        'Pour les achats où un volume d’heures n’a pas de sens (fournitures, licences, prestations intellectuelles) : le titulaire accueille des personnes en alternance sur des fonctions du marché, ou confie une part minimale du montant à des SIAE, entreprises adaptées ou ESAT, à son choix. C’est une condition d’exécution sociale ; au-dessus des seuils européens, qu’elle suffise à remplir l’obligation est à vérifier.',
    },
  },
};

export type WizardTexts = typeof WIZARD_TEXTS;

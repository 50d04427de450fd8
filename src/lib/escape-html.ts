/** Échappe un texte pour l'écrire dans du HTML (contenu ou valeur d'attribut entre guillemets). Module pur, sans dépendance. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

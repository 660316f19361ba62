/** Text as a reader of clinic.yaml compares it: lowercase, accents removed ("Sábado" → "sabado"), trimmed. */
export const foldText = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();

import type { SectionKey } from "../content/sections.ts";
import type { procedureKinds } from "../content/schema.ts";

/**
 * What a guide must tell patients, by kind of procedure (front matter `kind:`): warning signs and
 * reasons not to treat, as a medical reviewer asks for them. Each is found
 * when every one of its patterns matches the text of its sections, in the guide's language.
 */
export interface SafetyItem {
  /** What is missing, as the error says it. */
  what: string;
  /** The sections (with their sub-sections) it must appear in. */
  sections: SectionKey[];
  patterns: Record<string, RegExp[]>;
}

const item = (what: string, sections: SectionKey[], en: RegExp[], es: RegExp[]): SafetyItem => ({ what, sections, patterns: { en, es } });

const clotSigns = item(
  "the signs of a blood clot in a deep vein (new pain, swelling or warmth in the calf or thigh)",
  ["whenToCall"],
  [/(pain|swelling|warmth)[^.\n]{0,60}(calf|thigh)/],
  [/(dolor|hinchazón|calor)[^.\n]{0,60}(pantorrilla|muslo)/],
);
const lungClotSigns = item(
  "the signs of a blood clot in the lungs (sudden shortness of breath, chest pain)",
  ["whenToCall"],
  [/shortness of breath|trouble breathing/, /chest pain/],
  [/falta de aire|dificultad para respirar/, /dolor de pecho/],
);
const emergencyBlock = item(
  'an emergency block (e.g. "Get emergency help right away if you have:" and its signs)',
  ["whenToCall"],
  [/emergency/],
  [/emergencia|urgencias/],
);
const visionAndNerves = item(
  "the vision and nerve warning signs (loss of vision, sudden weakness or numbness, trouble speaking)",
  ["whenToCall"],
  [/vision/, /weakness|numbness/, /speaking|speech/],
  [/vista|visión/, /debilidad|adormecimiento/, /hablar/],
);
const holeInHeart = item(
  "the question about a hole in the heart (PFO) before treatment",
  ["before"],
  [/hole in (the|your) heart|\bpfo\b/],
  [/agujero en el corazón|foramen oval/],
);
const nerveInjury = item("nerve injury (numbness or tingling) with how often it happens", ["risks"], [/nerve/], [/nervio/]);
const burns = item("skin burns", ["risks"], [/burn/], [/quemadura/]);
const glueAllergy = item(
  "an allergy to the medical adhesive",
  ["risks"],
  [/allerg[^.\n]{0,80}(glue|adhesive)|(glue|adhesive)[^.\n]{0,80}allerg/],
  [/al[eé]rg[^.\n]{0,80}adhesivo|adhesivo[^.\n]{0,80}al[eé]rg/],
);

const notFor = (what: string, en: RegExp, es: RegExp) => item(`a reason not to treat: ${what}`, ["whoItHelps"], [en], [es]);
const pregnancy = notFor("pregnancy", /pregnan/, /embaraz/);
const activeClot = notFor("an active blood clot", /clot/, /coágulo/);
const superficialClot = notFor(
  "an active clot in a surface vein (superficial thrombophlebitis)",
  /phlebitis|clot[^.\n]{0,60}(surface|superficial)|(surface|superficial)[^.\n]{0,40}clot/,
  /flebitis|coágulo[^.\n]{0,60}(superficie|superficial)|(superficie|superficial)[^.\n]{0,40}coágulo/,
);
const allergy = notFor("an allergy to the medicine", /allerg/, /al[eé]rg/);
const immobility = notFor("being unable to walk around", /walk|bed|immobil/, /caminar|moverse|cama|inmovil/);
const poorArteries = notFor("poor blood flow in the arteries of the legs", /arter|circulation/, /arteria|circulación|riego/);

const treatment = [clotSigns, lungClotSigns, emergencyBlock];

export const safetyContent: Record<(typeof procedureKinds)[number], SafetyItem[]> = {
  injection: [...treatment, pregnancy, activeClot, superficialClot, allergy, immobility, poorArteries],
  foam: [...treatment, visionAndNerves, holeInHeart, pregnancy, activeClot, allergy, immobility, poorArteries],
  "thermal-ablation": [...treatment, nerveInjury, burns, pregnancy, activeClot, allergy, immobility, poorArteries],
  adhesive: [...treatment, glueAllergy, pregnancy, activeClot, superficialClot, allergy, immobility, poorArteries],
  surgery: [...treatment, nerveInjury, pregnancy, activeClot, allergy, immobility, poorArteries],
  compression: [...treatment, poorArteries],
  consultation: [emergencyBlock],
};

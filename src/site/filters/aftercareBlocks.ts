import type { ProcedureSource } from "../../content/load.ts";
import { withoutPicturesAlone } from "../../content/markdown.ts";
import { splitSections, splitSubBlocks } from "../../content/sections.ts";

/** One block of the aftercare sheet; an `optional` one prints only when it still fits (its number its priority, 1 first). */
export interface AftercareBlock {
  markdown: string;
  optional?: number;
}

/**
 * The aftercare sheet's blocks, in the guide's order: "After the treatment", then "When to call us".
 * When they do not all fit its one page, the printer (addSectionsThatFit) adds the optional blocks
 * by priority while the page still fits, so the least essential is left out first:
 * 1. kept always: "When to call us" whole (the emergency route and contact block follow it in the
 *    template), the after-care heading and its first sub-block (the first days at home);
 * 2. then, while they fit, the later sub-blocks in the guide's order (the longer term);
 * 3. last, the after-care's opening paragraphs, which tell what happens on the day: the patient
 *    is living that as the nurse hands the sheet over.
 * A section without `###` sub-blocks is kept whole. Pictures alone in a paragraph are left out, as the
 * tri-fold leaves them (the full guide has them). The sheet says when something was left out:
 * the full guide, a QR code away, has it.
 */
export function aftercareBlocks(procedure: Pick<ProcedureSource, "body" | "lang">): AftercareBlock[] {
  const sections = splitSections(procedure.body, procedure.lang);
  const blocks: AftercareBlock[] = [];
  const after = sections.find((section) => section.key === "after");
  if (after) {
    const [opening, ...subBlocks] = splitSubBlocks(withoutPicturesAlone(after.markdown));
    if (subBlocks.length === 0) blocks.push({ markdown: opening! });
    else {
      const [heading, ...lead] = opening!.split("\n");
      blocks.push({ markdown: heading! });
      const leadText = lead.join("\n");
      const [first, ...later] = subBlocks;
      if (leadText.trim()) blocks.push({ markdown: leadText, optional: later.length + 1 });
      blocks.push({ markdown: first! });
      later.forEach((markdown, index) => blocks.push({ markdown, optional: index + 1 }));
    }
  }
  const whenToCall = sections.find((section) => section.key === "whenToCall");
  if (whenToCall) blocks.push({ markdown: withoutPicturesAlone(whenToCall.markdown) });
  return blocks;
}

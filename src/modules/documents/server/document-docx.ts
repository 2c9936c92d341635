/**
 * A 公文 as a Word document in the official layout (GB/T 9704, through the kernel's official-docx helper): a signed
 * document opens with the red 版头 (发文机关标志, 文号, 签发人 for a 请示 or 报告, the red rule); then the title in
 * 方正小标宋 二号, the 主送机关, the body in 仿宋 三号 with 一、 headings in 黑体 and （一） in 楷体, the 落款 and 成文日期.
 * A document not yet signed is marked 「（送审稿）」 and carries no number.
 */
import { AlignmentType, Document, Packer, Paragraph } from 'docx';
import {
  bodyParagraph, headingParagraph, officialDate, officialPage, officialStyles, pageNumberFooter, redHeader, run, signatureParagraphs, titleParagraph,
} from '../../../kernel/server/official-docx.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { typeDefs, type DocumentType } from '../domain/document-rules.ts';
import type { DocumentsItemRow } from './tables.ts';

export async function documentDocx(r: DocumentsItemRow, issuer: { name: string }): Promise<Buffer> {
  const type = typeDefs[r.doc_type as DocumentType];
  const children: Paragraph[] = [];
  if (r.number) children.push(...redHeader({ issuer: issuer.name, number: r.number, signer: type?.upward ? r.signer_name : null }));
  else children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run('（送审稿）')] }));
  children.push(titleParagraph(r.title));
  const lines = r.body.split(/\n+/).map((x) => x.trim()).filter(Boolean);
  // the 主送机关 is the first line when the body opens with one (ends with a full-width colon), else the field
  if (r.addressee && !(lines[0] ?? '').endsWith('：')) children.push(bodyParagraph(`${r.addressee}：`, { indent: false }));
  lines.forEach((line, i) => {
    if (i === 0 && line.endsWith('：') && line.length <= 60) children.push(bodyParagraph(line, { indent: false }));
    else if (/^[一二三四五六七八九十]+、/.test(line) && line.length <= 40) children.push(headingParagraph(line, 1));
    else if (/^（[一二三四五六七八九十]+）/.test(line) && line.length <= 40) children.push(headingParagraph(line, 2));
    else children.push(bodyParagraph(line));
  });
  const date = r.signed_at ? chinaToday(new Date(r.signed_at)) : chinaToday(new Date(r.updated_at));
  children.push(...signatureParagraphs([issuer.name, officialDate(date)], { before: 600 }));
  const doc = new Document({
    creator: issuer.name, title: r.number ? `${r.number} ${r.title}` : r.title,
    styles: officialStyles,
    sections: [{ properties: officialPage({ size: true }), footers: { default: pageNumberFooter() }, children }],
  });
  return Packer.toBuffer(doc);
}

// The licence face as a PDF: type, number, holder (ID number masked), fields, issuer, dates, the
// identifier, a QR code of the public verification page and the issuer's watermark on every line.
import fontkit from '@pdf-lib/fontkit';
import { degrees, PDFDocument, PDFName, PDFString, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { LicenceView } from '../../../contract/licences.js';
import { fallbackFontFor, fontBytes, primaryFont } from './font.js';

class Writer {
  private fallbacks = new Map<string, PDFFont>();
  constructor(private doc: PDFDocument, readonly font: PDFFont) {}

  private async fontOf(ch: string): Promise<PDFFont> {
    const cp = ch.codePointAt(0)!;
    if (this.font.getCharacterSet().includes(cp)) return this.font;
    const name = fallbackFontFor(cp);
    if (!name) return this.font;
    let f = this.fallbacks.get(name);
    if (!f) this.fallbacks.set(name, (f = await this.doc.embedFont(fontBytes(name), { subset: true })));
    return f;
  }

  /** Draw text in runs of one font each, so rare characters come from a fallback subset. */
  async text(page: PDFPage, s: string, x: number, y: number, size: number, color = rgb(0.1, 0.1, 0.1)) {
    let run = '';
    let runFont: PDFFont | null = null;
    const flush = () => {
      if (!run || !runFont) return;
      page.drawText(run, { x, y, size, font: runFont, color });
      x += runFont.widthOfTextAtSize(run, size);
      run = '';
    };
    for (const ch of s) {
      const f = await this.fontOf(ch);
      if (f !== runFont) { flush(); runFont = f; }
      run += ch;
    }
    flush();
  }
}

export const watermarkText = (issuer: string, validTo: string | null) =>
  `此件由${issuer}提供，仅供办理政务服务事项时使用${validTo ? `，有效期至${validTo.slice(0, 4)}年${validTo.slice(5, 7)}月${validTo.slice(8, 10)}日` : ''}`;

/** The QR code of the verification page as printed on the licence. */
export const verifyQrPng = (url: string) => QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });

export async function renderLicencePdf(l: LicenceView): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${l.typeName} ${l.licenceNo}`);
  doc.setSubject(l.identifier);
  doc.setProducer('Tongban');
  const w = new Writer(doc, await doc.embedFont(primaryFont(), { subset: true }));
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 30, y: 30, width: 535, height: 782, borderColor: rgb(0.6, 0.1, 0.1), borderWidth: 2 });

  const watermark = watermarkText(l.issuer.name, l.validTo);
  for (let y = 80; y < 800; y += 120) {
    page.drawText(watermark, { x: 40, y, size: 11, font: w.font, color: rgb(0.85, 0.85, 0.85), rotate: degrees(20) });
  }
  const title = l.typeName;
  await w.text(page, title, (595 - w.font.widthOfTextAtSize(title, 26)) / 2, 740, 26, rgb(0.6, 0.1, 0.1));
  await w.text(page, `证照编号：${l.licenceNo}`, 60, 700, 11);

  const lines: [string, string][] = [
    ['持证主体', l.holderName],
    [l.holderCodeType === '111' ? '公民身份号码' : '统一社会信用代码', l.holderCode],
    ...l.fields.filter((f) => f.value !== null).map((f) => [f.label, f.value!] as [string, string]),
    ['颁发机构', l.issuer.name],
    ['颁发日期', l.issuedOn],
    ['有效期', `${l.validFrom} 至 ${l.validTo ?? '长期'}`],
    ['关联事项', l.item.name],
  ];
  let y = 650;
  for (const [label, value] of lines) {
    await w.text(page, `${label}：`, 60, y, 12, rgb(0.35, 0.35, 0.35));
    const chunks = value.match(/.{1,30}/gu) ?? [''];
    for (const chunk of chunks) { await w.text(page, chunk, 180, y, 12); y -= 20; }
    y -= 6;
  }
  if (l.status !== 'valid') await w.text(page, l.status === 'revoked' ? '已注销' : '已换发', 420, 700, 28, rgb(0.8, 0, 0));

  const qr = await doc.embedPng(await verifyQrPng(l.verifyUrl));
  page.drawImage(qr, { x: 415, y: 70, width: 120, height: 120 });
  // on screen the QR code is a link to the same page
  const link = doc.context.register(doc.context.obj({
    Type: 'Annot', Subtype: 'Link', Rect: [415, 70, 535, 190], Border: [0, 0, 0],
    A: { Type: 'Action', S: 'URI', URI: PDFString.of(l.verifyUrl) },
  }));
  page.node.set(PDFName.of('Annots'), doc.context.obj([link]));
  await w.text(page, '扫码核验', 450, 56, 10, rgb(0.35, 0.35, 0.35));
  await w.text(page, '电子证照标识：', 60, 110, 9, rgb(0.35, 0.35, 0.35));
  await w.text(page, l.identifier, 60, 96, 8);
  await w.text(page, `签名算法 SM2-SM3 · 密钥 ${l.signature.keyId}`, 60, 80, 8, rgb(0.35, 0.35, 0.35));
  return doc.save();
}

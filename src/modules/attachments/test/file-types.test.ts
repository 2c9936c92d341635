// Pure rules of accepted uploads: type decided by content, extension must agree, safe names and dispositions.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cleanFilename, contentDisposition, isPlainText, judgeUpload } from '../domain/file-types.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('upload verdicts', () => {
  test('a PDF named .pdf is accepted as application/pdf', () => {
    const v = judgeUpload('提案附件.pdf', { ext: 'pdf', mime: 'application/pdf' }, new Uint8Array());
    assert.equal(v.ok && v.type.mime, 'application/pdf');
  });
  test('a PNG named .pdf is a mismatch (400)', () => {
    const v = judgeUpload('a.pdf', { ext: 'png', mime: 'image/png' }, new Uint8Array());
    assert.equal(!v.ok && v.status, 400);
  });
  test('an executable is unsupported (415) whatever its name', () => {
    const v = judgeUpload('a.pdf', { ext: 'exe', mime: 'application/x-msdownload' }, new Uint8Array());
    assert.equal(!v.ok && v.status, 415);
  });
  test('legacy Office files are told apart by extension; other compound files are refused', () => {
    const cfb = { ext: 'cfb', mime: 'application/x-cfb' };
    assert.equal((judgeUpload('a.doc', cfb, new Uint8Array()) as any).type.mime, 'application/msword');
    assert.equal((judgeUpload('a.xls', cfb, new Uint8Array()) as any).type.mime, 'application/vnd.ms-excel');
    assert.equal((judgeUpload('a.msg', cfb, new Uint8Array()) as any).status, 415);
  });
  test('UTF-8 text named .txt is accepted; HTML and binary are not text', () => {
    assert.equal(judgeUpload('说明.txt', undefined, utf8('关于老旧小区改造的说明')).ok, true);
    assert.equal((judgeUpload('a.txt', undefined, utf8('<!DOCTYPE html><p>x')) as any).status, 415);
    assert.equal((judgeUpload('a.txt', undefined, utf8('hello <script>alert(1)</script>')) as any).status, 415);
    assert.equal(isPlainText(new Uint8Array([0x61, 0x00, 0x62])), false);
    assert.equal(isPlainText(new Uint8Array([0xff, 0xfe, 0xfd])), false);
  });
});

describe('names', () => {
  test('directories and control characters are removed from file names', () => {
    assert.equal(cleanFilename('../../etc/提案\u0000.pdf'), '提案.pdf');
    assert.equal(cleanFilename('C:\\Users\\x\\报告.docx'), '报告.docx');
  });
  test('Content-Disposition carries an ASCII fallback and the RFC 5987 UTF-8 name', () => {
    assert.equal(contentDisposition('提案 (1).pdf'), `attachment; filename="__ (1).pdf"; filename*=UTF-8''%E6%8F%90%E6%A1%88%20%281%29.pdf`);
  });
});

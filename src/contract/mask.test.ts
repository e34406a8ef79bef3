import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskBankCard, maskEmail, maskFixedLine, maskIdNumber, maskMobile, maskName } from './mask.js';

describe('maskName', () => {
  it('keeps a one-character surname and hides the rest', () => {
    assert.equal(maskName('张三'), '张*');
    assert.equal(maskName('王小明'), '王**');
    assert.equal(maskName('李明华'), '李**');
  });

  it('keeps a listed compound surname when the name has three or more characters', () => {
    assert.equal(maskName('欧阳娜娜'), '欧阳**');
    assert.equal(maskName('诸葛亮'), '诸葛*');
    assert.equal(maskName('司马相如'), '司马**');
  });

  it('treats a two-character name that starts like a compound surname as a one-character surname', () => {
    assert.equal(maskName('欧阳'), '欧*');
  });

  it('does not treat an unlisted pair as a compound surname', () => {
    assert.equal(maskName('王欧阳'), '王**');
  });

  it('keeps the middle dot of transliterated names', () => {
    assert.equal(maskName('迪丽热巴·迪力木拉提'), '迪***·*****');
  });

  it('masks a one-character name entirely and leaves an empty name empty', () => {
    assert.equal(maskName('李'), '*');
    assert.equal(maskName(''), '');
  });

  it('keeps the length of the name', () => {
    for (const n of ['张三', '欧阳娜娜', '迪丽热巴·迪力木拉提', '司徒雷登']) assert.equal(Array.from(maskName(n)).length, Array.from(n).length);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and the last 4 characters of an 18-character number', () => {
    assert.equal(maskIdNumber('330106199001011419'), '330106********1419');
    assert.equal(maskIdNumber('11010519491231002X'), '110105********002X');
  });

  it('keeps the first 6 and the last 3 digits of a 15-digit number', () => {
    assert.equal(maskIdNumber('110105491231002'), '110105******002');
  });

  it('keeps the length of any other document number', () => {
    const masked = maskIdNumber('E12345678');
    assert.equal(masked, 'E1*****78');
    assert.equal(maskIdNumber('1234'), '****');
  });
});

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 digits', () => {
    assert.equal(maskMobile('13800005678'), '138****5678');
  });

  it('keeps an international prefix as written', () => {
    assert.equal(maskMobile('+8613800005678'), '+86138****5678');
    assert.equal(maskMobile('+86 13800005678'), '+86 138****5678');
  });

  it('keeps the length of other numbers', () => {
    assert.equal(maskMobile('85212345678901'), '852*******8901');
    assert.equal(maskMobile('12345'), '*****');
  });
});

describe('maskEmail', () => {
  it('keeps the first character of the local part and the domain', () => {
    assert.equal(maskEmail('zhangsan@example.com'), 'z*******@example.com');
  });

  it('masks a one-character local part entirely', () => {
    assert.equal(maskEmail('a@example.com'), '*@example.com');
  });

  it('masks a value without @ entirely', () => {
    assert.equal(maskEmail('nobody'), '******');
  });
});

describe('maskFixedLine and maskBankCard', () => {
  it('keeps the area code and the last 4 local digits of a fixed line', () => {
    assert.equal(maskFixedLine('0571-87654321'), '0571-****4321');
    assert.equal(maskFixedLine('0399-61234567'), '0399-****4567');
  });

  it('keeps the first 6 and last 4 digits of a bank card, without spaces', () => {
    assert.equal(maskBankCard('6222 0212 3456 7890'), '622202******7890');
  });
});

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../engine/store/db.js';
import { adoption, issueToken, recordPull } from '../../../engine/store/publication.js';
import { tempDir } from '../../temp.js';

describe('issueToken', () => {
  const dir = tempDir('rubric-tokens-');
  const db = openDb(join(dir, 'editor.db'));
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('when the province is written in another spelling', () => {
    it('issues the token to the catalogue province, so its pulls count for it', () => {
      const issued = issueToken(db, ' จ.ลำปาง ');
      expect(issued).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), province: 'ลำปาง' });
      if (!('token' in issued)) throw new Error('no token');
      expect(recordPull(db, issued.token, '2567-Q3', 1)).toBe('ลำปาง');
      const ledger = adoption(db, '2567-Q3');
      // Every province with a CDD office is listed, those without a token or a pull too.
      expect(ledger).toHaveLength(76);
      expect(ledger.find((a) => a.province === 'ลำปาง')).toMatchObject({ code: 'TH-52', token: true, sequence: 1, state: 'current' });
      expect(ledger.find((a) => a.province === 'น่าน')).toMatchObject({ token: false, sequence: null, at: null, state: 'never-pulled' });
      expect(ledger.some((a) => a.province === 'กรุงเทพมหานคร')).toBe(false);
    });
  });

  describe('when a province fetches the same manifest again and again', () => {
    it('keeps one ledger row for it, not one a request', () => {
      const issued = issueToken(db, 'น่าน');
      if (!('token' in issued)) throw new Error('no token');
      for (let i = 0; i < 50; i++) recordPull(db, issued.token, '2567-Q3', 7);
      recordPull(db, issued.token, '2567-Q3', 8);
      expect(db.prepare("SELECT sequence FROM pulls WHERE province = 'น่าน' ORDER BY sequence").pluck().all()).toEqual([7, 8]);
    });
  });

  describe('when the name is no province', () => {
    it('refuses it, suggests the closest province and issues nothing', () => {
      const before = db.prepare('SELECT COUNT(*) FROM province_tokens').pluck().get();
      const issued = issueToken(db, 'ลำปา');
      expect(issued).toEqual({ error: { th: expect.stringContaining('ลำปาง'), en: expect.stringContaining('did you mean "ลำปาง"') } });
      expect(db.prepare('SELECT COUNT(*) FROM province_tokens').pluck().get()).toBe(before);
    });
  });

  describe('when the province has no provincial CDD office', () => {
    it('refuses Bangkok', () => {
      expect(issueToken(db, 'กรุงเทพมหานคร')).toEqual({ error: { th: expect.stringContaining('ไม่มีสำนักงานพัฒนาชุมชนจังหวัด'), en: expect.stringContaining('Bangkok') } });
    });
  });
});

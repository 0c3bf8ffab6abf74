import { DomainCode } from '../learning-domains';
import { parseDomains } from './domain-cell';

describe(parseDomains.name, () => {
  it('reads codes, names and short forms, one or several', () => {
    expect(parseDomains('LAW')).toEqual({ domains: [DomainCode.Law] });
    expect(parseDomains('Chính trị, pháp luật')).toEqual({ domains: [DomainCode.Law] });
    expect(parseDomains('pháp luật; Kỹ năng sống')).toEqual({
      domains: [DomainCode.LifeSkills, DomainCode.Law].sort(),
    });
    expect(parseDomains('Pháp luật, Kỹ năng sống + CNTT')).toEqual({
      domains: [DomainCode.Digital, DomainCode.LifeSkills, DomainCode.Law].sort(),
    });
    expect(parseDomains('ky nang nghe')).toEqual({ domains: [DomainCode.Vocational] });
  });

  it('names the first part that is no domain', () => {
    expect(parseDomains('Pháp luật; Thể thao')).toEqual({ unknown: 'Thể thao' });
  });
});

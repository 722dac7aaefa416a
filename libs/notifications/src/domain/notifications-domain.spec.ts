import { externalChannels, isPublicAddress, webhookTargetProblem } from './channels';
import { signWebhook, verifyWebhook } from './signature';
import { checkTemplate, placeholders, render } from './template';
import { DEFAULT_TEMPLATES, LOCALES, localeOf, TRIGGER_NAMES } from './triggers';

describe('templates', () => {
  it('every default text of every trigger, in both languages, passes the save-time check', () => {
    for (const trigger of TRIGGER_NAMES) for (const locale of LOCALES) expect([trigger, locale, checkTemplate(trigger, DEFAULT_TEMPLATES[trigger][locale])]).toEqual([trigger, locale, []]);
  });

  it('tells an English reader the stage of a job application in English', () => {
    const en = DEFAULT_TEMPLATES['application.changed'].en;
    const vars = { name: 'Li Lei', event: '春风行动招聘会', position: '数控车床操作工', employer: '杭州精工', stage: '已录用', stageEn: 'hired' };
    expect(render(en.body, vars)).toBe('Li Lei, your application for 数控车床操作工 at 杭州精工 (春风行动招聘会) is now: hired.');
    expect(render(DEFAULT_TEMPLATES['application.changed']['zh-CN'].body, vars)).toContain('已录用');
  });

  it('lists placeholders once each, spaces inside braces allowed', () => {
    expect(placeholders('{{name}}，{{ item }} 与 {{name}}')).toEqual(['name', 'item']);
  });

  it('refuses a variable the trigger does not supply, naming the field and the variable', () => {
    expect(checkTemplate('entry.approved', { title: '通过：{{item}}', body: '{{name}} 的号码 {{bibb}}' })).toEqual([
      { field: 'body', message: 'body 使用了未知变量 {{bibb}}；可用变量：name, event, item, bib' },
    ]);
  });

  it('refuses empty texts, over-long titles and broken braces', () => {
    const problems = checkTemplate('entry.received', { title: 'x'.repeat(201), body: '{{name} 您好 {{' });
    expect(problems.map((p) => p.field + ':' + p.message.split(' ')[1])).toEqual(['title:最长', 'body:含有不完整的占位符（应为']);
    expect(checkTemplate('entry.received', { title: '  ', body: '好' })).toEqual([{ field: 'title', message: 'title 不能为空' }]);
  });

  it('renders Chinese variables and shows a missing one as a dash', () => {
    expect(render('{{name}}，参赛号 {{bib}}，{{reason}}', { name: '王芳', bib: 'DG0007', reason: null })).toBe('王芳，参赛号 DG0007，—');
  });

  it('chooses English for en and en-US, Chinese for everything else', () => {
    expect([localeOf('en'), localeOf('en-US'), localeOf('zh-CN'), localeOf(null), localeOf('fr')]).toEqual(['en', 'en', 'zh-CN', 'zh-CN', 'zh-CN']);
  });
});

describe('webhook signature', () => {
  it('verifies its own signature and refuses a changed body, timestamp or secret', () => {
    const sig = signWebhook('secret-0123456789', '1700000000', '{"title":"报名已通过"}');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook('secret-0123456789', '1700000000', '{"title":"报名已通过"}', sig)).toBe(true);
    expect(verifyWebhook('secret-0123456789', '1700000000', '{"title":"报名未通过"}', sig)).toBe(false);
    expect(verifyWebhook('secret-0123456789', '1700000001', '{"title":"报名已通过"}', sig)).toBe(false);
    expect(verifyWebhook('another-secret-000', '1700000000', '{"title":"报名已通过"}', sig)).toBe(false);
    expect(verifyWebhook('secret-0123456789', '1700000000', '{"title":"报名已通过"}', 'sha256=00')).toBe(false);
  });
});

describe('external channels', () => {
  const all = new Set(['email', 'sms', 'webhook'] as const);
  const everything = { hasEmail: true, hasMobile: true, hasWebhook: true, optedOut: [] };

  it('goes out wherever the person has an address and the platform a provider', () => {
    expect(externalChannels(everything, false, all)).toEqual(['email', 'sms', 'webhook']);
    expect(externalChannels({ ...everything, hasMobile: false }, false, all)).toEqual(['email', 'webhook']);
    expect(externalChannels(everything, false, new Set(['email'] as const))).toEqual(['email']);
  });

  it('honours an opt-out, except for a mandatory message', () => {
    const optedOut = { ...everything, optedOut: ['sms', 'email'] };
    expect(externalChannels(optedOut, false, all)).toEqual(['webhook']);
    expect(externalChannels(optedOut, true, all)).toEqual(['email', 'sms', 'webhook']);
  });
});

describe('webhook targets', () => {
  it('takes any http(s) address in development', () => {
    expect(webhookTargetProblem('http://127.0.0.1:8080/hook', true)).toBeNull();
    expect(webhookTargetProblem('ftp://example.com/x', true)).toBe('webhookUrl 须为 http(s) 地址');
    expect(webhookTargetProblem('不是网址', true)).toBe('webhookUrl 不是有效的网址');
  });

  it('outside development, refuses plain http and our own network by address', () => {
    expect(webhookTargetProblem('https://oa.hzsteel.example.com/hooks/union', false)).toBeNull();
    expect(webhookTargetProblem('https://223.5.5.5/hook', false)).toBeNull();
    for (const url of [
      'http://oa.example.com/hook',
      'https://localhost/hook',
      'https://127.0.0.1/hook',
      'https://10.1.2.3/hook',
      'https://172.20.0.5/hook',
      'https://192.168.1.10/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
      'https://[::ffff:10.0.0.1]/hook',
      'https://[::ffff:7f00:1]/hook',
      'https://0.0.0.0/hook',
      'https://100.64.0.1/hook',
      'https://[fe80::1]/hook',
      'https://[ff02::1]/hook',
    ]) {
      expect([url, webhookTargetProblem(url, false)]).toEqual([url, 'webhookUrl 须为公网 https 地址']);
    }
  });
});

describe('public addresses', () => {
  it('are ordinary unicast, IPv4 or IPv6', () => {
    for (const ip of ['223.5.5.5', '114.114.114.114', '8.8.8.8', '2408:8000::1', '240e:1::1']) expect([ip, isPublicAddress(ip)]).toEqual([ip, true]);
  });

  it('exclude every range that leads into a network, in every spelling', () => {
    for (const ip of [
      '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.10', '169.254.169.254', '100.64.0.1',
      '0.0.0.0', '0.1.2.3', '255.255.255.255', '224.0.0.1', '239.255.255.250', '198.18.0.1', '192.0.2.1',
      '::', '::1', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1',
      '64:ff9b::7f00:1', '2002:7f00:1::1', '2001:db8::1', 'not an address', '',
    ]) {
      expect([ip, isPublicAddress(ip)]).toEqual([ip, false]);
    }
  });
});
